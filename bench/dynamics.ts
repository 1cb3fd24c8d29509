/**
 * Sequential solvers on one core: exact value iteration over a product space of about 10^5 states
 * (S = 100 world states × 10 levels ^ 3 parts), in state–action backups per second; filling H's
 * approval table (Σ evaluations per second); and seeded rollouts, in simulated steps per second,
 * of the exact plan (a table lookup per step) and of the myopic online agent. Median of several
 * runs. The world: each (s, a) leads to `successors` random next states; A's actions shift the
 * parts' attention levels; arriving in some states shifts them too.
 *
 *   npx tsx bench/dynamics.ts [--states 100] [--parts 3] [--levels 10] [--actions 5] [--successors 10]
 *                             [--horizon 10] [--episodes 2000] [--runs 5]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Random } from '../src/core/random.js';
import { buildEnvironment, buildPrincipal } from '../src/dynamics/build.js';
import { prepareModel } from '../src/dynamics/model.js';
import { approvalObjective, type Objective } from '../src/dynamics/objective.js';
import { estimateValue, lookaheadPolicy } from '../src/dynamics/rollout.js';
import { solveExact } from '../src/dynamics/solve.js';

const { values } = parseArgs({
  options: {
    states: { type: 'string', default: '100' },
    parts: { type: 'string', default: '3' },
    levels: { type: 'string', default: '10' },
    actions: { type: 'string', default: '5' },
    successors: { type: 'string', default: '10' },
    horizon: { type: 'string', default: '10' },
    episodes: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
  },
});
const S = Number(values.states);
const n = Number(values.parts);
const L = Number(values.levels);
const A = Number(values.actions);
const B = Math.min(S, Number(values.successors));
const H = Number(values.horizon);
const EPISODES = Number(values.episodes);
const RUNS = Number(values.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const rng = new Random(2024);
const truth = Array.from({ length: S }, () =>
  Array.from({ length: A }, () => {
    const row = new Array<number>(S).fill(0);
    const picks = rng.permutation(S).subarray(0, B);
    let total = 0;
    const w = Array.from(picks, () => rng.float() + 0.05);
    for (const x of w) total += x;
    picks.forEach((s2, k) => {
      row[s2] = w[k] / total;
    });
    // Make the row sum to exactly 1 in floating point.
    row[picks[0]] += 1 - row.reduce((a, b) => a + b, 0);
    return row;
  }),
);
const env = buildEnvironment({ states: S, actions: A, truth, start: 0, horizon: H });
const shift = () => rng.int(3) - 1;
const principal = buildPrincipal(env, {
  parts: Array.from({ length: n }, (_, i) => ({
    name: `part${i}`,
    reward: Array.from({ length: S }, () => Array.from({ length: A }, () => rng.float())),
  })),
  internal: {
    levels: L,
    initial: Math.floor(L / 2),
    gain: Array.from({ length: L }, (_, l) => 0.25 + l),
    actionShift: Array.from({ length: A }, () => Array.from({ length: n }, shift)),
    stateShift: Array.from({ length: S }, () =>
      Array.from({ length: n }, () => (rng.float() < 0.1 ? shift() : 0)),
    ),
  },
});
const model = prepareModel(env, principal, { approval: 'score' });
const N = model.space.size;

// 1. H's approval at every (s, λ): one Σ evaluation each (cached afterwards).
const t0 = performance.now();
const approval = approvalObjective(model);
const table = new Float64Array(N * A);
const C = model.space.codes;
for (let s = 0; s < S; s++) for (let c = 0; c < C; c++) table.set(model.approval(s, c), (s * C + c) * A);
const sigmaRate = N / ((performance.now() - t0) / 1000);

// The objective as a table, so the backups are what is timed.
const tabulated: Objective = {
  name: 'approval (tabulated)',
  stationary: true,
  reward: (_t, s, c, a) => table[(s * C + c) * A + a],
  rewards(_t, s, c, out) {
    const o = (s * C + c) * A;
    for (let a = 0; a < A; a++) out[a] = table[o + a];
  },
};

// 2. Exact value iteration, full horizon.
const viRates: number[] = [];
let plan = solveExact(model, tabulated);
for (let r = 0; r < RUNS; r++) {
  const t = performance.now();
  plan = solveExact(model, tabulated);
  viRates.push(plan.backups / ((performance.now() - t) / 1000));
}
const nnz = model.truth.next.length;

// 3. Rollouts of the plan and of the myopic online agent.
function rolloutRate(policy: typeof plan.policy, episodes: number): number {
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const est = estimateValue(model, policy, approval, new Random(r), { episodes });
    rates.push(est.steps / ((performance.now() - t) / 1000));
  }
  return median(rates);
}
const planRate = rolloutRate(plan.policy, EPISODES);
const myopicRate = rolloutRate(lookaheadPolicy(model, approval, 1), EPISODES);

const fmt = (x: number) =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0);
console.log(`# sulab dynamics bench\n`);
console.log(`\`${['npx tsx bench/dynamics.ts', ...process.argv.slice(2)].join(' ')}\`\n`);
console.log(
  `${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${os.platform()} ${os.arch()}\n`,
);
console.log(
  `Product space: ${S} world states × ${L}^${n} internal states = ${N.toLocaleString('en-US')} states, ${A} actions, ` +
    `${(nnz / (S * A)).toFixed(1)} successors per (s, a), horizon ${H}; median of ${RUNS} runs.\n`,
);
console.log('| what | rate | unit |');
console.log('|---|---:|---|');
console.log(
  `| Σ approval table (weighted utilitarian, score reading) | ${fmt(sigmaRate)} | (s, λ) per second |`,
);
console.log(`| value iteration, ${H} stages | ${fmt(median(viRates))} | state–action backups per second |`);
console.log(
  `| value iteration, ${H} stages | ${fmt((median(viRates) * nnz) / (S * A))} | successor terms (multiply–adds) per second |`,
);
console.log(`| rollouts of the exact plan | ${fmt(planRate)} | steps per second |`);
console.log(`| rollouts of the myopic online agent | ${fmt(myopicRate)} | steps per second |`);
console.log(
  `\nOne full solve: ${(plan.backups / median(viRates)).toFixed(2)} s for ${plan.backups.toLocaleString('en-US')} backups.`,
);
