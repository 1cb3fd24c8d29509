/**
 * The round LP (threshold-lp.ts) against the general solver: one ThresholdLp solving a sequence of
 * thresholds (warm starts, pivots, bases met again) must certify only what the general solver
 * confirms — the optimal value, the lottery itself when it says the optimum is unique, and
 * infeasibility.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Arena } from '../../../src/align/negotiation/common.js';
import { invert, ThresholdLp } from '../../../src/align/negotiation/threshold-lp.js';
import { type LinearConstraint, solveLp } from '../../../src/sigma/cardinal/lp.js';
import { close, ranges } from './helpers.js';

const fine = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000);

/** parts × actions utilities, continuous or on a coarse grid (ties), and thresholds to solve for in turn. */
const cases = fc
  .record({
    n: fc.integer({ min: 2, max: 5 }),
    A: fc.integer({ min: 2, max: 7 }),
    coarse: fc.boolean(),
    p: fc.nat(),
  })
  .chain(({ n, A, coarse, p }) =>
    fc.record({
      n: fc.constant(n),
      A: fc.constant(A),
      p: fc.constant(p % n),
      u: fc.array(coarse ? fc.integer({ min: 0, max: 3 }).map((x) => x / 3) : fine, {
        minLength: n * A,
        maxLength: n * A,
      }),
      // Thresholds as fractions of each part's range: most feasible, some not.
      cs: fc.array(
        fc.array(fc.double({ min: -0.2, max: 1.1, noNaN: true }), { minLength: n, maxLength: n }),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
    }),
  );

test('every certificate of the round LP holds for the general solver, along a sequence of thresholds', () => {
  let certified = 0;
  let total = 0;
  fc.assert(
    fc.property(cases, ({ n, A, p, u, cs }) => {
      const problem = { parts: n, actions: A, u: Float64Array.from(u), weights: new Float64Array(n).fill(1) };
      const range = ranges(problem);
      const lo = Array.from({ length: n }, (_, i) => Math.min(...u.slice(i * A, (i + 1) * A)));
      const J = Array.from({ length: n }, (_, i) => i).filter((i) => i !== p);
      const lp = new ThresholdLp(problem.u, A, p, J, range);
      for (const f of cs) {
        const c = f.map((x, i) => lo[i] + x * range[i]);
        // The general solver at the thresholds, and at the thresholds relaxed by 1e-12 of each range
        // (what the round LP's 1e-12 primal tolerance amounts to).
        const general = (slack: number) =>
          solveLp({
            n: A,
            c: problem.u.subarray(p * A, (p + 1) * A),
            rows: [
              { a: new Float64Array(A).fill(1), op: '=', b: 1 },
              ...J.map(
                (j): LinearConstraint => ({
                  a: problem.u.subarray(j * A, (j + 1) * A),
                  op: '>=',
                  b: c[j] - slack * range[j],
                }),
              ),
            ],
          });
        const status = lp.solve(c);
        total++;
        if (status === 'unsure') continue;
        certified++;
        if (status === 'infeasible') {
          assert.notEqual(general(1e-12).status, 'optimal', `thresholds ${c}`);
          continue;
        }
        const exact = general(0);
        const g = exact.status === 'optimal' ? exact : general(1e-12);
        assert.equal(g.status, 'optimal', `thresholds ${c}`);
        if (g.status !== 'optimal') continue;
        assert.ok(Math.abs(lp.value - g.value) <= 1e-9 * range[p], `${lp.value} vs ${g.value}`);
        for (const j of J)
          assert.ok(
            problem.u.subarray(j * A, (j + 1) * A).reduce((s, x, a) => s + x * lp.x[a], 0) >=
              c[j] - 1e-9 * range[j],
          );
        if (lp.unique) close(lp.x, Array.from(g.x), 1e-9);
        // project() gives the same lottery for the basis the solve ended with.
        const x = Float64Array.from(lp.x);
        assert.ok(lp.project(c));
        close(lp.x, Array.from(x), 1e-12);
      }
    }),
    { numRuns: 200 },
  );
  // The warm-started LP answers for most thresholds itself (the general solver is the exception).
  assert.ok(certified >= 0.9 * total, `${certified} of ${total} certified`);
});

test('invert: Gauss–Jordan with partial pivoting, into an offset, or false when singular', () => {
  const a = Float64Array.from([0, 2, 1, 1, 1, 0, 3, 0, 1]);
  const copy = Float64Array.from(a);
  const out = new Float64Array(12).fill(7);
  assert.ok(invert(a, 3, out, 3));
  assert.deepEqual(Array.from(out.subarray(0, 3)), [7, 7, 7]);
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += copy[i * 3 + k] * out[3 + k * 3 + j];
      assert.ok(Math.abs(s - (i === j ? 1 : 0)) <= 1e-12);
    }
  assert.equal(invert(Float64Array.from([1, 2, 2, 4]), 2, new Float64Array(4)), false);
});

test('Arena: views from shared blocks, zeroed, never overlapping, a new block when one is full', () => {
  const arena = new Arena(64);
  const views = [arena.f64(5), arena.i32(3), arena.f64(5), arena.f64(20), arena.i32(1)];
  for (const v of views) assert.ok(v.every((x) => x === 0));
  for (const v of views) v.fill(7);
  // Each view's bytes are its own: filling one never shows through another.
  const spans = views.map((v) => ({ buffer: v.buffer, from: v.byteOffset, to: v.byteOffset + v.byteLength }));
  for (let i = 0; i < spans.length; i++)
    for (let j = i + 1; j < spans.length; j++)
      if (spans[i].buffer === spans[j].buffer)
        assert.ok(spans[i].to <= spans[j].from || spans[j].to <= spans[i].from, `views ${i} and ${j}`);
  assert.equal(views[3].length, 20);
});
