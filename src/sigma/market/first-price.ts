/**
 * First-price (pay-as-bid) action auction. Each participant submits a sealed bid on every action,
 * its willingness to pay for it: w_k(a) = B_k ū_k(a), its budget times its utility on [0, 1]
 * (common.ts: a part bids its whole budget on its favourite and nothing on its worst). The action
 * with the largest total bid W(a) = Σ_k w_k(a) wins; the bidders pay their bids on it, the other
 * bids are returned. No part pays more than its budget.
 *
 * Bids here are sincere (each bid is the bidder's value). Then the choice is the budget-weighted
 * relative-utilitarian one, the same as VCG's; what differs is who pays: here the whole winning
 * side pays its full bids. Sincere bidding is not an equilibrium of a first-price auction — a part
 * gains by shading its bids (Vickrey 1961) — which is why the `vcg` rule exists.
 *
 * Ties: actions whose totals agree to 1e-9 (relative) are tied, winners the whole top group;
 * payments and shares are reported as expectations under a uniform draw among tied winners.
 * `details.payments[k]`: what participant k pays; `decisionShare`: its share of the winning total.
 *
 * Example (budgets 2 and 1): ū_0 = (1, 0, 0.5), ū_1 = (0, 1, 1) → W = (2, 1, 2): actions 0 and 2
 * tie. With budgets equal W = (1, 1, 1.5): action 2 wins, part 0 pays 0.5 and part 1 pays 1.
 */
import { indices } from '../cardinal/common.js';
import { scoredResult } from '../result.js';
import type { UtilityRule } from '../types.js';
import { type Market, marketOptions, type Outcome, runMarket, winnersShare } from './common.js';

const NAME = 'first-price';

function auction(m: Market): Outcome {
  const A = m.actions;
  const K = m.participants.length;
  const W = new Float64Array(A);
  for (const q of m.participants) for (let a = 0; a < A; a++) W[a] += q.budget * q.value[a];
  const result = scoredResult(indices(A), W);
  const bids = (a: number) => m.participants.map((q) => q.budget * q.value[a]);
  const spent = new Float64Array(K);
  for (const a of result.winners) {
    const w = bids(a);
    for (let k = 0; k < K; k++) spent[k] += w[k] / result.winners.length;
  }
  const share = winnersShare(result.winners, K, bids);
  return { result, spent, share, extra: { payments: Array.from(spent) } };
}

export const firstPrice: UtilityRule = {
  name: NAME,
  aliases: ['first-price-auction', 'pay-as-bid'],
  title: 'First-price action auction',
  description:
    'Each part bids on every action its budget times its utility on [0, 1]; the action with the largest total bid wins and its bidders pay their bids.',
  family: 'market',
  input: 'utilities',
  output: 'ranking',
  ties: 'actions whose total bids agree to 1e-9 (relative) are tied, winners the whole top group; payments are expectations under a uniform draw among tied winners. Parts with budget 0 take no part.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: marketOptions,
  reference: 'Vickrey (1961), Counterspeculation, auctions, and competitive sealed tenders, J. Finance 16',
  run(p, opts) {
    return runMarket(p, opts, NAME, auction);
  },
};
