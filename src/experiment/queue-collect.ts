/**
 * The collector of a queued sweep: puts the sweep's definition and its batches of cells on the
 * queue (queue.ts), then takes each finished batch's results into the store — the store's only
 * writer — and removes the job once its cells are committed. Stopped and started again (with
 * the same store), it re-enqueues only batches the store lacks: jobs still on the queue keep their
 * ids, results already finished are collected, cells already stored are skipped.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { UserError } from '../core/errors.js';
import type { Sweep } from '../core/sweep.js';
import { VERSION } from '../core/version.js';
import type { Source } from '../scenario/source.js';
import { runCells } from './cells.js';
import {
  type BatchJob,
  type BatchJson,
  batchFromJson,
  defKey,
  filterBatch,
  jobId,
  type QueuedSweep,
  queueName,
  readQueued,
  statusKey,
  SWEEPS_KEY,
} from './queue.js';
import type { Store } from './store.js';
import type { RunOutcome } from './sweep-run.js';

/**
 * Cost of one job on the queue (enqueue, hand-over, result, removal), in ms: ~1 ms on a quiet
 * machine, up to ~15 ms measured on a loaded one (docs/benchmarks.md); this is a middle figure.
 */
export const JOB_OVERHEAD_MS = 5;
/** A job should carry at least 50× its overhead of work (≤ 2% overhead), ideally this much. */
const JOB_MS = 1000;
const MAX_BATCH = 4096;
/** Jobs on the queue at once: bounds Redis memory however many cells a sweep has. */
const WINDOW = 2000;
const POLL_MS = 100;

/** Milliseconds a cell takes, timed on up to 8 cells spread over the sweep. */
export function msPerCell(sweep: Sweep, base: Source): number {
  const n = Math.min(8, sweep.cells);
  const ks = Array.from({ length: n }, (_, i) => Math.floor((i * sweep.cells) / n));
  const t = performance.now();
  runCells(sweep, base, ks);
  return Math.max(1e-3, (performance.now() - t) / n);
}

/**
 * Cells per job: enough work that the queue's overhead stays under 2% (at least 50 overheads of
 * work, 250 ms), up to JOB_MS when the sweep is big enough to give every worker many jobs (at
 * least 16 jobs in all).
 */
export function batchSize(ms: number, total: number): number {
  const least = Math.ceil((50 * JOB_OVERHEAD_MS) / ms);
  const ideal = Math.ceil(JOB_MS / ms);
  const spread = Math.ceil(total / 16);
  return Math.max(1, Math.min(MAX_BATCH, total, Math.max(least, Math.min(ideal, spread))));
}

export interface CollectOptions {
  readonly redis: Redis;
  /** The sweep, its definition for workers (batch decided here when new), and its store. */
  readonly sweep: Sweep;
  readonly queued: Omit<QueuedSweep, 'batch'>;
  readonly msPerCell: number;
  readonly store: Store;
  readonly onProgress?: (stored: number) => void;
  readonly stopped?: () => boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What `collect` returns: the run's outcome and the cells per job it used. */
export type CollectOutcome = RunOutcome & { readonly batch: number };

export async function collect(o: CollectOptions): Promise<CollectOutcome> {
  const { redis, store, queued } = o;
  const { hash } = queued;
  const total = o.sweep.cells;
  const done = new Uint8Array(Math.ceil(total / 8));
  const before = await store.doneCells(done);
  const isDone = (k: number) => (done[k >> 3] & (1 << (k & 7))) !== 0;
  let stored = before;
  const stopped = o.stopped ?? (() => false);

  // A restarted collector keeps the batches (and so the job ids) its sweep was queued with.
  const batch = (await readQueued(redis, hash))?.batch ?? batchSize(o.msPerCell, total);
  const def: QueuedSweep = { ...queued, batch };
  await redis.set(defKey(hash), JSON.stringify(def));
  await redis.sadd(SWEEPS_KEY, hash);
  const queue = new Queue<BatchJob, BatchJson>(queueName(hash), { connection: redis });
  const heartbeat = (complete: boolean) =>
    redis.hset(statusKey(hash), {
      name: queued.name,
      stored,
      total,
      batch,
      updated_at: Date.now(),
      complete: complete ? 1 : 0,
    });
  try {
    // Jobs that failed on every attempt in an earlier run get another chance.
    for (const j of await queue.getJobs(['failed'])) await j.retry();
    const batches = Math.ceil(total / batch);
    let next = 0;
    let outstanding = 0;
    const batchDone = (b: number) => {
      for (let k = b * batch; k < Math.min(total, (b + 1) * batch); k++) if (!isDone(k)) return false;
      return true;
    };
    const refill = async () => {
      const jobs = [];
      while (next < batches && outstanding + jobs.length < WINDOW) {
        const b = next++;
        if (batchDone(b)) continue;
        const data: BatchJob = {
          hash,
          version: VERSION,
          lo: b * batch,
          hi: Math.min(total, (b + 1) * batch),
        };
        jobs.push({
          name: 'cells',
          data,
          opts: { jobId: jobId(hash, b), attempts: 5, backoff: { type: 'fixed', delay: 1000 } },
        });
      }
      if (jobs.length > 0) await queue.addBulk(jobs);
      outstanding += jobs.length;
    };

    while (stored < total && !stopped()) {
      await refill();
      let took = 0;
      for (const job of await queue.getJobs(['completed'], 0, 99, true)) {
        if (!job.returnvalue) throw new UserError(`job ${job.id} finished without results`, 'sulab sweep');
        const fresh = filterBatch(batchFromJson(job.returnvalue), (k) => !isDone(k));
        if (fresh.cells.length > 0) {
          await store.write(fresh);
          for (const c of fresh.cells) done[c.cell >> 3] |= 1 << (c.cell & 7);
          stored += fresh.cells.length;
          o.onProgress?.(stored);
        }
        await job.remove(); // after the commit: a crash in between only means a skipped re-write
        outstanding--;
        took++;
      }
      const [failed] = await queue.getJobs(['failed'], 0, 0);
      if (failed)
        throw new UserError(
          `cells ${failed.data.lo}–${failed.data.hi - 1} failed on every attempt: ${failed.failedReason}; the store keeps what was collected, --resume retries`,
          'sulab sweep',
        );
      await heartbeat(false);
      if (took === 0) {
        if (
          next >= batches &&
          (await queue.getJobCountByTypes('waiting', 'active', 'completed', 'delayed', 'prioritized')) ===
            0 &&
          stored < total
        )
          throw new Error(`queue drained with ${total - stored} cells not stored`); // cannot happen
        await sleep(POLL_MS);
      }
    }
    const complete = stored === total;
    await heartbeat(complete);
    if (complete) {
      await redis.expire(statusKey(hash), 86400);
      await redis.srem(SWEEPS_KEY, hash);
      await redis.del(defKey(hash));
      await queue.obliterate({ force: true });
    }
    return { total, stored, before, interrupted: !complete, batch };
  } finally {
    await queue.close();
  }
}
