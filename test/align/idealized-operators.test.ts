/** Each idealization operator's defining property, by hand and as properties over random views. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import type { WorldModel } from '../../src/core/world.js';
import { metaEndorsed, metaFromTargets } from '../../src/dynamics/meta/index.js';
import {
  BELIEF_TRUST,
  deliberate,
  idealize,
  parseOperators,
  reflect,
  UTILITY_RATE,
  undominated,
} from '../../src/align/idealize/operators.js';
import { type IdealView, shares, viewUtilities } from '../../src/align/idealize/view.js';

/** A random view: n parts, A actions, O outcomes, random beliefs rows, utilities and weights. */
const views = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    A: fc.integer({ min: 1, max: 4 }),
    O: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ n, A, O }) =>
    fc.record({
      rows: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: A * O, maxLength: A * O }), {
        minLength: n + 1,
        maxLength: n + 1,
      }),
      u: fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: O, maxLength: O }), {
        minLength: n,
        maxLength: n,
      }),
      w: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      noise: fc.constantFrom(0, 0.1),
    }),
  )
  .map(({ rows, u, w, noise }) => {
    const n = u.length;
    const O = u[0].length;
    const A = rows[0].length / O;
    const world = (r: number[]): WorldModel => {
      const p = new Float64Array(A * O);
      for (let a = 0; a < A; a++) {
        const row = r.slice(a * O, (a + 1) * O);
        const s = row.reduce((x, y) => x + y, 0);
        for (let o = 0; o < O; o++) p[a * O + o] = s > 0 ? row[o] / s : o === 0 ? 1 : 0;
      }
      return { actions: A, outcomes: O, p };
    };
    const view: IdealView = {
      names: u.map((_, i) => `p${i}`),
      utility: u.map((x) => Float64Array.from(x)),
      beliefs: rows.slice(0, n).map(world),
      weights: Float64Array.from(w),
      noise,
      allowed: Array.from({ length: A }, (_, a) => a),
    };
    return { view, truth: world(rows[n]) };
  });

const run = (v: IdealView, text: string, truth: WorldModel) =>
  idealize(v, parseOperators(text), { truth }).view;

test('informed at 1: every part holds the true world model; at λ a row-stochastic mix', () => {
  fc.assert(
    fc.property(views, fc.integer({ min: 0, max: 10 }), ({ view, truth }, k) => {
      const full = run(view, 'informed', truth);
      for (const b of full.beliefs) assert.deepEqual(b, truth);
      const lambda = k / 10;
      const mixed = run(view, `informed:${lambda}`, truth);
      mixed.beliefs.forEach((b, i) => {
        for (let q = 0; q < b.p.length; q++)
          assert.ok(Math.abs(b.p[q] - ((1 - lambda) * view.beliefs[i].p[q] + lambda * truth.p[q])) < 1e-15);
        for (let a = 0; a < b.actions; a++) {
          const s = b.p.slice(a * b.outcomes, (a + 1) * b.outcomes).reduce((x, y) => x + y, 0);
          assert.ok(Math.abs(s - 1) < 1e-12);
        }
      });
      // Utilities, weights, noise and the menu are untouched.
      assert.deepEqual(
        [mixed.utility, mixed.weights, mixed.noise, mixed.allowed],
        [view.utility, view.weights, view.noise, view.allowed],
      );
    }),
  );
});

test('unbounded: noise → (1 − λ)·noise, and 0 at λ = 1', () => {
  fc.assert(
    fc.property(views, fc.integer({ min: 0, max: 10 }), ({ view, truth }, k) => {
      assert.equal(run(view, 'unbounded', truth).noise, 0);
      assert.ok(Math.abs(run(view, `unbounded:${k / 10}`, truth).noise - (1 - k / 10) * view.noise) < 1e-15);
      assert.deepEqual(run(view, 'unbounded', truth).beliefs, view.beliefs);
    }),
  );
});

