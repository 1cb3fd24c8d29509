/**
 * The meta-preference dynamics' fixed points (align/idealize/meta-dynamics.ts): the fixed-point
 * equation, a hand case with a known number of fixed points and their stability, basin shares
 * that sum to 1 when some starts cycle, and the file format's meta: block through the loader.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chebyshev } from '../../src/core/orbit.js';
import { Random } from '../../src/core/random.js';
import { metaEquilibria, metaStability, metaStep } from '../../src/align/idealize/meta-dynamics.js';
import {
  makeMetaPreferences,
  metaEndorsed,
  metaFromDeclared,
} from '../../src/align/idealize/meta-preferences.js';
import { buildContext } from '../../src/align/context.js';
import { reflect } from '../../src/align/idealize/operators.js';
import { baseView } from '../../src/align/idealize/view.js';
import { DEFAULT_SIGMA } from '../../src/core/model.js';
import { parseScenario } from '../../src/scenario/index.js';
import { throwsAt } from '../scenario/helpers.js';
import { hand } from './meta-hand.js';

test('hand case: exactly three fixed points, the outer two stable with half the starts each, the middle one unstable', () => {
  const eq = metaEquilibria(hand(), new Random(3), { starts: 400, rate: 0.5 });
  const found = eq.fixedPoints.map((f) => Array.from(f.weights));
  assert.equal(found.length, 3);
  const at = (x: number) => eq.fixedPoints.findIndex((f) => Math.abs(f.weights[0] - x) < 1e-12);
  const [a, mid, b] = [at(0.75), at(0.5), at(0.25)];
  assert.ok(a >= 0 && mid >= 0 && b >= 0, JSON.stringify(found));
  assert.equal(eq.stability[a].stable, true);
  assert.equal(eq.stability[b].stable, true);
  assert.equal(eq.stability[mid].stable, false);
  // Perturbed off (½, ½), the weights fall to one side or the other: none come back.
  assert.equal(eq.stability[mid].returned, 0);
  assert.equal(eq.fixedPoints[mid].count, 0);
  assert.equal(eq.fixedPoints[mid].strict, false);
  // Uniform starts: w_A > ½ with probability ½.
  assert.ok(Math.abs(eq.fixedPoints[a].frequency - 0.5) < 0.08, String(eq.fixedPoints[a].frequency));
  assert.equal(eq.fixedPoints[a].count + eq.fixedPoints[b].count, 400);
  assert.equal(eq.cycles.length, 0);
});

test('stability by perturbation on the hand case, point by point: τ_A returns, (½, ½) does not', () => {
  const m = hand();
  assert.deepEqual(metaStability(m, [0.75, 0.25], new Random(1)), {
    returned: 8,
    perturbations: 8,
    stable: true,
  });
  const mid = metaStability(m, [0.5, 0.5], new Random(1), { perturbations: 16 });
  assert.equal(mid.stable, false);
  assert.equal(mid.returned, 0);
});

/**
 * A cycle: A wants B to rule and B wants A to rule, candidates (1, 0), (½, ½), (0, 1). With
 * λ = ½, from w_A = x > ½ the endorsement is (0, 1), so x → x/2 < ½, then (1, 0): x → x/2 + ½ …
 * The 2-cycle is {2/3, 1/3} (a = b/2 + ½, b = a/2). At w_A = ½ all three candidates tie (each
 * scores ½), their mean is (½, ½): a fixed point, reached only from there.
 */
