/**
 * What every count of the STV family reads: each ballot as its tiers (groups of equally ranked
 * candidates, best first) among the candidates in play, with its weight. Candidates a truncated
 * ballot leaves out are in no tier, so they never receive from it; a ballot's own ties split its
 * value equally among the tied candidates (pref_voting's convention for profiles with ties).
 */
import { UserError } from '../../core/errors.js';
import type { Summary } from '../profile.js';
import type { Options, OptionSpec } from '../types.js';

export interface Ballots {
  readonly m: number;
  /** tiers[b]: the ballot's groups of candidates in play, best first. */
  readonly tiers: readonly (readonly (readonly number[])[])[];
  /** weights[b]: how many voters cast ballot b. */
  readonly weights: Float64Array;
  /** Total weight of the ballots. */
  readonly total: number;
  /** The candidates in play, ascending. */
  readonly cands: readonly number[];
}

/** The ballots of a profile restricted to `cands` (every candidate when undefined). */
export function ballotsOf(s: Summary, cands?: readonly number[]): Ballots {
  const p = s.profile;
  const m = p.m;
  const inPlay = new Uint8Array(m);
  const list =
    cands === undefined ? Array.from({ length: m }, (_, c) => c) : [...new Set(cands)].sort((a, b) => a - b);
  for (const c of list) inPlay[c] = 1;
  const tiers: number[][][] = [];
  const weights = new Float64Array(p.k);
  let total = 0;
  for (let b = 0; b < p.k; b++) {
    const groups: number[][] = [];
    for (let c = 0; c < m; c++) {
      if (!inPlay[c] || p.unranked?.[b * m + c]) continue;
      (groups[p.levels[b * m + c]] ??= []).push(c);
    }
    tiers.push(groups.filter((g) => g !== undefined));
    weights[b] = p.counts[b];
    total += p.counts[b];
  }
  return { m, tiers, weights, total, cands: list };
}

/** The `seats` option every multi-winner rule takes. */
export const SEATS: OptionSpec = {
  name: 'seats',
  type: 'number',
  default: 2,
  description: 'the number of seats K (`sulab vote --seats K` sets it for every multi-winner method)',
};

/** The number of seats asked for: a positive whole number (default 2). */
export function seatsOf(opts: Options | undefined): number {
  const k = opts?.seats ?? 2;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1)
    throw new UserError(
      `expected a positive whole number of seats, got ${JSON.stringify(k)}`,
      'options.seats',
    );
  return k;
}

/** Tolerance for comparing vote totals (sums of fractions). */
export const EPS = 1e-9;

/**
 * The candidate of `among` with the lowest `value` (within EPS); ties by the lowest index, which
 * the caller counts as a tie decided by convention.
 */
export function lowestOf(
  among: Iterable<number>,
  value: (c: number) => number,
): { c: number; tied: boolean } {
  let best = -1;
  let bestV = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const c of among) {
    const v = value(c);
    if (best < 0 || v < bestV - EPS) {
      best = c;
      bestV = v;
      tied = false;
    } else if (Math.abs(v - bestV) <= EPS) {
      tied = true;
      if (c < best) best = c;
    }
  }
  return { c: best, tied };
}
