import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { nashDemandGame } from '../../../src/align/negotiation/index.js';
import { type LinearConstraint, solveLp } from '../../../src/sigma/cardinal/lp.js';
import { nashBargaining, nashLottery } from '../../../src/sigma/cardinal/nash.js';
import { close, distance, problem } from './helpers.js';

const dollar = problem([
  [1, 0],
  [0, 1],
]);

test('dividing a dollar over lotteries: every split on the grid is an equilibrium; Nash selects half each', () => {
  const r = nashDemandGame(dollar, { grid: 10, lotteries: true });
  const eq = r.details.equilibria;
  assert.equal(eq.length, 11);
  eq.forEach((e, k) => {
    assert.deepEqual(Array.from(e.levels), [k, 10 - k]);
    close(e.demands, [k / 10, (10 - k) / 10], 1e-12);
  });
  assert.deepEqual(r.details.selected, [5]);
  close(r.details.demands, [0.5, 0.5], 1e-12);
  assert.deepEqual(r.agreement, { kind: 'lottery', lottery: Float64Array.from([0.5, 0.5]) });
  close(r.utilities, [0.5, 0.5], 1e-12);
  // Weights matter only with `weighted`: then the split is in proportion to them.
  const w = problem(
    [
      [1, 0],
      [0, 1],
    ],
    [3, 1],
  );
  close(nashDemandGame(w, { grid: 4, lotteries: true }).details.demands, [0.5, 0.5], 1e-12);
  close(nashDemandGame(w, { grid: 4, lotteries: true, weighted: true }).details.demands, [0.75, 0.25], 1e-12);
  // Grid 10 with steps of 0.1: compatibility is judged to 1e-9 of a step, so 0.3 + 0.7 fits.
  const s = nashDemandGame(
    problem(
      [
        [1, 0],
        [0, 1],
      ],
      [3, 7],
    ),
    { grid: 10, lotteries: true, weighted: true },
  );
  close(s.details.demands, [0.3, 0.7], 1e-12);
});

test('pure actions on the grid: the equilibria are the undominated actions; the selection is the Nash action', () => {
  // Utilities are grid points (d = 0, top = 10, grid 10): demands are the utilities themselves.
  const p = problem([
    [10, 8, 6, 3, 0, 2],
    [0, 4, 6, 8, 10, 2],
  ]);
  const r = nashDemandGame(p, { grid: 10 });
  assert.deepEqual(
    r.details.equilibria.map((e) => Array.from(e.levels)),
    [
      [0, 10],
      [3, 8],
      [6, 6],
      [8, 4],
      [10, 0],
    ],
  );
  assert.deepEqual(r.details.selected, [2]);
  assert.deepEqual(r.agreement, { kind: 'action', action: 2, ties: [2] });
  assert.deepEqual(nashBargaining.run(p).winners, [2]);
  // A coarser grid rounds the actions down: levels ⌊u/2⌋, demands (10, 0), (8, 4), (6, 6), (2, 8), (0, 10).
  const c = nashDemandGame(p, { grid: 5 });
  assert.equal(c.details.equilibria.length, 5);
  close(c.details.demands, [6, 6]);
  assert.deepEqual(c.agreement, { kind: 'action', action: 2, ties: [2] });
});

test('when every equilibrium leaves someone at d, the fewest such delegates, then the Nash product of the rest', () => {
  const r = nashDemandGame(dollar, { grid: 4 });
  assert.deepEqual(
    r.details.equilibria.map((e) => Array.from(e.levels)),
    [
      [0, 4],
      [4, 0],
    ],
  );
  assert.deepEqual(r.details.selected, [0, 1]);
  assert.deepEqual(r.agreement, { kind: 'action', action: 1, ties: [1] });
  for (const e of r.details.equilibria) assert.equal(e.atDisagreement, 1);
});

