import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leximinLottery } from '../../../src/sigma/cardinal/leximin-solver.js';
import {
  addRational,
  compareRational,
  dotExact,
  fromNumber,
  ratioToNumber,
  solveLp,
  solveLpExact,
} from '../../../src/sigma/cardinal/lp.js';
import { close } from './helpers.js';

test('a textbook LP: max 3x + 2y s.t. 4x + 2y ≤ 16, x + 2y ≤ 8, x + y ≤ 5', () => {
  const r = solveLp({
    n: 2,
    c: [3, 2],
    rows: [
      { a: [4, 2], op: '<=', b: 16 },
      { a: [1, 2], op: '<=', b: 8 },
      { a: [1, 1], op: '<=', b: 5 },
    ],
  });
  assert.equal(r.status, 'optimal');
  if (r.status !== 'optimal') return;
  close(r.x, [3, 2], 1e-12);
  assert.ok(Math.abs(r.value - 13) < 1e-12);
});

test('equalities, ≥ rows and negative right-hand sides (phase 1)', () => {
  // min x + y (max −x − y) s.t. x + y ≥ 2, x − y = −1 → x = 0.5, y = 1.5.
  const r = solveLp({
    n: 2,
    c: [-1, -1],
    rows: [
      { a: [1, 1], op: '>=', b: 2 },
      { a: [1, -1], op: '=', b: -1 },
    ],
  });
  assert.equal(r.status, 'optimal');
  if (r.status === 'optimal') close(r.x, [0.5, 1.5], 1e-12);
});

test('infeasible and unbounded LPs are reported', () => {
  assert.equal(
    solveLp({
      n: 1,
      c: [1],
      rows: [
        { a: [1], op: '<=', b: 1 },
        { a: [1], op: '>=', b: 2 },
      ],
    }).status,
    'infeasible',
  );
  assert.equal(solveLp({ n: 2, c: [1, 0], rows: [{ a: [1, -1], op: '<=', b: 1 }] }).status, 'unbounded');
});

test('a degenerate maximin LP over a simplex terminates (Bland) with redundant rows', () => {
  // max t s.t. x_a ≥ t for three actions twice over, Σx = 1 twice: t = 1/3.
  const rows = [];
  for (let rep = 0; rep < 2; rep++) {
    rows.push({ a: [1, 1, 1, 0], op: '=' as const, b: 1 });
    for (let a = 0; a < 3; a++) {
      const v = [0, 0, 0, -1];
      v[a] = 1;
      rows.push({ a: v, op: '>=' as const, b: 0 });
    }
  }
  const r = solveLp({ n: 4, c: [0, 0, 0, 1], rows });
  assert.equal(r.status, 'optimal');
  if (r.status === 'optimal') close(r.x, [1 / 3, 1 / 3, 1 / 3, 1 / 3], 1e-12);
});

test('exact rational LP: the same optima, exact values, rational right-hand sides', () => {
  const r = solveLpExact({
    n: 2,
    c: [3, 2],
    rows: [
      { a: [4, 2], op: '<=', b: 16 },
      { a: [1, 2], op: '<=', b: 8 },
      { a: [1, 1], op: '<=', b: 5 },
    ],
  });
  assert.equal(r.status, 'optimal');
  if (r.status !== 'optimal') return;
  assert.deepEqual(r.exactValue, { num: 13n, den: 1n });
  close(r.x, [3, 2], 0);
  // max x s.t. 3x ≤ 1 (rational 1/3 exactly), and a right-hand side given as a rational.
  const third = solveLpExact({ n: 1, c: [1], rows: [{ a: [3], op: '<=', b: 1 }] });
  assert.ok(third.status === 'optimal' && third.exactValue.num === 1n && third.exactValue.den === 3n);
  const rat = solveLpExact({ n: 1, c: [1], rows: [{ a: [1], op: '<=', b: { num: 2n, den: 7n } }] });
  assert.ok(rat.status === 'optimal' && compareRational(rat.exactValue, { num: 2n, den: 7n }) === 0);
  assert.equal(solveLpExact({ n: 1, c: [1], rows: [{ a: [1], op: '>=', b: 0.1 }] }).status, 'unbounded');
  assert.equal(
    solveLpExact({
      n: 1,
      c: [1],
      rows: [
        { a: [1], op: '<=', b: 0.1 },
        { a: [1], op: '>=', b: 0.1000000000000001 },
      ],
    }).status,
    'infeasible',
  );
  // Helpers.
  assert.deepEqual(fromNumber(0.375), { num: 3n, den: 8n });
  assert.deepEqual(addRational({ num: 1n, den: 3n }, { num: 1n, den: 6n }), { num: 1n, den: 2n });
  assert.deepEqual(dotExact([0.5, 2], { nums: [1n, 1n], den: 4n }), { num: 5n, den: 8n });
  assert.equal(ratioToNumber(1n, 3n), 1 / 3);
  assert.equal(ratioToNumber(-(10n ** 400n), 3n * 10n ** 400n), -1 / 3);
});

