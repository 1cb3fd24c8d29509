/**
 * `sulab vote` over a JSON Lines file: runs of lines answered (or summarized, `--summary`) in this
 * thread or, with threads, by a pool of worker threads, and printed in input order either way —
 * the same bytes for any number of threads.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UserError } from '../core/errors.js';
import { readLineRuns } from './files.js';
import { type VoteSummaryJson, VoteSummary } from '../run/vote.js';
import {
  answerLines,
  type LineAnswer,
  type LineJob,
  type SummaryAnswer,
  summarizeLines,
} from './vote-lines.js';
import type { VoteFlags, VoteTask } from './vote-worker.js';

/** Below this size a file is answered in this thread: starting a thread costs more than it saves. */
const THREADS_FROM_BYTES = 16 << 20;

/** `--threads` when not given: every core (up to 8) for a large file, else this thread alone. */
export function defaultThreads(file: string, randomTies: boolean): number {
  if (randomTies) return 1;
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return 1; // the reader reports the problem
  }
  return size >= THREADS_FROM_BYTES ? Math.min(8, availableParallelism()) : 1;
}

/**
 * Prints each run's answers as it completes, in order; what is done is printed before an error, so
 * the lines before a bad one always are. Returns how many lines failed under skip.
 */
export async function streamJsonl(job: LineJob, flags: VoteFlags, threads: number): Promise<number> {
  let failed = 0;
  await eachRun<LineAnswer>(job, flags, threads, answerLines, async (a) => {
    failed += a.failed;
    if (a.text !== '' && !process.stdout.write(a.text))
      await new Promise((r) => process.stdout.once('drain', r));
    if (a.error) throw new UserError(a.error.message, a.error.where);
  });
  return failed;
}

/**
 * `--summary` over a JSON Lines file: each run's counts, merged in order (counts only, so the
 * summary is the same for any number of threads); the first error in line order is thrown.
 */
export async function summarizeJsonl(
  job: LineJob,
  flags: VoteFlags,
  threads: number,
): Promise<VoteSummaryJson> {
  const summary = new VoteSummary(job.methods.map((m) => m.text));
  await eachRun<SummaryAnswer>(job, flags, threads, summarizeLines, (a) => {
    summary.merge(a.state);
    if (a.error) throw new UserError(a.error.message, a.error.where);
  });
  return summary.result();
}

/**
 * Each run of the file answered by `local` in this thread, or by the worker pool, and handed to
 * `each` in input order. Runs still under way when `each` throws are dropped.
 */
async function eachRun<T>(
  job: LineJob,
  flags: VoteFlags,
  threads: number,
  local: (bytes: Uint8Array, firstLine: number, job: LineJob) => T,
  each: (answer: T) => Promise<void> | void,
): Promise<void> {
  if (threads <= 1) {
    for await (const { bytes, firstLine } of readLineRuns(job.file)) await each(local(bytes, firstLine, job));
    return;
  }
  const pool = workerPool<T>(threads);
  // A few runs per thread in flight: enough to keep every thread busy, little memory held.
  const pending: Promise<T>[] = [];
  try {
    for await (const { bytes, firstLine } of readLineRuns(job.file)) {
      const task: VoteTask = { flags, bytes, firstLine };
      pending.push(pool.run(task));
      if (pending.length >= 2 * threads) await each(await (pending.shift() as Promise<T>));
    }
    while (pending.length > 0) await each(await (pending.shift() as Promise<T>));
  } finally {
    // Runs still under way after an error are not handed on; their rejections are not the story.
    for (const p of pending) p.catch(() => undefined);
    await pool.destroy();
  }
}

/** The worker module: the .ts source under tsx, the compiled .js after `npm run build`. */
function workerPool<T>(threads: number): Piscina<VoteTask, T> {
  const ts = import.meta.url.endsWith('.ts');
  const filename = new URL(`./vote-worker.${ts ? 'ts' : 'js'}`, import.meta.url).href;
  // As for sweeps (experiment/sweep-run.ts): workers get tsx and none of this process's flags.
  const execArgv = ts ? ['--import', import.meta.resolve('tsx')] : [];
  return new Piscina<VoteTask, T>({ filename, execArgv, minThreads: threads, maxThreads: threads });
}
