/**
 * The learner agents in a sequential scenario file: their options are checked at their line, and
 * the runner measures them exactly beside the planners.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSequential } from '../../src/run/sequential.js';
import { parseAnyScenario } from '../../src/scenario/index.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { throwsAt } from './helpers.js';

const text = (...agents: string[]) =>
  `${[
    'name: nudge', // 1
    'kind: sequential', // 2
    'horizon: 3', // 3
    'states: [day]', // 4
    'actions: [help-with-work, rest, nudge]', // 5
    'start: day', // 6
    "truth: {day: {'*': {day: 1}}}", // 7
    'parts:', // 8
    '  - name: work', // 9
    "    reward: {help-with-work: 1, nudge: 0.6, '*': 0}", // 10
    '  - name: rest', // 11
    "    reward: {rest: 1, '*': 0}", // 12
    'internal:', // 13
    '  levels: 3', // 14
    '  initial: 1', // 15
    '  gain: [0.25, 1, 4]', // 16
    '  actions: {nudge: {work: 1, rest: -1}}', // 17
    'sigma: weighted-utilitarian', // 18
    'approval: score', // 19
    'agents:', // 20
    ...agents,
  ].join('\n')}\n`;

const load = (t: string) => () => parseAnyScenario(t, 'l.yaml');

test('bad learner options: one error at the option’s line', () => {
  throwsAt(
    load(text('  - boundary/approval', '  - id: learner/psrl', '    options: {episodes: -3}')),
    'l.yaml',
    23,
    'agents[1].options.episodes: expected a whole number in 1 … 1,000,000, got -3 (option episodes of learner/psrl)',
  );
  throwsAt(
    load(text('  - id: learner/q-learning', '    options:', '      epsilon: 1.5')),
    'l.yaml',
    23,
    'agents[0].options.epsilon: expected a probability in 0 … 1, got 1.5 (option epsilon of learner/q-learning)',
  );
  throwsAt(
    load(text('  - id: learner/psrl', '    options:', '      episode: 10')),
    'l.yaml',
    23,
    /^agents\[0\]\.options\.episode: learner\/psrl has no option "episode"; did you mean episodes\?/,
  );
});

test('the runner measures the learners exactly, beside the planner that knows H', () => {
  const s = parseAnyScenario(
    text(
      '  - boundary/approval',
      '  - {id: learner/psrl, options: {episodes: 60, seed: 2}}',
      '  - {id: learner/q-learning, options: {episodes: 400, seed: 2, epsilon: 0.2}}',
    ),
    'l.yaml',
  ) as SequentialScenario;
  const r = runSequential(s);
  const [planner, psrl, q] = r.alignments;
  for (const a of r.alignments) assert.equal(a.expected?.method, 'exact', a.id);
  assert.deepEqual(psrl.options, { episodes: 60, seed: 2 });
  // Deterministic and tiny: both learners find the planner's plan (nudge, then help twice).
  assert.ok(Math.abs((psrl.expected?.approval ?? 0) - (planner.expected?.approval ?? 0)) < 1e-9);
  assert.ok(Math.abs((q.expected?.approval ?? 0) - (planner.expected?.approval ?? 0)) < 1e-9);
  assert.equal(psrl.trajectory?.[0].action, 'nudge');
});
