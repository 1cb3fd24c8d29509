/**
 * Quadratic voting with voice credits (Lalley & Weyl 2018; Posner & Weyl 2018). Each part has
 * credits equal to its budget B_i and buys votes x_i(a) for (positive) or against (negative) every
 * action at a cost of Σ_a x_i(a)² credits. The action with the most net votes X(a) = Σ_i x_i(a)
 * wins.
 *
 * Votes computed: the budget-constrained form of Lalley & Weyl's large-electorate equilibrium, in
 * which each voter's votes are proportional to its marginal values. A part's gain from a vote
 * vector is, to first order, proportional to ⟨d_i, x_i⟩ with d_i = ū_i − mean_a ū_i (its centred
 * utility on [0, 1]: moving every action by the same amount changes nothing, so credits spent on
 * that are wasted); maximizing it over Σ_a x_i(a)² ≤ B_i gives
 *   x_i = √B_i · d_i / ‖d_i‖,
 * spending every credit (cost exactly B_i). Votes grow as the square root of the credits: four
 * times the budget buys twice the say. A part indifferent among all actions buys no votes. The
 * choice is invariant to rescaling any part's utility.
 *
 * Coalitions: the quadratic cost is per part, so credits are not pooled; a coalition's members
 * coordinate instead, each voting its own credits along the coalition's joint centred value
 * (common.ts), x_i = √B_i · d_C / ‖d_C‖.
 *
 * Ties: actions whose net votes agree to 1e-9 (relative; absolute near 0) are tied, winners the
 * whole top group. `details.votes[i]`: part i's votes per action; `details.credits[i]`: what it
 * spent (Σ votes²). `decisionShare`: a participant's share of the positive votes for the winner
 * (mean over tied winners).
 *
 * Example (equal credits 1): ū_0 = (1, 0, 0), ū_1 = (0, 1, 0.9), ū_2 = (0, 1, 0.9):
 * d_0 = (2, −1, −1)/3, x_0 = (2, −1, −1)/√6; d_1 = d_2 = (−1.9, 1.1, 0.8)/3, x = d/‖d‖. Action 1 wins.
 */
import { indices } from '../cardinal/common.js';
import { scoredResult } from '../result.js';
import type { UtilityRule } from '../types.js';
import { type Market, marketOptions, type Outcome, runMarket, winnersShare } from './common.js';

const NAME = 'quadratic-voting';

function qv(m: Market): Outcome {
  const A = m.actions;
  const K = m.participants.length;
  const votes = Array.from({ length: m.parts }, () => new Array<number>(A).fill(0));
  const credits = new Array<number>(m.parts).fill(0);
  const X = new Float64Array(A);
  const own = m.participants.map(() => new Float64Array(A));
  const spent = new Float64Array(K);
  m.participants.forEach((q, k) => {
    let mean = 0;
    for (let a = 0; a < A; a++) mean += q.value[a] / A;
    const d = Float64Array.from(q.value, (x) => x - mean);
    let norm = 0;
    for (let a = 0; a < A; a++) norm += d[a] * d[a];
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return;
    q.members.forEach((i, j) => {
      const r = Math.sqrt(q.memberBudgets[j]) / norm;
      for (let a = 0; a < A; a++) {
        votes[i][a] = r * d[a];
        own[k][a] += r * d[a];
        X[a] += r * d[a];
      }
      credits[i] = q.memberBudgets[j];
      spent[k] += q.memberBudgets[j];
    });
  });
  const result = scoredResult(indices(A), X);
  const share = winnersShare(result.winners, K, (a) => own.map((x) => Math.max(0, x[a])));
  return { result, spent, share, extra: { votes, credits } };
}

export const quadraticVoting: UtilityRule = {
  name: NAME,
  aliases: ['qv'],
  title: 'Quadratic voting',
  description:
    'Each part spends its budget as voice credits on votes for or against actions at a cost of votes², votes proportional to its centred utilities (every credit spent); the action with the most net votes wins.',
  family: 'market',
  input: 'utilities',
  output: 'ranking',
  ties: 'actions whose net votes agree to 1e-9 (relative; absolute near 0) are tied, winners the whole top group. Parts with budget 0 take no part.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: marketOptions,
  reference:
    'Lalley & Weyl (2018), Quadratic voting: how mechanism design can radicalize democracy, AEA Papers and Proceedings 108; Posner & Weyl (2018), Radical Markets',
  run(p, opts) {
    return runMarket(p, opts, NAME, qv);
  },
};
