/**
 * Un-bounding at different rates (align/idealize/unbounding.ts, parts/unbounding): the functional
 * forms by hand, a hand case whose flip moves with the rate, the limit equal to parts/idealized's
 * default (informed, unbounded), determinism, and per-part rate: in the file format.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildContext } from '../../src/align/context.js';
import { pathVerdicts, unboundingPath } from '../../src/align/idealize/unbounding.js';
import { getOperationalization } from '../../src/align/registry.js';
import { Random } from '../../src/core/random.js';
import { parseScenario } from '../../src/scenario/index.js';
import { throwsAt } from '../scenario/helpers.js';

/**
 * One part that believes the gamble pays 1 with probability 0.2 (truth: 0.8) against a sure 0.5.
 * Its utility along the path is 0.2 + 0.6·m with m = r·c / (1 + r·c): the gamble wins once
 * m > ½, i.e. r·c > 1. At rate 1: safe at c = 0, a tie at c = 1, the gamble from c = 2. At rate
 * ¼: the tie at c = 4, the gamble from c = 8.
 */
const gamble = (rate: number) => `name: gamble
outcomes: [win, lose, half]
actions:
  gamble: {win: 0.2, lose: 0.8}
  safe: half
truth:
  gamble: {win: 0.8, lose: 0.2}
  safe: half
parts:
  - {name: only, rate: ${rate}, utility: {win: 1, lose: 0, half: 0.5}}
alignments:
  - {id: parts/unbounding, options: {rules: weighted-utilitarian, steps: 6}}
`;

test('hand case: the flip comes where rate × compute passes 1, so a slower part flips later', () => {
  for (const [rate, tie, after] of [
    [1, 1, 2],
    [0.25, 4, 8],
  ]) {
    const ctx = buildContext(parseScenario(gamble(rate), 'g.yaml'));
    const path = unboundingPath(ctx, new Random(1), { rules: ['weighted-utilitarian'], steps: 6 });
    assert.deepEqual(path.compute, [0, 1, 2, 4, 8, 16, Number.POSITIVE_INFINITY]);
    const modes = path.rules[0].outcomes.map((o) => o.modes.map((a) => ctx.actions[a]).join('+'));
    const expected = path.compute.map((c) => (c < tie ? 'safe' : c === tie ? 'gamble+safe' : 'gamble'));
    assert.deepEqual(modes, expected, `rate ${rate}`);
    const [v] = pathVerdicts(path, ctx.behaviour.modes);
    assert.deepEqual(v.flips, [tie, after]);
    assert.equal(v.keeps, false);
    assert.equal(v.departs, after);
  }
});

test('the functional forms: noise σ0/√(1 + r·c), the truth’s share r·c/(1 + r·c), exact at the limit', () => {
  const ctx = buildContext(parseScenario(gamble(0.5), 'g.yaml'));
  const path = unboundingPath(ctx, new Random(1), { rules: ['weighted-utilitarian'], steps: 4, noise: 0.3 });
  path.compute.forEach((c, k) => {
    const rc = c === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : 0.5 * c;
    const sd = rc === Number.POSITIVE_INFINITY ? 0 : 0.3 / Math.sqrt(1 + rc);
    const m = rc === Number.POSITIVE_INFINITY ? 1 : rc / (1 + rc);
    assert.ok(Math.abs(path.sd[k][0] - sd) < 1e-15);
    assert.ok(Math.abs(path.informed[k][0] - m) < 1e-15);
  });
});

test('the limit is parts/idealized with its default operators (informed, unbounded): the same target', () => {
  const s = parseScenario(gamble(1), 'g.yaml');
  const ctx = buildContext(s);
  const u = getOperationalization('parts/unbounding').read(ctx, { rules: 'nash-bargaining' });
  const i = getOperationalization('parts/idealized').read(ctx, { explore: false });
  assert.deepEqual(u.target, i.target);
  assert.deepEqual(Array.from(u.scores), Array.from(i.scores));
});

test('same seed, same path; the draws are common to every point', () => {
  const ctx = buildContext(parseScenario(gamble(1), 'g.yaml'));
  const a = unboundingPath(ctx, new Random(9), { noise: 0.5, samples: 16, steps: 3 });
  const b = unboundingPath(ctx, new Random(9), { noise: 0.5, samples: 16, steps: 3 });
  assert.deepEqual(a, b);
  // Every lottery is a distribution over the actions.
  for (const r of a.rules)
    for (const o of r.outcomes) assert.ok(Math.abs(o.lottery.reduce((t, x) => t + x, 0) - 1) < 1e-9);
});

test('rate: only on H’s own parts, and positive; unknown bargains are errors at their line', () => {
  const nested = `name: t
outcomes: [a, b]
parts:
  - {name: p, utility: [1, 0]}
  - name: team
    parts:
      - {name: x, rate: 2, utility: [0, 1]}
`;
  throwsAt(
    () => parseScenario(nested, 't.yaml'),
    't.yaml',
    7,
    /^parts\[1\]\.parts\[0\]\.rate: only H's own parts un-bound at a rate/,
  );
  throwsAt(
    () => parseScenario('name: t\noutcomes: [a]\nparts:\n  - {name: p, rate: 0, utility: [1]}\n', 't.yaml'),
    't.yaml',
    4,
    /^parts\[0\]\.rate: expected a positive rate/,
  );
  throwsAt(
    () =>
      parseScenario(
        'name: t\noutcomes: [a]\nparts:\n  - {name: p, utility: [1]}\nalignments:\n  - {id: parts/unbounding, options: {rules: "nash, delegate"}}\n',
        't.yaml',
      ),
    't.yaml',
    6,
    /rules: unknown bargain "delegate"/,
  );
});
