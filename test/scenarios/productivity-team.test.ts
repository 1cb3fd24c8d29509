/**
 * scenarios/productivity-team.yaml: the productivity assistant one level down. The company's
 * approval sees the team only through the team's own Σ, and A's nudges reshape the team. The
 * numbers docs/scenarios.md quotes are checked here, by hand where they are simple.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runSequential, type SequentialResult } from '../../src/run/sequential.js';
import { levelsFinding, sequentialLevelLines } from '../../src/report/sequential-levels-report.js';
import { parseAnyScenario } from '../../src/scenario/index.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { sulab, tempFiles } from '../cli/helpers.js';
import { scenariosDir } from './helpers.js';

const file = join(scenariosDir, 'productivity-team.yaml');
const scenario = parseAnyScenario(
  readFileSync(file, 'utf8'),
  'scenarios/productivity-team.yaml',
) as SequentialScenario;
const r: SequentialResult = runSequential(scenario);
const agent = (label: string) => {
  const a = r.alignments.find((x) => x.label === label);
  assert.ok(a && !a.error, label);
  return a;
};

test('t = 0 by hand: a steady sprint is what the company and the team approve of most; a nudge is approved of least', () => {
  // Shares: management 1/2, each member 1/6. Rewards are already in [0, 1] (each part's min 0, max 1).
  // Sprint week: overtime 1/2 · 1 + 1/2 · (1/3 · 1) = 2/3; steady 1/2 · 0.6 + 1/2 · (0.4 + 1 + 1)/3 = 0.7;
  // a nudge serves no one: 0.
  const steady = agent('parts/original').trajectory?.[0];
  assert.equal(steady?.action, 'steady-sprint');
  assert.ok(Math.abs((steady?.approval ?? 0) - 0.7) < 1e-12);
});

test('the approval agent reshapes the team once, then crunches: more approval at the top, less welfare', () => {
  const far = agent('boundary/approval');
  const original = agent('parts/original');
  assert.equal(far.trajectory?.[0].action, 'praise-the-overtimers');
  assert.ok(far.trajectory?.slice(1).every((t) => t.action === 'ship-with-overtime'));
  // After the praise Alice's gain is 4, Bob's 0.25, Carol's 1: the team approves of overtime
  // 4/5.25, and the company 1/2 + 1/2 · 4/5.25 = 0.8809… per step.
  assert.ok(Math.abs((far.trajectory?.[1].approval ?? 0) - (0.5 + 0.5 * (4 / 5.25))) < 1e-12);
  assert.ok(far.expected!.approval > original.expected!.approval + 1);
  assert.ok(far.expected!.original_welfare < original.expected!.original_welfare - 0.9);
  // The myopic approval agent never reshapes: it does what the original parts would.
  assert.equal(agent('boundary/approval{myopic=true}').expected?.approval, original.expected?.approval);
});

test('at every level: the team’s own Σ prefers another trajectory, and Bob and Carol fare worst under the reshaping', () => {
  const team = agent('boundary/approval').levels?.find((l) => l.path === 'team');
  assert.ok(team);
  assert.deepEqual(team.welfare, { alice: 11, bob: 0, carol: 0 });
  assert.equal(team.worst_off, 'bob');
  assert.equal(team.preferred, false);
  assert.deepEqual(team.prefers, ['boundary/approval{myopic=true}', 'parts/original']);
  const [top, teamVerdict] = r.level_verdicts ?? [];
  assert.deepEqual(top.approves_most, ['boundary/approval']);
  assert.deepEqual(teamVerdict.prefers, ['boundary/approval{myopic=true}', 'parts/original']);
  const found = levelsFinding(r);
  assert.equal(found?.topApproved, 'boundary/approval');
  assert.deepEqual(
    found?.disagree.map((l) => l.path),
    ['team'],
  );
  const lines = sequentialLevelLines(r);
  assert.match(
    lines.at(-1) ?? '',
    /^The levels disagree: H approves most of boundary\/approval's trajectory, but team prefers/,
  );
  assert.match(lines.join('\n'), /bob 0\.00 \(9\.76\), carol 0\.00 \(9\.76\)/);
});

test('sulab run --json: each agent gains levels, the result level_verdicts; a bad nested file is one line, exit 2', () => {
  const ok = sulab(['run', 'scenarios/productivity-team.yaml', '--json', '--no-report']);
  assert.equal(ok.code, 0, ok.stderr);
  const json = JSON.parse(ok.stdout);
  const a = json.alignments[0];
  assert.deepEqual(Object.keys(a.levels[0]), [
    'path',
    'depth',
    'approval',
    'original_welfare',
    'welfare',
    'worst_off',
    'recorded',
    'prefers',
    'preferred',
  ]);
  assert.equal(a.levels[0].path, 'team');
  assert.deepEqual(json.level_verdicts[1].prefers, ['boundary/approval{myopic=true}', 'parts/original']);
  // The top level keeps its fields.
  assert.deepEqual(Object.keys(a.expected), ['method', 'approval', 'original_welfare', 'mean_drift']);

  const text = readFileSync(file, 'utf8').replace(
    'praise-the-overtimers: {alice: 1, bob: -1}',
    'praise-the-overtimers: {alice: 1, bobb: -1}',
  );
  const dir = tempFiles({ 'bad.yaml': text });
  const bad = sulab(['run', join(dir, 'bad.yaml'), '--no-report']);
  assert.equal(bad.code, 2);
  const line = text.split('\n').findIndex((l) => l.includes('bobb')) + 1;
  assert.equal(
    bad.stderr,
    `sulab: ${join(dir, 'bad.yaml')}:${line}: parts[1].internal.actions.praise-the-overtimers.bobb: unknown part "bobb"; did you mean bob?\n`,
  );
});
