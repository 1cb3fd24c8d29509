import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import {
  type BoundedPart,
  finalWeights,
  mixedBeliefs,
  modelShare,
  precisionCompute,
  runBounded,
  uniformModel,
  valueSd,
  boundedCompute,
  weatherEnv,
  weatherParts,
} from '../../../src/dynamics/bounded/index.js';

const forms = { sd0: 1, halfModel: 1 };

test('the functional forms: σ = σ0/√(1 + c_v/k), m = c_m/(c_m + h), T = (1 − m)F + m·truth', () => {
  assert.equal(valueSd(0, 3, 2), 2);
  assert.ok(Math.abs(valueSd(9, 3, 2) - 1) < 1e-15); // four "samples" halve the sd
  assert.ok(Math.abs(valueSd(12, 4) - valueSd(3, 1)) < 1e-15); // complexity scales the compute needed
  for (const k of [0.5, 1, 4])
    assert.ok(Math.abs(valueSd(precisionCompute(0.3, k, 1.5), k, 1.5) - 0.3) < 1e-12);
  assert.equal(precisionCompute(2, 1, 1), 0); // already precise enough
  assert.equal(modelShare(0, 2), 0);
  assert.equal(modelShare(2, 2), 0.5);
  const env = weatherEnv(3);
  const T = mixedBeliefs(env.truth, uniformModel(2, 3), 0.5);
  assert.deepEqual(Array.from(T.subarray(0, 2)), [0.7, 0.3]);
  assert.deepEqual(Array.from(T.subarray(6, 8)), [0.35, 0.65]);
});

/** E_truth[w_0(H)] for two parts with equal priors, by enumerating every weather sequence. */
function enumeratedFinalWeight(
  truth: Float64Array,
  start: Float64Array,
  b0: Float64Array,
  b1: Float64Array,
  H: number,
): number {
  const A = 3;
  const S = 2;
  let e = 0;
  for (let code = 0; code < S ** (H + 1); code++) {
    const seq = Array.from({ length: H + 1 }, (_, k) => Math.floor(code / S ** (H - k)) % S);
    let p = start[seq[0]];
    let l0 = 1;
    let l1 = 1;
    for (let k = 0; k < H; k++) {
      const at = (seq[k] * A + 0) * S + seq[k + 1];
      p *= truth[at];
      l0 *= b0[at];
      l1 *= b1[at];
    }
    e += (p * l0) / (l0 + l1);
  }
  return e;
}

test('equal everything but value complexity: the cheaper-values part ends with more expected weight (exact)', () => {
  const env = weatherEnv(4);
  const parts = weatherParts(4, 4); // plain k = 1, refined k = 4, budgets 4, equal weights
  const r = runBounded(env, parts, { split: { kind: 'precision', sd: 0.5 }, forms, draws: 4 }, new Random(1));
  // plain needs 3 for σ = 0.5 and keeps 1 for its model; refined would need 12 and spends all 4
  assert.deepEqual(Array.from(r.fractions), [0.75, 1]);
  assert.deepEqual(Array.from(r.valueCompute), [3, 4]);
  assert.deepEqual(Array.from(r.modelShare), [0.5, 0]);
  assert.ok(Math.abs(r.sd[0] - 0.5) < 1e-15 && Math.abs(r.sd[1] - Math.SQRT1_2) < 1e-15);
  const w = finalWeights(r);
  const exact = enumeratedFinalWeight(env.truth, env.start, r.beliefs[0], r.beliefs[1], 4);
  assert.ok(Math.abs(w[0] - exact) < 1e-12, `${w[0]} vs ${exact}`);
  assert.ok(w[0] > 0.68 && w[1] < 0.32); // 0.688 after four days
  // the expected log-odds rise every step: each day the better model predicts better on average
  for (let t = 1; t <= 4; t++) {
    const before = r.expectedLogWeights[2 * (t - 1)] - r.expectedLogWeights[2 * (t - 1) + 1];
    const after = r.expectedLogWeights[2 * t] - r.expectedLogWeights[2 * t + 1];
    assert.ok(after > before, `t = ${t}`);
  }
});

