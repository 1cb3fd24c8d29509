import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { marketDetails } from '../../../src/sigma/market/common.js';
import { getRule } from '../../../src/sigma/registry.js';
import { close, meanAt, normRow, problem, realProblemOf, rule } from './helpers.js';

const vcg = rule('vcg');

const payments = (p: UtilityProblem, opts = {}) => marketDetails(vcg.run(p, opts)).payments as number[];

test('vcg: the worked example — the efficient action, only the pivotal part pays its externality', () => {
  const p = problem([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0.6, 1],
  ]);
  const r = vcg.run(p);
  assert.deepEqual(r.winners, [1]);
  close(r.scores, [1, 1.6, 1]);
  close(payments(p), [0, 0.4, 0]);
  assert.deepEqual(marketDetails(r).pivots, [[1], [0, 2], [0, 1]]);
});

test('second-price is vcg; with single-minded bidders the winner pays the runner-up’s bid (Vickrey)', () => {
  assert.equal(getRule('second-price'), vcg);
  // Each part values only its own action; budgets are its bids.
  const p = problem(
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    [5, 3, 2],
  );
  const r = vcg.run(p);
  assert.deepEqual(r.winners, [0]);
  close(payments(p), [3, 0, 0]);
});

/** Small problems: every misreport on a grid is tried. */
const smallProblem = realProblemOf(3, 4);

/** Every row over {0, 0.5, 1}^m. */
function grid(m: number): number[][] {
  let rows: number[][] = [[]];
  for (let a = 0; a < m; a++) rows = rows.flatMap((r) => [0, 0.5, 1].map((x) => [...r, x]));
  return rows;
}

/** Part i's true payoff: its value (budget × true utility on [0, 1]) of the decision minus its payment. */
function payoff(truth: UtilityProblem, i: number, reported: UtilityProblem): number {
  const r = vcg.run(reported);
  const v = normRow(truth, i).map((x) => truth.weights[i] * x);
  return meanAt(v, r.winners) - (marketDetails(r).payments as number[])[i];
}

test('vcg: truthful reporting is a dominant strategy (every misreport on a grid)', () => {
  fc.assert(
    fc.property(smallProblem, (p) => {
      for (let i = 0; i < p.parts; i++) {
        const honest = payoff(p, i, p);
        for (const row of grid(p.actions)) {
          const u = Float64Array.from(p.u);
          u.set(row, i * p.actions);
          const lie = payoff(p, i, { ...p, u });
          assert.ok(lie <= honest + 1e-9, `part ${i} gains ${lie - honest} by reporting ${row}`);
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('vcg: payments are ≥ 0, at most the value gain over what the others choose alone, at most the budget', () => {
  fc.assert(
    fc.property(smallProblem, (p) => {
      const r = vcg.run(p);
      const d = marketDetails(r);
      const pay = d.payments as number[];
      const pivots = d.pivots as number[][];
      for (let i = 0; i < p.parts; i++) {
        const v = normRow(p, i).map((x) => p.weights[i] * x);
        assert.ok(pay[i] >= 0, `payment ${pay[i]}`);
        assert.ok(pay[i] <= p.weights[i] + 1e-12, 'within the budget');
        // Individual rationality for the pivot rule: value minus payment ≥ the value of the others' choice.
        for (const b of pivots[i])
          assert.ok(pay[i] <= meanAt(v, r.winners) - v[b] + 1e-9, `part ${i}, pivot ${b}`);
        assert.ok(meanAt(v, r.winners) - pay[i] >= -1e-12, 'individually rational');
        assert.equal(d.parts[i].spent, pay[i]);
      }
    }),
    { numRuns: 200 },
  );
});

test('vcg: the choice is the budget-weighted relative-utilitarian one, as first-price’s', () => {
  fc.assert(
    fc.property(smallProblem, (p) => {
      assert.deepEqual(vcg.run(p).winners, rule('first-price').run(p).winners);
    }),
    { numRuns: 100 },
  );
});
