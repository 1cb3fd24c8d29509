/**
 * `sulab vote` over a JSON Lines file: runs of lines answered in this thread or, with threads, by a
 * pool of worker threads, and printed in input order either way — the same bytes for any number
 * of threads.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { UserError } from '../core/errors.js';
import { readLineRuns } from './files.js';
import { answerLines, type LineAnswer, type LineJob } from './vote-lines.js';
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
  const print = async (a: LineAnswer) => {
    failed += a.failed;
    if (a.text !== '' && !process.stdout.write(a.text))
      await new Promise((r) => process.stdout.once('drain', r));
    if (a.error) throw new UserError(a.error.message, a.error.where);
  };
  if (threads <= 1) {
    for await (const { bytes, firstLine } of readLineRuns(job.file))
      await print(answerLines(bytes, firstLine, job));
    return failed;
  }
  const pool = workerPool(threads);
  // A few runs per thread in flight: enough to keep every thread busy, little memory held.
  const pending: Promise<LineAnswer>[] = [];
  try {
    for await (const { bytes, firstLine } of readLineRuns(job.file)) {
      const task: VoteTask = { flags, bytes, firstLine };
      pending.push(pool.run(task));
      if (pending.length >= 2 * threads) await print(await (pending.shift() as Promise<LineAnswer>));
    }
    while (pending.length > 0) await print(await (pending.shift() as Promise<LineAnswer>));
  } finally {
    // Runs still under way after an error are not printed; their rejections are not the story.
    for (const p of pending) p.catch(() => undefined);
    await pool.destroy();
  }
  return failed;
}

/** The worker module: the .ts source under tsx, the compiled .js after `npm run build`. */
function workerPool(threads: number): Piscina<VoteTask, LineAnswer> {
  const ts = import.meta.url.endsWith('.ts');
  const filename = new URL(`./vote-worker.${ts ? 'ts' : 'js'}`, import.meta.url).href;
  // As for sweeps (experiment/sweep-run.ts): workers get tsx and none of this process's flags.
  const execArgv = ts ? ['--import', import.meta.resolve('tsx')] : [];
  return new Piscina<VoteTask, LineAnswer>({ filename, execArgv, minThreads: threads, maxThreads: threads });
}