test('basin shares of fixed points, cycles and unconverged starts sum to 1 when the starts cycle', () => {
  const m = makeMetaPreferences({
    parts: ['A', 'B'],
    candidates: [
      [1, 0],
      [0.5, 0.5],
      [0, 1],
    ],
    utility: [
      [0, 0.5, 1],
      [1, 0.5, 0],
    ],
  });
  const starts = [
    [0.5, 0.5],
    [0.9, 0.1],
    [0.2, 0.8],
    [0.6, 0.4],
    [0.5, 0.5],
    [0.7, 0.3],
  ];
  const eq = metaEquilibria(m, new Random(1), { starts, rate: 0.5 });
  assert.equal(eq.cycles.length, 1);
  const orbit = eq.cycles[0].orbit.map((x) => x[0]).sort();
  assert.ok(Math.abs(orbit[0] - 1 / 3) < 1e-8 && Math.abs(orbit[1] - 2 / 3) < 1e-8, JSON.stringify(orbit));
  assert.equal(eq.cycles[0].count, 4);
  assert.equal(eq.fixedPoints.length, 1);
  assert.deepEqual(Array.from(eq.fixedPoints[0].weights), [0.5, 0.5]);
  assert.equal(eq.fixedPoints[0].count, 2);
  const total =
    eq.fixedPoints.reduce((t, f) => t + f.frequency, 0) + eq.cycles[0].frequency + eq.unconverged / eq.starts;
  assert.ok(Math.abs(total - 1) < 1e-12);
  // λ = 1: the weights jump between the two dictatorships.
  const jump = metaEquilibria(m, new Random(1), { starts: 50, rate: 1 });
  assert.equal(jump.cycles.length, 1);
  assert.equal(jump.cycles[0].orbit.length, 2);
  const sum =
    jump.fixedPoints.reduce((t, f) => t + f.frequency, 0) +
    jump.cycles[0].frequency +
    jump.unconverged / jump.starts;
  assert.ok(Math.abs(sum - 1) < 1e-12);
});

/** Random declared meta-preferences on 2–3 parts: targets and says over a coarse grid. */
const declared = fc.integer({ min: 2, max: 3 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    rows: fc.array(
      fc.record({
        target: fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
          nil: undefined,
        }),
        say: fc.option(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }), {
          nil: undefined,
        }),
      }),
      { minLength: n, maxLength: n },
    ),
    rate: fc.constantFrom(0.5, 1),
    seed: fc.nat(1000),
  }),
);

test('property: every fixed point reported satisfies w = E(w), and the shares of the starts sum to 1', () => {
  fc.assert(
    fc.property(declared, ({ n, rows, rate, seed }) => {
      const parts = ['p0', 'p1', 'p2'].slice(0, n);
      const preferences = rows.flatMap((r, i) => {
        const sum = r.target?.reduce((a, b) => a + b, 0) ?? 0;
        const t = r.target && sum > 0 ? r.target.map((x) => x / sum) : undefined;
        return t || r.say
          ? [{ part: parts[i], ...(t ? { target: t } : {}), ...(r.say ? { say: r.say } : {}) }]
          : [];
      });
      const m = metaFromDeclared(
        { parts, preferences, resolution: 4, distance: 'l1', rate, starts: 20 },
        DEFAULT_SIGMA,
      );
      const eq = metaEquilibria(m, new Random(seed), { starts: 20, rate, perturbations: 2 });
      for (const f of eq.fixedPoints) {
        assert.ok(
          chebyshev(metaEndorsed(m, f.weights).target, f.weights) <= 1e-8,
          Array.from(f.weights).join(),
        );
        assert.ok(chebyshev(metaStep(m, f.weights, rate), f.weights) <= 1e-8);
      }
      const total =
        eq.fixedPoints.reduce((t, f) => t + f.count, 0) +
        eq.cycles.reduce((t, c) => t + c.count, 0) +
        eq.unconverged;
      assert.equal(total, eq.starts);
      assert.equal(eq.stability.length, eq.fixedPoints.length);
    }),
    { numRuns: 15, seed: 7 },
  );
});

test('a say term: "the anxious part should have less say" is minus its share, endorsement of one’s own control plus it', () => {
  const m = metaFromDeclared(
    {
      parts: ['calm', 'anxious'],
      preferences: [
        { part: 'calm', say: [0, -1] },
        { part: 'anxious', say: [0, 1] },
      ],
      resolution: 2,
      distance: 'l1',
      rate: 0.5,
      starts: 10,
    },
    DEFAULT_SIGMA,
  );
  // Candidates (1, 0), (½, ½), (0, 1): calm scores 0, −½, −1; anxious 0, ½, 1.
  assert.deepEqual(Array.from(m.utility), [0, -0.5, -1, 0, 0.5, 1]);
  // Whoever has more weight gets all of it: two stable dictatorships and the tie between them.
  const eq = metaEquilibria(m, new Random(2), { starts: 100 });
  assert.deepEqual(
    eq.fixedPoints.map((f) => [Array.from(f.weights), eq.stability[eq.fixedPoints.indexOf(f)].stable]).sort(),
    [
      [[0, 1], true],
      [[0.5, 0.5], false],
      [[1, 0], true],
    ],
  );
});

