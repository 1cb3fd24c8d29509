import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nestedLevels } from '../../src/run/levels.js';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

const READINGS = `alignments: [boundary/instruction, parts/weighted-utilitarian, parts/nash-bargaining, parts/borda, whole/learned]`;

/** A team (a: weight 2, wants x; b: weight 1, prefers z, then y) inside H beside c (weight 3, wants z). */
const TWO_LEVELS = `name: two-levels
outcomes: [x, y, z]
sigma: weighted-utilitarian
parts:
  - name: team
    weight: 1
    sigma: weighted-utilitarian
    parts:
      - {name: a, weight: 2, utility: [1, 0, 0]}
      - {name: b, weight: 1, utility: [0, 0.5, 1]}
  - {name: c, weight: 3, utility: [0, 0, 1]}
${READINGS}
`;

test('levels: a flat principal has none, and its results are exactly the flat ones', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'holiday.yaml'), 'utf8');
  const s = parseScenario(text, 'holiday.yaml');
  assert.deepEqual(nestedLevels(s.principal), []);
  const withLevels = evaluate(s);
  for (const a of withLevels.alignments) assert.deepEqual(a.levels, []);
  const without = evaluate(s, undefined, { levels: false });
  assert.deepEqual(
    withLevels.alignments.map(({ levels: _, ...rest }) => rest),
    without.alignments,
  );
});

test('levels: a hand-built two-level principal — the team’s welfare under the top target, its own target and verdict', () => {
  const r = evaluate(parseScenario(TWO_LEVELS, 'two-levels.yaml'));
  const wu = r.alignments.find((a) => a.id === 'parts/weighted-utilitarian');
  assert.ok(wu);
  // At the top, c (weight 3) outweighs the team: z. Inside the team, a (weight 2) outweighs b: x.
  assert.equal(wu.target, 'z');
  assert.equal(wu.levels?.length, 1);
  const team = wu.levels?.[0];
  assert.ok(team);
  assert.equal(team.path, 'team');
  assert.equal(team.target, 'x');
  assert.equal(team.agrees_with_top, false);
  assert.equal(team.self_aligned, true); // the team's Σ is weighted-utilitarian too
  assert.equal(team.reflexivity_gap, 0);
  // Under z, a gets its worst (0) and b its best (1).
  assert.deepEqual(team.welfare, { a: 0, b: 1 });
  assert.equal(team.worst_off, 'a');
  // Borda inside the team: a ranks x > y = z, b ranks z > y > x; weights 2 and 1.
  const borda = r.alignments.find((a) => a.id === 'parts/borda')?.levels?.[0];
  assert.equal(borda?.path, 'team');
  assert.equal(typeof borda?.target, 'string');
});

test('levels: a principal wrapped as the only part of H — its level equals it run flat', () => {
  const flatText = `name: team
outcomes: [x, y, z]
sigma: borda
parts:
  - {name: a, weight: 2, utility: [1, 0, 0.2]}
  - {name: b, weight: 1, utility: [0, 0.5, 1]}
  - {name: d, weight: 1.5, utility: [0.3, 1, 0]}
${READINGS}
`;
  const wrapped = `name: wrapped
outcomes: [x, y, z]
sigma: weighted-utilitarian
parts:
  - name: team
    sigma: borda
    parts:
      - {name: a, weight: 2, utility: [1, 0, 0.2]}
      - {name: b, weight: 1, utility: [0, 0.5, 1]}
      - {name: d, weight: 1.5, utility: [0.3, 1, 0]}
${READINGS}
`;
  const flat = evaluate(parseScenario(flatText, 'team.yaml'));
  const top = evaluate(parseScenario(wrapped, 'wrapped.yaml'));
  top.alignments.forEach((a, k) => {
    const level = a.levels?.[0];
    assert.ok(level, a.label);
    const f = flat.alignments[k];
    assert.deepEqual(
      { target: level.target, self_aligned: level.self_aligned, gap: level.reflexivity_gap },
      { target: f.target, self_aligned: f.self_aligned, gap: f.reflexivity_gap },
      a.label,
    );
  });
});

test('levels: sydney — each of its principals is evaluated at its own level', () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'sydney.yaml'), 'utf8');
  const r = evaluate(parseScenario(text, 'sydney.yaml'));
  for (const a of r.alignments) {
    assert.deepEqual(
      a.levels?.map((l) => l.path),
      nestedLevels(parseScenario(text, 'sydney.yaml').principal).map((l) => l.path),
    );
    for (const l of a.levels ?? []) {
      assert.ok(Object.keys(l.welfare).length > 1, `${a.label} ${l.path}: per-part welfare`);
      for (const w of Object.values(l.welfare)) assert.ok(w >= -1e-12 && w <= 1 + 1e-12);
    }
  }
});
