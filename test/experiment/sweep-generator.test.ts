/** Sweeps over a principal generator: each cell draws a fresh principal from its own seed. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { runCells } from '../../src/experiment/cells.js';
import { readSource } from '../../src/scenario/source.js';
import { checkSweep, parseSweep } from '../../src/scenario/sweep.js';
import { sulab, tempFiles } from '../cli/helpers.js';
import { rows } from './sweep-fixtures.js';

const SWEEP = `kind: sweep
name: parts-grow
seed: 3
base:
  generator: {model: impartial, actions: 4, weights: dirichlet}
grid:
  generator.parts: [2, 3, 5]
random:
  epsilon: {choice: [0.000001, 0.01]}
replicates: 4
readings: [boundary/instruction, parts/weighted-utilitarian]
measures: [gap, target_welfare, worst_off_welfare]
`;
const BASE = readSource('{}', 'generated');

test('a generator base: every cell a fresh principal of the swept size, the same for the same cell', () => {
  const { sweep } = parseSweep(SWEEP, 'g.yaml');
  assert.equal(sweep.base.kind, 'generator');
  assert.equal(sweep.cells, 12);
  checkSweep(sweep, BASE);
  const all = runCells(
    sweep,
    BASE,
    Int32Array.from({ length: 12 }, (_, k) => k),
  );
  assert.ok(all.cells.every((c) => c.error === null));
  // target_welfare has one row per part: 2, 3 or 5 parts by grid point (cells 0–3, 4–7, 8–11).
  for (let k = 0; k < 12; k++) {
    const parts = new Set<string>();
    all.rows.cell.forEach((c, i) => {
      if (c === k && all.rows.measure[i] === 'target_welfare') parts.add(String(all.rows.part[i]));
    });
    assert.equal(parts.size, [2, 3, 5][Math.floor(k / 4)], `cell ${k}`);
  }
  // Replicates draw different principals; a cell computed alone is the same cell.
  const alone = runCells(sweep, BASE, [5]);
  const of = (r: typeof all, k: number) => Array.from(r.rows.value).filter((_, i) => r.rows.cell[i] === k);
  assert.deepEqual(of(alone, 5), of(all, 5));
  assert.notDeepEqual(of(all, 4), of(all, 5));
});

test('generator mistakes point at the sweep file', () => {
  const bad = (text: string, where: string, message: RegExp) =>
    assert.throws(
      () => {
        const { sweep } = parseSweep(text, 'g.yaml');
        checkSweep(sweep, BASE);
      },
      (e: unknown) => e instanceof UserError && e.where === where && message.test(e.message),
    );
  bad(SWEEP.replace('model: impartial', 'model: impartal'), 'g.yaml:5', /did you mean impartial/);
  bad(
    SWEEP.replace('generator.parts', 'generator.voters'),
    'g.yaml:7',
    /expected generator\.OPTION with an option of impartial/,
  );
  bad(
    SWEEP.replace('[2, 3, 5]', '[2, 3, 5000]'),
    'g.yaml:7',
    /the generator rejects generator\.parts = 5000/,
  );
  bad(
    SWEEP.replace(
      'base:\n  generator: {model: impartial, actions: 4, weights: dirichlet}',
      'base: {scenario: x.yaml}',
    ),
    'g.yaml:6',
    /need a generator base/,
  );
});

test('sulab sweep on a generator base writes the store', async () => {
  const dir = tempFiles({ 'g.yaml': SWEEP });
  const store = join(dir, 'g.duckdb');
  const r = sulab(['sweep', join(dir, 'g.yaml'), '--store', store, '--workers', '1']);
  assert.equal(r.code, 0, r.stderr);
  const n = await rows(
    store,
    "SELECT count(DISTINCT part) FROM tidy WHERE measure = 'target_welfare' AND generator_parts = 5",
  );
  assert.equal(Number(n[0][0]), 5);
  const base = await rows(store, 'SELECT base_file FROM sweep');
  assert.equal(base[0][0], 'generator impartial');
});
