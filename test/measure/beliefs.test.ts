/**
 * Beliefs apart from values (measure/beliefs.ts): ex-ante and ex-post Pareto and the spurious
 * unanimity flag. The duel is scenarios/spurious-unanimity.yaml: two parts agree the bet (the duel
 * of Gilboa, Samet & Schmeidler 2004) should happen, each 90% sure it wins. Worked in that test's
 * comments: by own beliefs each expects 0.9·√2 = 1.2728 from the bet against 1 from no payment;
 * under the fair coin both the shared world model and the equal-weight linear pool give the bet
 * 0.5·√2 = 0.7071 each, and no payment (1 + 1) is the planner's best.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dominators } from '../../src/core/pareto.js';
import type { UtilityProblem } from '../../src/core/utility.js';
import { beliefPareto, spuriousOver } from '../../src/measure/beliefs.js';
import { evaluate } from '../../src/run/one-shot.js';
import { reading, variant } from '../scenarios/helpers.js';

const duel = evaluate(
  variant('spurious-unanimity', (f) => {
    f.alignments = ['parts/weighted-utilitarian', { id: 'parts/pooled', options: { pooling: 'linear' } }];
  }),
);

test('linear pooling reproduces the Bayesian planner’s ex-ante Pareto violation on the duel', () => {
  const pooled = reading(duel, 'parts/pooled');
  assert.equal(pooled.target, 'no-payment');
  // Both parts prefer the duel to what the planner chose, each by its own beliefs (1.2728 > 1).
  assert.equal(pooled.pareto_ex_ante, false);
  assert.ok(duel.metrics['no-payment'].pareto_dominated_by.includes('bet'));
  assert.equal(pooled.pareto_ex_post, true);
});

test('aggregating each part’s own expected utility keeps ex-ante Pareto and breaks ex-post Pareto on the duel (Mongin)', () => {
  const own = reading(duel, 'parts/weighted-utilitarian');
  assert.equal(own.target, 'bet');
  assert.equal(own.pareto_ex_ante, true);
  assert.equal(own.pareto_ex_post, false);
});

test('the duel is a spurious unanimity: agreed over every settlement it beats by own beliefs, and nothing else is', () => {
  assert.equal(duel.metrics.bet.spurious_unanimity, true);
  assert.deepEqual(duel.metrics.bet.spurious_unanimity_over, [
    'pay-heads-0.6',
    'pay-heads-0.3',
    'no-payment',
    'pay-tails-0.3',
    'pay-tails-0.6',
  ]);
  for (const [a, m] of Object.entries(duel.metrics))
    if (a !== 'bet') assert.equal(m.spurious_unanimity, false, a);
});

const problems = fc
  .record({ parts: fc.integer({ min: 1, max: 4 }), actions: fc.integer({ min: 1, max: 5 }) })
  .chain(({ parts, actions }) =>
    fc.record({
      parts: fc.constant(parts),
      actions: fc.constant(actions),
      u: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: parts * actions, maxLength: parts * actions }),
      w: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: parts, maxLength: parts }),
    }),
  )
  .map(
    ({ parts, actions, u, w }): UtilityProblem => ({
      parts,
      actions,
      u: Float64Array.from(u),
      weights: Float64Array.from(w),
    }),
  );

test('property: parts that agree about the world have no spurious unanimity, and ex ante is ex post', () => {
  fc.assert(
    fc.property(problems, (p) => {
      for (let a = 0; a < p.actions; a++) {
        assert.deepEqual(spuriousOver(p, p, p, a), []);
        const { exAnte, exPost } = beliefPareto(p, p, a);
        assert.equal(exAnte, exPost);
      }
    }),
    { numRuns: 100 },
  );
});

test('property: a spurious unanimity is a Pareto ranking by own beliefs that the common beliefs do not keep', () => {
  fc.assert(
    fc.property(problems, problems, (own, other) => {
      fc.pre(own.parts === other.parts && own.actions === other.actions);
      const common: UtilityProblem = { ...other, weights: own.weights };
      for (let a = 0; a < own.actions; a++)
        for (const b of spuriousOver(own, common, common, a)) {
          assert.equal(beliefPareto(own, common, b).exAnte, false);
          assert.ok(dominators(own, b).includes(a));
          assert.ok(!dominators(common, b).includes(a));
        }
    }),
    { numRuns: 100 },
  );
});