test('deliberated:k follows its closed form and converges to consensus as k grows', () => {
  fc.assert(
    fc.property(views, fc.integer({ min: 0, max: 12 }), ({ view }, k) => {
      const s = shares(view.weights);
      const O = view.utility[0].length;
      const unit = view.utility.map((u) => {
        const lo = Math.min(...u);
        const hi = Math.max(...u);
        return Array.from(u, (x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
      });
      const after = deliberate(view, k);
      if (k === 0) return assert.equal(after, view);
      const P = view.beliefs[0].p.length;
      for (let q = 0; q < P; q++) {
        const m = view.beliefs.reduce((t, b, j) => t + s[j] * b.p[q], 0);
        after.beliefs.forEach((b, i) => {
          const want = m + (1 - BELIEF_TRUST) ** k * (view.beliefs[i].p[q] - m);
          assert.ok(Math.abs(b.p[q] - want) < 1e-12);
        });
      }
      for (let o = 0; o < O; o++) {
        const mu = unit.reduce((t, u, j) => t + s[j] * u[o], 0);
        after.utility.forEach((u, i) => {
          assert.ok(Math.abs(u[o] - (mu + (1 - UTILITY_RATE) ** k * (unit[i][o] - mu))) < 1e-12);
        });
      }
      assert.deepEqual(after.weights, view.weights);
    }),
  );
});

test('deliberated: after many rounds every part holds the weighted-mean belief (a connected trust matrix)', () => {
  fc.assert(
    fc.property(views, ({ view }) => {
      const spread = (v: IdealView) => {
        let d = 0;
        for (const b of v.beliefs)
          for (let q = 0; q < b.p.length; q++) d = Math.max(d, Math.abs(b.p[q] - v.beliefs[0].p[q]));
        return d;
      };
      const d5 = spread(deliberate(view, 5));
      const d10 = spread(deliberate(view, 10));
      assert.ok(d10 <= d5 + 1e-15);
      assert.ok(spread(deliberate(view, 60)) < 1e-12);
    }),
  );
});

test('reflective without meta-preferences leaves the view as it is, and says so', () => {
  fc.assert(
    fc.property(views, ({ view }) => {
      const r = reflect(view);
      assert.equal(r.view, view);
      assert.match(r.note ?? '', /no meta-preferences/);
    }),
  );
});

test('reflective with meta-preferences: the weights reach a fixed point of the endorsement E(w) = w', () => {
  const meta = metaFromTargets({
    parts: ['planner', 'impulse', 'conscience'],
    targets: [
      [0.6, 0.1, 0.3],
      [0.2, 0.7, 0.1],
      [0.5, 0, 0.5],
    ],
    resolution: 10,
    distance: 'l1',
  });
  const endorse = (w: Float64Array) => metaEndorsed(meta, w).target;
  const base: IdealView = {
    names: meta.parts,
    utility: [Float64Array.of(1, 0), Float64Array.of(0, 1), Float64Array.of(0.5, 0.5)],
    beliefs: Array(3).fill({ actions: 2, outcomes: 2, p: Float64Array.of(1, 0, 0, 1) }),
    weights: Float64Array.of(3, 1, 2),
    noise: 0,
    allowed: [0, 1],
    endorse,
  };
  const r = reflect(base);
  assert.equal(r.note, undefined);
  const w = shares(r.view.weights);
  const e = endorse(w);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(e[i] - w[i]) < 1e-9);
  // From near the planner's ideal, H settles on the planner-led self; the total weight is kept.
  assert.deepEqual(
    Array.from(w, (x) => Math.round(x * 1e9) / 1e9),
    [0.6, 0.1, 0.3],
  );
  assert.ok(Math.abs(r.view.weights.reduce((a, b) => a + b, 0) - 6) < 1e-12);
  // A constant endorsement is reached from anywhere.
  const fixed = reflect({ ...base, endorse: () => Float64Array.of(0.2, 0.3, 0.5) });
  assert.deepEqual(
    Array.from(shares(fixed.view.weights), (x) => Math.round(x * 1e9) / 1e9),
    [0.2, 0.3, 0.5],
  );
});

test('coherent keeps exactly the allowed actions no allowed action Pareto-dominates; it is idempotent', () => {
  fc.assert(
    fc.property(views, ({ view, truth }) => {
      const kept = undominated(view);
      const p = viewUtilities(view);
      const A = p.actions;
      const who = [...Array(p.parts).keys()].filter((i) => p.weights[i] > 0);
      const parts = who.length > 0 ? who : [...Array(p.parts).keys()];
      const dom = (b: number, a: number) =>
        parts.every((i) => p.u[i * A + b] >= p.u[i * A + a] - 1e-9) &&
        parts.some((i) => p.u[i * A + b] > p.u[i * A + a] + 1e-9);
      assert.ok(kept.length >= 1);
      for (const a of kept) assert.ok(!kept.some((b) => dom(b, a)));
      for (const a of view.allowed.filter((x) => !kept.includes(x))) assert.ok(kept.some((b) => dom(b, a)));
      const once = run(view, 'coherent', truth);
      assert.deepEqual(run(once, 'coherent', truth).allowed, once.allowed);
    }),
  );
});

test('operator lists: names, levels and what is wrong with them', () => {
  assert.deepEqual(parseOperators('informed, deliberated:3 reflective,coherent'), [
    { name: 'informed', level: 1 },
    { name: 'deliberated', level: 3 },
    { name: 'reflective', level: 1 },
    { name: 'coherent', level: 1 },
  ]);
  assert.deepEqual(parseOperators(''), []);
  assert.deepEqual(parseOperators('Informed:0.25'), [{ name: 'informed', level: 0.25 }]);
  const bad: [string, RegExp][] = [
    ['infromed', /unknown idealization operator "infromed"; did you mean informed\?/],
    ['extrapolated', /unknown idealization operator "extrapolated"; operators are informed, unbounded/],
    ['informed:1.5', /informed: expected a level in \[0, 1\], got "1.5"/],
    ['informed:', /informed: expected a level in \[0, 1\], got ""/],
    ['unbounded:-0.1', /unbounded: expected a level in \[0, 1\]/],
    ['deliberated:2.5', /deliberated: expected a whole number of rounds from 0 to 1000, got "2.5"/],
    ['deliberated:many', /deliberated: expected a whole number of rounds/],
    ['coherent:2', /coherent takes no level, got "coherent:2"/],
    ['informed:0.5:1', /"informed:0.5:1": expected NAME or NAME:LEVEL/],
  ];
  for (const [text, message] of bad)
    assert.throws(
      () => parseOperators(text),
      (e: unknown) => e instanceof UserError && message.test(e.message) && !e.message.includes('\n'),
      text,
    );
});
