import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import {
  coinBet,
  coinBetProblem,
  expectedWeightPath,
  sampledWeightPath,
  solveNrl,
} from '../../../src/dynamics/nrl/index.js';
import { near } from './helpers.js';

test('coin bet: the expected log-odds grow by KL(truth‖Bob) − KL(truth‖Alice) per toss, exactly', () => {
  const r = coinBet();
  const H = r.problem.env.horizon;
  assert.equal(H, 8);
  assert.ok(Math.abs(r.driftPerToss - 0.2 * Math.log(7 / 3)) < 1e-15);
  for (let t = 0; t <= H; t++)
    assert.ok(Math.abs(r.expectedLogOdds[t] - t * r.driftPerToss) < 1e-12, `t = ${t}`);
  // E[w_Alice] rises toward the better predictor, every step
  for (let t = 1; t <= H; t++) assert.ok(r.expectedWeights[2 * t] > r.expectedWeights[2 * (t - 1)]);
  assert.ok(Math.abs(r.expectedWeights[2] - 0.54) < 1e-12); // 0.6·0.7 + 0.4·0.3
  assert.ok(r.expectedWeights[2 * H] > 0.68 && r.expectedWeights[2 * H] < 0.681);
  assert.ok(r.nrlDominatesNaive);
  near(r.naive.own, [4.8, 4.8], 1e-9); // share every step: 8 × 0.6
});

test('coin bet: the sampled trajectory carries the weights the tosses imply', () => {
  const r = coinBet({ seed: 3 });
  const { states, weights } = r.sample;
  let heads = 0;
  let tails = 0;
  for (let t = 0; t <= r.problem.env.horizon; t++) {
    if (t > 0) {
      if (states[t] === 1) heads++;
      else tails++;
    }
    const a = 0.7 ** heads * 0.3 ** tails;
    const b = 0.3 ** heads * 0.7 ** tails;
    near(weights.subarray(2 * t, 2 * t + 2), [a / (a + b), b / (a + b)], 1e-12);
  }
});

test('coin bet: the mean of sampled weight paths approaches the exact expectation', () => {
  const p = coinBetProblem({ horizon: 6 });
  const sol = solveNrl(p);
  const exact = expectedWeightPath(p, sol.policy).mean;
  const mc = sampledWeightPath(p, sol.policy, new Random(11), 4000);
  near(mc, exact, 0.02);
});

test('coin bet: when Bob is the better predictor, the weight flows to Bob', () => {
  const r = coinBet({ truth: 0.35, horizon: 6 });
  assert.ok(r.driftPerToss < 0);
  assert.ok(r.expectedWeights[2 * 6 + 1] > 0.6);
  for (let t = 0; t <= 6; t++) assert.ok(Math.abs(r.expectedLogOdds[t] - t * r.driftPerToss) < 1e-12);
});
