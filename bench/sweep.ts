/**
 * Sweeps end to end: cells per second of `runSweep` (worker threads evaluate batches of cells,
 * the main thread commits each batch to a DuckDB store) for 1 and 2 workers, on a grid over the
 * built-in scenario scenarios/sydney.yaml (all nine of its readings, every measure). Each figure
 * is the median of several runs of a fresh store and a fresh pool, so it includes starting the
 * workers; the *in-thread* row is the floor's complement: the same cells evaluated in this thread
 * with no pool and no store.
 *
 *   npx tsx bench/sweep.ts [--replicates 100] [--runs 3]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { runCells } from '../src/experiment/cells.js';
import { Store } from '../src/experiment/store.js';
import { runSweep, sweepIdentity } from '../src/experiment/sweep-run.js';
import { readSource } from '../src/scenario/source.js';
import { parseSweep } from '../src/scenario/sweep.js';

const { values } = parseArgs({
  options: { replicates: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' } },
});
const RUNS = Number(values.runs);

const baseFile = join(import.meta.dirname, '..', 'scenarios', 'sydney.yaml');
const baseText = readFileSync(baseFile, 'utf8');
const sweepText = `kind: sweep
name: bench
seed: 1
base: {scenario: ${JSON.stringify(baseFile)}}
grid:
  parts[0].weight: [0.2, 0.5, 0.8]
  parts[1].parts[1].weight: [0.1, 0.3, 0.5]
random:
  parts[1].parts[3].weight: {uniform: [0, 0.5]}
replicates: ${values.replicates}
`;
const { sweep, definition } = parseSweep(sweepText, 'bench.yaml');
const id = sweepIdentity(definition, baseText);
const base = readSource(baseText, baseFile);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Cells/s end to end, and after the first committed batch (without starting the workers). */
async function timed(workers: number): Promise<[number, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-bench-'));
  try {
    const store = await Store.create(join(dir, 'bench.duckdb'), sweep, id);
    const t = performance.now();
    let first: [number, number] | undefined;
    const onProgress = (stored: number) => {
      first ??= [performance.now(), stored];
    };
    await runSweep({ sweep, baseText, baseFile, store, workers, onProgress });
    const end = performance.now();
    store.close();
    const [t1, n1] = first ?? [t, 0];
    return [sweep.cells / ((end - t) / 1000), (sweep.cells - n1) / ((end - t1) / 1000)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: [string, number, number | undefined][] = [];
{
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    for (let k = 0; k < sweep.cells; k += 50)
      runCells(
        sweep,
        base,
        Array.from({ length: Math.min(50, sweep.cells - k) }, (_, i) => k + i),
      );
    rates.push(sweep.cells / ((performance.now() - t) / 1000));
  }
  rows.push(['*in-thread: cells only, no pool, no store*', median(rates), undefined]);
}
for (const workers of [1, 2]) {
  const rates: [number, number][] = [];
  for (let r = 0; r < RUNS; r++) rates.push(await timed(workers));
  rows.push([
    `${workers} worker${workers > 1 ? 's' : ''}`,
    median(rates.map((x) => x[0])),
    median(rates.map((x) => x[1])),
  ]);
}
writeFileSync(
  1,
  `${sweep.cells} cells of sydney.yaml (${sweep.params.length} parameters, every measure), median of ${RUNS} runs\n\n`,
);
const fmt = (x: number | undefined) => (x === undefined ? '' : Math.round(x).toLocaleString('en-US'));
console.log('| run | cells/s, end to end | cells/s after the first batch |\n|---|---:|---:|');
for (const [name, rate, steady] of rows) console.log(`| ${name} | ${fmt(rate)} | ${fmt(steady)} |`);
