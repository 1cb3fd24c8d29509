/**
 * Bucklin and simplified Bucklin. Count each candidate's first places; if some candidate has a strict
 * majority, stop; otherwise add the second places, then the third, … until some candidate's count is
 * a strict majority. Bucklin elects the candidates with the largest count at that round; simplified
 * Bucklin elects every candidate whose count is a strict majority then.
 *
 * Example (pref_voting's docstring): 2 voters 1≻0≻2, 1 voter 0≻2≻1, 1 voter 0≻1≻2. First places
 * 2, 2, 0 (no strict majority of 4); with second places 4, 3, 1: Bucklin elects 0, simplified Bucklin
 * elects 0 and 1.
 */
import { EPS, scoredResult } from '../../result.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { positions } from './positions.js';

/** The counts at the first round where some candidate has a strict majority (NaN off the set). */
function bucklinCounts(
  s: Summary,
  cands?: readonly number[],
): { cands: readonly number[]; count: number[]; half: number; decided: boolean } {
  const P = positions(s, cands);
  const { cands: cs, pos, active } = P;
  const r = cs.length;
  const half = active / 2;
  const tol = EPS * Math.max(1, active);
  const cum = new Float64Array(r);
  let decided = false;
  for (let j = 0; j < r && !decided; j++) {
    for (let i = 0; i < r; i++) {
      cum[i] += pos[i * r + j];
      if (cum[i] - half > tol) decided = true;
    }
  }
  const count = new Array<number>(s.m).fill(Number.NaN);
  for (let i = 0; i < r; i++) count[cs[i]] = cum[i];
  return { cands: cs, count, half: half + tol, decided };
}

export const bucklin: ProfileRule = {
  name: 'bucklin',
  aliases: [],
  title: 'Bucklin',
  description:
    'Add up first places, then second places, … until some candidate is ranked by a strict majority; the candidates with the largest count at that round win, and the counts rank everyone.',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: 'As pref_voting: every candidate with the largest count at the deciding round wins. Weak orders: t tied candidates share the positions they occupy, 1/t each; the majority is of the ballots that separate some candidates in play (a ballot that ranks them all equal abstains, as pref_voting drops empty ballots); with no such ballot, everyone ties.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference: 'pref_voting other_methods.bucklin',
  run(s, cands) {
    const { cands: cs, count } = bucklinCounts(s, cands);
    return scoredResult(cs, count);
  },
};

export const simplifiedBucklin: ProfileRule = {
  name: 'simplified-bucklin',
  aliases: [],
  title: 'Simplified Bucklin',
  description:
    'Add up first places, then second places, … until some candidate is ranked by a strict majority; every candidate ranked by a strict majority at that round wins.',
  family: 'positional',
  input: 'rankings',
  output: 'set',
  ties: 'As pref_voting: all candidates over the majority at the deciding round win (possibly several). Weak orders as in bucklin: t tied candidates share their positions, 1/t each; ballots ranking all candidates in play equal abstain; with no other ballot, everyone ties.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference: 'pref_voting other_methods.simplified_bucklin',
  run(s, cands): RuleResult {
    const { cands: cs, count, half, decided } = bucklinCounts(s, cands);
    // cs is ascending and duplicate-free, so the filter is the winners' set as it stands.
    const winners = decided ? cs.filter((c) => count[c] > half) : cs.slice();
    return { winners, scores: count };
  },
};
