/**
 * whole/lcpo: Ge et al.'s LCPO over H's comparisons. Their profile (3 × a≻b≻c, 2 × b≻c≻a), where
 * Bradley–Terry (whole/learned) breaks pairwise majority consistency and LCPO does not; a hand case
 * where features on a line keep the majority's favourite from the top; and pairwise majority
 * consistency and Pareto as properties over random principals.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenario = (parts: string, readings = '[whole/lcpo, whole/learned]') =>
  parseScenario(
    `name: lcpo
outcomes: [a, b, c]
sigma: borda
parts:
${parts}
alignments: ${readings}
`,
    'lcpo.yaml',
  );

test('whole/lcpo on Ge et al.’s profile: the majority order a ≻ b ≻ c, where Bradley–Terry picks b', () => {
  const r = evaluate(
    scenario(`  - {name: three, weight: 3, utility: [1, 0.5, 0]}
  - {name: two, weight: 2, utility: [0, 1, 0.5]}`),
  );
  const [lcpo, learned] = r.alignments;
  assert.equal(lcpo.target, 'a');
  assert.equal(learned.target, 'b');
  assert.match(lcpo.notes?.[0] ?? '', /LCPO ranking a ≻ b ≻ c/);
});

test('whole/lcpo with features on a line: the Condorcet winner b cannot be first; a can', () => {
  // b ≻ a ≻ c (weight 2), c ≻ b ≻ a (2), a ≻ b ≻ c (1): b beats a 4–1 and c 3–2, a beats c 3–2.
  const parts = `  - {name: p1, weight: 2, utility: [0.5, 1, 0]}
  - {name: p2, weight: 2, utility: [0, 0.5, 1]}
  - {name: p3, weight: 1, utility: [1, 0.5, 0]}`;
  const r = evaluate(scenario(parts, '[whole/lcpo, {id: whole/lcpo, options: {features: [0, 1, 2]}}]'));
  assert.equal(r.alignments[0].target, 'b');
  assert.equal(r.alignments[1].target, 'a');
  assert.ok(r.alignments[1].notes?.some((n) => /favourite b cannot be ranked first/.test(n)));
});

const utilities = fc
  .integer({ min: 2, max: 4 })
  .chain((k) =>
    fc.array(
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k, maxLength: k }),
        fc.integer({ min: 1, max: 3 }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
  );

function principal(parts: [number[], number][]) {
  const k = parts[0][0].length;
  const names = Array.from({ length: k }, (_, a) => `x${a}`);
  const yaml = parts
    .map(([u, w], i) => `  - {name: p${i}, weight: ${w}, utility: [${u.join(', ')}]}`)
    .join('\n');
  return {
    names,
    r: evaluate(
      parseScenario(
        `name: random\noutcomes: [${names.join(', ')}]\nsigma: borda\nparts:\n${yaml}\nalignments: [whole/lcpo]\n`,
        'random.yaml',
      ),
    ),
  };
}

test('property: pairwise majority consistency and Pareto over random principals', () => {
  fc.assert(
    fc.property(utilities, (parts) => {
      const k = parts[0][0].length;
      const { names, r } = principal(parts);
      const target = r.alignments[0].target as string;
      const t = names.indexOf(target);
      // Weighted majority margin of a over b (a part indifferent between them abstains).
      const margin = (a: number, b: number) =>
        parts.reduce((s, [u, w]) => s + (u[a] > u[b] ? w : u[a] < u[b] ? -w : 0), 0);
      // A Condorcet winner (in particular the top of a majority ranking) is the target.
      for (let a = 0; a < k; a++)
        if ([...Array(k).keys()].every((b) => b === a || margin(a, b) > 0)) assert.equal(target, names[a]);
      // No action that every part strictly prefers to the target.
      for (let a = 0; a < k; a++)
        assert.ok(!parts.every(([u]) => u[a] > u[t]), `${names[a]} dominates the target ${target}`);
    }),
    { numRuns: 60 },
  );
});
