/**
 * Approval IRV (Delemazure & Peters 2024): instant runoff for ballots with ties where a ballot gives
 * a whole point to every candidate in its top group among the remaining ones (split IRV, which
 * gives 1/t to each of t tied candidates, is sulab's instant runoff). The candidates with the fewest
 * points are removed, all at once; if all remaining tie, they all win. The PUT version removes one
 * tied candidate at a time, following every choice.
 *
 * Example: 2 voters {0,1}≻2, 2 voters 2≻1≻0, 1 voter 0≻1≻2. Approval points 3, 2, 2: 1 and 2 go
 * at once and 0 wins. Split IRV gives 2, 1, 2: 1 goes, then 0 has 3 to 2's 2: 0 wins too.
 */
import type { Profile } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { eliminate, lowest, PUT_LIMIT, parallelUniverses } from './rounds.js';

/** Approval of the top group among `rem`: each ballot's best remaining group gets its full weight. */
export function topApprovals(p: Profile, rem: readonly number[], out: Float64Array): void {
  const { m, k, levels, counts, unranked } = p;
  for (const c of rem) out[c] = 0;
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    const o = b * m;
    let lo = Number.POSITIVE_INFINITY;
    for (const c of rem) if (!unranked?.[o + c] && levels[o + c] < lo) lo = levels[o + c];
    for (const c of rem) if (levels[o + c] === lo && !unranked?.[o + c]) out[c] += w;
  }
}

const TOPS =
  'A ballot\'s top group among the remaining candidates gets one point each (pref_voting\'s tops_scores, score_type "approval"); candidates a truncated ballot leaves unranked get nothing from it.';

export const approvalIrv: ProfileRule = {
  name: 'approval-irv',
  aliases: [],
  title: 'Approval IRV',
  description:
    'Instant runoff where each ballot approves every candidate in its top group among those remaining; the candidates with the fewest approvals are removed, round after round.',
  family: 'elimination',
  input: 'rankings',
  output: 'ranking',
  ties: `As pref_voting's approval_irv: all candidates tied for the fewest approvals go at once; if all remaining tie, they all win. ${TOPS}`,
  axioms: ['anonymity', 'neutrality', 'pareto'],
  reference:
    'Delemazure & Peters (2024), Approval-based instant-runoff voting (arXiv:2404.11407); pref_voting iterative_methods.approval_irv',
  run(s, cands) {
    const a = new Float64Array(s.m);
    return eliminate(inPlay(s.m, cands), (rem) => {
      topApprovals(s.profile, rem, a);
      return { remove: lowest(rem, a) };
    });
  },
};

export const approvalIrvPut: ProfileRule = {
  name: 'approval-irv-put',
  aliases: [],
  title: 'Approval IRV (parallel-universe tie-breaking)',
  description:
    'Approval IRV removing one candidate at a time; when several tie for the fewest approvals, every choice is followed, and the winners are the union.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's approval_irv_put (exact, memoized on the remaining set). ${TOPS}`,
  axioms: ['anonymity', 'neutrality', 'pareto'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.approval_irv_put',
  run(s, cands) {
    const a = new Float64Array(s.m);
    return parallelUniverses(
      inPlay(s.m, cands),
      (rem) => {
        topApprovals(s.profile, rem, a);
        return { tied: lowest(rem, a) };
      },
      'approval-irv-put',
    );
  },
};
