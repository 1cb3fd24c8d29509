/**
 * Fisher market over the decision (Eisenberg & Gale 1959). The goods are the actions, one unit of
 * each; the buyers are the participants, each with its budget B_k and linear utility U_k(a) = ū_k(a)
 * (its utility on [0, 1], common.ts) per unit of action a it buys. The competitive equilibrium is
 * the Eisenberg–Gale optimum
 *   maximize Σ_k B_k log(Σ_a U_k(a) x_ka)  subject to  Σ_k x_ka ≤ 1, x ≥ 0,
 * whose multipliers are the prices: every buyer spends its whole budget, only on goods with its
 * best utility per unit of money, and every good with a positive price is sold out. A good nobody
 * values has price 0.
 *
 * The decision is the lottery of the spending: action a is taken with probability p_a / Σ_b p_b,
 * the share of all the currency spent on it. Each participant thus controls exactly its budget's
 * share of the decision and spends it where, at equilibrium prices, its money goes furthest:
 * crowded favourites get expensive and push buyers who also like something else towards it.
 * The lottery is not Pareto optimal in general (two identical buyers with utilities (1, 0.5, 0)
 * buy action 1 too: prices (4/3, 2/3, 0), lottery (2/3, 1/3, 0)); unlike Nash bargaining over
 * lotteries, it treats the actions as private goods each buyer consumes.
 *
 * Computed by proportional response dynamics, finished exactly on the graph of best goods
 * (fisher-solver.ts), to an Eisenberg–Gale duality gap ≤ 1e-13 · Σ B (reported as `details.gap`,
 * with `details.iterations`); with nobody to buy anything all actions are tied and no lottery is
 * returned. Winners are the support of
 * the lottery (the actions someone values); scores are the prices. Other details: `prices`,
 * `allocation[k]` (participant k's units of each action) and `spending[k]` — one equilibrium
 * allocation: prices are unique, allocations need not be. `decisionShare`: a
 * participant's share of the spending (its budget share, if it values anything).
 *
 * Example (two buyers, budgets 1): U_0 = (1, 0, 0), U_1 = (1, 0.5, 0). Nobody values action 2
 * (price 0). Buyer 0 spends on action 0 only; buyer 1 must be indifferent, 1/p_0 = 0.5/p_1, and
 * p_0 + p_1 = 2, so p = (4/3, 2/3, 0): buyer 1 buys all of action 1 for 2/3 and a quarter of
 * action 0 for 1/3. Lottery (2/3, 1/3, 0).
 */
import { allTied, lotteryResult } from '../cardinal/common.js';
import type { UtilityRule } from '../types.js';
import { type Market, marketOptions, type Outcome, runMarket, shares } from './common.js';
import { fisherEquilibrium } from './fisher-solver.js';

const NAME = 'fisher-market';

function fisher(m: Market): Outcome {
  const A = m.actions;
  const K = m.participants.length;
  const buyers: number[] = [];
  m.participants.forEach((q, k) => {
    if (q.budget > 0 && q.value.some((x) => x > 0)) buyers.push(k);
  });
  const spent = new Float64Array(K);
  if (buyers.length === 0) {
    const none = m.participants.map(() => new Array<number>(A).fill(0));
    const extra = {
      prices: new Array<number>(A).fill(0),
      allocation: none,
      spending: none,
      gap: 0,
      iterations: 0,
    };
    return { result: allTied(A), spent, share: spent, extra };
  }
  const n = buyers.length;
  const U = new Float64Array(n * A);
  const B = new Float64Array(n);
  buyers.forEach((k, r) => {
    U.set(m.participants[k].value, r * A);
    B[r] = m.participants[k].budget;
    spent[k] = B[r];
  });
  const eq = fisherEquilibrium(U, B, n, A, 1e-13);
  const allocation = m.participants.map(() => new Array<number>(A).fill(0));
  const spending = m.participants.map(() => new Array<number>(A).fill(0));
  buyers.forEach((k, r) => {
    for (let a = 0; a < A; a++) {
      allocation[k][a] = eq.allocation[r * A + a];
      spending[k][a] = eq.spending[r * A + a];
    }
  });
  const prices = Array.from(eq.prices);
  return {
    result: lotteryResult(shares(eq.prices), prices),
    spent,
    share: shares(spent),
    extra: { prices, allocation, spending, gap: eq.gap, iterations: eq.iterations },
  };
}

export const fisherMarket: UtilityRule = {
  name: NAME,
  aliases: ['fisher', 'eisenberg-gale'],
  title: 'Fisher market (Eisenberg–Gale)',
  description:
    'The parts buy units of the actions with their budgets at competitive-equilibrium prices (the Eisenberg–Gale optimum); each action is taken with probability equal to its share of all the spending.',
  family: 'market',
  input: 'utilities',
  output: 'lottery',
  ties: 'a lottery: the equilibrium prices are unique, so is the lottery; winners are its support (the actions some part at the table values above its worst). Parts with budget 0 take no part.',
  axioms: ['anonymity', 'neutrality'],
  options: marketOptions,
  reference:
    'Eisenberg & Gale (1959), Consensus of subjective probabilities: the pari-mutuel method, Ann. Math. Statist. 30; Zhang (2011) and Birnbaum, Devanur & Xiao (2011) for proportional response',
  run(p, opts) {
    return runMarket(p, opts, NAME, fisher);
  },
};