test('the advantage grows with the other part’s complexity and vanishes when complexities are equal', () => {
  const env = weatherEnv(5);
  const weightOfPlain = (k: number) =>
    finalWeights(
      runBounded(
        env,
        weatherParts(k, 8),
        { split: { kind: 'precision', sd: 0.5 }, forms, draws: 2 },
        new Random(2),
      ),
    )[0];
  const ws = [1, 1.5, 2, 2.5].map(weightOfPlain);
  assert.ok(Math.abs(ws[0] - 0.5) < 1e-12);
  for (let j = 1; j < ws.length; j++) assert.ok(ws[j] > ws[j - 1], `${ws}`);
});

test('with a fixed split the world models are equal and the weights never separate', () => {
  const r = runBounded(
    weatherEnv(5),
    weatherParts(4, 4),
    { split: { kind: 'fixed', fraction: 0.5 }, forms, draws: 4 },
    new Random(3),
  );
  for (let k = 0; k < r.expectedWeights.length; k++) assert.ok(Math.abs(r.expectedWeights[k] - 0.5) < 1e-12);
  assert.ok(r.sd[1] > r.sd[0]); // but the complex values are known less precisely
});

test('statistical: under the precision rule the cheaper-values part also gets more true utility (seeded)', () => {
  const r = runBounded(
    weatherEnv(6),
    weatherParts(4, 4),
    { split: { kind: 'precision', sd: 0.5 }, forms, draws: 100 },
    new Random(1),
  );
  const gap = r.utility[0] - r.utility[1];
  const se = Math.hypot(r.utilitySe[0], r.utilitySe[1]);
  assert.ok(gap > 0.3 && gap > 2 * se, `gap ${gap}, se ${se}`);
  assert.equal(r.draws, 100);
});

test('noiseless values need one draw; best responses search the grid and report their rounds', () => {
  const parts: BoundedPart[] = weatherParts(2, 2);
  const none = runBounded(
    weatherEnv(3),
    parts,
    { split: { kind: 'fixed', fraction: 0 }, forms: { sd0: 0 }, draws: 50 },
    new Random(4),
  );
  assert.equal(none.draws, 1);
  const br = runBounded(
    weatherEnv(3),
    parts,
    { split: { kind: 'best-response', grid: 2, rounds: 2 }, forms, draws: 4 },
    new Random(5),
  );
  assert.ok(br.rounds >= 1 && br.rounds <= 2);
  assert.equal(br.trace.length, br.rounds);
  for (const f of br.fractions) assert.ok([0, 0.5, 1].includes(f));
  assert.deepEqual(Array.from(br.trace[br.trace.length - 1]), Array.from(br.fractions));
});

test('bad bounded parts and rules are UserErrors that say where', () => {
  const env = weatherEnv(2);
  const parts = weatherParts(2, 2);
  const run =
    (
      ps: BoundedPart[],
      split: Parameters<typeof runBounded>[2]['split'] = { kind: 'fixed', fraction: 0.5 },
    ) =>
    () =>
      runBounded(env, ps, { split, forms }, new Random(1));
  assert.throws(run([{ ...parts[0], complexity: 0 }]), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.message, 'parts[0].complexity: expected a number > 0, got 0');
    return true;
  });
  assert.throws(run([{ ...parts[0], budget: -1 }]), /parts\[0\]\.budget: expected a number ≥ 0, got -1/);
  assert.throws(
    run([{ ...parts[0], fallback: new Float64Array(3) }]),
    /parts\[0\]\.fallback: expected 12 numbers/,
  );
  assert.throws(
    run(parts, { kind: 'fixed', fraction: 2 }),
    /split\.fraction: expected a fraction in \[0, 1\], got 2/,
  );
  assert.throws(run(parts, { kind: 'best-response', grid: 0 }), /split\.grid/);
});

test('built-in: bounded parts splitting compute (small settings)', () => {
  const r = boundedCompute({ draws: 8, grid: 2, rounds: 1, sweep: [1, 4] });
  assert.deepEqual(r.env.states, ['sun', 'rain']);
  const fixed = finalWeights(r.fixed);
  assert.ok(Math.abs(fixed[0] - 0.5) < 1e-12);
  const precision = finalWeights(r.precision);
  assert.ok(Math.abs(precision[0] - 0.8478) < 5e-5, `${precision[0]}`);
  assert.deepEqual(Array.from(r.precision.modelCompute), [5, 0]);
  assert.ok(Math.abs(r.sweep[0].finalWeights[0] - 0.5) < 1e-12);
  assert.ok(Math.abs(r.sweep[1].finalWeights[0] - precision[0]) < 1e-12);
  assert.equal(r.bestResponse.rounds, 1);
});
