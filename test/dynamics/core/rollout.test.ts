import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import { approvalObjective, originalWelfareObjective } from '../../../src/dynamics/objective.js';
import { productivityAssistant } from '../../../src/dynamics/productivity.js';
import { estimateValue, lookaheadPolicy } from '../../../src/dynamics/rollout.js';
import { evaluateExact, solveExact } from '../../../src/dynamics/solve.js';
import { randomModel } from './helpers.js';

test('Monte Carlo estimates converge to the exact value of a plan', () => {
  const sc = productivityAssistant();
  const m = prepareModel(sc.env, sc.principal, { approval: sc.approval });
  const approval = approvalObjective(m);
  const plan = solveExact(m, approval);
  // The far-sighted approval plan, judged by approval and by the original parts' welfare.
  const welfare = evaluateExact(m, plan.rule, originalWelfareObjective(m)).value;
  for (const [objective, exact] of [
    [approval, plan.value],
    [originalWelfareObjective(m), welfare],
  ] as const) {
    const est = estimateValue(m, plan.policy, objective, new Random(5), { episodes: 4000 });
    assert.equal(est.episodes, 4000);
    assert.equal(est.steps, 4000 * 28);
    assert.ok(est.stderr > 0);
    assert.ok(
      Math.abs(est.mean - exact) < 5 * est.stderr + 1e-9,
      `${objective.name}: ${est.mean} vs ${exact} ± ${est.stderr}`,
    );
  }
});

test('Monte Carlo estimates of random problems, and of the online look-ahead agent, converge too', () => {
  for (const seed of [1, 2, 3]) {
    const m = randomModel(seed, { S: 4, A: 3, n: 2, L: 3, H: 6 });
    const o = approvalObjective(m);
    for (const depth of [1, 2, 6]) {
      const exact = solveExact(m, o, { depth }).value;
      const est = estimateValue(m, lookaheadPolicy(m, o, depth), o, new Random([seed, depth]), {
        episodes: 1500,
      });
      assert.ok(Math.abs(est.mean - exact) < 5 * est.stderr + 1e-9, `seed ${seed}, depth ${depth}`);
    }
  }
});

test('estimates are reproducible from the seed and change with it', () => {
  const sc = productivityAssistant();
  const m = prepareModel(sc.env, sc.principal, { approval: sc.approval });
  const o = approvalObjective(m);
  const p = solveExact(m, o).policy;
  const a = estimateValue(m, p, o, new Random(1), { episodes: 200 });
  const b = estimateValue(m, p, o, new Random(1), { episodes: 200 });
  const c = estimateValue(m, p, o, new Random(2), { episodes: 200 });
  assert.deepEqual(a, b);
  assert.notEqual(a.mean, c.mean);
  assert.throws(
    () => estimateValue(m, p, o, new Random(1), { episodes: 0 }),
    /episodes: expected a whole number of episodes/,
  );
});
