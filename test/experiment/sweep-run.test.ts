import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCells } from '../../src/experiment/cells.js';
import { Store } from '../../src/experiment/store.js';
import { runSweep, sweepIdentity } from '../../src/experiment/sweep-run.js';
import { readSource } from '../../src/scenario/source.js';
import { parseSweep } from '../../src/scenario/sweep.js';
import { sulab, tempFiles } from '../cli/helpers.js';
import { BASE, CELLS, interruptSweep, rows, sweepYaml, TIDY } from './sweep-fixtures.js';

/** Runs a sweep in this process on `workers` worker threads into a new store in `dir`. */
async function runInto(dir: string, file: string, store: string, workers: number): Promise<void> {
  const { sweep, definition } = parseSweep(sweepText(dir, file), join(dir, file));
  const s = await Store.create(join(dir, store), sweep, sweepIdentity(definition, BASE));
  try {
    const out = await runSweep({
      sweep,
      baseText: BASE,
      baseFile: join(dir, 'base.yaml'),
      store: s,
      workers,
    });
    assert.equal(out.stored, sweep.cells);
    assert.equal(out.interrupted, false);
  } finally {
    s.close();
  }
}

const texts = new Map<string, string>();
const sweepText = (dir: string, file: string) => texts.get(join(dir, file)) as string;
function files(fs: Record<string, string>): string {
  const dir = tempFiles(fs);
  for (const [k, v] of Object.entries(fs)) texts.set(join(dir, k), v);
  return dir;
}

test('sweep: the same tidy rows (in order) on 1 and 2 worker threads, and as computed directly', async () => {
  const dir = files({ 'base.yaml': BASE, 's.yaml': sweepYaml('small', 10) });
  await runInto(dir, 's.yaml', 'one.duckdb', 1);
  await runInto(dir, 's.yaml', 'two.duckdb', 2);
  const one = await rows(join(dir, 'one.duckdb'), TIDY);
  assert.equal(one.length > 60 * 20, true);
  assert.deepEqual(await rows(join(dir, 'two.duckdb'), TIDY), one);
  assert.deepEqual(await rows(join(dir, 'two.duckdb'), CELLS), await rows(join(dir, 'one.duckdb'), CELLS));
  // The store holds what the cells compute, cell by cell.
  const { sweep } = parseSweep(sweepText(dir, 's.yaml'), 's.yaml');
  const direct = runCells(sweep, readSource(BASE, 'base.yaml'), [0, 59]);
  const stored = await rows(join(dir, 'one.duckdb'), 'SELECT value FROM measurements WHERE cell IN (0, 59)');
  assert.deepEqual(stored.map((r) => r[0]).sort(), Array.from(direct.rows.value).sort());
});

test('sweep: killed with SIGKILL mid-run, --resume stores every cell exactly once, as an uninterrupted run', async (t) => {
  const dir = files({ 'base.yaml': BASE, 'big.yaml': sweepYaml('big', 100) }); // 600 cells
  const store = join(dir, 'big.duckdb');
  const { sent: killed } = await interruptSweep(join(dir, 'big.yaml'), store, 2, 'SIGKILL');
  if (!killed) return t.skip('the sweep finished before it could be killed');
  const [[partial]] = (await rows(store, 'SELECT count(*)::INTEGER FROM cells')) as number[][];
  assert.ok(partial > 0 && partial < 600, `stored ${partial} of 600 before the kill`);

  const resumed = sulab([
    'sweep',
    join(dir, 'big.yaml'),
    '--store',
    store,
    '--resume',
    '--json',
    '--workers',
    '2',
    '--csv',
    join(dir, 'tidy.csv'),
    '--parquet',
    join(dir, 'pq'),
  ]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const summary = JSON.parse(resumed.stdout);
  assert.equal(summary.complete, true);
  assert.equal(summary.stored, 600);
  assert.equal(summary.resumed_from, partial);
  const [[n, distinct, lo, hi]] = (await rows(
    store,
    'SELECT count(*)::INTEGER, count(DISTINCT cell)::INTEGER, min(cell), max(cell) FROM cells',
  )) as number[][];
  assert.deepEqual([n, distinct, lo, hi], [600, 600, 0, 599]);
  const [[done]] = await rows(store, 'SELECT completed_at IS NOT NULL FROM sweep');
  assert.equal(done, true);

  // The uninterrupted run, in this thread (the worker count does not matter: first test).
  const { sweep, definition } = parseSweep(sweepText(dir, 'big.yaml'), 'big.yaml');
  const whole = await Store.create(join(dir, 'whole.duckdb'), sweep, sweepIdentity(definition, BASE));
  const base = readSource(BASE, join(dir, 'base.yaml'));
  for (let k = 0; k < 600; k += 100)
    await whole.write(
      runCells(
        sweep,
        base,
        Array.from({ length: 100 }, (_, i) => k + i),
      ),
    );
  whole.close();
  const tidy = await rows(store, TIDY);
  assert.deepEqual(tidy, await rows(join(dir, 'whole.duckdb'), TIDY));
  // The exports hold the tidy view, in order.
  const csv = readFileSync(join(dir, 'tidy.csv'), 'utf8').trimEnd().split('\n');
  assert.equal(csv[0], 'cell,replicate,reading,measure,part,value,parts_0_weight,sigma,parts_1_weight');
  assert.equal(csv.length, tidy.length + 1);
  const pq = join(dir, 'pq', 'tidy.parquet').replaceAll("'", "''");
  assert.deepEqual(await rows(store, `SELECT * FROM read_parquet('${pq}')`), tidy);
});

test('sweep: --workers 0 evaluates in this thread, to the same rows as a pool', async () => {
  const dir = files({ 'base.yaml': BASE, 's.yaml': sweepYaml('zero', 2) });
  await runInto(dir, 's.yaml', 'zero.duckdb', 0);
  await runInto(dir, 's.yaml', 'one.duckdb', 1);
  assert.deepEqual(await rows(join(dir, 'zero.duckdb'), TIDY), await rows(join(dir, 'one.duckdb'), TIDY));
  assert.deepEqual(await rows(join(dir, 'zero.duckdb'), CELLS), await rows(join(dir, 'one.duckdb'), CELLS));
});
