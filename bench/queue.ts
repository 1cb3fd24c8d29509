/**
 * The work queue against the local pool, on the same sweep as bench/sweep.ts (a grid over
 * scenarios/sydney.yaml): cells per second with 1 and 2 workers — local worker threads
 * (`sulab sweep`) against `sulab worker` processes of one thread each pulling from a real Redis
 * (`sulab sweep --queue`), the collector committing to a fresh DuckDB store in both cases — and
 * the queue's overhead per cell and per job (the difference in time, spread over cells and jobs).
 * Workers are started and ready before the clock starts, as a cluster's are.
 *
 *   npx tsx bench/queue.ts [--replicates 30] [--runs 3]      (needs redis-server, or SULAB_TEST_REDIS)
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VERSION } from '../src/core/version.js';
import { connect, SWEEPS_KEY } from '../src/experiment/queue.js';
import { collect, msPerCell } from '../src/experiment/queue-collect.js';
import { Store } from '../src/experiment/store.js';
import { runSweep, sweepIdentity } from '../src/experiment/sweep-run.js';
import { readSource } from '../src/scenario/source.js';
import { parseSweep } from '../src/scenario/sweep.js';
import { start } from '../test/cluster/processes.js';
import { testRedis } from '../test/cluster/redis.js';

const { values } = parseArgs({
  options: { replicates: { type: 'string', default: '30' }, runs: { type: 'string', default: '3' } },
});
const RUNS = Number(values.runs);
const redisAt = await testRedis();
if ('skip' in redisAt) {
  console.error(`bench/queue: ${redisAt.skip}`);
  process.exit(0);
}
const url = redisAt.url;

const baseFile = join(import.meta.dirname, '..', 'scenarios', 'sydney.yaml');
const baseText = readFileSync(baseFile, 'utf8');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The sweep of run r (its own seed: a fresh sweep, so nothing of a previous run is on the queue). */
function sweepOf(r: number) {
  const text = `kind: sweep
name: bench-queue-${r}
seed: ${r + 1}
base: {scenario: ${JSON.stringify(baseFile)}}
grid:
  parts[0].weight: [0.2, 0.5, 0.8]
  parts[1].parts[1].weight: [0.1, 0.3, 0.5]
random:
  parts[1].parts[3].weight: {uniform: [0, 0.5]}
replicates: ${values.replicates}
`;
  const { sweep, definition } = parseSweep(text, 'bench.yaml');
  return { text, sweep, id: sweepIdentity(definition, baseText) };
}

async function local(r: number, workers: number): Promise<number> {
  const { sweep, id } = sweepOf(r);
  const dir = mkdtempSync(join(tmpdir(), 'sulab-bench-'));
  try {
    const store = await Store.create(join(dir, 'b.duckdb'), sweep, id);
    let t1 = 0;
    let n1 = 0;
    await runSweep({
      sweep,
      baseText,
      baseFile,
      store,
      workers,
      onProgress: (n) => {
        if (t1 === 0) [t1, n1] = [performance.now(), n];
      },
    });
    const end = performance.now();
    store.close();
    return (sweep.cells - n1) / ((end - t1) / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function queued(r: number, workers: number): Promise<{ rate: number; batch: number }> {
  const { text, sweep, id } = sweepOf(r + 100);
  const dir = mkdtempSync(join(tmpdir(), 'sulab-bench-'));
  const redis = await connect(url);
  const procs = Array.from({ length: workers }, () =>
    start(['worker', '--queue', url, '--concurrency', '1']),
  );
  try {
    await new Promise((res) => setTimeout(res, 4000)); // the workers are up and watching
    const store = await Store.create(join(dir, 'b.duckdb'), sweep, id);
    let t1 = 0;
    let n1 = 0;
    const ms = msPerCell(sweep, readSource(baseText, baseFile));
    const out = await collect({
      redis,
      sweep,
      queued: {
        version: VERSION,
        name: sweep.name,
        hash: id.hash,
        text,
        file: 'bench.yaml',
        baseText,
        baseFile,
        cells: sweep.cells,
      },
      msPerCell: ms,
      store,
      onProgress: (n) => {
        if (t1 === 0) [t1, n1] = [performance.now(), n];
      },
    });
    const end = performance.now();
    store.close();
    return { rate: (sweep.cells - n1) / ((end - t1) / 1000), batch: out.batch };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM'); // a worker finishes its job under way, then exits
    await Promise.all(procs.map((p) => p.done));
    await redis.srem(SWEEPS_KEY, id.hash);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

const { sweep } = sweepOf(0);
console.log(
  `${sweep.cells} cells of sydney.yaml, sulab ${VERSION}, median of ${RUNS} runs; cells/s after the first committed batch\n`,
);
console.log(
  '| workers | local pool | queue | queue ÷ local | cells per job | queue overhead, ms per cell | per job |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const workers of [1, 2]) {
  const l: number[] = [];
  const q: number[] = [];
  let batch = 0;
  for (let r = 0; r < RUNS; r++) {
    l.push(await local(r, workers));
    const x = await queued(r, workers);
    q.push(x.rate);
    batch = x.batch;
  }
  const [lr, qr] = [median(l), median(q)];
  const perCell = Math.max(0, 1000 / qr - 1000 / lr) * workers; // worker-ms lost per cell
  console.log(
    `| ${workers} | ${lr.toFixed(1)} | ${qr.toFixed(1)} | ${((100 * qr) / lr).toFixed(0)}% | ${batch} | ${perCell.toFixed(2)} | ${(perCell * batch).toFixed(1)} |`,
  );
}
