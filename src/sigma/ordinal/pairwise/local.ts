/**
 * What the margin-based rules read: the margin matrix restricted to the candidates in play,
 * indexed locally 0..k-1, and the way back to the profile's candidate indices. With no subset (or
 * every candidate in order) it is the Summary's own cached matrix, not a copy, so the hot path of a
 * rule allocates nothing here.
 */
import { UserError } from '../../../core/errors.js';
import { allCandidates, type Summary } from '../../profile.js';
import type { RuleResult } from '../../types.js';

export interface Local {
  /** Number of candidates in play. */
  readonly k: number;
  /** Local index → the profile's candidate index. */
  readonly cands: readonly number[];
  /** k*k margins: g[i*k+j] = support(i, j) − support(j, i). */
  readonly g: Float64Array;
}

/**
 * The margins among `cands` (default: every candidate). Throws a UserError naming the subset when it
 * repeats a candidate or names one that does not exist.
 */
export function localMargins(s: Summary, cands?: readonly number[]): Local {
  const m = s.m;
  if (cands === undefined || isIdentity(cands, m))
    return { k: m, cands: cands ?? allCandidates(m), g: s.margin() };
  checkCandidates(m, cands);
  const k = cands.length;
  const full = s.margin();
  const g = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const row = cands[i] * m;
    for (let j = 0; j < k; j++) g[i * k + j] = full[row + cands[j]];
  }
  return { k, cands, g };
}

const identities: (readonly number[])[] = [];

/** 0..m-1, shared (frozen) so the hot path does not allocate it. */
export function identity(m: number): readonly number[] {
  return (identities[m] ??= Object.freeze(allCandidates(m)));
}

function isIdentity(cands: readonly number[], m: number): boolean {
  if (cands.length !== m) return false;
  for (let i = 0; i < m; i++) if (cands[i] !== i) return false;
  return true;
}

/** Throws a UserError unless `cands` lists distinct candidate indices of 0..m-1. */
export function checkCandidates(m: number, cands: readonly number[]): void {
  const seen = new Uint8Array(m);
  for (const c of cands) {
    if (!Number.isInteger(c) || c < 0 || c >= m)
      throw new UserError(`candidate ${JSON.stringify(c)} is not one of 0..${m - 1}`, 'cands');
    if (seen[c]) throw new UserError(`candidate ${c} appears more than once`, 'cands');
    seen[c] = 1;
  }
}

/** The global candidates of the locally indexed flags (1 = in), as a set result (ascending). */
export function localSet(cands: readonly number[], flags: ArrayLike<number>): RuleResult {
  const out: number[] = [];
  let sorted = true;
  for (let i = 0; i < cands.length; i++)
    if (flags[i]) {
      if (out.length > 0 && out[out.length - 1] > cands[i]) sorted = false;
      out.push(cands[i]);
    }
  if (!sorted) out.sort((x, y) => x - y);
  return { winners: out };
}

/** A length-m score array: the local scores at their candidates, NaN for candidates not in play. */
export function globalScores(m: number, cands: readonly number[], local: ArrayLike<number>): number[] {
  const out = new Array<number>(m).fill(Number.NaN);
  for (let i = 0; i < cands.length; i++) out[cands[i]] = local[i];
  return out;
}

/** Reusable scratch: a typed array of at least `n` entries, grown (never shrunk) on demand. */
export class Scratch<T extends Float64Array | Int32Array | Uint8Array> {
  private buf: T;
  constructor(private readonly make: (n: number) => T) {
    this.buf = make(64);
  }
  get(n: number): T {
    if (this.buf.length < n) this.buf = this.make(Math.max(n, this.buf.length * 2));
    return this.buf;
  }
}
