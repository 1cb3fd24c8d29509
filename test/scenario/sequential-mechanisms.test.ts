/**
 * The sequential format's `bounded:` and `evolution:` blocks: defaults, '*' for every other part,
 * and each mistake a UserError at the file and line of the value it names.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { parseAnyScenario } from '../../src/scenario/index.js';

const HEAD = `name: m
kind: sequential
states: [s, t]
actions: [a, b]
horizon: 2
truth: {'*': {'*': {s: 0.5, t: 0.5}}}
parts:
  - {name: plain, reward: {a: 1, b: 0}}
  - {name: fancy, reward: {a: 0, b: 1}, beliefs: {'*': {'*': s}}}
agents: [parts/original]
`;

const load = (block: string): SequentialScenario =>
  parseAnyScenario(HEAD + block, 'm.yaml') as SequentialScenario;

/** The block fails at m.yaml:LINE with a message matching `message`. */
function fails(block: string, line: number, message: RegExp): void {
  assert.throws(
    () => load(block),
    (e: unknown) => {
      assert.ok(e instanceof UserError, String(e));
      assert.equal(e.where, `m.yaml:${line}`, e.message);
      assert.match(e.message, message);
      return true;
    },
  );
}

test('bounded: defaults, the wildcard, and every rule with its parameters', () => {
  const s = load(`bounded:
  parts:
    plain: {complexity: 1, budget: 2}
    '*': {complexity: 3, budget: 0.5, fallback: beliefs}
  splits:
    - {rule: fixed, fraction: 0.25}
    - {rule: precision, sd: 0.5}
    - {rule: best-response}
`);
  assert.deepEqual(s.bounded, {
    parts: [
      { complexity: 1, budget: 2, fallback: 'uniform' },
      { complexity: 3, budget: 0.5, fallback: 'beliefs' },
    ],
    splits: [
      { kind: 'fixed', fraction: 0.25 },
      { kind: 'precision', sd: 0.5 },
      { kind: 'best-response', grid: 10, rounds: 5, start: 0.5 },
    ],
    forms: { sd0: 1, halfModel: 1 },
    draws: 32,
  });
  assert.equal(load('').bounded, undefined);
  assert.equal(load('').evolution, undefined);
});

test('bounded: each mistake at its line', () => {
  const parts = (p: string) => `bounded:\n  parts:\n${p}  splits: [{rule: fixed, fraction: 0.5}]\n`;
  fails(
    parts('    plain: {complexity: 1, budget: -1}\n    fancy: {complexity: 1, budget: 1}\n'),
    13,
    /budget.*expected a budget ≥ 0, got -1/,
  );
  fails(
    parts('    plain: {complexity: 0, budget: 1}\n    fancy: {complexity: 1, budget: 1}\n'),
    13,
    /expected a complexity > 0/,
  );
  fails(
    parts(
      '    plain: {complexity: 1, budget: 1}\n    fancy: {complexity: 1, budget: 1}\n    plian: {complexity: 1, budget: 1}\n',
    ),
    15,
    /unknown part "plian"; did you mean plain\?/,
  );
  fails(parts('    plain: {complexity: 1, budget: 1}\n'), 12, /missing part "fancy"/);
  fails(
    parts("    '*': {complexity: 1, budget: 1, fallback: beliefs}\n"),
    13,
    /part "plain" declares no beliefs/,
  );
  const split = (s: string) =>
    `bounded:\n  parts: {'*': {complexity: 1, budget: 1}}\n  splits:\n    - ${s}\n`;
  fails(
    split('{rule: greedy}'),
    14,
    /expected a split rule: fixed, precision or best-response, got "greedy"/,
  );
  fails(split('{rule: fixed}'), 14, /the fixed rule needs fraction/);
  fails(split('{rule: fixed, fraction: 1.5}'), 14, /expected a fraction in \[0, 1\], got 1\.5/);
  fails(
    split('{rule: precision, sd: 0.5, fraction: 0.5}'),
    14,
    /fraction belongs to the fixed rule, not precision/,
  );
  fails(split('{rule: best-response, grid: 0}'), 14, /expected a whole number from 1 to 100/);
  fails(
    `bounded:\n  parts: {'*': {complexity: 1, budget: 1}}\n  splits: [{rule: fixed, fraction: 0}]\n  forms: {half_model: 0}\n`,
    14,
    /expected h > 0/,
  );
  fails(
    `bounded:\n  parts: {'*': {complexity: 1, budget: 1}}\n  splits: [{rule: fixed, fraction: 0}]\n  draw: 3\n`,
    14,
    /unknown key "draw"; did you mean draws\?/,
  );
});

test('evolution: defaults, per-part baselines, and each mistake at its line', () => {
  const s = load(`evolution:\n  habituation: 0.1\n  baseline: {plain: 0.2, '*': 0.4}\n`);
  assert.deepEqual(s.evolution, {
    steps: 2,
    habituation: 0.1,
    recovery: 0,
    baseline: [0.2, 0.4],
    endorsement: 0,
    endorsers: 'overruled',
    weightDrift: 0,
    tieBreak: 'random',
    limit: 5000,
  });
  fails('evolution:\n  endorsement: 1.2\n', 12, /expected a rate in \[0, 1\], got 1\.2/);
  fails('evolution:\n  habituation: -0.1\n', 12, /expected a rate in \[0, 1\]/);
  fails('evolution:\n  weight_drift: -1\n', 12, /expected a rate ≥ 0/);
  fails('evolution:\n  baseline: {plain: 0, fancy: 1, care: 2}\n', 12, /unknown part "care"/);
  fails('evolution:\n  tie_break: first\n', 12, /expected "random" or "lexicographic"/);
  fails('evolution:\n  steps: 2.5\n', 12, /expected a whole number of steps/);
});

test('bounded: a block that would solve negotiable RL too many times is refused at draws', () => {
  fails(
    `bounded:\n  parts: {'*': {complexity: 1, budget: 1}}\n  splits: [{rule: best-response, grid: 100, rounds: 100}]\n  draws: 10\n`,
    14,
    /10 draws × 20401 negotiable-RL solves per draw is 204010, at most 100000/,
  );
  fails('evolution:\n  steps: 1001\n', 12, /expected a whole number of steps from 0 to 1000/);
});
