import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { makePrincipal } from '../../../src/core/model.js';
import { Random } from '../../../src/core/random.js';
import {
  type EvolutionModel,
  type EvolutionParams,
  evolutionFromPrincipal,
  evolutionFromSequential,
  runEvolution,
} from '../../../src/dynamics/evolution/index.js';
import { metaFromTargets } from '../../../src/dynamics/meta/index.js';

const RULES = [
  'weighted-utilitarian',
  'plurality',
  'borda',
  'instant-runoff',
  'random-dictatorship',
  'egalitarian',
];

/** A random repeated problem: 1–4 parts, 2–4 outcomes and actions, a random world model. */
const problem = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    K: fc.integer({ min: 2, max: 4 }),
    A: fc.integer({ min: 1, max: 4 }),
    identity: fc.boolean(),
    rule: fc.constantFrom(...RULES),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .chain(({ n, K, A, identity, rule, seed }) =>
    fc.record({
      rule: fc.constant(rule),
      seed: fc.constant(seed),
      identity: fc.constant(identity),
      n: fc.constant(n),
      K: fc.constant(K),
      A: fc.constant(identity ? K : A),
      utility: fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: K, maxLength: K }), {
        minLength: n,
        maxLength: n,
      }),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }),
      world: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: K, maxLength: K }), {
        minLength: identity ? K : A,
        maxLength: identity ? K : A,
      }),
    }),
  );

type Problem = {
  n: number;
  K: number;
  A: number;
  identity: boolean;
  rule: string;
  utility: number[][];
  weights: number[];
  world: number[][];
};

function build(p: Problem): EvolutionModel {
  const outcomes = Array.from({ length: p.K }, (_, k) => `o${k}`);
  const actions = p.identity ? outcomes : Array.from({ length: p.A }, (_, a) => `a${a}`);
  const world = p.identity
    ? undefined
    : p.world.map((row) => {
        const r = [...row];
        if (r.reduce((s, x) => s + x, 0) === 0) r[0] = 1;
        const t = r.reduce((s, x) => s + x, 0);
        return r.map((x) => x / t);
      });
  return evolutionFromPrincipal(
    makePrincipal({
      outcomes,
      actions,
      ...(world ? { world } : {}),
      parts: p.utility.map((u, i) => ({ name: `p${i}`, utility: u.map((x) => x / 4), weight: p.weights[i] })),
      sigma: { rule: p.rule },
    }),
  );
}

test('property: with habituation, endorsement and weight drift at 0 nothing changes (any recovery, baseline)', () => {
  fc.assert(
    fc.property(
      problem,
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: -3, max: 3, noNaN: true }),
      fc.integer({ min: 1, max: 6 }),
      fc.constantFrom('all', 'overruled' as const),
      (p, recovery, baseline, steps, endorsers) => {
        const m = build(p);
        const params: EvolutionParams = {
          habituation: 0,
          recovery,
          baseline,
          endorsement: 0,
          endorsers: endorsers as 'all' | 'overruled',
          weightDrift: 0,
        };
        const run = runEvolution(m, params, steps, new Random(p.seed));
        assert.equal(run.records.length, steps);
        for (const r of run.records) {
          assert.deepEqual(r.utilities, m.utility);
          assert.deepEqual(r.weights, m.weights);
          assert.deepEqual(Array.from(r.drift), new Array(p.n).fill(0));
          assert.equal(r.weightDrift, 0);
          assert.deepEqual(r.welfareCurrent, r.welfareOriginal);
          assert.deepEqual(r.evolved.approval.length, m.actions.length);
        }
        assert.deepEqual(run.final.value, m.utility);
        assert.ok(run.final.habit.every((h) => h === 0));
        // Σ re-run on unchanged parts approves what the original H approves.
        const r0 = run.records[0];
        assert.equal(r0.approval, r0.originalApproval);
      },
    ),
    { numRuns: 60 },
  );
});

test('property: meta-preferences with rate 0 leave the weights alone', () => {
  const m = build({
    n: 2,
    K: 2,
    A: 2,
    identity: true,
    rule: 'weighted-utilitarian',
    utility: [
      [4, 0],
      [0, 4],
    ],
    weights: [3, 2],
    world: [],
  });
  const meta = metaFromTargets({
    parts: m.parts,
    targets: [
      [1, 0],
      [0, 1],
    ],
  });
  const run = runEvolution(m, { meta, metaRate: 0 }, 5, new Random(1));
  for (const r of run.records) assert.deepEqual(r.weights, m.weights);
});

test('property: a seed fixes the run (random world, random tie-breaks, lottery rules)', () => {
  fc.assert(
    fc.property(problem, fc.integer({ min: 1, max: 8 }), (p, steps) => {
      const m = build(p);
      const params: EvolutionParams = { habituation: 0.3, recovery: 0.2, endorsement: 0.2, weightDrift: 0.1 };
      const a = runEvolution(m, params, steps, new Random(p.seed));
      const b = runEvolution(m, params, steps, new Random(p.seed));
      assert.deepEqual(a, b);
    }),
    { numRuns: 40 },
  );
});

