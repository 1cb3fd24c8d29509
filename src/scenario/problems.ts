/**
 * Mistakes found in a scenario file, and the one that is reported: the first in the file (by
 * position; in the order found when two share a position). A mistake becomes a UserError whose
 * `where` is `FILE:LINE` and whose message starts with the path, zod-style:
 * `holiday.yaml:14: parts[2].utility: missing outcome "cabin"`.
 *
 * Also here: how zod's issues become such mistakes (messages in the format's own words, and the
 * one branch of a union the value was meant for).
 */
import { quoteName } from '../core/registry.js';
import type { z } from 'zod';
import { UserError } from '../core/errors.js';
import { formatPath, type Path, type Source } from './source.js';

export interface Problem {
  /** What the message names, e.g. ['parts', 2, 'utility']. */
  readonly path: Path;
  readonly message: string;
  /** Where to point when it differs from `path` (an unknown key: the key itself). */
  readonly at?: Path;
}

/**
 * A UserError for a mistake at a path of the file, which it keeps: a sweep maps the path of a
 * mistake in a scenario it generated back to the sweep file line that set that value.
 */
export class ProblemError extends UserError {
  constructor(
    readonly path: Path,
    readonly problem: string,
    where: string,
    /** Where it points when that differs from `path` (an unknown key: the key itself). */
    readonly at: Path = path,
  ) {
    const named = formatPath(path);
    super(named ? `${named}: ${problem}` : problem, where);
  }
}

/** The UserError for a problem: `FILE:LINE` + `path: message`. */
export function problemError(src: Source, p: Problem): UserError {
  return new ProblemError(p.path, p.message, `${src.file}:${src.line(p.at ?? p.path)}`, p.at);
}

/** The first problem in the file, as a UserError. */
export function firstProblem(src: Source, problems: readonly Problem[]): UserError {
  let best = problems[0];
  let bestAt = src.offset(best.at ?? best.path);
  for (const p of problems.slice(1)) {
    const at = src.offset(p.at ?? p.path);
    if (at < bestAt) {
      best = p;
      bestAt = at;
    }
  }
  return problemError(src, best);
}

/** A value as a message shows it: `"abc"`, `3`, `a list`, `an object`, `null`. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return x.length === 0 ? 'an empty list' : 'a list';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 37)}...` : x);
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return String(x);
  if (typeof x === 'object') return 'an object';
  return typeof x;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  tuple: 'a list',
};

function bound(origin: string, n: number | bigint, inclusive: boolean | undefined, low: boolean): string {
  if (origin === 'array' || origin === 'set')
    return low ? `expected at least ${n} item${n === 1 ? '' : 's'}` : `expected at most ${n} items`;
  if (origin === 'string')
    return low
      ? Number(n) === 1
        ? 'expected a non-empty string'
        : `expected at least ${n} characters`
      : `expected at most ${n} characters`;
  const op = low ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  return `expected a number ${op} ${n}`;
}

/**
 * The message of a zod issue (used as the per-parse error map, so messages set in the schema
 * win). Describes what was expected and what was found in the format's words.
 */
export function issueMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type': {
      const want = EXPECTED[iss.expected] ?? iss.expected;
      return iss.input === undefined
        ? `required (${want})`
        : `expected ${want}, got ${describeValue(iss.input)}`;
    }
    case 'too_small':
      return bound(iss.origin, iss.minimum, iss.inclusive, true);
    case 'too_big':
      return bound(iss.origin, iss.maximum, iss.inclusive, false);
    case 'invalid_format':
      return iss.format === 'regex' && 'pattern' in iss
        ? `expected text matching ${iss.pattern}, got ${describeValue(iss.input)}`
        : `expected ${iss.format}, got ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(iss.input)}`;
    case 'unrecognized_keys':
      return `unknown key ${quoteName(iss.keys[0])}`;
    case 'invalid_union':
      return `unexpected ${describeValue(iss.input)}`;
    default:
      return iss.message ?? `invalid value ${describeValue(iss.input)}`;
  }
}

/**
 * The problems a zod issue stands for. A union whose value matched the type of exactly one
 * branch (an object where one branch is an object) reports that branch's own issues, so a typo
 * deep inside says where it is; otherwise the union's message ("expected a rule name, or …").
 */
export function issueProblems(iss: z.core.$ZodIssue, base: Path = []): Problem[] {
  const path = [...base, ...iss.path] as (string | number)[];
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    const matched = iss.errors.filter(
      (branch) => !branch.some((b) => b.path.length === 0 && b.code === 'invalid_type'),
    );
    if (matched.length > 0) return matched[0].flatMap((b) => issueProblems(b, path));
  }
  if (iss.code === 'unrecognized_keys') return [{ path, message: iss.message, at: [...path, iss.keys[0]] }];
  return [{ path, message: iss.message }];
}
