/**
 * Sweeps over the mechanism blocks of a sequential base: grid paths reach `bounded.parts.<part>.
 * complexity` and `evolution.weight_drift`, and the cells record NRL's final weights per split rule
 * and the evolved weights — the numbers of the bounded-compute experiment's complexity sweep and
 * of the career-evolution experiment.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCells } from '../../src/experiment/cells.js';
import { runBoundedCompute } from '../../src/experiment/bounded-compute.js';
import { runCareerEvolution } from '../../src/experiment/career-evolution.js';
import { readSource } from '../../src/scenario/source.js';
import { checkSweep, parseSweep } from '../../src/scenario/sweep.js';

const dir = join(import.meta.dirname, '../../scenarios');
const base = (name: string) => {
  const file = join(dir, `${name}.yaml`);
  return readSource(readFileSync(file, 'utf8'), file);
};

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
  const { sweep } = parseSweep(
    `kind: sweep
name: refined-complexity
base: {scenario: bounded-compute.yaml}
grid:
  bounded.parts.refined.complexity: [1, 2.5]
readings: [parts/original]
measures: [bounded_weight, bounded_utility]
`,
    'b.yaml',
  );
  const src = base('bounded-compute');
  checkSweep(sweep, src);
  const out = runCells(sweep, src, [0, 1]);
  assert.deepEqual(
    out.cells.map((c) => c.error),
    [null, null],
  );
  const e = runBoundedCompute(1);
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
  const { sweep } = parseSweep(
    `kind: sweep
name: career-drift
base: {scenario: evolution-career.yaml}
grid:
  evolution.weight_drift: [0, 0.05]
readings: [parts/original]
measures: [evolved_weight, evolved_original_welfare]
`,
    'e.yaml',
  );
  const src = base('evolution-career');
  checkSweep(sweep, src);
  const out = runCells(sweep, src, [0, 1]);
  const e = runCareerEvolution(1);
  for (const p of e.per_part) {
    assert.ok(Math.abs(value(out.rows, 0, 'evolution', 'evolved_weight', p.name) - p.weight) < 1e-12);
    assert.equal(value(out.rows, 1, 'evolution', 'evolved_weight', p.name), p.evolved_weight);
    assert.equal(
      value(out.rows, 1, 'evolution', 'evolved_original_welfare', p.name),
      p.mean_welfare_original,
    );
  }
});
