/**
 * Built-in NRL example: two parts betting on a coin through the agent.
 *
 * States: 'ready' (before the first toss), 'heads', 'tails' — the last toss. Every step the coin is
 * tossed whatever A does: the truth gives heads with probability `truth`, Alice believes `alice`,
 * Bob believes `bob`. A's actions allocate one unit of a good each step: 'Alice' (Alice gets 1),
 * 'Bob' (Bob gets 1) or 'share' (each gets `share`; with share > 1/2 sharing is the efficient
 * compromise). Rewards do not depend on the coin — the parts disagree only about the world.
 *
 * What it shows (Critch's theorem): the NRL agent shares while the weights are close and then
 * serves whoever the tosses favour — the parts have in effect bet on the coin through A, each
 * expecting to win. Its weights follow w_A·P_A(h) : w_B·P_B(h), so the log-odds ln(w_A/w_B) move by
 * ln(p_A(x)/p_B(x)) at each toss x, and in expectation under the truth by
 *     drift = Σ_x p(x) ln(p_A(x)/p_B(x)) = KL(truth‖Bob) − KL(truth‖Alice)  per toss:
 * toward the better predictor. A fixed-weight aggregation under one shared world model (the
 * average of their beliefs) never bets; with equal weights it shares every step, and the NRL
 * policy gives both parts more by their own lights — it Pareto-dominates the naive one.
 *
 * Defaults: truth 0.6, Alice 0.7, Bob 0.3, share 0.6, horizon 8, equal weights. Numbers (checked
 * in test/dynamics/nrl): at horizon 2, NRL shares at 'ready', then gives Alice the heads and Bob
 * the tails: own-belief utilities (1.3, 1.3) against the naive (1.2, 1.2); under the truth
 * (1.2, 1.0). drift = 0.2·ln(7/3) ≈ 0.16946 nats per toss. At horizon 8 (255 history nodes):
 * NRL own-belief utilities (6.203, 6.203) against the naive (4.8, 4.8); under the truth NRL gives
 * (5.28, 3.14); E[w_Alice] after t tosses 0.5, 0.54, 0.569, 0.594, …, 0.680 and E[ln(w_A/w_B)] = t·drift.
 * The classic bet (fair coin, Alice 0.9 heads, Bob 0.9 tails, horizon 2): NRL (1.5, 1.5) against
 * (1.2, 1.2) for fixed weights under any one world model.
 */
import { Random } from '../../core/random.js';
import { expectedWeightPath, type NrlTrajectory, sampleTrajectory } from './policies.js';
import { type NaiveSolution, naiveAggregation } from './baselines.js';
import type { NrlProblem, NrlSolution } from './problem.js';
import { solveNrl } from './solver.js';
import { dominates } from '../../core/pareto.js';

export interface CoinBetOptions {
  /** True probability of heads (default 0.6). */
  readonly truth?: number;
  /** Alice's belief in heads (default 0.7). */
  readonly alice?: number;
  /** Bob's belief in heads (default 0.3). */
  readonly bob?: number;
  /** What each part gets when A shares (default 0.6). */
  readonly share?: number;
  /** Number of decisions (default 8). */
  readonly horizon?: number;
  /** Prior weights of Alice and Bob (default [0.5, 0.5]). */
  readonly weights?: readonly [number, number];
  /** Seed of the sampled trajectory (default 1). */
  readonly seed?: number;
}

export interface CoinBetResult {
  readonly problem: NrlProblem;
  readonly nrl: NrlSolution;
  readonly naive: NaiveSolution;
  /** Whether NRL's own-belief utilities Pareto-dominate the naive aggregation's. */
  readonly nrlDominatesNaive: boolean;
  /** (H+1)×2: E_truth[w(t)] under the NRL policy, exact over all toss sequences. */
  readonly expectedWeights: Float64Array;
  /** H+1: E_truth[ln(w_Alice/w_Bob)] after t tosses. */
  readonly expectedLogOdds: Float64Array;
  /** Σ_x p(x) ln(p_Alice(x)/p_Bob(x)): the expected change of the log-odds per toss. */
  readonly driftPerToss: number;
  /** One seeded trajectory from the truth, with the weights along it. */
  readonly sample: NrlTrajectory;
}

function coinModel(p: number): Float64Array {
  // 3 states × 3 actions × 3 next states; every row: ready 0, heads p, tails 1 − p.
  const T = new Float64Array(27);
  for (let sa = 0; sa < 9; sa++) {
    T[sa * 3 + 1] = p;
    T[sa * 3 + 2] = 1 - p;
  }
  return T;
}

/** The coin-bet problem alone (plain data). */
export function coinBetProblem(opts: CoinBetOptions = {}): NrlProblem {
  const share = opts.share ?? 0.6;
  const w = opts.weights ?? [0.5, 0.5];
  const alice = new Float64Array(9);
  const bob = new Float64Array(9);
  for (let s = 0; s < 3; s++) {
    alice[s * 3 + 0] = 1;
    alice[s * 3 + 2] = share;
    bob[s * 3 + 1] = 1;
    bob[s * 3 + 2] = share;
  }
  return {
    env: {
      states: ['ready', 'heads', 'tails'],
      actions: ['Alice', 'Bob', 'share'],
      truth: coinModel(opts.truth ?? 0.6),
      start: Float64Array.from([1, 0, 0]),
      horizon: opts.horizon ?? 8,
    },
    parts: [
      { name: 'Alice', reward: alice, beliefs: coinModel(opts.alice ?? 0.7), weight: w[0] },
      { name: 'Bob', reward: bob, beliefs: coinModel(opts.bob ?? 0.3), weight: w[1] },
    ],
  };
}

/** Runs the coin bet: NRL against naive aggregation, and the weight dynamics. */
export function coinBet(opts: CoinBetOptions = {}): CoinBetResult {
  const problem = coinBetProblem(opts);
  const nrl = solveNrl(problem);
  const naive = naiveAggregation(problem, { model: 'mixture' });
  const path = expectedWeightPath(problem, nrl.policy);
  const H = problem.env.horizon;
  const expectedLogOdds = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) expectedLogOdds[t] = path.meanLog[t * 2] - path.meanLog[t * 2 + 1];
  const p = opts.truth ?? 0.6;
  const pa = opts.alice ?? 0.7;
  const pb = opts.bob ?? 0.3;
  const term = (q: number, x: number, y: number) => (q > 0 ? q * Math.log(x / y) : 0);
  const driftPerToss = term(p, pa, pb) + term(1 - p, 1 - pa, 1 - pb);
  const sample = sampleTrajectory(problem, nrl.policy, new Random(opts.seed ?? 1));
  return {
    problem,
    nrl,
    naive,
    nrlDominatesNaive: dominates(nrl.own, naive.own, { tol: 1e-9 }),
    expectedWeights: path.mean,
    expectedLogOdds,
    driftPerToss,
    sample,
  };
}
