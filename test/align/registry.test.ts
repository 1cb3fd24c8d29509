/**
 * Driven by the reading registry: every listed reading (and a sample of parts/<rule>) is read on
 * random principals and held to what every reading owes — scores for every action in [0, 1], a
 * target its own reading accepts — and to what it claims ('pareto': its target is never
 * Pareto-dominated under the parts' own beliefs). A reading added to the list is tested here
 * without a line of test code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext } from '../../src/align/context.js';
import { getOperationalization, readingRegistry } from '../../src/align/registry.js';
import type { Operationalization } from '../../src/align/types.js';
import { dominates, dominators } from '../../src/core/pareto.js';
import { bestScore, lotteryScore } from '../../src/measure/reflexivity.js';
import { randomPrincipals, scenario } from './helpers.js';

const principals = randomPrincipals({
  parts: [2, 3],
  actions: [2, 4],
  rules: ['plurality', 'borda', 'weighted-utilitarian'],
  noise: [0],
});

const listed: Operationalization[] = [
  ...readingRegistry.all(),
  ...['parts/borda', 'parts/nash-bargaining', 'parts/random-dictatorship'].map((id) =>
    getOperationalization(id),
  ),
];

for (const op of listed)
  test(`${op.id}: scores in [0, 1], a target it accepts${op.claims.includes('pareto') ? ', never Pareto-dominated' : ''}`, () => {
    fc.assert(
      fc.property(principals, ({ c, u, w }) => {
        const s = scenario(
          {
            outcomes: Array.from({ length: c.actions }, (_, a) => `o${a}`),
            parts: u.map((row, i) => ({ name: `p${i}`, utility: row, weight: w[i] })),
            sigma: { rule: c.rule },
          },
          { seed: c.seed, alignments: [op.id] },
        );
        const ctx = buildContext(s);
        const r = op.read(ctx, {});
        const A = c.actions;
        assert.equal(r.scores.length, A);
        for (const x of r.scores) assert.ok(x >= -1e-12 && x <= 1 + 1e-12, `score ${x}`);
        const best = bestScore(r);
        if (r.target.kind === 'action') {
          assert.ok(r.target.ties.includes(r.target.action));
          assert.ok(r.scores[r.target.action] >= best - 1e-9, 'the target is among its reading’s best');
        } else {
          const sum = r.target.lottery.reduce((t, q) => t + q, 0);
          assert.ok(Math.abs(sum - 1) < 1e-9);
          assert.ok(lotteryScore(r, r.target.lottery) >= best - 1e-9);
        }
        if (op.claims.includes('pareto')) {
          if (r.target.kind === 'action') assert.deepEqual(dominators(ctx.own, r.target.action), []);
          else {
            const { u: U, parts: n } = ctx.own;
            const mine = Array.from({ length: n }, (_, i) =>
              r.target.kind === 'lottery' ? r.target.lottery.reduce((t, q, a) => t + q * U[i * A + a], 0) : 0,
            );
            for (let b = 0; b < A; b++) {
              const col = Array.from({ length: n }, (_, i) => U[i * A + b]);
              assert.ok(!dominates(col, mine, { weights: ctx.own.weights, tol: 1e-9 }));
            }
          }
        }
      }),
      { numRuns: op.id === 'parts/delegates' ? 25 : 60, seed: 11 },
    );
  });