const base = `name: t
outcomes: [a, b]
parts:
  - {name: calm, utility: [1, 0]}
  - {name: anxious, utility: [0, 1]}
  - name: team
    parts:
      - {name: x, utility: [1, 1]}
`;

test('the meta: block: weights outside the simplex and unknown part names are errors at their line', () => {
  throwsAt(
    () =>
      parseScenario(
        `${base}meta:\n  preferences:\n    calm: {target: {calm: 0.7, anxious: 0.5}}\n`,
        't.yaml',
      ),
    't.yaml',
    11,
    'meta.preferences.calm.target: shares sum to 1.2, expected 1 (weights lie on the simplex)',
  );
  throwsAt(
    () =>
      parseScenario(
        `${base}meta:\n  preferences:\n    calm:\n      target: {calm: 1.5, anxious: -0.5}\n`,
        't.yaml',
      ),
    't.yaml',
    12,
    /^meta\.preferences\.calm\.target\.anxious: expected a share ≥ 0/,
  );
  throwsAt(
    () => parseScenario(`${base}meta:\n  preferences:\n    clam: {say: {calm: 1}}\n`, 't.yaml'),
    't.yaml',
    11,
    /^meta\.preferences\.clam: unknown part "clam"; did you mean calm/,
  );
  throwsAt(
    () => parseScenario(`${base}meta:\n  preferences:\n    calm:\n      say: {anxiuos: -1}\n`, 't.yaml'),
    't.yaml',
    12,
    /^meta\.preferences\.calm\.say\.anxiuos: unknown part "anxiuos"; did you mean anxious/,
  );
  throwsAt(
    () =>
      parseScenario(`${base}alignments:\n  - {id: meta/equilibrium, options: {select: biggest}}\n`, 't.yaml'),
    't.yaml',
    10,
    /select: unknown select rule "biggest"; expected largest-basin or nearest/,
  );
});

test('the meta: block as loaded: part names in file order, shares, defaults', () => {
  const s = parseScenario(
    `${base}meta:\n  preferences:\n    anxious: {say: {anxious: 1}}\n    calm: {target: {calm: 0.5, team: 0.5}, say: {anxious: -1}}\n`,
    't.yaml',
  );
  assert.deepEqual(s.meta, {
    parts: ['calm', 'anxious', 'team'],
    preferences: [
      { part: 'anxious', say: [0, 1, 0] },
      { part: 'calm', target: [0.5, 0, 0.5], say: [0, -1, 0] },
    ],
    resolution: 10,
    distance: 'l1',
    rate: 0.5,
    starts: 200,
  });
});

test('reflective on a nested H: the top parts’ shares reach the meta fixed point, each team split as its members’ weights split it', () => {
  const s = parseScenario(
    `name: t
outcomes: [a, b]
parts:
  - {name: calm, weight: 1, utility: [1, 0]}
  - name: team
    weight: 3
    parts:
      - {name: x, weight: 1, utility: [0, 1]}
      - {name: y, weight: 3, utility: [0, 1]}
meta:
  preferences:
    calm: {target: {calm: 0.8, team: 0.2}}
    team: {target: {calm: 0.4, team: 0.6}}
`,
    't.yaml',
  );
  const ctx = buildContext(s);
  const v = baseView(ctx);
  assert.deepEqual(v.names, ['calm', 'team/x', 'team/y']);
  const { view } = reflect(v);
  const total = v.weights.reduce((a, b) => a + b, 0);
  const got = Array.from(view.weights, (w) => Number((w / total).toFixed(9)));
  // The team holds ¾ of the weight, so its target wins: (0.4, 0.6), the team's 0.6 split 1 : 3.
  assert.deepEqual(got, [0.4, 0.15, 0.45]);
});
