import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { getOperationalization } from '../../src/align/registry.js';
import { asFlat, type PrincipalData } from '../../src/axioms/principal.js';
import { getReadingAxiom, readingAxioms } from '../../src/axioms/reading-registry.js';
import { searchPrincipal, searchReadingCounterexample } from '../../src/axioms/reading-search.js';
import { UserError } from '../../src/core/errors.js';
import { parseScenario } from '../../src/scenario/index.js';

const principal = (
  parts: PrincipalData['parts'],
  sigma: string,
  outcomes = ['x', 'y', 'z'],
): PrincipalData => ({
  name: 'test',
  title: 'A test principal',
  description: '',
  outcomes,
  parts,
  sigma,
  bounds: { noise: 0, samples: 1 },
  seed: 0,
});

const check = (axiom: string, reading: string, d: PrincipalData) =>
  getReadingAxiom(axiom).check(getOperationalization(reading), {}, d);

// The committee of test/align/readings.test.ts: plurality picks x (loud's favourite), the weighted
// utilitarian sum picks y, and y beats x (0.6–0.4) and z (0.65–0.35) by weighted majority.
const committee = principal(
  [
    { name: 'loud', utility: [1, 0.6, 0], weight: 0.4 },
    { name: 'quiet', utility: [0, 0.9, 1], weight: 0.35 },
    { name: 'calm', utility: [0, 1, 0.2], weight: 0.25 },
  ],
  'plurality',
);

test('reflexivity and override-freedom: re-aggregation overrides H’s plurality choice; instruction does not', () => {
  assert.match(
    check('reflexivity', 'parts/weighted-utilitarian', committee)?.explanation ?? '',
    /not aligned with itself \(gap 1\)/,
  );
  assert.equal(check('reflexivity', 'boundary/instruction', committee), null);
  assert.match(
    check('override-freedom', 'parts/weighted-utilitarian', committee)?.explanation ?? '',
    /H itself picks x, but the target is y/,
  );
  assert.equal(check('override-freedom', 'boundary/instruction', committee), null);
});

test('majority consistency: y beats every action by weighted majority; instruction follows plurality to x', () => {
  assert.match(
    check('majority-consistency', 'boundary/instruction', committee)?.explanation ?? '',
    /y beats every other action/,
  );
  assert.equal(check('majority-consistency', 'parts/weighted-utilitarian', committee), null);
});

test('Ge et al. (NeurIPS 2024) as a reading: Bradley–Terry re-aggregation is not pairwise-majority consistent', () => {
  // 3 parts a≻b≻c and 2 parts b≻c≻a (Borda utilities): a is the majority winner, Bradley–Terry picks b.
  const d = principal(
    [
      ...[1, 2, 3].map((i) => ({ name: `p${i}`, utility: [1, 0.5, 0] })),
      ...[4, 5].map((i) => ({ name: `p${i}`, utility: [0, 1, 0.5] })),
    ],
    'borda',
    ['a', 'b', 'c'],
  );
  assert.match(
    check('majority-consistency', 'parts/bradley-terry', d)?.explanation ?? '',
    /a beats every other action .* the target is b/,
  );
  assert.equal(check('majority-consistency', 'parts/copeland', d), null);
});

test('manipulation: a part gains under the weighted utilitarian sum by burying the other part’s favourite', () => {
  // p1 (0.55): [0.34, 1]; p2 (0.45): [1, 0.85]. Sums 0.637 and 0.9325 → y. If p2 reports [1, 0],
  // y's sum falls to 0.55 and x (0.637) wins: worth 1 to p2 instead of 0.85.
  const d = principal(
    [
      { name: 'p1', weight: 0.55, utility: [0.34, 1] },
      { name: 'p2', weight: 0.45, utility: [1, 0.85] },
    ],
    'weighted-utilitarian',
    ['x', 'y'],
  );
  assert.match(
    check('manipulation-proofness', 'parts/weighted-utilitarian', d)?.explanation ?? '',
    /p2 .* reports \[1, 0\]: the target moves from y to x, worth 1 > 0\.85/,
  );
  // A dictatorship of p1's favourite gives p2 nothing to gain.
  assert.equal(
    check('manipulation-proofness', 'boundary/instruction', { ...d, sigma: 'dictatorship' }),
    null,
  );
});

test('search: keepers find no counterexample; breakers give one that loads as a scenario and the checker confirms', () => {
  const search = (axiom: string, reading: string, budget: number) =>
    searchReadingCounterexample(
      getReadingAxiom(axiom),
      getOperationalization(reading),
      {},
      { budget, seed: 0 },
    );
  for (const [axiom, keeper] of [
    ['reflexivity', 'boundary/instruction'],
    ['anonymity', 'parts/weighted-utilitarian'],
    ['neutrality', 'parts/weighted-utilitarian'],
    ['pareto', 'parts/weighted-utilitarian'],
    ['level-consistency', 'boundary/instruction'],
    ['unbounding-stability', 'parts/weighted-utilitarian'],
  ] as const) {
    const r = search(axiom, keeper, 24);
    assert.equal(r.violated, false, `${keeper} ${axiom}: ${r.violation?.explanation}`);
    assert.equal(r.searched, 24);
  }
  for (const [axiom, breaker] of [
    ['reflexivity', 'parts/weighted-utilitarian'],
    ['anonymity', 'parts/delegates'],
    ['manipulation-proofness', 'parts/weighted-utilitarian'],
    // Nash on H's one part (H heard through its Σ) is Σ's choice, not the parts' Nash bargain.
    ['level-consistency', 'parts/nash-bargaining'],
    // Noise moves H's approval (its expected rank) off the noiseless ranking's top.
    ['unbounding-stability', 'boundary/approval'],
  ] as const) {
    const r = search(axiom, breaker, axiom === 'unbounding-stability' ? 60 : 30);
    assert.equal(r.violated, true, `${breaker} should break ${axiom}`);
    const d = r.counterexample as PrincipalData;
    assert.deepEqual(d.alignments, [breaker]);
    const loaded = parseScenario(JSON.stringify(d), 'counterexample.json');
    assert.equal(loaded.principal.parts.length, d.parts.length);
    assert.ok(check(axiom, breaker, d), 'the checker confirms the counterexample');
  }
});

test('every reading axiom has a name, a title and a description; flat principals only', () => {
  for (const a of readingAxioms) assert.ok(a.name && a.title && a.description);
  assert.throws(() => asFlat({ outcomes: ['x'], actions: {}, parts: [] }, 'f.yaml'), UserError);
  assert.throws(() => asFlat({ outcomes: ['x'], parts: [{ name: 't', parts: [] }] }, 'f.yaml'), /parts\[0\]/);
});

test('property: on random principals, H is aligned with itself under boundary/instruction, and re-aggregation is anonymous and Pareto', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 80 }), (seed, k) => {
      const d = searchPrincipal(seed, k);
      assert.equal(check('reflexivity', 'boundary/instruction', d), null);
      assert.equal(check('anonymity', 'parts/weighted-utilitarian', d), null);
      assert.equal(check('pareto', 'parts/weighted-utilitarian', d), null);
    }),
    { numRuns: 25 },
  );
});
