import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestMisreport, manipulable } from '../../src/run/manipulation.js';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

/**
 * Borda's textbook manipulation, weighted: p1 and p2 rank b > a > c, p3 (weight 1.5) a > b > c.
 * Truthful Borda scores: a 1 + 1 + 3 = 5, b 2 + 2 + 1.5 = 5.5 → b. If p3 buries b (a > c > b):
 * a 5, b 4, c 1.5 → a, p3's favourite: it gains its welfare of a minus that of b, 1 − 0.5.
 */
const BORDA = `name: borda-manipulation
outcomes: [a, b, c]
sigma: borda
parts:
  - {name: p1, utility: [0.5, 1, 0]}
  - {name: p2, utility: [0.5, 1, 0]}
  - {name: p3, weight: 1.5, utility: [1, 0.5, 0]}
alignments: [parts/borda, parts/dictatorship]
`;

test('strategic parts: the grid search finds p3’s profitable misreport of Borda, and none against a dictatorship of p1', () => {
  const s = parseScenario(BORDA, 'borda-manipulation.yaml');
  assert.ok(manipulable(s.principal));
  const m = bestMisreport(s, s.alignments[0]);
  assert.equal(m.part, 'p3');
  assert.ok(Math.abs(m.gain - 0.5) < 1e-9, String(m.gain));
  assert.equal(m.tried, 3 * 27);
  // Its report puts b below a: the burial.
  assert.ok(m.report !== null && m.report[1] < m.report[0]);
  // A dictatorship of the first part: the dictator has its best already, the others cannot move it.
  const d = bestMisreport(s, s.alignments[1]);
  assert.deepEqual({ gain: d.gain, part: d.part }, { gain: 0, part: null });
  // In run --json, only when asked.
  assert.equal(evaluate(s).alignments[0].manipulation, undefined);
  assert.equal(evaluate(s, undefined, { manipulation: true }).alignments[0].manipulation?.part, 'p3');
});
