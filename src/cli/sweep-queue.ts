/**
 * `sulab sweep FILE --queue URL`: the collector of a queued sweep (experiment/queue-collect.ts),
 * and `--status`, which reads the collector's heartbeat and the queue's counts from Redis.
 */
import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import { VERSION } from '../core/version.js';
import { collect, msPerCell } from '../experiment/queue-collect.js';
import { connect, queueName, readQueued, showUrl, statusKey } from '../experiment/queue.js';
import { readSource } from '../scenario/source.js';
import { onCtrlC, openStore, prepareSweep, progressBar, type Summary, storePathOf } from './sweep.js';

interface QueueFlags {
  store?: string;
  resume?: boolean;
  status?: boolean;
  json?: boolean;
}

export interface QueueStatus {
  sweep: string;
  queue: string;
  cells: number;
  /** Cells in the store, as the collector last reported (null: no collector has run). */
  stored: number | null;
  complete: boolean;
  /** Seconds since the collector's last heartbeat (null: none). */
  collector_seconds_ago: number | null;
  jobs: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  workers: number;
}

async function status(text: string, file: string, url: string, json: boolean): Promise<void> {
  const p = prepareSweep(text, file, false);
  const redis = await connect(url);
  const queue = new Queue(queueName(p.id.hash), { connection: redis });
  try {
    const beat = await redis.hgetall(statusKey(p.id.hash));
    const c = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
    const s: QueueStatus = {
      sweep: p.sweep.name,
      queue: showUrl(url),
      cells: p.sweep.cells,
      stored: beat.stored === undefined ? null : Number(beat.stored),
      complete: beat.complete === '1',
      collector_seconds_ago:
        beat.updated_at === undefined ? null : (Date.now() - Number(beat.updated_at)) / 1000,
      jobs: {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
        active: c.active ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
        delayed: c.delayed ?? 0,
      },
      workers: (await queue.getWorkers()).length,
    };
    const queued = await readQueued(redis, p.id.hash);
    if (json) console.log(JSON.stringify(s, null, 2));
    else if (s.stored === null)
      console.log(`${s.sweep}: not on the queue at ${s.queue} (no collector has run it)`);
    else
      console.log(
        [
          `${s.sweep}: ${s.stored} of ${s.cells} cells stored${s.complete ? ' — complete' : ''}`,
          `collector: last heard ${s.collector_seconds_ago?.toFixed(0)} s ago${
            !s.complete && (s.collector_seconds_ago ?? 0) > 10 ? ' (stopped? restart it with --resume)' : ''
          }`,
          `jobs of ${queued?.batch ?? '?'} cells: ${s.jobs.waiting} waiting, ${s.jobs.active} running, ${s.jobs.completed} finished and not yet stored, ${s.jobs.failed} failed, ${s.jobs.delayed} waiting to retry`,
          `workers connected: ${s.workers}`,
        ].join('\n'),
      );
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

export async function queueSweep(text: string, file: string, url: string, values: QueueFlags): Promise<void> {
  if (values.status) return status(text, file, url, values.json === true);
  const p = prepareSweep(text, file);
  const redis = await connect(url); // before the store: an unreachable queue leaves nothing behind
  const began = Date.now();
  const storePath = storePathOf(p.sweep, values.store);
  let summary: Summary;
  try {
    const ms = msPerCell(p.sweep, readSource(p.baseText, p.baseFile));
    const store = await openStore(p, storePath, values.resume === true);
    const ctrlC = onCtrlC('sweep', 'collecting stops; queued cells stay on the queue for --resume');
    try {
      const before = await store.counts();
      const bar = progressBar(p.sweep.name, p.sweep.cells, before.stored);
      process.stderr.write(
        `sulab sweep: ${p.sweep.name} queued at ${showUrl(url)}; start workers with \`sulab worker --queue ${showUrl(url)}\` (collector on ${hostname()})\n`,
      );
      let outcome: Awaited<ReturnType<typeof collect>>;
      try {
        outcome = await collect({
          redis,
          sweep: p.sweep,
          queued: {
            version: VERSION,
            name: p.sweep.name,
            hash: p.id.hash,
            text: p.text,
            file: p.file,
            baseText: p.baseText,
            baseFile: p.baseFile,
            cells: p.sweep.cells,
          },
          msPerCell: ms,
          store,
          onProgress: bar.update,
          stopped: ctrlC.stopping,
        });
      } finally {
        bar.stop();
      }
      const complete = !outcome.interrupted;
      if (complete) await store.markComplete();
      const { stored, errors } = await store.counts();
      summary = {
        sweep: p.sweep.name,
        store: storePath,
        cells: p.sweep.cells,
        stored,
        errors,
        resumed_from: outcome.before,
        seconds: (Date.now() - began) / 1000,
        complete,
        exports: [],
        shard: null,
      };
    } finally {
      store.close();
      ctrlC.release();
    }
  } finally {
    redis.disconnect();
  }
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else if (summary.complete)
    console.log(
      `${summary.sweep}: ${summary.cells} cells stored in ${summary.store}${
        summary.errors > 0 ? ` (${summary.errors} with an error: see cells.error)` : ''
      }; ${summary.stored - summary.resumed_from} collected from the queue in ${summary.seconds.toFixed(1)} s`,
    );
  if (!summary.complete) {
    process.stderr.write(
      `sulab sweep: stopped: ${summary.stored} of ${summary.cells} cells stored in ${summary.store}; \`sulab sweep ${file} --queue ${showUrl(url)} --store ${summary.store} --resume\` collects the rest\n`,
    );
    process.exit(130);
  }
}
