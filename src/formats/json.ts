/**
 * JSON profiles and JSON Lines streams of profiles.
 *
 * A profile is one object:
 *
 *     {"candidates": 3 or ["a","b","c"],
 *      "rankings": [[0,1,2], [[0,1],2], [2]],
 *      "counts": [5, 3, 1]}
 *
 * - `candidates` (required): the number of candidates, or their names (distinct strings).
 * - `rankings`: one ranking per ballot, best first, of 0-based candidate indices; an inner array
 *   is a group of tied candidates. Candidates a ranking leaves out are unranked (tied at the
 *   bottom, a truncated ballot).
 * - `scores`: instead of `rankings`, cardinal ballots: one array of m numbers per ballot, `null`
 *   where the ballot gives the candidate no score. Higher is better.
 * - `counts` (optional): one non-negative weight per ballot, default 1.
 * - `ids` (optional): the output id of each candidate, default 0..m−1 (written when a profile
 *   read from elsewhere, e.g. PrefLib's 1-based numbers, is converted, so the ids survive).
 * - `meta` (optional): anything; ignored by the reader, never written.
 *
 * Errors are UserErrors whose `where` is the file (`FILE:LINE` for JSON Lines, `FILE:LINE:COLUMN`
 * for syntax errors) and whose message starts with the field path: `rankings[3]: candidate 1
 * appears more than once`.
 */
import { UserError } from '../core/errors.js';
import { idsFor, namesFor, type Profile, profileFromScores, rankingOf } from '../sigma/profile.js';
import { hasDefaultNames, isIdentity } from './common.js';
import { checkBallots, checkCandidates } from './limits.js';
import { findJsonSyntaxError } from './json-syntax.js';

/** The JSON shape of a profile. */
export interface JsonProfile {
  candidates: number | string[];
  ids?: number[];
  rankings?: (number | number[])[][];
  scores?: (number | null)[][];
  counts?: number[];
  meta?: unknown;
}

const FIELDS = new Set(['candidates', 'ids', 'rankings', 'scores', 'counts', 'meta']);

/** A short quote of a value for a message; safe on values nested past the stack's depth. */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = Array.isArray(v) ? 'a deeply nested array' : 'a deeply nested value';
  }
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Builds a profile from a parsed JSON value. `where` names the source (a file, or `FILE:LINE`);
 * messages start with the field path.
 */
