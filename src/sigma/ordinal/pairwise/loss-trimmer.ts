/**
 * Loss-trimmer voting (Darlington): while no remaining candidate is a weak Condorcet winner (one
 * nobody beats by majority), remove the candidate with the largest sum of margins of defeat; then
 * the weak Condorcet winners win. Ties for the largest sum are broken every possible way (parallel
 * universes) and the winners are the union.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: sums of defeats 5, 1, 3; 0 goes and 1, who beats
 * 2, wins.
 */
import { weakCondorcetWinners } from '../../majority.js';
import { groupByScore } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { PUT_LIMIT, parallelUniverses } from '../elimination/rounds.js';
import { inPlay } from '../positional/positions.js';

export const lossTrimmer: ProfileRule = {
  name: 'loss-trimmer',
  aliases: ['loss-trimmer-voting'],
  title: 'Loss-trimmer voting',
  description:
    'While there is no weak Condorcet winner among the remaining candidates, remove the one with the largest sum of margins of defeat; then the weak Condorcet winners win.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's loss_trimmer: parallel-universe tie-breaking among the candidates with the largest sum of defeats; all weak Condorcet winners of a universe win (exact, memoized on the remaining set).",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser'],
  maxCandidates: PUT_LIMIT,
  reference:
    'Darlington, "The case for the loss-trimmer voting system"; pref_voting margin_based_methods.loss_trimmer',
  run(s, cands) {
    const g = s.margin();
    const m = s.m;
    const loss = new Float64Array(m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => {
        const weak = weakCondorcetWinners(s, rem);
        if (weak.length > 0) return { winners: weak };
        for (const c of rem) {
          loss[c] = 0;
          for (const d of rem) if (g[d * m + c] > 0) loss[c] += g[d * m + c];
        }
        return { tied: groupByScore(rem, loss)[0] };
      },
      'loss-trimmer',
    );
  },
};
