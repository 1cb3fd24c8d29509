/**
 * One-shot runs of generated principals, many parts: what `sulab run FILE` computes (the context,
 * every default reading with its measures, steerability included, and the per-level results), CPU
 * time on one core. Each case is a principal from `sulab generate --principal MODEL` with the
 * options shown, evaluated `--runs` times in a process of its own, which is stopped after
 * `--max-seconds` (then the case reports "> that"); the table gives the median.
 *
 *   npx tsx bench/one-shot.ts [--runs 3] [--max-seconds 120] [--only NAME]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildContext } from '../src/align/context.js';
import { Random } from '../src/core/random.js';
import { getPrincipalGenerator } from '../src/generate/principal-registry.js';
import type { GeneratorOptionValues } from '../src/generate/registry.js';
import { evaluate } from '../src/run/one-shot.js';
import { parseScenario } from '../src/scenario/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'max-seconds': { type: 'string', default: '120' },
    only: { type: 'string' },
    case: { type: 'string' },
  },
});

const cases: [string, string, GeneratorOptionValues][] = [
  ['impartial', '10 × 4', { parts: 10, actions: 4 }],
  ['impartial', '20 × 4', { parts: 20, actions: 4 }],
  [
    'impartial',
    '20 × 5, random world, divergence 0.3, noise 0.1',
    { parts: 20, actions: 5, world: 'random', divergence: 0.3, noise: 0.1 },
  ],
  [
    'impartial',
    '20 × 5, Σ nash-bargaining, noise 0.1, random world',
    { parts: 20, actions: 5, sigma: 'nash-bargaining', noise: 0.1, world: 'random', divergence: 0.5 },
  ],
  ['impartial', '100 × 4', { parts: 100, actions: 4 }],
  ['impartial', '100 × 5, Dirichlet weights', { parts: 100, actions: 5, weights: 'dirichlet' }],
  [
    'impartial',
    '100 × 5, random world, divergence 0.3, noise 0.1',
    { parts: 100, actions: 5, world: 'random', divergence: 0.3, noise: 0.1 },
  ],
  [
    'impartial',
    '100 × 4, Σ nash-bargaining, noise 0.1',
    { parts: 100, actions: 4, sigma: 'nash-bargaining', noise: 0.1 },
  ],
  ['spatial', '100 × 5', { parts: 100, actions: 5 }],
  ['mallows', '100 × 5', { parts: 100, actions: 5 }],
  ['single-peaked', '100 × 5', { parts: 100, actions: 5 }],
  // Many parts and many actions: the delegates' limits often cycle or wander; past maxWork they refuse.
  ['impartial', '22 × 22', { parts: 22, actions: 22 }],
  ['impartial', '30 × 30', { parts: 30, actions: 30 }],
  ['impartial', '40 × 40 (the delegates refuse)', { parts: 40, actions: 40 }],
];
const label = (c: (typeof cases)[number]) => `${c[0]} ${c[1]}`;

if (values.case !== undefined) {
  // One case, in this process: print the CPU seconds of each run.
  const [model, , opts] = cases[Number(values.case)];
  const file = getPrincipalGenerator(model).generate(new Random(1).split(0), opts);
  const scenario = parseScenario(JSON.stringify(file), `${file.name}.json`);
  for (let r = 0; r < Number(values.runs); r++) {
    const t = process.cpuUsage();
    evaluate(scenario, buildContext(scenario));
    const u = process.cpuUsage(t);
    console.log((u.user + u.system) / 1e6);
  }
} else {
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  console.log(`# one-shot runs, CPU seconds (median of ${values.runs}), node ${process.version}\n`);
  console.log('| principal (generator, parts × actions, options) | CPU s |');
  console.log('|---|---:|');
  cases.forEach((c, k) => {
    if (values.only && !label(c).includes(values.only)) return;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--case', String(k), '--runs', values.runs],
      { encoding: 'utf8', timeout: Number(values['max-seconds']) * 1000 },
    );
    const times = (r.stdout ?? '').trim().split('\n').filter(Boolean).map(Number);
    const cell =
      times.length === Number(values.runs)
        ? median(times).toFixed(2)
        : `> ${values['max-seconds']}${times.length > 0 ? ` (first run ${times[0].toFixed(1)})` : ''}`;
    console.log(`| ${label(c)} | ${cell} |`);
  });
}
