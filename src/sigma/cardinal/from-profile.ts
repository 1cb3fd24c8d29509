/**
 * Cardinal ballots as a utility problem, so cardinal rules run on score profiles from the CLI:
 * each ballot is a part, weighted by its count, and its scores are that part's utilities for the
 * candidates (the actions).
 *
 * Unscored candidates (NaN) get `unscored` — by default the lowest score given anywhere in the
 * profile (the bottom of the scale in use), matching the ordinal convention that unranked
 * candidates sit at the bottom of a ballot. There is no disagreement point (rules use their own
 * default).
 */
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import type { Profile } from '../profile.js';

export function utilityProblemFromProfile(
  p: Profile,
  opts: { cands?: readonly number[]; unscored?: number } = {},
): UtilityProblem {
  const { scores } = p;
  if (!scores)
    throw new UserError('expected cardinal ballots ("scores"); this profile has rankings only', 'profile');
  const cands = opts.cands ?? Array.from({ length: p.m }, (_, c) => c);
  if (cands.length < 1) throw new UserError('expected at least one candidate', 'candidates');
  for (const c of cands)
    if (!(Number.isInteger(c) && c >= 0 && c < p.m))
      throw new UserError(`candidate ${JSON.stringify(c)} is not one of 0..${p.m - 1}`, 'candidates');
  let fill = opts.unscored;
  if (fill === undefined) {
    fill = Infinity;
    for (let q = 0; q < scores.length; q++) if (!Number.isNaN(scores[q])) fill = Math.min(fill, scores[q]);
    if (fill === Infinity) fill = 0;
  }
  if (!Number.isFinite(fill)) throw new UserError(`expected a finite number, got ${fill}`, 'unscored');
  const A = cands.length;
  const u = new Float64Array(p.k * A);
  for (let b = 0; b < p.k; b++)
    for (let j = 0; j < A; j++) {
      const x = scores[b * p.m + cands[j]];
      if (!Number.isNaN(x) && !Number.isFinite(x))
        throw new UserError(`expected a finite score, got ${x}`, `scores[${b}][${cands[j]}]`);
      u[b * A + j] = Number.isNaN(x) ? fill : x;
    }
  return { parts: p.k, actions: A, u, weights: Float64Array.from(p.counts) };
}
