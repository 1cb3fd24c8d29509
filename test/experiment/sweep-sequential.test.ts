/** Sweeps over a sequential base: each agent's expected totals per cell, as `sulab run` gives them. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { runCells } from '../../src/experiment/cells.js';
import { runSequential } from '../../src/run/sequential.js';
import { parseAnyScenario } from '../../src/scenario/load.js';
import { readSource } from '../../src/scenario/source.js';
import { checkSweep, parseSweep } from '../../src/scenario/sweep.js';

const FILE = join(import.meta.dirname, '../../scenarios/productivity.yaml');
const BASE = readFileSync(FILE, 'utf8');

const sweepText = (extra = '') => `kind: sweep
name: horizons
seed: 5
base: {scenario: productivity.yaml}
grid:
  horizon: [3, 9]
readings: [boundary/approval, parts/original]
${extra}`;

test('a sequential base: approval, original welfare and drift per agent (the readings), equal to run', () => {
  const { sweep } = parseSweep(sweepText(), 's.yaml');
  const base = readSource(BASE, FILE);
  checkSweep(sweep, base);
  const out = runCells(sweep, base, [0, 1]);
  assert.deepEqual(
    out.cells.map((c) => c.error),
    [null, null],
  );
  const { rows } = out;
  for (const [cell, horizon] of [
    [0, 3],
    [1, 9],
  ]) {
    const s = parseAnyScenario(BASE.replace('horizon: 28', `horizon: ${horizon}`), FILE);
    assert.equal(s.kind, 'sequential');
    if (s.kind !== 'sequential') return;
    const agents = runSequential({ ...s, agents: s.agents.filter((a) => a.options.myopic === undefined) });
    for (const a of agents.alignments) {
      const got = (measure: string) => {
        const i = rows.measure.findIndex(
          (m, j) => m === measure && rows.reading[j] === a.label && rows.cell[j] === cell,
        );
        assert.ok(i >= 0, `${a.label} ${measure} in cell ${cell}`);
        assert.equal(rows.part[i], null);
        return rows.value[i];
      };
      assert.equal(got('approval'), a.expected?.approval);
      assert.equal(got('original_welfare'), a.expected?.original_welfare);
      assert.equal(got('drift'), a.expected?.mean_drift);
    }
  }
  // Only the sequential measures are recorded, for the two agents the sweep names.
  assert.deepEqual([...new Set(rows.measure)].sort(), ['approval', 'drift', 'original_welfare']);
  assert.deepEqual([...new Set(rows.reading)].sort(), ['boundary/approval', 'parts/original']);
});

test('measures that do not apply to the base are refused at the measures line', () => {
  const { sweep } = parseSweep(sweepText('measures: [approval, gap]\n'), 's.yaml');
  assert.throws(
    () => checkSweep(sweep, readSource(BASE, FILE)),
    (e: unknown) =>
      e instanceof UserError &&
      e.where === 's.yaml:8' &&
      /gap is not measured on a sequential scenario; expected approval, original_welfare, drift/.test(
        e.message,
      ),
  );
  const oneShot = readFileSync(join(import.meta.dirname, '../../scenarios/holiday.yaml'), 'utf8');
  const { sweep: s2 } = parseSweep(
    'kind: sweep\nname: h\nbase: {scenario: holiday.yaml}\nmeasures: [drift, gap]\n',
    'h.yaml',
  );
  assert.throws(
    () => checkSweep(s2, readSource(oneShot, 'holiday.yaml')),
    (e: unknown) =>
      e instanceof UserError &&
      e.where === 'h.yaml:4' &&
      /drift is not measured on a one-shot/.test(e.message),
  );
});

test('readings name agents on a sequential base: an unknown one is refused at the readings line', () => {
  const { sweep } = parseSweep(sweepText().replace('parts/original', 'boundary/aproval'), 's.yaml');
  assert.throws(
    () => checkSweep(sweep, readSource(BASE, FILE)),
    (e: unknown) => e instanceof UserError && e.where === 's.yaml:7' && /readings\[1\]/.test(e.message),
  );
});
