/**
 * Strategy-proofness against one voter's misreport (pref_voting's strategic axioms with the
 * "single-winner" set preference): a manipulation counts only when the winner is unique before
 * and after, and the voter truly prefers the new winner.
 */
import { linearOrders, orderText, prefers, replaceOne } from './election.js';
import type { SigmaAxiom } from './types.js';

export const strategyProofnessAxiom: SigmaAxiom = {
  name: 'strategy-proofness',
  aliases: ['single-voter-manipulation', 'manipulation'],
  title: 'Strategy-proofness',
  description:
    'No voter can change a unique winner into a unique winner it prefers by reporting another linear order.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    if (w.length !== 1) return null;
    const all = linearOrders(e.m);
    for (let i = 0; i < e.orders.length; i++) {
      const o = e.orders[i];
      if (o[0] === w[0]) continue; // the voter already has its favourite
      for (const lie of all) {
        if (lie.every((c, k) => c === o[k])) continue;
        const w2 = rule.winners(replaceOne(e, i, lie));
        if (w2.length === 1 && prefers(o, w2[0], w[0]))
          return {
            explanation: `${w[0]} wins; a voter ${orderText(o)} who reports ${orderText(lie)} makes ${w2[0]} win, which it prefers`,
          };
      }
    }
    return null;
  },
};