export function profileFromJson(value: unknown, where: string, maxCandidates?: number): Profile {
  const fail = (path: string, msg: string): never => {
    throw new UserError(path ? `${path}: ${msg}` : msg, where);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('', `expected a JSON object with "candidates" and "rankings" or "scores", got ${describe(value)}`);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v))
    if (!FIELDS.has(key))
      fail(key, 'unknown field; expected candidates, rankings, scores, counts, ids or meta');

  // candidates
  let m: number;
  let names: readonly string[];
  const cands = v.candidates;
  if (cands === undefined)
    return fail('candidates', 'missing; expected the number of candidates or their names');
  if (typeof cands === 'number') {
    if (!Number.isInteger(cands) || cands < 1)
      fail('candidates', `expected a positive whole number or an array of names, got ${describe(cands)}`);
    checkCandidates(cands, maxCandidates, where);
    m = cands;
    names = namesFor(m);
  } else if (Array.isArray(cands)) {
    if (cands.length === 0) fail('candidates', 'expected at least one candidate');
    checkCandidates(cands.length, maxCandidates, where);
    const seen = new Map<string, number>();
    cands.forEach((c, i) => {
      if (typeof c !== 'string') fail(`candidates[${i}]`, `expected a name (a string), got ${describe(c)}`);
      const prev = seen.get(c);
      if (prev !== undefined)
        fail(`candidates[${i}]`, `name ${describe(c)} is already used by candidates[${prev}]`);
      seen.set(c, i);
    });
    m = cands.length;
    names = cands as string[];
  } else
    return fail(
      'candidates',
      `expected a positive whole number or an array of names, got ${describe(cands)}`,
    );

  // ids
  let ids: readonly number[] = idsFor(m);
  if (v.ids !== undefined) {
    if (!Array.isArray(v.ids)) fail('ids', `expected an array of ${m} whole numbers, got ${describe(v.ids)}`);
    const arr = v.ids as unknown[];
    if (arr.length !== m) fail('ids', `expected ${m} ids (one per candidate), got ${arr.length}`);
    const seen = new Set<number>();
    arr.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isSafeInteger(x))
        fail(`ids[${i}]`, `expected a whole number, got ${describe(x)}`);
      if (seen.has(x as number)) fail(`ids[${i}]`, `id ${x} is used twice`);
      seen.add(x as number);
    });
    ids = arr as number[];
  }

  if (v.rankings !== undefined && v.scores !== undefined)
    fail('', 'expected either "rankings" or "scores", not both');
  if (v.rankings === undefined && v.scores === undefined)
    fail('', 'expected a "rankings" field (ordinal ballots) or a "scores" field (cardinal ballots)');
  const field = v.rankings !== undefined ? 'rankings' : 'scores';
  const ballots = v[field];
  if (!Array.isArray(ballots)) return fail(field, `expected an array of ballots, got ${describe(ballots)}`);
  const k = ballots.length;
  checkBallots(k, m, where);

  // counts
  const counts = new Float64Array(k).fill(1);
  if (v.counts !== undefined) {
    if (!Array.isArray(v.counts))
      fail('counts', `expected an array of ${k} numbers, got ${describe(v.counts)}`);
    const arr = v.counts as unknown[];
    if (arr.length !== k)
      fail('counts', `expected ${k} counts (one per ballot in ${field}), got ${arr.length}`);
    arr.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
        fail(`counts[${i}]`, `expected a non-negative number, got ${describe(x)}`);
      counts[i] = x as number;
    });
  }

  if (field === 'scores') {
    const scores = new Float64Array(k * m);
    ballots.forEach((row, b) => {
      if (!Array.isArray(row))
        fail(`scores[${b}]`, `expected an array of ${m} scores (numbers or null), got ${describe(row)}`);
      if (row.length !== m)
        fail(`scores[${b}]`, `expected ${m} scores (one per candidate), got ${row.length}`);
      row.forEach((x: unknown, c: number) => {
        if (x === null) scores[b * m + c] = Number.NaN;
        else if (typeof x === 'number' && Number.isFinite(x)) scores[b * m + c] = x;
        else fail(`scores[${b}][${c}]`, `expected a number or null, got ${describe(x)}`);
      });
    });
    return profileFromScores(m, scores, counts, { ids, names });
  }

  // The hot path of a JSON Lines run: plain loops into the typed arrays, error paths (and their
  // messages) built only when something is wrong.
  const levels = new Int32Array(k * m);
  let unranked: Uint8Array | undefined;
  let linear = true;
  const bad = (b: number, at: string, c: unknown): never => {
    if (typeof c !== 'number' || !Number.isInteger(c))
      return fail(at, `expected a candidate index (a whole number in 0..${m - 1}), got ${describe(c)}`);
    if (c < 0 || c >= m) return fail(at, `candidate ${c} is not one of 0..${m - 1}`);
    return fail(`rankings[${b}]`, `candidate ${c} appears more than once`);
  };
  for (let b = 0; b < k; b++) {
    const r = ballots[b] as unknown;
    if (!Array.isArray(r))
      fail(`rankings[${b}]`, `expected an array of candidates (best first), got ${describe(r)}`);
    const row = b * m;
    levels.fill(-1, row, row + m);
    const groups = r as unknown[];
    let placed = 0;
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j];
      if (typeof g === 'number') {
        if (!(Number.isInteger(g) && g >= 0 && g < m && levels[row + g] < 0))
          bad(b, `rankings[${b}][${j}]`, g);
        levels[row + g] = j;
        placed++;
      } else if (Array.isArray(g)) {
        if (g.length === 0) fail(`rankings[${b}][${j}]`, 'expected at least one candidate in a tie group');
        if (g.length > 1) linear = false;
        for (let t = 0; t < g.length; t++) {
          const c = g[t] as unknown;
          if (!(typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < m && levels[row + c] < 0))
            bad(b, `rankings[${b}][${j}][${t}]`, c);
          levels[row + (c as number)] = j;
          placed++;
        }
      } else
        fail(
          `rankings[${b}][${j}]`,
          `expected a candidate index or an array of tied candidates, got ${describe(g)}`,
        );
    }
    if (placed < m) {
      linear = false;
      unranked ??= new Uint8Array(k * m);
      for (let c = 0; c < m; c++)
        if (levels[row + c] < 0) {
          unranked[row + c] = 1;
          levels[row + c] = groups.length;
        }
    }
  }
  return { m, ids, names, k, levels, counts, unranked, ...(linear ? { linear: true } : {}) };
}

