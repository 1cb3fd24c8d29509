/**
 * Pareto: the candidates no other candidate Pareto-dominates, where y dominates x when no voter
 * ranks x strictly above y and some voter ranks y strictly above x, read from the ballots' pairwise
 * support (support(x, y) = 0 and support(y, x) > 0): pref_voting's `pareto` with strong_Pareto.
 * With `strong=false`, y dominates x only when every voter ranks y strictly above x
 * (support(y, x) = n), pref_voting's default. Truncated ballots tie their unranked candidates, as
 * everywhere.
 *
 * Example: 2 voters 0≻1≻2 and 1 voter 2≻0≻1: everyone prefers 0 to 1, so [0, 2].
 */
import type { ProfileRule } from '../../types.js';
import { checkCandidates, localSet } from '../pairwise/local.js';
import { allCandidates } from '../../profile.js';

export const pareto: ProfileRule = {
  name: 'pareto',
  aliases: ['pareto-set'],
  title: 'Pareto set',
  description:
    'The candidates that no other candidate Pareto-dominates (weakly preferred by every voter and strictly by one).',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: 'Strong dominance by default: a voter who ties x and y neither blocks nor supports it; with strong=false only a unanimous strict preference dominates. Every undominated candidate wins. Ballots of weight 0 count for nothing.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: [
    {
      name: 'strong',
      type: 'boolean',
      default: true,
      description:
        'true: y dominates x when some voter prefers y and none prefers x; false: only when every voter strictly prefers y',
    },
  ],
  reference: 'pref_voting `pareto` (strong_Pareto)',
  run(s, cands, opts) {
    const strong = opts?.strong !== false;
    const n = s.n;
    const m = s.m;
    if (cands) checkCandidates(m, cands);
    const cs = cands ?? allCandidates(m);
    const sup = s.support();
    const k = cs.length;
    const inSet = new Uint8Array(k);
    for (let i = 0; i < k; i++) {
      const x = cs[i];
      let dominated = false;
      for (let j = 0; j < k && !dominated; j++) {
        const y = cs[j];
        if (y === x) continue;
        dominated =
          sup[x * m + y] === 0 && (strong ? sup[y * m + x] > 0 : n > 0 && sup[y * m + x] >= n * (1 - 1e-12));
      }
      inSet[i] = dominated ? 0 : 1;
    }
    return localSet(cs, inSet);
  },
};
