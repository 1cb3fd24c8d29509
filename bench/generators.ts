/**
 * Profiles per second for every profile generator of the registry, through `generate` (options
 * checked, the profile built, as `sulab generate` draws them), one core: n = 101 voters at m = 5
 * and m = 10 by default. Each cell draws profiles for about `--seconds` (stream i of one seed per
 * profile, as a batch does) and reports the median rate of `--runs` runs. A generator that refuses
 * a size (the exact samplers' limits) shows "—".
 *
 *   npx tsx bench/generators.ts [--voters 101] [--m 5,10] [--runs 3] [--seconds 0.3] [--models pl,gs]
 */
import { parseArgs } from 'node:util';
import { UserError } from '../src/core/errors.js';
import { Random } from '../src/core/random.js';
import { generators, getGenerator } from '../src/generate/registry.js';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '101' },
    m: { type: 'string', default: '5,10' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '0.3' },
    models: { type: 'string' },
  },
});
const N = Number(values.voters);
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const ms = (values.m as string).split(',').map(Number);
const selected = values.models ? values.models.split(',').map((n) => getGenerator(n)) : generators;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

console.log(
  `# generators: profiles/s through the registry, n = ${N}, median of ${RUNS} runs, node ${process.version}\n`,
);
console.log(`| generator | output | ${ms.map((m) => `m = ${m}`).join(' | ')} |`);
console.log(`|---|---|${ms.map(() => '---:').join('|')}|`);
let sink = 0;
for (const g of selected) {
  const cells: string[] = [];
  for (const m of ms) {
    const root = new Random(1);
    try {
      g.generate(root.split(0), m, N);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      cells.push('—');
      continue;
    }
    const rates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let count = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < SECONDS * 1000) {
        for (let i = 0; i < 10; i++) sink += g.generate(root.split(count++), m, N).k;
        t = performance.now();
      }
      rates.push(count / ((t - t0) / 1000));
    }
    cells.push(fmt(median(rates)));
  }
  console.log(`| ${g.name} | ${g.output} | ${cells.join(' | ')} |`);
}
if (sink < 0) console.log(sink);
