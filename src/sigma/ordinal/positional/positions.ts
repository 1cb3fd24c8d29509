/**
 * What the positional rules read: the position matrix of the candidates in play. Entry (i, j) is the
 * weight of the voters who put candidate `cands[i]` at position j (0 = top) among the candidates in
 * play. A group of t tied candidates occupying positions a..a+t−1 shares them evenly: each member
 * gets 1/t of each of those positions (the averaged-positions convention). Every scoring rule is
 * then one dot product per candidate, and a weak order scores each tied candidate the mean of the
 * scores of the positions its group occupies: Borda becomes symmetric Borda (pref_voting's
 * `symmetric_borda_scores`, up to an affine change), plurality gives 1/t to each of t candidates
 * tied at the top.
 *
 * A ballot that puts every candidate in play in one group (for instance a truncated ballot that ranks
 * none of them) separates nobody: it abstains, and `active` counts only the ballots that do not.
 *
 * Rules that need one score vector use `scoreVector`, one pass over the ballots with a fast path for
 * linear orders over all candidates; Bucklin, which reads every position, uses the matrix.
 */
import { UserError } from '../../../core/errors.js';
import type { Summary } from '../../profile.js';

export interface Positions {
  /** Candidates in play, ascending. */
  readonly cands: readonly number[];
  /** r*r weights, r = cands.length: pos[i*r + j] = weight placing cands[i] at position j. */
  readonly pos: Float64Array;
  /** Weight of the ballots that separate at least two candidates in play. */
  readonly active: number;
}

/**
 * Scratch buffers reused across calls (the rules are synchronous and never re-enter these
 * functions), so the hot path allocates only its result. `levelBuf` is all zeros between calls.
 */
let levelBuf = new Int32Array(64);
let startBuf = new Int32Array(64);
let accBuf = new Float64Array(64);
let vecBuf = new Float64Array(64);
let preBuf = new Float64Array(65);

function levelScratch(n: number): [Int32Array, Int32Array] {
  if (levelBuf.length < n) {
    levelBuf = new Int32Array(2 * n);
    startBuf = new Int32Array(2 * n);
  }
  return [levelBuf, startBuf];
}

/** Zeroes (growing if needed) the scratch for r accumulators, score-vector entries and prefix sums. */
function vectorScratch(r: number): void {
  if (accBuf.length < r) {
    accBuf = new Float64Array(2 * r);
    vecBuf = new Float64Array(2 * r);
    preBuf = new Float64Array(2 * r + 1);
  }
  accBuf.fill(0, 0, r);
  vecBuf.fill(0, 0, r);
  preBuf[0] = 0;
}

const everyone: number[][] = [];

/** 0..m-1, shared: callers must not modify it. */
function allOf(m: number): readonly number[] {
  let a = everyone[m];
  if (!a) {
    a = Array.from({ length: m }, (_, i) => i);
    everyone[m] = a;
  }
  return a;
}

/**
 * The candidates in play, ascending: all of them when `cands` is undefined. Throws a UserError
 * naming `cands` when it repeats a candidate or names one that does not exist.
 */
export function inPlay(m: number, cands?: readonly number[]): readonly number[] {
  if (cands === undefined) return allOf(m);
  const seen = new Uint8Array(m);
  for (const c of cands) {
    if (!Number.isInteger(c) || c < 0 || c >= m)
      throw new UserError(`candidate ${JSON.stringify(c)} is not one of 0..${m - 1}`, 'cands');
    if (seen[c]) throw new UserError(`candidate ${c} appears more than once`, 'cands');
    seen[c] = 1;
  }
  if (cands.length === m) return allOf(m);
  const out: number[] = [];
  for (let c = 0; c < m; c++) if (seen[c]) out.push(c);
  return out;
}

/** True when `cands` is every candidate (0..m-1). */
export function isAll(m: number, cands: readonly number[]): boolean {
  return cands.length === m;
}

/** The position matrix of the candidates in play. */
export function positions(s: Summary, cands?: readonly number[]): Positions {
  const cs = inPlay(s.m, cands);
  return isAll(s.m, cs) ? tallyAll(s, cs) : tallySubset(s, cs);
}

function tallyAll(s: Summary, cands: readonly number[]): Positions {
  const { m, k, levels, counts } = s.profile;
  const pos = new Float64Array(m * m);
  const [size, start] = levelScratch(m + 1);
  let active = 0;
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    const o = b * m;
    let top = 0;
    for (let c = 0; c < m; c++) {
      const l = levels[o + c];
      if (l > top) top = l;
    }
    // Levels are dense, so m − 1 means a linear order and 0 means one group.
    if (top === 0) continue;
    active += w;
    if (top === m - 1) {
      for (let c = 0; c < m; c++) pos[c * m + levels[o + c]] += w;
      continue;
    }
    for (let c = 0; c < m; c++) size[levels[o + c]]++;
    let a = 0;
    for (let l = 0; l <= top; l++) {
      start[l] = a;
      a += size[l];
    }
    for (let c = 0; c < m; c++) {
      const l = levels[o + c];
      const t = size[l];
      const row = c * m + start[l];
      if (t === 1) pos[row] += w;
      else {
        const share = w / t;
        for (let j = 0; j < t; j++) pos[row + j] += share;
      }
    }
    size.fill(0, 0, top + 1);
  }
  return { cands, pos, active };
}