test('a degenerate, badly scaled leximin problem (found by property testing) is solved', () => {
  // Five parts, twelve actions, utilities mixing 1e-6 and 5. A floating-point saturation loop
  // produced levels that later rounds could not honour (a float LP first lost primal feasibility,
  // then rounded levels were infeasible by an ulp); the exact rational leximin has neither issue.
  const u = [
    0, 1, 4, 1, 0.673606, 0.189784, 0.999993, 0.999988, 0, 2, 0.386257, 0.107266, 0.832266, 4, 5, 0.062388,
    0.339098, 0.377366, 0.889004, 0.994458, 0.88533, 2, 0.46133, 0.289904, 3, 0.381856, 0.780722, 0.076625,
    0.99999, 1, 5, 0.043852, 1, 0.999999, 0.048671, 0.960143, 5, 0, 1, 3, 0.227488, 0.389086, 4, 0.539916, 0,
    0.319693, 0.139229, 0.000004, 0.3756, 1, 0.000005, 0.536587, 0.023239, 3, 5, 0.883074, 0.735575, 0.227405,
    0.448884, 0.126664,
  ];
  const sol = leximinLottery(Float64Array.from(u), 5, 12);
  assert.ok(sol);
  assert.ok(Math.abs(sol.x.reduce((t, v) => t + v, 0) - 1) < 1e-12);
  const sorted = Array.from(sol.levels).sort((a, b) => a - b);
  // No pure action is leximin-better.
  for (let a = 0; a < 12; a++) {
    const v = [0, 1, 2, 3, 4].map((i) => u[i * 12 + a]).sort((x, y) => x - y);
    const k = v.findIndex((x, j) => x !== sorted[j]);
    assert.ok(k < 0 || v[k] < sorted[k]);
  }
  // A level rounded to float can be infeasible by an ulp in exact arithmetic: exact says so.
  const m = 12;
  const row = (i: number) => [...u.slice(i * m, i * m + m), 0];
  const lp = (eps: number) => ({
    n: m + 1,
    c: [...new Array(m).fill(0), 1],
    rows: [
      { a: [...new Array(m).fill(1), 0], op: '=' as const, b: 1 },
      { a: row(0), op: '>=' as const, b: 2.4999982500030304 - eps },
      { a: row(3), op: '>=' as const, b: 2.4999982500030304 - eps },
      { a: row(4), op: '>=' as const, b: 2.4999982500030304 - eps },
      { a: row(2), op: '>=' as const, b: 2.8903578170656017 - eps },
      { a: [...u.slice(m, 2 * m), -1], op: '>=' as const, b: 0 },
    ],
  });
  assert.equal(solveLpExact(lp(0)).status, 'infeasible');
  const a = solveLp(lp(1e-15));
  const b = solveLpExact(lp(1e-15));
  assert.ok(a.status === 'optimal' && b.status === 'optimal' && Math.abs(a.value - b.value) < 1e-12);
});
