/**
 * Bottom-two-runoff instant runoff (BTR-IRV): the two candidates with the fewest first places meet
 * head to head and the loser is removed; repeat until one remains. With ties for the fewest or the
 * second fewest first places, every candidate with the fewest meets every candidate with the second
 * fewest (or, when several tie for the fewest, every other of them), and every loser goes — unless
 * that removes everyone, when all remaining candidates win. A tied runoff removes the candidate from
 * the bottom group (both, when both are in it).
 *
 * The PUT version follows each runoff's removal in its own universe; the winners are the union.
 *
 * Example: 4 voters 0≻1≻2, 3 voters 2≻1≻0, 2 voters 1≻0≻2. 1 (2 first places) meets 2 (3) and wins
 * 6–3; then 1 meets 0 and wins 5–4: 1, the Condorcet winner, wins (plain instant runoff elects 0).
 */
import type { Summary } from '../../profile.js';
import { groupByScore, setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { PUT_LIMIT, parallelUniverses, placeShares, tolerance } from './rounds.js';

/** The runoffs of a round as [loser] per pairing, in order; `rem` has at least two candidates. */
function runoffLosers(s: Summary, rem: readonly number[], first: Float64Array): number[] {
  placeShares(s.profile, rem, first);
  const groups = groupByScore(rem, first);
  const low = groups[groups.length - 1];
  const second = low.length > 1 ? low : groups[groups.length - 2];
  const g = s.margin();
  const m = s.m;
  const tol = tolerance(s, 1);
  const losers: number[] = [];
  for (const a of low) for (const b of second) if (a !== b) losers.push(g[a * m + b] <= tol ? a : b);
  return losers;
}

const CONVENTION =
  'A runoff with margin ≤ 0 removes the bottom candidate. First places of weak orders: 1/t to each of the t candidates tied at the top among those remaining; exhausted ballots count for nobody.';

export const bottomTwoRunoff: ProfileRule = {
  name: 'bottom-two-runoff',
  aliases: ['btr-irv', 'bottom-two-runoff-instant-runoff', 'btr'],
  title: 'Bottom-two-runoff instant runoff',
  description:
    'The two candidates with the fewest first places meet head to head and the loser is removed; repeat until one remains.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's bottom_two_runoff_instant_runoff: with ties for the fewest or second fewest first places, all those pairings are run and every loser goes at once, unless that would remove every candidate (then all remaining win, which can include a Condorcet loser when the others tie one another). ${CONVENTION}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'pref_voting iterative_methods.bottom_two_runoff_instant_runoff',
  run(s, cands) {
    let rem = inPlay(s.m, cands);
    const first = new Float64Array(s.m);
    while (rem.length > 1) {
      const out = new Set(runoffLosers(s, rem, first));
      if (out.size === rem.length) break;
      rem = rem.filter((c) => !out.has(c));
    }
    return setResult(rem);
  },
};

export const bottomTwoRunoffPut: ProfileRule = {
  name: 'bottom-two-runoff-put',
  aliases: ['btr-irv-put', 'bottom-two-runoff-instant-runoff-put', 'btr-put'],
  title: 'Bottom-two-runoff instant runoff (parallel-universe tie-breaking)',
  description:
    'Bottom-two runoff where each pairing allowed by ties for the fewest or second fewest first places is run in its own universe, removing its loser; the winners are the union.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's bottom_two_runoff_instant_runoff_put (exact, memoized on the remaining set). ${CONVENTION}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.bottom_two_runoff_instant_runoff_put',
  run(s, cands) {
    const first = new Float64Array(s.m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => ({ tied: [...new Set(runoffLosers(s, rem, first))] }),
      'bottom-two-runoff-put',
    );
  },
};