test('refining the grid over lotteries approaches the Nash bargaining solution', () => {
  // u0 = √x, u1 = 1 − x at x = 0, 1/9, …, 1: the Nash point over lotteries is x = 1/3.
  const xs = Array.from({ length: 10 }, (_, k) => k / 9);
  const p = problem([xs.map(Math.sqrt), xs.map((x) => 1 - x)]);
  const nash = nashLottery(p)!.utilities;
  const product = (v: ArrayLike<number>) => v[0] * v[1];
  for (const G of [10, 40, 160, 640]) {
    const r = nashDemandGame(p, { grid: G, lotteries: true });
    const y = r.details.demands!;
    // The selection maximizes the Nash product on the grid: at least that of the Nash point
    // rounded down to the grid (which is compatible), at most that of the Nash point.
    const floored = Array.from(nash, (v) => Math.floor(v * G + 1e-9) / G);
    assert.ok(product(y) >= product(floored) - 1e-12, `G=${G}`);
    assert.ok(product(y) <= product(nash) + 1e-12);
    assert.ok(product(nash) - product(y) <= 2 / G);
    assert.ok(distance(r.utilities, nash) <= 1 / Math.sqrt(G), `G=${G}: ${Array.from(r.utilities)}`);
  }
});

test('three delegates over lotteries: the selection is the Nash product’s maximum over compatible grid demands', () => {
  const p = problem([
    [1, 0, 0, 0.5],
    [0, 1, 0, 0.6],
    [0, 0, 1, 0.3],
  ]);
  const G = 8;
  const r = nashDemandGame(p, { grid: G, lotteries: true });
  // Brute force: every grid vector, compatible when a lottery meets it (an LP), best Nash product.
  let best = -Infinity;
  const argmax: number[][] = [];
  for (let a = 0; a <= G; a++)
    for (let b = 0; b <= G; b++)
      for (let c = 0; c <= G; c++) {
        const rows: LinearConstraint[] = [{ a: [1, 1, 1, 1], op: '=', b: 1 }];
        [a, b, c].forEach((k, i) => {
          rows.push({ a: p.u.subarray(i * 4, i * 4 + 4), op: '>=', b: k / G - 1e-12 });
        });
        if (solveLp({ n: 4, c: [0, 0, 0, 0], rows }).status !== 'optimal') continue;
        const v = a * b * c;
        if (v > best) {
          best = v;
          argmax.length = 0;
        }
        if (v === best) argmax.push([a, b, c]);
      }
  assert.deepEqual(
    r.details.selected.map((k) => Array.from(r.details.equilibria[k].levels)),
    argmax,
  );
  const nash = nashLottery(p)!.utilities;
  assert.ok(distance(r.utilities, nash) <= 2 / G);
});

test('no compatible demands: no equilibrium with a deal, no agreement', () => {
  const p = problem(
    [
      [10, 0],
      [0, 10],
    ],
    [1, 1],
    [6, 6],
  );
  for (const lotteries of [false, true]) {
    const r = nashDemandGame(p, { lotteries });
    assert.equal(r.agreement, null);
    assert.equal(r.details.equilibria.length, 0);
    assert.equal(r.details.demands, null);
    close(r.utilities, [6, 6]);
  }
});

test('parts of weight 0 make no demand; a part that cannot gain has the single level d', () => {
  const p = problem(
    [
      [1, 0, 0.5],
      [0, 1, 0.5],
      [5, 5, 5],
      [0, 0.3, 1],
    ],
    [1, 1, 1, 0],
  );
  const r = nashDemandGame(p, { grid: 10, lotteries: true });
  const e = r.details.equilibria[r.details.selected[0]];
  assert.deepEqual(Array.from(e.levels), [5, 5, 0, -1]);
  assert.ok(Number.isNaN(e.demands[3]));
  assert.equal(r.details.step[2], 0);
  close(r.utilities.subarray(0, 3), [0.5, 0.5, 5]);
});

test('limits and options are checked', () => {
  const p = problem([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  assert.throws(() => nashDemandGame(p, { grid: 1000, lotteries: true }), /more than 100000 cells/);
  assert.throws(() => nashDemandGame(p, { grid: 1000, lotteries: true, maxCells: 10 }), UserError);
  // Pure actions have no such limit.
  assert.equal(nashDemandGame(p, { grid: 1000 }).details.equilibria.length, 3);
  assert.throws(() => nashDemandGame(p, { grid: 0 }), UserError);
  assert.throws(() => nashDemandGame(p, { grid: 2.5 }), UserError);
  assert.throws(() => nashDemandGame(p, { weighted: 'yes' as unknown as boolean }), UserError);
});