test('different seeds give different histories in a random world', () => {
  const m = evolutionFromPrincipal(
    makePrincipal({
      outcomes: ['x', 'y'],
      actions: ['go'],
      world: [[0.5, 0.5]],
      parts: [{ name: 'p', utility: [1, 0] }],
    }),
  );
  const outcomes = (seed: number) =>
    runEvolution(m, { habituation: 0.5 }, 20, new Random(seed)).records.map((r) => r.outcome);
  assert.notDeepEqual(outcomes(1), outcomes(2));
  assert.deepEqual(outcomes(3), outcomes(3));
});

test('a seed fixes a tabular run with stochastic dynamics', () => {
  const m = evolutionFromSequential(
    {
      states: ['a', 'b', 'c'],
      actions: ['l', 'r'],
      truth: Float64Array.from([
        0.2, 0.5, 0.3, 0.6, 0.2, 0.2, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4, 0.5, 0, 0.5, 0, 1, 0,
      ]),
      start: Float64Array.from([0.3, 0.3, 0.4]),
      horizon: 10,
    },
    {
      parts: [
        { name: 'p', reward: Float64Array.from([1, 0, 0.5, 0.5, 0, 1]), weight: 2 },
        { name: 'q', reward: Float64Array.from([0, 1, 1, 0, 0.3, 0.2]), weight: 1 },
      ],
      sigma: { rule: 'plurality', options: {} },
    },
  );
  const params: EvolutionParams = { habituation: 0.4, recovery: 0.1, endorsement: 0.3, weightDrift: 0.2 };
  const a = runEvolution(m, params, 30, new Random(11));
  assert.deepEqual(a, runEvolution(m, params, 30, new Random(11)));
  const states = new Set(a.records.map((r) => r.state));
  assert.ok(states.size > 1);
  a.records.forEach((r, t) => {
    assert.equal(r.outcome, r.state * 2 + r.choice);
    if (t > 0) assert.equal(r.state, a.records[t - 1].next);
  });
});

const KEYS = [
  'approval',
  'choice',
  'drift',
  'evolved',
  'next',
  'originalApproval',
  'outcome',
  'overruled',
  'satisfied',
  'state',
  't',
  'utilities',
  'weightDrift',
  'weights',
  'welfareCurrent',
  'welfareOriginal',
].sort();

test('property: records are complete and within their ranges', () => {
  fc.assert(
    fc.property(
      problem,
      fc.record({
        habituation: fc.double({ min: 0, max: 1, noNaN: true }),
        recovery: fc.double({ min: 0, max: 1, noNaN: true }),
        baseline: fc.double({ min: -2, max: 2, noNaN: true }),
        endorsement: fc.double({ min: 0, max: 1, noNaN: true }),
        weightDrift: fc.double({ min: 0, max: 2, noNaN: true }),
        endorsers: fc.constantFrom('all' as const, 'overruled' as const),
      }),
      fc.integer({ min: 1, max: 10 }),
      (p, params, steps) => {
        const m = build(p);
        const { n, K } = { n: m.parts.length, K: m.items.length };
        const A = m.actions.length;
        const run = runEvolution(m, params, steps, new Random(p.seed));
        assert.equal(run.records.length, steps);
        run.records.forEach((r, t) => {
          assert.deepEqual(Object.keys(r).sort(), KEYS);
          assert.equal(r.t, t);
          assert.ok(r.choice >= 0 && r.choice < A);
          assert.ok(r.outcome >= 0 && r.outcome < K);
          assert.ok(m.truth[r.choice * K + r.outcome] > 0, 'the outcome is possible under the chosen action');
          assert.equal(r.utilities.length, n * K);
          assert.equal(r.weights.length, n);
          assert.ok(Math.abs(r.weights.reduce((s, x) => s + x, 0) - 1) < 1e-9);
          assert.equal(r.evolved.approval.length, A);
          assert.ok(r.evolved.winners.length >= 1);
          assert.equal(r.approval, r.evolved.approval[r.choice]);
          for (const x of [...r.evolved.approval, r.approval, r.originalApproval, r.weightDrift])
            assert.ok(x >= 0 && x <= 1 + 1e-12, `${x} in [0, 1]`);
          for (const arr of [r.welfareOriginal, r.welfareCurrent])
            for (const x of arr) assert.ok(x >= -1e-12 && x <= 1 + 1e-12);
          for (const x of r.drift) assert.ok(x >= 0);
          assert.equal(r.overruled.length, n);
          assert.equal(r.satisfied.length, n);
          // Utilities stay between the part's original extremes and the baseline.
          for (let i = 0; i < n; i++) {
            const row = m.utility.subarray(i * K, (i + 1) * K);
            const lo = Math.min(...row, params.baseline);
            const hi = Math.max(...row, params.baseline);
            for (let k = 0; k < K; k++) {
              const u = r.utilities[i * K + k];
              assert.ok(u >= lo - 1e-9 && u <= hi + 1e-9, `${u} in [${lo}, ${hi}]`);
            }
          }
        });
        for (const h of run.final.habit) assert.ok(h >= 0 && h <= 1);
      },
    ),
    { numRuns: 60 },
  );
});
