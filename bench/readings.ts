/**
 * Readings per second on one core: every built-in reading, a few parts/<rule> re-aggregations, and
 * parts/delegates under each protocol and its main options, on seeded random principals of
 * `--parts` parts × `--actions` actions (actions are outcomes; each part has its own beliefs, a
 * random world model, so the own, shared and true views differ). The context (B(H), approval) is
 * built once per principal, outside the timing; one evaluation is one `op.read(ctx, options)`,
 * timed on its own. Each principal's time is the median of several runs; the table gives the
 * median and the mean over the principals (evaluations/s = 1 / mean) and the slowest principal. A
 * few untimed evaluations come first (the JIT's warm-up); a slow reading stops at the principals its
 * first pass reaches within the time budget (`--max-seconds`, over all its runs). The "quiet" rows
 * read in a context whose notes are not read, as steerability and sweep cells do.
 *
 *   npx tsx bench/readings.ts [--principals 200] [--parts 5] [--actions 5] [--runs 5] [--only delegates]
 */
import { parseArgs } from 'node:util';
import { buildContext } from '../src/align/context.js';
import { getOperationalization, readings } from '../src/align/registry.js';
import type { AlignContext } from '../src/align/types.js';
import { makePrincipal } from '../src/core/model.js';
import { Random } from '../src/core/random.js';
import type { Scenario } from '../src/core/scenario.js';
import type { Options } from '../src/sigma/types.js';

const { values } = parseArgs({
  options: {
    principals: { type: 'string', default: '200' },
    parts: { type: 'string', default: '5' },
    actions: { type: 'string', default: '5' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    'max-seconds': { type: 'string', default: '20' },
  },
});
const P = Number(values.principals);
const n = Number(values.parts);
const A = Number(values.actions);
const RUNS = Number(values.runs);
const MAX_SECONDS = Number(values['max-seconds']);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** A random row-stochastic actions × outcomes matrix. */
function stochastic(rng: Random): number[][] {
  return Array.from({ length: A }, () => {
    const row = Array.from({ length: A }, () => rng.float() + 0.05);
    const total = row.reduce((s, x) => s + x, 0);
    return row.map((x) => x / total);
  });
}

/** Principal k: uniform utilities in [0, 1), weights in [0.1, 1), own beliefs per part. */
function randomScenario(k: number): Scenario {
  const rng = new Random([2025, k]);
  const outcomes = Array.from({ length: A }, (_, o) => `o${o}`);
  const principal = makePrincipal({
    outcomes,
    parts: Array.from({ length: n }, (_, i) => ({
      name: `p${i}`,
      utility: Array.from({ length: A }, () => rng.float()),
      weight: 0.1 + 0.9 * rng.float(),
      beliefs: stochastic(rng),
    })),
  });
  return {
    kind: 'one-shot',
    name: `random-${k}`,
    title: '',
    description: '',
    essay: '',
    principal,
    truth: makePrincipal({
      outcomes,
      world: stochastic(rng),
      parts: [{ name: 't', utility: outcomes.map(() => 0) }],
    }).world,
    bounds: { noise: 0, samples: 1 },
    alignments: [],
    candidates: outcomes.map((_, a) => a),
    seed: k,
    epsilon: 1e-6,
    neglectThreshold: 0.25,
  };
}

interface Case {
  readonly label: string;
  readonly id: string;
  readonly options: Options;
  /** Read in a quiet context (notes unread, as steerability and sweep cells read). */
  readonly quiet?: boolean;
}

const cases: Case[] = [
  ...readings.map((op) => ({ label: op.id, id: op.id, options: {} })),
  ...['weighted-utilitarian', 'nash-bargaining', 'leximin', 'borda', 'kemeny-young'].map((r) => ({
    label: `parts/${r}`,
    id: `parts/${r}`,
    options: {},
  })),
  ...(
    [
      ['alternating-offers, lotteries (default)', {}],
      ['alternating-offers, pure actions', { lotteries: false }],
      ['alternating-offers, lotteries, δ = 0.99', { discount: 0.99 }],
      ['alternating-offers, lotteries, 10 rounds', { rounds: 10 }],
      ['alternating-offers, pure actions, 10 rounds', { lotteries: false, rounds: 10 }],
      ['nash-demand, pure actions', { protocol: 'nash-demand', lotteries: false }],
      ['nash-demand, lotteries, grid 6', { protocol: 'nash-demand', grid: 6 }],
      ['voting (borda)', { protocol: 'voting' }],
      ['voting (nash-bargaining)', { protocol: 'voting', rule: 'nash-bargaining' }],
    ] as const
  ).map(([label, options]) => ({ label: `parts/delegates: ${label}`, id: 'parts/delegates', options })),
  {
    label: 'parts/delegates, quiet (notes unread: one residue)',
    id: 'parts/delegates',
    options: {},
    quiet: true,
  },
  {
    label: 'parts/idealized, quiet (notes unread: no sweeps)',
    id: 'parts/idealized',
    options: {},
    quiet: true,
  },
].filter((c) => !values.only || c.label.includes(values.only));

const full: AlignContext[] = Array.from({ length: P }, (_, k) => buildContext(randomScenario(k)));
const quiet: AlignContext[] = Array.from({ length: P }, (_, k) =>
  buildContext(randomScenario(k), { quiet: true }),
);

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const ms = (x: number) => (x >= 1 ? x.toFixed(2) : x.toPrecision(2));

console.log(
  `# readings: ${P} random principals, ${n} parts × ${A} actions, median of ${RUNS} runs per principal, node ${process.version}\n`,
);
console.log('| reading | median ms | mean ms | evaluations/s | slowest ms | principals |');
console.log('|---|---:|---:|---:|---:|---:|');
let sink = 0;
for (const c of cases) {
  const op = getOperationalization(c.id);
  const contexts = c.quiet ? quiet : full;
  // Each principal is timed RUNS times (one evaluation each, the runs interleaved); a reading whose
  // first pass exceeds the time budget keeps the principals it reached.
  const times: number[][] = [];
  // Untimed first (20 evaluations or 200 ms): the JIT compiles the reading's code before any counts.
  const warm = performance.now();
  for (let k = 0; k < 20 && performance.now() - warm < 200; k++)
    sink += op.read(contexts[k % P], c.options).scores[0];
  const start = performance.now();
  for (let r = 0; r < RUNS; r++)
    for (let k = 0; k < (r === 0 ? P : times.length); k++) {
      if (r === 0 && performance.now() - start > (MAX_SECONDS * 1000) / RUNS) break;
      if (r === 0) times.push([]);
      const t0 = performance.now();
      sink += op.read(contexts[k], c.options).scores[0];
      times[k].push(performance.now() - t0);
    }
  const per = times.map(median);
  const mean = per.reduce((a, b) => a + b, 0) / per.length;
  console.log(
    `| ${c.label} | ${ms(median(per))} | ${ms(mean)} | ${fmt(1000 / mean)} | ${ms(Math.max(...per))} | ${per.length} |`,
  );
}
if (Number.isNaN(sink)) console.log('(NaN score)');
