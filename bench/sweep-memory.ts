/**
 * Peak memory of `sulab sweep` as the sweep grows: the whole process (main thread, worker threads
 * and DuckDB) measured by /usr/bin/time as its peak resident set, for sweeps of cheap cells (a
 * random 3 × 3 principal, one reading, three measures) of each size given. The cells stream into
 * the store batch by batch, so the peak should not grow with their number.
 *
 *   npm run build && npx tsx bench/sweep-memory.ts [--cells 10000,1000000] [--workers 2]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { cells: { type: 'string', default: '10000,1000000' }, workers: { type: 'string', default: '2' } },
});
const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

console.log(
  `# sulab sweep: peak memory by number of cells, ${values.workers} workers, node ${process.version}\n`,
);
console.log('| cells | wall s | cells/s | peak resident MB | store MB |');
console.log('|---:|---:|---:|---:|---:|');
for (const cells of values.cells.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-memory-'));
  try {
    const file = join(dir, 'memory.yaml');
    writeFileSync(
      file,
      `kind: sweep
name: memory
seed: 1
base: {generator: {model: impartial, parts: 3, actions: 3}}
replicates: ${cells}
readings: [parts/weighted-utilitarian]
measures: [gap, self_aligned, worst_off_welfare]
`,
    );
    const store = join(dir, 'memory.duckdb');
    const t = performance.now();
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, cli, 'sweep', file, '--store', store, '--workers', values.workers],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const wall = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`sulab sweep failed: ${r.stderr.slice(-500)}`);
    const peakKb = Number(r.stderr.trim().split('\n').pop());
    const storeMb = Number(spawnSync('du', ['-k', store], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1024;
    console.log(
      `| ${cells.toLocaleString('en-US')} | ${wall.toFixed(1)} | ${Math.round(cells / wall).toLocaleString('en-US')} | ${(peakKb / 1024).toFixed(0)} | ${storeMb.toFixed(1)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
