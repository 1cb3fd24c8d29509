import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finalWeights, boundedCompute } from '../../src/dynamics/bounded/index.js';
import { getExperiment } from '../../src/experiment/registry.js';
import { runBoundedCompute } from '../../src/experiment/bounded-compute.js';

const round = (xs: readonly number[], d = 3) => xs.map((x) => Number(x.toFixed(d)));
const r = runBoundedCompute(1);

test('bounded-compute: the precision split and what it buys (the numbers bounded-builtins documents)', () => {
  assert.equal(r.kind, 'experiment');
  assert.equal(r.experiment, 'bounded-compute');
  assert.deepEqual(r.parts, ['plain', 'refined']);
  assert.deepEqual(r.complexity, { plain: 1, refined: 4 });
  const p = r.precision;
  // σ* = 0.5 costs k(1/0.25 − 1) = 3k: plain spends 3 and keeps 5; refined would need 12, spends all 8.
  assert.deepEqual(p.value_compute, { plain: 3, refined: 8 });
  assert.deepEqual(p.model_compute, { plain: 5, refined: 0 });
  assert.ok(Math.abs(p.value_sd.refined - 1 / Math.sqrt(3)) < 1e-15);
  assert.ok(Math.abs(p.model_share.plain - 5 / 6) < 1e-15);
  assert.equal(p.model_share.refined, 0);
  // NRL's weight flows to the part whose values are cheap, day by day.
  assert.deepEqual(
    round(p.expected_weights.plain),
    [0.5, 0.571, 0.633, 0.685, 0.728, 0.765, 0.797, 0.824, 0.848],
  );
  assert.ok(Math.abs(p.final_weights.plain - 0.84779) < 1e-5, `${p.final_weights.plain}`);
  assert.ok(Math.abs(p.final_weights.plain + p.final_weights.refined - 1) < 1e-12);
  assert.deepEqual(round([p.utility.plain, p.utility.refined], 2), [4.73, 3.31]);
  assert.deepEqual(round([p.utility_se.plain, p.utility_se.refined], 2), [0.1, 0.11]);
});

test('bounded-compute: under the fixed split the weights do not separate', () => {
  const f = r.fixed;
  assert.deepEqual(f.model_share, { plain: 0.8, refined: 0.8 });
  for (const w of [...f.expected_weights.plain, ...f.expected_weights.refined])
    assert.ok(Math.abs(w - 0.5) < 1e-12);
  assert.deepEqual(round([f.utility.plain, f.utility.refined], 2), [3.87, 4.17]);
});

test('bounded-compute: the sweep over the refined part’s value complexity', () => {
  assert.deepEqual(
    r.sweep.map((s) => s.complexity),
    [1, 1.5, 2, 2.5, 4],
  );
  assert.deepEqual(round(r.sweep.map((s) => s.final_weights.plain)), [0.5, 0.519, 0.565, 0.722, 0.848]);
  assert.deepEqual(round(r.sweep.map((s) => s.refined_model_share)), [0.833, 0.778, 0.667, 0.333, 0]);
  // Equal complexities: no advantage; the last row is the precision run itself.
  assert.ok(Math.abs(r.sweep[0].final_weights.plain - 0.5) < 1e-12);
  assert.deepEqual(r.sweep[4].final_weights, r.precision.final_weights);
  assert.deepEqual(r.sweep[4].utility, r.precision.utility);
});

test('bounded-compute: the weights are the bounded-parts built-in’s (which do not depend on the noise)', () => {
  const b = boundedCompute({ draws: 1, grid: 1, rounds: 1, sweep: [1, 1.5, 2, 2.5, 4] });
  const close = (x: ArrayLike<number>, y: Record<string, number>) =>
    Math.abs(x[0] - y.plain) < 1e-12 && Math.abs(x[1] - y.refined) < 1e-12;
  assert.ok(close(finalWeights(b.precision), r.precision.final_weights));
  assert.ok(close(finalWeights(b.fixed), r.fixed.final_weights));
  b.sweep.forEach((s, i) => {
    assert.ok(close(s.finalWeights, r.sweep[i].final_weights), `sweep ${i}`);
  });
});

test('bounded-compute: deterministic from the seed; the seed moves the utilities, not the weights', () => {
  assert.deepEqual(getExperiment('bounded-compute').run(1), r);
  const other = runBoundedCompute(7);
  assert.equal(other.seed, 7);
  assert.deepEqual(
    round(Object.values(other.precision.final_weights), 12),
    round(Object.values(r.precision.final_weights), 12),
  );
  assert.notEqual(other.precision.utility.plain, r.precision.utility.plain);
  assert.match(r.summary, /plain 0\.848 \/ refined 0\.152 \(fixed split 0\.500 \/ 0\.500\)/);
  assert.match(r.summary, /0\.500, 0\.519, 0\.565, 0\.722, 0\.848$/);
});
