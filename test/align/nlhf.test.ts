import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenario = (parts: string, readings = '[whole/nlhf, whole/learned]') =>
  parseScenario(
    `name: nlhf
outcomes: [a, b, c]
sigma: borda
parts:
${parts}
alignments: ${readings}
`,
    'nlhf.yaml',
  );

test('whole/nlhf: Ge et al.’s profile — NLHF puts all mass on the Condorcet winner a, Bradley–Terry picks b', () => {
  // 3 × (a > b > c), 2 × (b > c > a): a beats b and c 3 to 2; Bradley–Terry on these comparisons ranks b first.
  const r = evaluate(
    scenario(`  - {name: three, weight: 3, utility: [1, 0.5, 0]}
  - {name: two, weight: 2, utility: [0, 1, 0.5]}`),
  );
  const [nlhf, learned] = r.alignments;
  assert.equal(nlhf.target, 'a');
  assert.equal(learned.target, 'b');
  assert.match(nlhf.notes?.[0] ?? '', /a beats every other action/);
});

test('whole/nlhf: a Condorcet cycle gives each action 1/3; weights that break the cycle give the winner all the mass', () => {
  const cycle = evaluate(
    scenario(`  - {name: p1, utility: [1, 0.5, 0]}
  - {name: p2, utility: [0, 1, 0.5]}
  - {name: p3, utility: [0.5, 0, 1]}`),
  ).alignments[0].target as Record<string, number>;
  for (const a of ['a', 'b', 'c']) assert.ok(Math.abs(cycle[a] - 1 / 3) < 1e-9, JSON.stringify(cycle));
  // Weights 3, 1, 1 on a > b > c, b > c > a, c > a > b: a beats b (p1 and p3, 4 to 1) and c (p1, 3 to 2).
  const weighted = evaluate(
    scenario(`  - {name: p1, weight: 3, utility: [1, 0.5, 0]}
  - {name: p2, weight: 1, utility: [0, 1, 0.5]}
  - {name: p3, weight: 1, utility: [0.5, 0, 1]}`),
  ).alignments[0].target;
  assert.equal(weighted, 'a');
});
