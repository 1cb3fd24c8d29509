/**
 * scenarios/bounded-compute.yaml and scenarios/evolution-career.yaml: the `bounded:` and
 * `evolution:` blocks run through the sequential runner give the built-in experiments' numbers
 * with their defaults — the file and the experiment are one model, not two.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runBoundedCompute } from '../../src/experiment/bounded-compute.js';
import { runCareerEvolution } from '../../src/experiment/career-evolution.js';
import { EXPERIMENT_SEED } from '../../src/experiment/registry.js';
import { runSequential } from '../../src/run/sequential.js';
import { parseAnyScenario } from '../../src/scenario/load.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { scenariosDir } from './helpers.js';

function load(name: string): SequentialScenario {
  const file = join(scenariosDir, `${name}.yaml`);
  const s = parseAnyScenario(readFileSync(file, 'utf8'), file);
  assert.equal(s.kind, 'sequential');
  return s as SequentialScenario;
}

test('bounded-compute.yaml: its splits are the bounded-compute experiment’s, number for number', () => {
  const s = load('bounded-compute');
  assert.equal(s.seed, EXPERIMENT_SEED);
  const b = runSequential({ ...s, agents: [] }, { record: false }).bounded!;
  const e = runBoundedCompute(EXPERIMENT_SEED);
  assert.equal(b.error, undefined);
  assert.deepEqual(
    b.splits.map((x) => x.rule),
    [e.precision.rule, e.fixed.rule],
  );
  for (const [mine, theirs] of [
    [b.splits[0], e.precision],
    [b.splits[1], e.fixed],
  ] as const)
    for (const key of Object.keys(theirs) as (keyof typeof theirs)[])
      assert.deepEqual(mine[key], theirs[key], `${theirs.rule}: ${key}`);
  assert.deepEqual(b.complexity, e.complexity);
  assert.deepEqual([b.draws, b.horizon, b.sd0, b.half_model], [e.draws, e.horizon, e.sd0, e.half_model]);
  // The findings, from the numbers (docs/scenarios.md quotes them).
  assert.deepEqual(
    b.splits.map((x) => x.advantage),
    ['cheap', 'none'],
  );
  assert.equal(b.splits[0].final_weights.plain.toFixed(3), '0.848');
  assert.match(b.findings[2], /bears it out under precision \(σ\* = 0\.5\), not under fixed \(f = 0\.5\)/);
});

test('evolution-career.yaml: the career-evolution experiment’s years, weights, welfare and limit', () => {
  const s = load('evolution-career');
  const v = runSequential({ ...s, agents: [] }, { record: false }).evolution!;
  const e = runCareerEvolution(EXPERIMENT_SEED);
  assert.deepEqual(v.choices, e.choices);
  assert.deepEqual(v.choice_runs, e.choice_runs);
  assert.deepEqual(v.original_ranking, e.original_ranking);
  assert.deepEqual(v.evolved_ranking, e.evolved_ranking);
  assert.deepEqual(v.against_original, e.against_original);
  assert.deepEqual(v.endorsed_against_original, e.endorsed_against_original);
  assert.deepEqual(v.items, e.paths);
  e.by_year.forEach((y) => {
    for (const p of e.parts) assert.equal(v.weights[p][y.year], y.weights[p], `${p} year ${y.year}`);
  });
  e.per_part.forEach((p, i) => {
    const mine = v.per_part[i];
    for (const key of Object.keys(p) as (keyof typeof p)[])
      assert.deepEqual(mine[key], p[key], `${p.name}: ${key}`);
  });
  assert.deepEqual(v.limit, e.limit);
  // The parts held fixed, the original H takes the startup every year: ambition gets its best,
  // care its worst; evolved, ambition loses by its own original utilities.
  assert.deepEqual(
    v.per_part.map((p) => Number(p.mean_welfare_unevolved.toFixed(12))),
    [Number(((0.6 - 0.3) / 0.7).toFixed(12)), 1, 0],
  );
  assert.equal(v.original_welfare_survives, false);
  assert.match(
    v.findings.join('\n'),
    /does not survive for ambition \(0\.880 by its original utilities, vs 1\.000/,
  );
});
