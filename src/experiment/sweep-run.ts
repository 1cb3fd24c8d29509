/**
 * Runs a sweep on one machine: a pool of worker threads (piscina) evaluates batches of cells, and
 * this thread — the store's only writer — commits each batch as it comes back. Cells are made
 * from their index as they are dispatched and their results are dropped once committed, and at
 * most two batches per worker are under way, so memory stays flat however many cells there are.
 * Cells already in the store are skipped, which is all `--resume` needs: the store holds each
 * cell whole or not at all (store.ts).
 */
import { createHash } from 'node:crypto';
import { Piscina } from 'piscina';
import { UserError } from '../core/errors.js';
import type { Sweep } from '../core/sweep.js';
import type { Source } from '../scenario/source.js';
import { checkSweep, showValues } from '../scenario/sweep.js';
import { cellParams, runCells } from './cells.js';
import { type Shard, shardSize, WHOLE } from './shard.js';
import type { Store, SweepIdentity } from './store.js';
import { type PackedTaskResult, packed, type SweepTask } from './sweep-worker.js';

/** The identity a store records: a hash of the normalized sweep definition and the base file's text. */
export function sweepIdentity(definition: unknown, baseText: string): SweepIdentity {
  const text = JSON.stringify(definition);
  const hash = createHash('sha256').update(text).update('\0').update(baseText).digest('hex');
  return { hash, definition: text };
}

/**
 * The checks before any cell runs: every parameter value against the scenario loader
 * (scenario/sweep.ts), then cell 0 evaluated in full. A mistake is a UserError about the sweep file.
 */
export function preflight(sweep: Sweep, base: Source): void {
  checkSweep(sweep, base);
  const first = runCells(sweep, base, [0]).cells[0];
  if (first.error !== null)
    throw new UserError(
      `cell 0 (${showValues(sweep, cellParams(sweep, 0).values)}) fails: ${first.error}`,
      sweep.file,
    );
}

/** A batch aims at this much work: Ctrl-C then waits about this long, a commit is amortized. */
const BATCH_SECONDS = 0.5;
const MAX_BATCH = 256;

export interface RunOptions {
  readonly sweep: Sweep;
  readonly baseText: string;
  /** The base file's name as errors show it. */
  readonly baseFile: string;
  readonly store: Store;
  /** Worker threads; 0 evaluates the cells in this thread (no pool: for debugging and tiny sweeps). */
  readonly workers: number;
  /** Run only this shard's cells (default: all of them). */
  readonly shard?: Shard;
  /** Called after each committed batch: cells stored so far (this run and before). */
  readonly onProgress?: (stored: number) => void;
  /** Polled before each dispatch: true stops dispatching (the batches under way still commit). */
  readonly stopped?: () => boolean;
}

export interface RunOutcome {
  /** Cells this run is for: the sweep's, or its shard's. */
  readonly total: number;
  /** Cells in the store at the end. */
  readonly stored: number;
  /** Cells stored before this run (a resumed run). */
  readonly before: number;
  /** Whether the run stopped before every cell was stored. */
  readonly interrupted: boolean;
}

/** The worker module: the .ts source under tsx, the compiled .js after `npm run build`. */
export function workerFile(): { filename: string; execArgv: string[] } {
  const ts = import.meta.url.endsWith('.ts');
  const filename = new URL(`./sweep-worker.${ts ? 'ts' : 'js'}`, import.meta.url).href;
  // Workers get tsx and nothing else of this process's flags: other --import'ed .ts files (a test
  // setup) would load before tsx's hooks are ready in the thread, and a process that registered
  // tsx in code (bin/sulab.js) has no flag to pass on.
  const execArgv = ts ? ['--import', import.meta.resolve('tsx')] : [];
  return { filename, execArgv };
}

/** What the runner needs of a pool: the local piscina pool, or this thread (`--workers 0`). */
interface Pool {
  run(task: SweepTask): Promise<PackedTaskResult>;
  destroy(): Promise<void>;
}

function threadPool(workers: number): Pool {
  const { filename, execArgv } = workerFile();
  const pool = new Piscina<SweepTask, PackedTaskResult>({
    filename,
    execArgv,
    minThreads: workers,
    maxThreads: workers,
  });
  return { run: (task) => pool.run(task, { name: 'packed' }), destroy: () => pool.destroy() };
}

/** Cells evaluated in this thread, a batch per turn of the event loop (so Ctrl-C is heard between). */
const inThread: Pool = {
  run: (task) =>
    new Promise((resolve, reject) =>
      setImmediate(() => {
        try {
          resolve(packed(task));
        } catch (e) {
          reject(e);
        }
      }),
    ),
  destroy: async () => undefined,
};

export async function runSweep(o: RunOptions): Promise<RunOutcome> {
  const { sweep, store } = o;
  const shard = o.shard ?? WHOLE;
  const total = shardSize(shard, sweep.cells);
  const done = new Uint8Array(Math.ceil(sweep.cells / 8)); // a bit per cell: 2^31 cells in 256 MiB
  const before = await store.doneCells(done);
  let stored = before;
  // Cells are dispatched in index order, this shard's only: cursor = shard.index + dispatched·count.
  let cursor = shard.index;
  let dispatched = 0;
  const remaining = () => total - stored;
  const stopped = o.stopped ?? (() => false);
  const workers = Math.max(1, Math.min(o.workers, total - before)); // no idle threads for a few cells
  // Batches of about BATCH_SECONDS of work (so Ctrl-C commits soon, and a commit is amortized),
  // sized from the time cells have taken so far; the first ones are single cells to measure it.
  let msPerCell = 0;
  const batchSize = () => {
    if (msPerCell === 0) return 1;
    const spread = Math.ceil((total - dispatched) / (4 * workers)); // leave every worker something to do
    return Math.max(1, Math.min(MAX_BATCH, spread, Math.round((BATCH_SECONDS * 1000) / msPerCell)));
  };
  const isDone = (k: number) => (done[k >> 3] & (1 << (k & 7))) !== 0;
  const nextBatch = (): Int32Array | undefined => {
    const size = batchSize();
    const ks: number[] = [];
    while (dispatched < total && ks.length < size) {
      if (!isDone(cursor)) ks.push(cursor);
      cursor += shard.count;
      dispatched++;
    }
    return ks.length > 0 ? Int32Array.from(ks) : undefined;
  };

  if (remaining() === 0) return { total, stored, before, interrupted: false };
  const pool = o.workers === 0 ? inThread : threadPool(workers);
  const inflight = new Set<Promise<void>>();
  let writes = Promise.resolve();
  let failure: unknown;
  try {
    for (;;) {
      while (failure === undefined && !stopped() && inflight.size < 2 * workers) {
        const cells = nextBatch();
        if (!cells) break;
        const job: Promise<void> = pool
          .run({ sweep, baseText: o.baseText, baseFile: o.baseFile, cells })
          .then((batch) => {
            const ms = batch.ms / batch.cells.length;
            msPerCell = msPerCell === 0 ? ms : 0.8 * msPerCell + 0.2 * ms;
            // One writer, one transaction per batch, in the order batches come back.
            writes = writes.then(async () => {
              await store.write(batch);
              stored += batch.cells.length;
              o.onProgress?.(stored);
            });
            return writes;
          })
          .catch((e: unknown) => {
            failure ??= e;
          })
          .finally(() => inflight.delete(job));
        inflight.add(job);
      }
      if (inflight.size === 0) break;
      await Promise.race(inflight);
    }
    await writes;
  } finally {
    await pool.destroy();
  }
  if (failure !== undefined) throw failure;
  return { total, stored, before, interrupted: stored < total };
}
