/**
 * A `sulab vote --threads` worker (a piscina task): answers one run of JSON Lines, or summarizes it
 * under `--summary`. The methods are
 * parsed and prepared once per thread from the flags' text. No top-level await: under tsx a .ts
 * worker loads only without one.
 */
import { prepareRules } from '../sigma/apply.js';
import { tieBreakFrom } from '../run/vote.js';
import {
  answerLines,
  type LineAnswer,
  type LineJob,
  methodsFrom,
  type SummaryAnswer,
  summarizeLines,
} from './vote-lines.js';

/** The flags a thread rebuilds its job from (a MethodSpec holds functions, which do not cross threads). */
export interface VoteFlags {
  readonly file: string;
  readonly method: string;
  readonly seats?: string;
  readonly tiebreak?: string;
  readonly onlyApplicable: boolean;
  readonly json: boolean;
  readonly max: number;
  readonly skip: boolean;
  /** `--summary`: the run's summary counts instead of its lines' answers. */
  readonly summary: boolean;
}

export interface VoteTask {
  readonly flags: VoteFlags;
  readonly bytes: Uint8Array;
  readonly firstLine: number;
}

let cached: { key: string; job: LineJob } | undefined;

export default async function answerRun(task: VoteTask): Promise<LineAnswer | SummaryAnswer> {
  const key = JSON.stringify(task.flags);
  if (cached?.key !== key) {
    const f = task.flags;
    const methods = methodsFrom(f.method, f.seats);
    await prepareRules(methods);
    // Random tie-breaking draws from one stream in line order, so it never runs in threads.
    const tb = tieBreakFrom(f.tiebreak, 0);
    cached = { key, job: { ...f, methods, tb } };
  }
  return task.flags.summary
    ? summarizeLines(task.bytes, task.firstLine, cached.job)
    : answerLines(task.bytes, task.firstLine, cached.job);
}