/** The JSON shape of a profile (scores when it has them, else rankings). */
export function profileToJson(p: Profile): JsonProfile {
  const out: JsonProfile = { candidates: hasDefaultNames(p) ? p.m : [...p.names] };
  if (!isIdentity(p.ids)) out.ids = [...p.ids];
  if (p.scores) {
    const s = p.scores;
    out.scores = Array.from({ length: p.k }, (_, b) =>
      Array.from({ length: p.m }, (_, c) => {
        const x = s[b * p.m + c];
        if (Number.isNaN(x)) return null;
        if (!Number.isFinite(x))
          throw new UserError(`ballot ${b}: score ${x} of candidate ${c} cannot be written as JSON`);
        return x;
      }),
    );
  } else
    out.rankings = Array.from({ length: p.k }, (_, b) =>
      rankingOf(p, b).map((g) => (g.length === 1 ? g[0] : g)),
    );
  if (!p.counts.every((c) => c === 1)) out.counts = Array.from(p.counts);
  return out;
}

function parseText(text: string, whereAt: (line: number, column: number) => string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const err = findJsonSyntaxError(text);
    if (err) throw new UserError(`invalid JSON: ${err.message}`, whereAt(err.line, err.column));
    throw new UserError(`invalid JSON: ${(e as Error).message}`, where);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a JSON profile file. */
export function parseJsonProfile(text: string, fileName: string, maxCandidates?: number): Profile {
  const value = parseText(stripBom(text), (l, c) => `${fileName}:${l}:${c}`, fileName);
  return profileFromJson(value, fileName, maxCandidates);
}

/** Writes a profile as JSON, one ballot per line. */
export function formatJsonProfile(p: Profile): string {
  const j = profileToJson(p);
  const lines = ['{', `  "candidates": ${JSON.stringify(j.candidates)}`];
  if (j.ids) lines.push(`  "ids": ${JSON.stringify(j.ids)}`);
  const field = j.scores ? 'scores' : 'rankings';
  const rows = (j.scores ?? j.rankings)!;
  lines.push(
    rows.length === 0
      ? `  "${field}": []`
      : `  "${field}": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`,
  );
  if (j.counts) lines.push(`  "counts": ${JSON.stringify(j.counts)}`);
  return `${lines[0]}\n${lines.slice(1).join(',\n')}\n}\n`;
}

/**
 * Reads one line of a JSON Lines stream of profiles (one JSON profile object per line).
 * Returns undefined for a blank line. `lineNumber` is 1-based; errors say `FILE:LINE`.
 */
export function parseJsonLine(
  line: string,
  lineNumber: number,
  fileName: string,
  maxCandidates?: number,
): Profile | undefined {
  const text = lineNumber === 1 ? stripBom(line) : line;
  if (text.trim() === '') return undefined;
  const where = `${fileName}:${lineNumber}`;
  const value = parseText(text, (_l, c) => `${where}:${c}`, where);
  return profileFromJson(value, where, maxCandidates);
}

/** Reads a whole JSON Lines text: one profile per non-blank line. */
export function parseJsonLines(text: string, fileName: string, maxCandidates?: number): Profile[] {
  const out: Profile[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const p = parseJsonLine(lines[i], i + 1, fileName, maxCandidates);
    if (p) out.push(p);
  }
  return out;
}

/** One profile as a single line of JSON (no newline). */
export function formatJsonLine(p: Profile): string {
  return JSON.stringify(profileToJson(p));
}

/** Profiles as JSON Lines, each line ending in a newline. */
export function formatJsonLines(profiles: Iterable<Profile>): string {
  let s = '';
  for (const p of profiles) s += `${formatJsonLine(p)}\n`;
  return s;
}
