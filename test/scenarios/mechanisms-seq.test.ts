/**
 * scenarios/bounded-compute.yaml and scenarios/evolution-career.yaml: the `bounded:` and
 * `evolution:` blocks run through the sequential runner give the built-in experiments' numbers
 * with their defaults — the file and the experiment are one model, not two — and sweeps over
 * them reach the blocks' fields (`bounded.parts.refined.complexity`, `evolution.weight_drift`):
 * the cells record NRL's final weights per split rule and the evolved weights, the numbers of
 * the experiment's complexity sweep and of the career.
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
import { runCells } from '../../src/experiment/cells.js';
import { readSource } from '../../src/scenario/source.js';
import { checkSweep, parseSweep } from '../../src/scenario/sweep.js';
import { scenariosDir } from './helpers.js';

const bounded = runBoundedCompute(EXPERIMENT_SEED);
const career = runCareerEvolution(EXPERIMENT_SEED);

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
  const e = bounded;
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
  const e = career;
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

const base = (name: string) => {
  const file = join(scenariosDir, `${name}.yaml`);
  return readSource(readFileSync(file, 'utf8'), file);
};

/** Cells 0 and 1 of a sweep over scenarios/<scenario>.yaml: one grid line, parts/original, some measures. */
function twoCells(name: string, scenario: string, grid: string, measures: string) {
  const { sweep } = parseSweep(
    `kind: sweep
name: ${name}
base: {scenario: ${scenario}.yaml}
grid:
  ${grid}
readings: [parts/original]
measures: [${measures}]
`,
    `${name}.yaml`,
  );
  const src = base(scenario);
  checkSweep(sweep, src);
  return runCells(sweep, src, [0, 1]);
}

/** The value of (cell, reading, measure, part) in a batch's rows. */
function value(
  rows: ReturnType<typeof runCells>['rows'],
  cell: number,
  reading: string,
  measure: string,
  part: string,
): number {
  const i = rows.measure.findIndex(
    (m, j) => m === measure && rows.cell[j] === cell && rows.reading[j] === reading && rows.part[j] === part,
  );
  assert.ok(i >= 0, `${reading} ${measure} ${part} in cell ${cell}`);
  return rows.value[i];
}

test('bounded.parts.refined.complexity: the cells give the experiment’s complexity sweep', () => {
  const out = twoCells(
    'refined-complexity',
    'bounded-compute',
    'bounded.parts.refined.complexity: [1, 2.5]',
    'bounded_weight, bounded_utility',
  );
  assert.deepEqual(
    out.cells.map((c) => c.error),
    [null, null],
  );
  const e = bounded;
  for (const [cell, k] of [
    [0, 1],
    [1, 2.5],
  ]) {
    const row = e.sweep.find((s) => s.complexity === k)!;
    // NRL's weights are exact over every weather sequence: the cell's seed does not move them
    // (beyond rounding in the average over the noise draws).
    const near = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-12, `${x} vs ${y}`);
    for (const p of e.parts)
      near(value(out.rows, cell, 'bounded: precision (σ* = 0.5)', 'bounded_weight', p), row.final_weights[p]);
    near(value(out.rows, cell, 'bounded: fixed (f = 0.5)', 'bounded_weight', 'plain'), 0.5);
    assert.ok(
      Number.isFinite(value(out.rows, cell, 'bounded: fixed (f = 0.5)', 'bounded_utility', 'refined')),
    );
  }
});

test('evolution.weight_drift: without drift the weights stay; with the career’s, they are the experiment’s', () => {
  const out = twoCells(
    'career-drift',
    'evolution-career',
    'evolution.weight_drift: [0, 0.05]',
    'evolved_weight, evolved_original_welfare',
  );
  const e = career;
  for (const p of e.per_part) {
    assert.ok(Math.abs(value(out.rows, 0, 'evolution', 'evolved_weight', p.name) - p.weight) < 1e-12);
    assert.equal(value(out.rows, 1, 'evolution', 'evolved_weight', p.name), p.evolved_weight);
    assert.equal(
      value(out.rows, 1, 'evolution', 'evolved_original_welfare', p.name),
      p.mean_welfare_original,
    );
  }
});

test('a sweep that records no mechanism measure leaves the blocks out: the same rows, no block rows', () => {
  // The rows as [cell, reading, measure, part, value] tuples.
  const rows = (measures: string) => {
    const r = twoCells(
      'blocks',
      'bounded-compute',
      'bounded.parts.refined.complexity: [1, 2.5]',
      measures,
    ).rows;
    return r.measure.map((m, j) => [r.cell[j], r.reading[j], m, r.part[j], r.value[j]] as const);
  };
  const lean = rows('approval, original_welfare');
  const all = rows('approval, original_welfare, bounded_weight');
  const isBlock = (row: (typeof lean)[number]) => String(row[1]).startsWith('bounded');
  assert.ok(lean.length > 0);
  assert.ok(!lean.some(isBlock));
  assert.ok(all.some(isBlock));
  assert.deepEqual(
    lean,
    all.filter((row) => !isBlock(row)),
  );
  // runSequential itself: the block's result only when asked for.
  const s = load('bounded-compute');
  assert.equal(runSequential(s, { record: false, bounded: false }).bounded, undefined);
});
