/**
 * scenarios/spurious-unanimity.yaml — two parts, each 90% sure the coin favours it, agree to bet.
 *
 * Hand-worked. Each part starts with wealth 1 and has utility √wealth; the bet moves 1 from the
 * loser to the winner; a settlement moves x ∈ {0, ±0.3, ±0.6, ±0.9} for sure (x > 0 to the part
 * sure of heads).
 * Own beliefs: each part expects 0.9·√2 = 1.2728 from the bet, more than √1 = 1 from no payment:
 * both prefer the bet to not betting, and H's weighted sum picks it (2.5456 against at most 2).
 * A settlement x beats the bet for the heads part iff √(1+x) ≥ 0.9·√2, i.e. x ≥ 0.62, and for the
 * tails part iff x ≤ −0.62: none does both, so the bet is Pareto-efficient under own beliefs.
 * A shared belief P(heads) = p: the heads part's certainty equivalent of the bet is 2p² − 1 (as a
 * transfer), the tails part's is 1 − 2(1−p)². Any x strictly between them dominates the bet; the
 * interval has width 4p(1−p) > 0 for every p in (0, 1) (Jensen: risk-averse parts lose by betting
 * against each other at any common odds). With this menu, some x falls inside for
 * p ∈ (1 − √0.95, √0.95) ≈ (0.0253, 0.9747).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildContext } from '../../src/align/context.js';
import { evaluate } from '../../src/run/one-shot.js';
import { dominators } from '../../src/core/pareto.js';
import { reading, round, run, targets, variant } from './helpers.js';

const transfer = (action: string) =>
  action === 'no-payment' ? 0 : (action.startsWith('pay-heads') ? 1 : -1) * Number(action.split('-').pop());

/** The file with the shared world model (and the truth) saying P(heads) = p. */
const shared = (p: number) =>
  variant('spurious-unanimity', (f) => {
    f.actions.bet = { heads: p, tails: 1 - p };
    f.truth.bet = { heads: p, tails: 1 - p };
  });

test('spurious-unanimity: under their own beliefs both parts want the bet, and nothing dominates it', () => {
  const r = run('spurious-unanimity');
  assert.equal(r.behaviour, 'bet');
  assert.deepEqual(round(r.metrics.bet.utility, 4), { 'sure-of-heads': 1.2728, 'sure-of-tails': 1.2728 });
  assert.deepEqual(round(r.metrics['no-payment'].utility, 4), { 'sure-of-heads': 1, 'sure-of-tails': 1 });
  assert.equal(r.metrics.bet.pareto_dominated, false);
  // ...but under the shared world model (a fair coin) it is: no payment, ±0.3 give both more.
  assert.equal(r.metrics.bet.pareto_dominated_shared, true);
  // Under own beliefs the bet dominates every settlement except ±0.9.
  for (const a of ['pay-heads-0.6', 'pay-heads-0.3', 'no-payment', 'pay-tails-0.3', 'pay-tails-0.6'])
    assert.deepEqual(r.metrics[a].pareto_dominated_by, ['bet'], a);
});

test('spurious-unanimity: every own-belief reading bets; the idealized parts (a fair coin) do not', () => {
  const r = run('spurious-unanimity');
  const t = targets(r);
  for (const id of [
    'boundary/instruction',
    'boundary/approval',
    'parts/weighted-utilitarian',
    'parts/nash-bargaining',
    'parts/pareto',
    'whole/learned',
  ])
    assert.equal(t[id], 'bet', id);
  assert.equal(reading(r, 'parts/pareto').self_aligned, true);
  // The delegates, each arguing from its part's beliefs, bargain their way into the bet as well.
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 3);
  assert.deepEqual(d, { bet: 0.955, 'pay-heads-0.9': 0.045 });
  const ideal = reading(r, 'parts/idealized');
  assert.equal(ideal.target, 'no-payment');
  // Under the truth the bet is worth 0.7071 to each: Nash ranks it between ±0.3 and ±0.6.
  assert.equal(ideal.scores?.bet, 0.25);
  assert.equal(ideal.reflexivity_gap, 0.75);
  assert.equal(ideal.self_aligned, false);
});

test('spurious-unanimity: for every shared belief p on a grid, the bet is Pareto-dominated, by exactly the settlements the formula says', () => {
  for (let k = 1; k <= 19; k++) {
    const p = k / 20;
    const s = shared(p);
    const ctx = buildContext(s);
    const r = evaluate(s, ctx);
    assert.equal(r.metrics.bet.pareto_dominated, false, `p = ${p}: own beliefs`);
    assert.equal(r.metrics.bet.pareto_dominated_shared, true, `p = ${p}: shared`);
    const bet = ctx.actions.indexOf('bet');
    const by = dominators(ctx.shared, bet).map((a) => transfer(ctx.actions[a]));
    const expected = [0.9, 0.6, 0.3, 0, -0.3, -0.6, -0.9].filter(
      (x) => 2 * p * p - 1 < x && x < 1 - 2 * (1 - p) ** 2,
    );
    assert.deepEqual(by, expected, `p = ${p}`);
    assert.ok(by.length > 0);
  }
});

test('spurious-unanimity: near certainty the finite menu runs out (p = 0.98: nothing dominates the bet)', () => {
  const r = evaluate(shared(0.98));
  assert.equal(r.metrics.bet.pareto_dominated_shared, false);
  assert.equal(evaluate(shared(0.97)).metrics.bet.pareto_dominated_shared, true);
});