function tallySubset(s: Summary, cands: readonly number[]): Positions {
  const { m, k, levels, counts } = s.profile;
  const r = cands.length;
  const pos = new Float64Array(r * r);
  const [size, start] = levelScratch(m + 1);
  let active = 0;
  if (r === 0) return { cands, pos, active };
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    const o = b * m;
    let lo = levels[o + cands[0]];
    let hi = lo;
    for (let i = 0; i < r; i++) {
      const l = levels[o + cands[i]];
      size[l]++;
      if (l < lo) lo = l;
      if (l > hi) hi = l;
    }
    if (lo === hi) {
      size[lo] = 0;
      continue;
    }
    active += w;
    let a = 0;
    for (let l = lo; l <= hi; l++) {
      start[l] = a;
      a += size[l];
    }
    for (let i = 0; i < r; i++) {
      const l = levels[o + cands[i]];
      const t = size[l];
      const row = i * r + start[l];
      if (t === 1) pos[row] += w;
      else {
        const share = w / t;
        for (let j = 0; j < t; j++) pos[row + j] += share;
      }
    }
    for (let l = lo; l <= hi; l++) size[l] = 0;
  }
  return { cands, pos, active };
}

/**
 * Scores from a score vector: vec[j] points for position j among the candidates in play (0 past
 * its end), tied candidates averaging the points of the positions they share; ballots that rank all
 * candidates in play equal abstain. The same numbers as the position matrix times `vec`, in one pass
 * over the ballots. Returns a length-m array with NaN for candidates not in play.
 */
export function scoreVector(s: Summary, cands: readonly number[], vec: ArrayLike<number>): number[] {
  const { m, k, levels, counts } = s.profile;
  const r = cands.length;
  vectorScratch(r);
  const acc = accBuf;
  const v = vecBuf;
  const pre = preBuf;
  for (let j = 0; j < Math.min(r, vec.length); j++) v[j] = vec[j];
  for (let j = 0; j < r; j++) pre[j + 1] = pre[j] + v[j];
  if (isAll(m, cands) && m > 1 && s.linear()) {
    // Every ballot a linear order: position = level, no ties to average.
    for (let b = 0; b < k; b++) {
      const o = b * m;
      const w = counts[b];
      for (let c = 0; c < m; c++) acc[c] += w * v[levels[o + c]];
    }
  } else if (isAll(m, cands) && m > 1) {
    // Levels are dense: a top level of m − 1 means a linear order, 0 means one group.
    for (let b = 0; b < k; b++) {
      const o = b * m;
      let hi = 0;
      for (let c = 0; c < m; c++) {
        const l = levels[o + c];
        if (l > hi) hi = l;
      }
      if (hi === m - 1) {
        const w = counts[b];
        for (let c = 0; c < m; c++) acc[c] += w * v[levels[o + c]];
      } else if (hi > 0) addWeak(levels, o, counts[b], cands, acc, v, pre, m);
    }
  } else for (let b = 0; b < k; b++) addWeak(levels, b * m, counts[b], cands, acc, v, pre, m);
  const out = new Array<number>(m).fill(Number.NaN);
  for (let i = 0; i < r; i++) out[cands[i]] = acc[i];
  return out;
}

/** Adds one ballot (levels from `o`, weight w) to `acc`, averaging tied positions; abstains if all tie. */
function addWeak(
  levels: Int32Array,
  o: number,
  w: number,
  cands: readonly number[],
  acc: Float64Array,
  v: Float64Array,
  pre: Float64Array,
  m: number,
): void {
  const r = cands.length;
  if (w === 0 || r === 0) return;
  const [size, start] = levelScratch(m + 1);
  let lo = levels[o + cands[0]];
  let hi = lo;
  for (let i = 0; i < r; i++) {
    const l = levels[o + cands[i]];
    size[l]++;
    if (l < lo) lo = l;
    if (l > hi) hi = l;
  }
  if (lo < hi) {
    let a = 0;
    for (let l = lo; l <= hi; l++) {
      start[l] = a;
      a += size[l];
    }
    for (let i = 0; i < r; i++) {
      const l = levels[o + cands[i]];
      const t = size[l];
      const at = start[l];
      acc[i] += t === 1 ? w * v[at] : (w * (pre[at + t] - pre[at])) / t;
    }
  }
  for (let l = lo; l <= hi; l++) size[l] = 0;
}

/** Reads a number option, checking it; `fallback` when absent. */
export function numberOption(
  opts: Readonly<Record<string, unknown>> | undefined,
  name: string,
  fallback: number,
  check: (x: number) => boolean,
  expected: string,
): number {
  const x = opts?.[name];
  if (x === undefined) return fallback;
  if (typeof x !== 'number' || !Number.isFinite(x) || !check(x))
    throw new UserError(`expected ${expected}, got ${JSON.stringify(x)}`, `options.${name}`);
  return x;
}
