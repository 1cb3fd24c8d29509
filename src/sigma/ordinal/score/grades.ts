/**
 * What the score rules read: one grade per ballot and candidate in play. Cardinal ballots (a profile
 * with `scores`) give their scores; a candidate a ballot left unscored (NaN) gets the lowest score
 * found anywhere in the profile, so it counts as the worst grade. A profile of rankings is converted:
 * a candidate's grade on a ballot is the number of candidates in play that the ballot ranks strictly
 * below it (so a linear order over r candidates grades r−1, …, 1, 0, tied candidates share a grade,
 * and a truncated ballot's unranked candidates grade 0).
 */
import type { Summary } from '../../profile.js';
import { inPlay } from '../positional/positions.js';

export interface Grades {
  /** Candidates in play, ascending. */
  readonly cands: readonly number[];
  /** k*r grades, r = cands.length: g[b*r + i] is ballot b's grade of cands[i]. */
  readonly g: Float64Array;
  /** k*r flags, 1 where the ballot gave the candidate a score; absent when every grade was given. */
  readonly given?: Uint8Array;
  /** True when the grades were converted from rankings. */
  readonly converted: boolean;
}

/** The lowest finite score in the profile (0 when there is none). */
export function lowestScore(scores: Float64Array): number {
  let lo = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i];
    if (x < lo) lo = x;
  }
  return Number.isFinite(lo) ? lo : 0;
}

/** The grades of the candidates in play (all when `cands` is undefined). */
export function grades(s: Summary, cands?: readonly number[]): Grades {
  const cs = inPlay(s.m, cands);
  const p = s.profile;
  const { m, k } = p;
  const r = cs.length;
  const g = new Float64Array(k * r);
  if (p.scores) {
    const sc = p.scores;
    const lo = lowestScore(sc);
    let given: Uint8Array | undefined;
    for (let b = 0; b < k; b++)
      for (let i = 0; i < r; i++) {
        const x = sc[b * m + cs[i]];
        if (Number.isNaN(x)) {
          given ??= new Uint8Array(k * r).fill(1);
          given[b * r + i] = 0;
          g[b * r + i] = lo;
        } else g[b * r + i] = x;
      }
    return { cands: cs, g, given, converted: false };
  }
  const size = new Int32Array(m + 1);
  const below = new Int32Array(m + 1);
  const { levels } = p;
  for (let b = 0; b < k; b++) {
    const o = b * m;
    let hi = 0;
    for (let i = 0; i < r; i++) {
      const l = levels[o + cs[i]];
      size[l]++;
      if (l > hi) hi = l;
    }
    let n = 0;
    for (let l = hi; l >= 0; l--) {
      below[l] = n;
      n += size[l];
      size[l] = 0;
    }
    for (let i = 0; i < r; i++) g[b * r + i] = below[levels[o + cs[i]]];
  }
  return { cands: cs, g, converted: true };
}

/** Weighted sums of the grades, as a length-m array (NaN for candidates not in play). */
export function gradeSums(s: Summary, G: Grades): Float64Array {
  const { cands, g } = G;
  const r = cands.length;
  const { k, counts } = s.profile;
  const acc = new Float64Array(r);
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    for (let i = 0; i < r; i++) acc[i] += w * g[b * r + i];
  }
  const out = new Float64Array(s.m).fill(Number.NaN);
  for (let i = 0; i < r; i++) out[cands[i]] = acc[i];
  return out;
}
