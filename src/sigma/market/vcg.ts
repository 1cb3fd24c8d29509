/**
 * VCG with the Clarke pivot, choosing one action (Vickrey 1961; Clarke 1971; Groves 1973). Each
 * participant k values action a at v_k(a) = B_k ū_k(a) (common.ts: quasi-linear, its budget times
 * its utility on [0, 1]). The chosen action maximizes the total value V(a) = Σ_k v_k(a); each
 * participant pays the externality it imposes on the others,
 *   p_k = max_b Σ_{j≠k} v_j(b) − Σ_{j≠k} v_j(a*),
 * what the others lose because k is there. Reporting one's true values is a dominant strategy,
 * payments are ≥ 0, and a participant pays at most its value gain v_k(a*) − v_k(b) over the
 * action b the others would have chosen without it (so at most its budget); only pivotal
 * participants pay.
 *
 * `second-price` is an alias: for one decision among single-minded bidders (each values only its
 * own action) this is exactly Vickrey's second-price auction — the winner pays the runner-up's
 * total — and in general it is the second-price principle for a public choice.
 *
 * Ties: actions whose totals agree to 1e-9 (relative) are tied, winners the whole top group.
 * Every tied winner gives each participant the same payoff V(a*) − max_b Σ_{j≠k} v_j(b), so
 * payments are reported as expectations under a uniform draw among them (`details.payments`;
 * `details.pivots[k]` are the actions the others choose without k, by the same tie convention).
 * `decisionShare`: a participant's share of the total value of the decision.
 *
 * Example (equal budgets): ū_0 = (1, 0, 0), ū_1 = (0, 1, 0), ū_2 = (0, 0.6, 1) → V = (1, 1.6, 1),
 * action 1. Part 0 pays nothing; part 1 pays 1 − 0.6 = 0.4 (without it actions 0 and 2 tie at 1,
 * against 0.6 for action 1); part 2 pays 1 − 1 = 0 (without it actions 0 and 1 tie).
 */
import { indices } from '../cardinal/common.js';
import { groupByScore, scoredResult } from '../result.js';
import type { UtilityRule } from '../types.js';
import { type Market, marketOptions, type Outcome, runMarket, winnersShare } from './common.js';

const NAME = 'vcg';

function clarke(m: Market): Outcome {
  const A = m.actions;
  const K = m.participants.length;
  const V = new Float64Array(A);
  const v = m.participants.map((q) => Float64Array.from(q.value, (x) => q.budget * x));
  for (const row of v) for (let a = 0; a < A; a++) V[a] += row[a];
  const result = scoredResult(indices(A), V);
  const spent = new Float64Array(K);
  const pivots: number[][] = [];
  const others = new Float64Array(A);
  for (let k = 0; k < K; k++) {
    for (let a = 0; a < A; a++) others[a] = V[a] - v[k][a];
    let best = -Infinity;
    for (let a = 0; a < A; a++) best = Math.max(best, others[a]);
    pivots.push(groupByScore(indices(A), others)[0]);
    for (const a of result.winners) spent[k] += Math.max(0, best - others[a]) / result.winners.length;
  }
  const share = winnersShare(result.winners, K, (a) => v.map((row) => row[a]));
  return { result, spent, share, extra: { payments: Array.from(spent), pivots } };
}

export const vcg: UtilityRule = {
  name: NAME,
  aliases: ['second-price', 'clarke-pivot', 'vickrey-clarke-groves'],
  title: 'VCG (Clarke pivot)',
  description:
    'Chooses the action with the largest total value (each part’s budget times its utility on [0, 1]); each part pays the loss its presence imposes on the others (the Clarke pivot), which makes truthful values a dominant strategy.',
  family: 'market',
  input: 'utilities',
  output: 'ranking',
  ties: 'actions whose total values agree to 1e-9 (relative) are tied, winners the whole top group; payments are expectations under a uniform draw among tied winners (each gives every part the same payoff). Parts with budget 0 take no part.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: marketOptions,
  reference:
    'Vickrey (1961), J. Finance 16; Clarke (1971), Multipart pricing of public goods, Public Choice 11; Groves (1973), Incentives in teams, Econometrica 41',
  run(p, opts) {
    return runMarket(p, opts, NAME, clarke);
  },
};
