import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { marketDetails } from '../../../src/sigma/market/common.js';
import { fisherEquilibrium } from '../../../src/sigma/market/fisher-solver.js';
import { close, fine, normRow, problem, realProblem, rule } from './helpers.js';

const fisher = rule('fisher-market');

function run(p: UtilityProblem, opts = {}) {
  const r = fisher.run(p, opts);
  const d = marketDetails(r);
  return {
    r,
    d,
    prices: d.prices as number[],
    allocation: d.allocation as number[][],
    spending: d.spending as number[][],
  };
}

test('fisher: the worked example — a crowded favourite pushes the buyer who also likes something else', () => {
  const { r, prices, allocation, d } = run(
    problem([
      [1, 0, 0],
      [1, 0.5, 0],
    ]),
  );
  close(prices, [4 / 3, 2 / 3, 0], 1e-9);
  close(r.lottery, [2 / 3, 1 / 3, 0], 1e-9);
  assert.deepEqual(r.winners, [0, 1]);
  close(allocation[0], [3 / 4, 0, 0], 1e-9);
  close(allocation[1], [1 / 4, 1, 0], 1e-9);
  assert.ok((d.gap as number) <= 1e-13);
});

test('fisher: two buyers, two goods (and a third nobody values) — known prices', () => {
  const rows = [
    [1, 0.5, 0],
    [0.5, 1, 0],
  ];
  // Budgets (2, 1): each buys its favourite, p = (2, 1); buyer 0 is just indifferent.
  close(run(problem(rows, [2, 1])).prices, [2, 1, 0], 1e-9);
  // Budgets (3, 1): buyer 0 also buys a third of good 1: p_0 = 2 p_1, p_0 + p_1 = 4.
  const { prices, allocation, r } = run(problem(rows, [3, 1]));
  close(prices, [8 / 3, 4 / 3, 0], 1e-9);
  close(allocation[0], [1, 1 / 4, 0], 1e-9);
  close(allocation[1], [0, 3 / 4, 0], 1e-9);
  close(r.lottery, [2 / 3, 1 / 3, 0], 1e-9);
});

test('fisher: equal budgets and identical utilities give an equal split', () => {
  const { allocation, spending, prices } = run(
    problem([
      [1, 0.3, 0.8, 0],
      [1, 0.3, 0.8, 0],
      [1, 0.3, 0.8, 0],
    ]),
  );
  for (const k of [1, 2]) {
    close(allocation[k], allocation[0], 1e-9);
    close(spending[k], spending[0], 1e-9);
  }
  // One buyer class: prices proportional to utility (every good equally good per unit of money).
  close(
    prices,
    [1, 0.3, 0.8, 0].map((x) => (3 * x) / 2.1),
    1e-9,
  );
});

/** The Eisenberg–Gale objective Σ_k B_k log(Σ_a U_ka x_ka). */
function eg(U: number[][], B: number[], x: number[][]): number {
  return U.reduce((t, row, k) => t + B[k] * Math.log(row.reduce((s, u, a) => s + u * x[k][a], 0)), 0);
}

test('fisher: the equilibrium is the Eisenberg–Gale optimum — KKT conditions, clearing, budgets spent, and no random allocation does better', () => {
  fc.assert(
    fc.property(
      realProblem.chain((p) =>
        fc.tuple(
          fc.constant(p),
          fc.array(fc.array(fine, { minLength: p.parts + 1, maxLength: p.parts + 1 }), {
            minLength: p.actions,
            maxLength: p.actions,
          }),
        ),
      ),
      ([p, splits]) => {
        const { r, prices, allocation, spending, d } = run(p);
        const A = p.actions;
        const U = Array.from({ length: p.parts }, (_, i) => normRow(p, i));
        const buyers = U.flatMap((row, i) => (row.some((x) => x > 0) ? [i] : []));
        const B = Array.from(p.weights);
        if (buyers.length === 0) {
          assert.equal(r.lottery, undefined);
          assert.deepEqual(
            r.winners,
            Array.from({ length: A }, (_, a) => a),
          );
          return;
        }
        assert.ok((d.gap as number) <= 1e-13, `gap ${d.gap}`);
        let total = 0;
        for (const i of buyers) total += B[i];
        close([prices.reduce((t, x) => t + x, 0)], [total], 1e-9 * total);
        for (let a = 0; a < A; a++) {
          const wanted = buyers.some((i) => U[i][a] > 0);
          assert.equal(prices[a] > 0, wanted, `price of ${a}`);
          // Market clearing: a good with a positive price is sold out.
          if (wanted) close([buyers.reduce((t, i) => t + allocation[i][a], 0)], [1], 1e-9);
          close([buyers.reduce((t, i) => t + spending[i][a], 0)], [prices[a]], 1e-9 * total);
        }
        for (const i of buyers) {
          // Budget spent, and (to the tolerance) only on goods with the best utility per unit of money.
          close([spending[i].reduce((t, x) => t + x, 0)], [B[i]], 1e-9 * B[i]);
          const beta = Math.max(...U[i].map((u, a) => (prices[a] > 0 ? u / prices[a] : 0)));
          let off = 0;
          for (let a = 0; a < A; a++) if (U[i][a] / prices[a] < beta * (1 - 1e-4)) off += spending[i][a];
          assert.ok(off <= 1e-6 * B[i], `buyer ${i} spends ${off} off its best goods`);
        }
        close(
          r.lottery,
          prices.map((x) => x / total),
          1e-12,
        );
        // Optimality against random feasible allocations (each good split among the buyers).
        const Ub = buyers.map((i) => U[i]);
        const Bb = buyers.map((i) => B[i]);
        const best = eg(
          Ub,
          Bb,
          buyers.map((i) => allocation[i]),
        );
        const x = buyers.map(() => new Array<number>(A).fill(0));
        for (let a = 0; a < A; a++) {
          const w = splits[a].slice(0, buyers.length + 1); // the last share is left unsold
          const t = w.reduce((s, y) => s + y, 0) || 1;
          buyers.forEach((_, k) => {
            x[k][a] = w[k] / t;
          });
        }
        const theirs = eg(Ub, Bb, x);
        assert.ok(!(theirs > best + 1e-9), `${theirs} > ${best}`);
      },
    ),
    { numRuns: 200 },
  );
});

test('fisher solver: the duality gap certifies the optimum on a hand case', () => {
  const eq = fisherEquilibrium(Float64Array.from([1, 0.5, 0.5, 1]), [3, 1], 2, 2);
  close(eq.prices, [8 / 3, 4 / 3], 1e-9);
  close(eq.utilities, [1.125, 0.75], 1e-9);
  assert.ok(eq.gap <= 1e-12);
});

test('fisher: a part’s share of the decision is its budget share (when it values anything)', () => {
  fc.assert(
    fc.property(realProblem, (p) => {
      const { d } = run(p);
      for (const part of d.parts)
        if (part.spent > 0) assert.ok(Math.abs(part.decisionShare - part.budgetShare) <= 1e-12);
    }),
    { numRuns: 100 },
  );
});
