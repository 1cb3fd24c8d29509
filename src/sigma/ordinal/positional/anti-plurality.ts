/**
 * Anti-plurality (veto): a candidate's score is the weight of the voters who rank it last among the
 * candidates in play; the fewest last places wins and the counts rank everyone (fewest first).
 *
 * Example: 3 voters 2≻1≻0, 1 voter 2≻0≻1, 2 voters 0≻1≻2: last places 3, 1, 2; winner 1; ranking
 * [[1], [2], [0]].
 */
import { scoredResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay, scoreVector } from './positions.js';

export const antiPlurality: ProfileRule = {
  name: 'anti-plurality',
  aliases: ['antiplurality', 'veto'],
  title: 'Anti-plurality',
  description:
    'Each voter vetoes the candidate it ranks last; the fewest vetoes wins and the veto counts rank everyone (fewest first).',
  family: 'positional',
  input: 'rankings',
  output: 'ranking',
  ties: "As pref_voting: every candidate with the fewest last places wins. Scores are last-place counts (lower is better). The t candidates tied last on a ballot (including a truncated ballot's unranked candidates) get 1/t veto each; a ballot that ranks all candidates in play equal abstains.",
  axioms: ['anonymity', 'neutrality'],
  run(s, cands) {
    const cs = inPlay(s.m, cands);
    const r = cs.length;
    const last = new Float64Array(r);
    if (r > 0) last[r - 1] = 1;
    return scoredResult(cs, scoreVector(s, cs, last), true);
  },
};
