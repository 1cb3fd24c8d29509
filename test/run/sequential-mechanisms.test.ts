/**
 * Running the mechanism blocks of a sequential scenario: the invariants the results promise, over
 * random small worlds (fast-check), and the sweep paths that reach the blocks' fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SequentialScenario } from '../../src/core/scenario.js';
import type { DeclaredBounded, DeclaredEvolution } from '../../src/core/sequential-mechanisms.js';
import { runBoundedBlock } from '../../src/run/sequential-bounded.js';
import { runEvolutionBlock } from '../../src/run/sequential-evolution.js';
import { parseAnyScenario } from '../../src/scenario/index.js';

/** Two states, two actions, two parts with the given rewards (s×a, row-major) and weights. */
function world(
  r: readonly number[][],
  w: readonly number[],
  stay: number,
  horizon: number,
): SequentialScenario {
  const reward = (x: readonly number[]) => `{s: {a: ${x[0]}, b: ${x[1]}}, t: {a: ${x[2]}, b: ${x[3]}}}`;
  const text = `name: w
kind: sequential
states: [s, t]
actions: [a, b]
horizon: ${horizon}
truth: {s: {'*': {s: ${stay}, t: ${1 - stay}}}, t: {'*': {s: ${1 - stay}, t: ${stay}}}}
parts:
  - {name: p, weight: ${w[0]}, reward: ${reward(r[0])}}
  - {name: q, weight: ${w[1]}, reward: ${reward(r[1])}}
agents: [parts/original]
`;
  return parseAnyScenario(text, 'w.yaml') as SequentialScenario;
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const rewards = fc.array(fc.array(unit, { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 2 });
const weights = fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: 2, maxLength: 2 });

test('bounded: the expected weights are shares at every step; equal complexities give no advantage', () => {
  fc.assert(
    fc.property(
      rewards,
      weights,
      fc.double({ min: 0.5, max: 0.95, noNaN: true }),
      fc.array(fc.constantFrom(0.5, 1, 2, 4), { minLength: 2, maxLength: 2 }),
      fc.array(fc.double({ min: 0, max: 8, noNaN: true }), { minLength: 2, maxLength: 2 }),
      fc.boolean(),
      (r, w, stay, k, c, equal) => {
        const s = world(r, w, stay, 2);
        const b: DeclaredBounded = {
          parts: [0, 1].map((i) => ({ complexity: equal ? k[0] : k[i], budget: c[i], fallback: 'uniform' })),
          splits: [
            { kind: 'fixed', fraction: 0.5 },
            { kind: 'precision', sd: 0.6 },
          ],
          forms: { sd0: 1, halfModel: 1 },
          draws: 2,
        };
        const out = runBoundedBlock(s, b, 3);
        assert.equal(out.error, undefined);
        for (const x of out.splits) {
          for (let t = 0; t <= 2; t++) {
            const sum = x.expected_weights.p[t] + x.expected_weights.q[t];
            assert.ok(Math.abs(sum - 1) < 1e-9, `${x.rule} t = ${t}: ${sum}`);
          }
          const gain = x.weight_gain.p - x.weight_gain.q;
          const cheap = k[0] < k[1] ? gain : -gain;
          if (equal || k[0] === k[1]) assert.equal(x.advantage, 'none');
          else assert.equal(x.advantage, cheap > 1e-9 ? 'cheap' : cheap < -1e-9 ? 'costly' : 'none');
        }
      },
    ),
    { numRuns: 25 },
  );
});

test('evolution: with every rate 0 nothing moves and the original welfare survives; weights stay shares', () => {
  fc.assert(
    fc.property(rewards, weights, unit, unit, unit, fc.boolean(), (r, w, h, e, d, still) => {
      const s = world(r, w, 0.7, 6);
      const ev: DeclaredEvolution = {
        steps: 6,
        habituation: still ? 0 : h,
        recovery: still ? 0 : 0.1,
        baseline: 0.3,
        endorsement: still ? 0 : e,
        endorsers: 'overruled',
        weightDrift: still ? 0 : d,
        tieBreak: 'random',
        limit: 0,
      };
      const out = runEvolutionBlock(s, ev, 5);
      assert.equal(out.choices.length, 6);
      for (let t = 0; t <= 6; t++) assert.ok(Math.abs(out.weights.p[t] + out.weights.q[t] - 1) < 1e-9);
      if (!still) return;
      for (const p of out.per_part) {
        assert.deepEqual(p.evolved, p.original);
        assert.equal(p.evolved_weight, p.weight);
        assert.equal(p.mean_welfare_original, p.mean_welfare_unevolved);
        assert.equal(p.mean_welfare_current, p.mean_welfare_original);
      }
      assert.equal(out.original_welfare_survives, true);
      assert.deepEqual(out.evolved_ranking, out.original_ranking);
      assert.match(out.findings[0], /the weights have not moved/);
    }),
    { numRuns: 40 },
  );
});
