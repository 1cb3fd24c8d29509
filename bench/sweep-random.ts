/**
 * `sulab sweep` end to end on random 5 × 5 principals with every default reading (docs/benchmarks.md,
 * "Random 5 × 5 principals with every default reading"): the sweep file below, run by the compiled
 * build (`npm run build` first) in this process — a fresh store and a fresh worker pool per run,
 * so each figure includes starting the workers and the checks before the first cell. For 1 and 2
 * workers: the median over `--runs` runs of the wall time, cells per second, and the CPU time of
 * the whole process (every thread: the workers, this one, DuckDB's, V8's) per cell, with the load
 * average before each run (the machine may be shared). `--dist` runs other builds (e.g. a copy of
 * an older commit's dist/) instead: given several, comma-separated, their runs alternate, so a
 * change in the machine's load falls on each of them alike.
 *
 *   npx tsx bench/sweep-random.ts [--replicates 2000] [--workers 1,2] [--runs 3] [--dist DIR,DIR…]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    replicates: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1,2' },
    runs: { type: 'string', default: '3' },
    dist: { type: 'string', default: join(import.meta.dirname, '..', 'dist') },
  },
});
const RUNS = Number(values.runs);
type Execute = (
  text: string,
  file: string,
  flags: { workers: string; store: string },
) => Promise<{ stored: number }>;
const builds: { dist: string; execute: Execute }[] = [];
for (const d of values.dist.split(',')) {
  const dist = resolve(d);
  const m = (await import(pathToFileURL(join(dist, 'cli', 'sweep.js')).href)) as { executeSweep: Execute };
  builds.push({ dist, execute: m.executeSweep });
}

const text = `kind: sweep
name: random5
seed: 1
base: {generator: {model: impartial, parts: 5, actions: 5, weights: dirichlet, divergence: 0.3}}
replicates: ${values.replicates}
`;
const cells = Number(values.replicates);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Run {
  wall: number;
  cpu: number;
  load: number;
}

async function run(executeSweep: Execute, workers: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-bench-'));
  try {
    const file = join(dir, 'random5.yaml');
    writeFileSync(file, text);
    const load = loadavg()[0];
    const c = process.cpuUsage();
    const t = performance.now();
    const out = await executeSweep(text, file, { workers: String(workers), store: join(dir, 'r.duckdb') });
    const wall = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(c);
    if (out.stored !== cells) throw new Error(`stored ${out.stored} of ${cells} cells`);
    return { wall, cpu: (cpu.user + cpu.system) / 1e6, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
for (const w of values.workers.split(',').map(Number)) {
  const runs: Run[][] = builds.map(() => []);
  for (let r = 0; r < RUNS; r++)
    for (const [b, build] of builds.entries()) runs[b].push(await run(build.execute, w));
  for (const [b, build] of builds.entries()) {
    const wall = median(runs[b].map((x) => x.wall));
    const cpu = median(runs[b].map((x) => x.cpu));
    const loads = runs[b].map((x) => x.load.toFixed(1)).join(', ');
    rows.push(
      `| ${build.dist} | ${w} | ${wall.toFixed(1)} s | ${Math.round(cells / wall).toLocaleString('en-US')} | ${((1000 * cpu) / cells).toFixed(2)} ms | ${loads} |`,
    );
  }
}
process.stderr.write('\n');
console.log(`${cells.toLocaleString('en-US')} cells, median of ${RUNS} runs\n`);
console.log(
  '| build | workers | wall | cells/s | CPU per cell | load average before each run |\n|---|---:|---:|---:|---:|---|',
);
for (const r of rows) console.log(r);
