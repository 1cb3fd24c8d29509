/**
 * Answers a run of JSON Lines profiles (see readLineRuns) with `sulab vote`'s output for each line.
 * The same function serves the stream in this thread and in the worker threads of `--threads`, so
 * both print the same bytes.
 */
import { UserError } from '../core/errors.js';
import { profileOnLine } from '../formats/index.js';
import { type MethodSpec, parseMethodList } from '../sigma/apply.js';
import { type Profile, Summary } from '../sigma/profile.js';
import type { TieBreak } from '../sigma/tiebreak.js';
import { renderTable } from '../report/table.js';
import {
  condorcetWinnerId,
  entriesJson,
  type VoteEntry,
  VoteSummary,
  type VoteSummaryState,
  vote,
} from '../run/vote.js';
import { intFlag } from './args.js';

/** What a line's answer depends on besides its bytes. */
export interface LineJob {
  readonly file: string;
  readonly methods: readonly MethodSpec[];
  readonly tb: TieBreak;
  readonly onlyApplicable: boolean;
  readonly json: boolean;
  readonly max: number;
  readonly skip: boolean;
}

/**
 * A run's output and how many of its lines failed under skip; under stop, the first error ends the
 * run (its text holds the answers before it) and is returned, to be thrown after they are printed.
 */
export interface LineAnswer {
  readonly text: string;
  readonly failed: number;
  /** A UserError's parts (a thread sends data, not the error): its message without `where`. */
  readonly error?: { readonly message: string; readonly where?: string };
}

export function answerLines(bytes: Uint8Array, firstLine: number, job: LineJob): LineAnswer {
  const { file, methods, tb, onlyApplicable, json, max, skip } = job;
  let text = '';
  let failed = 0;
  let error: LineAnswer['error'];
  // The line's `FILE:LINE` is spelled only where it is printed: not per profile of a stream.
  const at = (lineNo: number) => `${file}:${lineNo}`;
  eachLine(bytes, firstLine, (start, end, lineNo) => {
    try {
      const p = profileOnLine(bytes, start, end, lineNo, file, max);
      if (p) text += answerProfile(p, lineNo);
      // Under skip, a marker keeps output line k the answer to input line k.
      else if (skip) text += json ? 'null\n' : `# ${at(lineNo)}: blank\n`;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const { message } = errorParts(e);
      if (!skip) {
        error = errorParts(e);
        return false;
      }
      failed++;
      text += json ? `${JSON.stringify({ error: e.message })}\n` : `# ${at(lineNo)}: error: ${message}\n`;
    }
    return true;
  });
  return error ? { text, failed, error } : { text, failed };

  function answerProfile(p: Profile, lineNo: number): string {
    let entries: VoteEntry[];
    try {
      entries = vote(p, methods, tb, onlyApplicable);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(e.message, at(lineNo));
      throw e;
    }
    return json ? `${entriesJson(entries)}\n` : `# ${at(lineNo)}\n${formatEntries(p, entries)}\n`;
  }
}

/** A run's summary counts (`--summary`); the first error ends the run and is returned. */
export interface SummaryAnswer {
  readonly state: VoteSummaryState;
  readonly error?: LineAnswer['error'];
}

export function summarizeLines(bytes: Uint8Array, firstLine: number, job: LineJob): SummaryAnswer {
  const { file, methods, max } = job;
  const summary = new VoteSummary(methods.map((m) => m.text));
  let error: LineAnswer['error'];
  eachLine(bytes, firstLine, (start, end, lineNo) => {
    try {
      const p = profileOnLine(bytes, start, end, lineNo, file, max);
      if (p) summarizeProfile(summary, p, job, `${file}:${lineNo}`);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      error = errorParts(e);
      return false;
    }
    return true;
  });
  return error ? { state: summary.state(), error } : { state: summary.state() };
}

/** Adds one profile's answers to `summary`; a rule's UserError is reported at `where`. */
export function summarizeProfile(summary: VoteSummary, p: Profile, job: LineJob, where: string): void {
  const s = new Summary(p);
  try {
    summary.add(vote(p, job.methods, job.tb, job.onlyApplicable, s), condorcetWinnerId(p, s));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.message, where);
    throw e;
  }
}

/** A UserError as data a thread can send: its message without the `where: ` it starts with. */
function errorParts(e: UserError): NonNullable<LineAnswer['error']> {
  return { message: e.where ? e.message.slice(e.where.length + 2) : e.message, where: e.where };
}

/**
 * Calls `line(start, end, lineNo)` for each line of a run of whole lines (see readLineRuns) until
 * it returns false.
 */
export function eachLine(
  bytes: Uint8Array,
  firstLine: number,
  line: (start: number, end: number, lineNo: number) => boolean,
): void {
  for (let start = 0, lineNo = firstLine; start <= bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (!line(start, end, lineNo)) return;
    start = end + 1;
  }
}

/** `--method` as given, with `--seats K` set on every multi-winner method that does not name its own. */
export function methodsFrom(list: string, seats: string | undefined): MethodSpec[] {
  const methods = parseMethodList(list);
  if (seats === undefined) return methods;
  const k = intFlag(seats, 'seats', 1, 1);
  const takes = (m: MethodSpec) => m.rule.options?.some((o) => o.name === 'seats') === true;
  if (!methods.some(takes))
    throw new UserError(
      'applies to multi-winner methods (stv-scottish, stv-meek, approval-stv, …); none of the methods given takes seats',
      '--seats',
    );
  return methods.map((m) =>
    takes(m) && m.opts.seats === undefined ? { ...m, opts: { ...m.opts, seats: k } } : m,
  );
}

/** A terminal table: one row per method, candidates by name when the input names them. */
export function formatEntries(p: Profile, entries: readonly VoteEntry[]): string {
  const byId = new Map(p.ids.map((id, c) => [id, p.names[c]]));
  const name = (id: number) => byId.get(id) ?? String(id);
  const set = (g: number[]) => (g.length === 1 ? name(g[0]) : `{${g.map(name).join(', ')}}`);
  return renderTable(
    ['method', 'winners', 'ranking'],
    entries.map((e) => [
      e.method,
      e.winners.map(name).join(', '),
      e.ranking ? e.ranking.map(set).join(' > ') : e.lottery ? lotteryText(p, e.lottery) : '',
    ]),
  );
}

function lotteryText(p: Profile, lottery: Readonly<Record<string, number>>): string {
  const byId = new Map(p.ids.map((id, c) => [String(id), p.names[c]]));
  return Object.entries(lottery)
    .map(([id, q]) => `${byId.get(id) ?? id}: ${q.toFixed(3)}`)
    .join(', ');
}
