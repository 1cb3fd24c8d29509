/**
 * A queue worker (`sulab worker`): watches the queue's set of sweeps, runs a BullMQ worker on each
 * sweep's queue, and evaluates its jobs' cells on a pool of worker threads — the same task the
 * local pool runs (sweep-worker.ts), so a cell gives the same numbers here as anywhere. The main
 * thread only moves jobs, so BullMQ keeps renewing their locks while cells are computed; a worker
 * that dies stops renewing, and after `stallSeconds` another worker takes its jobs over.
 */
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Piscina } from 'piscina';
import type { Sweep } from '../core/sweep.js';
import { VERSION } from '../core/version.js';
import { parseSweep } from '../scenario/sweep.js';
import { type BatchJob, type BatchJson, batchToJson, queueName, readQueued, SWEEPS_KEY } from './queue.js';
import { workerFile } from './sweep-run.js';
import type { SweepTask, TaskResult } from './sweep-worker.js';

export interface ServeOptions {
  readonly redis: Redis;
  /** Threads, and jobs at once. */
  readonly concurrency: number;
  /** A job whose worker has been silent this long is given to another worker. */
  readonly stallSeconds: number;
  /** Exit after this many seconds with no sweep on the queue (undefined: never). */
  readonly idleExit?: number;
  readonly log: (line: string) => void;
  readonly stopped: () => boolean;
}

const WATCH_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Running {
  readonly name: string;
  readonly worker: Worker<BatchJob, BatchJson>;
  readonly sweep: Sweep;
  readonly baseText: string;
  readonly baseFile: string;
}

/** Serves jobs until stopped (or idle for `idleExit` seconds); returns how many jobs it finished. */
export async function serve(o: ServeOptions): Promise<number> {
  const { filename, execArgv } = workerFile();
  const pool = new Piscina<SweepTask, TaskResult>({
    filename,
    execArgv,
    minThreads: o.concurrency,
    maxThreads: o.concurrency,
  });
  const running = new Map<string, Running>();
  const refused = new Set<string>();
  let finished = 0;
  let idleSince = Date.now();

  const start = async (hash: string) => {
    const def = await readQueued(o.redis, hash);
    if (!def) return;
    if (def.version !== VERSION) {
      if (!refused.has(hash))
        o.log(
          `refusing sweep "${def.name}": it was queued by sulab ${def.version}, this worker is sulab ${VERSION}`,
        );
      refused.add(hash);
      return;
    }
    const { sweep } = parseSweep(def.text, def.file);
    const worker = new Worker<BatchJob, BatchJson>(
      queueName(hash),
      async (job) => {
        // Jobs carry their version too: a queue left over from another version is not run.
        if (job.data.version !== VERSION)
          throw new Error(`a worker of sulab ${VERSION} refuses a job of sulab ${job.data.version}`);
        const cells = Int32Array.from({ length: job.data.hi - job.data.lo }, (_, i) => job.data.lo + i);
        const r = await pool.run({ sweep, baseText: def.baseText, baseFile: def.baseFile, cells });
        finished++;
        return batchToJson(r);
      },
      {
        connection: o.redis,
        concurrency: o.concurrency,
        lockDuration: o.stallSeconds * 1000,
        stalledInterval: o.stallSeconds * 1000,
        maxStalledCount: 10,
      },
    );
    worker.on('error', (e) => o.log(`queue error: ${e.message.split('\n')[0]}`));
    running.set(hash, { name: def.name, worker, sweep, baseText: def.baseText, baseFile: def.baseFile });
    o.log(`running sweep "${def.name}" (${def.cells} cells, ${def.batch} per job)`);
  };

  try {
    while (!o.stopped()) {
      const hashes = new Set(await o.redis.smembers(SWEEPS_KEY));
      for (const h of hashes) if (!running.has(h) && !refused.has(h)) await start(h);
      for (const [h, r] of running)
        if (!hashes.has(h)) {
          await r.worker.close();
          running.delete(h);
          o.log(`sweep "${r.name}" is done`);
        }
      if (running.size > 0) idleSince = Date.now();
      else if (o.idleExit !== undefined && Date.now() - idleSince >= o.idleExit * 1000) break;
      await sleep(WATCH_MS);
    }
  } finally {
    // Jobs under way finish (and are handed back) before the worker goes.
    await Promise.all([...running.values()].map((r) => r.worker.close()));
    await pool.destroy();
  }
  return finished;
}
