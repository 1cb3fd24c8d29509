/**
 * Exact Kemeny–Young: milliseconds per profile through the registered rule, on impartial-culture
 * profiles of 101 voters (one fresh profile per run, its Summary's support tallied beforehand, so
 * the time is the rule's own), median of several runs. Targets: under 10 ms at m = 10 and under
 * 1 s at m = 16 (dynamic program). Past 20 candidates the Smith component goes to the integer
 * program; those sizes are timed too, and the integer program alone at a few sizes where the
 * dynamic program also works, for comparison. Slater is timed on the same profiles.
 *
 *   npx tsx bench/kemeny.ts [--m 8,10,12,16,20] [--ilp-m 22,25] [--compare 10,14] [--runs 7] [--voters 101]
 */
import { parseArgs } from 'node:util';
import { Random } from '../src/core/random.js';
import { kemenyCost } from '../src/sigma/ordinal/exact/kemeny.js';
import { orderByDP } from '../src/sigma/ordinal/exact/ordering-dp.js';
import { orderByILP } from '../src/sigma/ordinal/exact/ordering-ilp.js';
import { loadSolver, solver } from '../src/sigma/ordinal/exact/solver.js';
import { profileFromOrders, Summary } from '../src/sigma/profile.js';
import { getRule } from '../src/sigma/registry.js';
import type { ProfileRule } from '../src/sigma/types.js';

const { values } = parseArgs({
  options: {
    m: { type: 'string', default: '8,10,12,16,20' },
    'ilp-m': { type: 'string', default: '22,25' },
    compare: { type: 'string', default: '10,14' },
    runs: { type: 'string', default: '7' },
    voters: { type: 'string', default: '101' },
  },
});
const RUNS = Number(values.runs);
const N = Number(values.voters);
const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean).map(Number) : []);

function impartialCulture(m: number, seed: number): Summary {
  const rng = new Random([m, seed]);
  const orders = new Int32Array(N * m);
  for (let v = 0; v < N; v++) orders.set(rng.permutation(m), v * m);
  const s = new Summary(profileFromOrders(m, orders));
  s.support();
  s.margin();
  return s;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median ms of `body` over RUNS fresh profiles (after untimed warm-up runs on other profiles). */
function time(m: number, body: (s: Summary) => void): number {
  // Warm up for at least 3 runs and 100 ms, so small sizes are timed with optimized code.
  const t = performance.now();
  for (let w = 0; w < 3 || (performance.now() - t < 100 && w < 200); w++) body(impartialCulture(m, 1000 + w));
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const s = impartialCulture(m, r);
    const t0 = performance.now();
    body(s);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

await loadSolver();
const kemeny = getRule('kemeny') as ProfileRule;
const slater = getRule('slater') as ProfileRule;
const rows: string[][] = [['what', 'm', 'median ms', 'runs']];
const fmt = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));

for (const m of list(values.m))
  rows.push(['kemeny-young (DP)', String(m), fmt(time(m, (s) => kemeny.run(s))), String(RUNS)]);
for (const m of list(values['ilp-m']))
  rows.push(['kemeny-young (ILP)', String(m), fmt(time(m, (s) => kemeny.run(s))), String(RUNS)]);
for (const m of list(values.compare)) {
  const cost = (s: Summary) =>
    kemenyCost(
      s.support(),
      s.m,
      Array.from({ length: s.m }, (_, i) => i),
    );
  rows.push(['orderByDP alone', String(m), fmt(time(m, (s) => orderByDP(cost(s), m))), String(RUNS)]);
  rows.push([
    'orderByILP alone',
    String(m),
    fmt(time(m, (s) => orderByILP(cost(s), m, solver('bench'), 'bench'))),
    String(RUNS),
  ]);
}
for (const m of list(values.m))
  rows.push(['slater (DP)', String(m), fmt(time(m, (s) => slater.run(s))), String(RUNS)]);

const width = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
for (const r of rows)
  console.log(r.map((x, j) => (j === 0 ? x.padEnd(width[j]) : x.padStart(width[j]))).join('  '));
