/**
 * Profiles per second, end to end on one core, for every rule that reads rankings: build each
 * profile from its voters' orders (the form a generator or parser yields), summarize it, apply
 * the rule. 10,000 impartial-culture profiles of 101 voters at m = 5 and m = 8 (by default);
 * median of several runs. Next to it, the arithmetic limit: a bare Borda tally (n·m additions)
 * and a bare pairwise tally (n·m(m−1)/2 comparisons) over the same orders.
 *
 *   npx tsx bench/rules.ts [--profiles 10000] [--voters 101] [--m 5,8] [--runs 5] [--rules borda,copeland]
 */
import { parseArgs } from 'node:util';
import { Random } from '../src/core/random.js';
import { profileFromOrders, Summary } from '../src/sigma/profile.js';
import { getRule, rules } from '../src/sigma/registry.js';
import type { ProfileRule } from '../src/sigma/types.js';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '10000' },
    voters: { type: 'string', default: '101' },
    m: { type: 'string', default: '5,8' },
    runs: { type: 'string', default: '5' },
    rules: { type: 'string' },
    'max-seconds': { type: 'string', default: '20' },
  },
});
const P = Number(values.profiles);
const N = Number(values.voters);
const RUNS = Number(values.runs);
const MAX_SECONDS = Number(values['max-seconds']);
const ms = values.m!.split(',').map(Number);
const selected: ProfileRule[] = (
  values.rules ? values.rules.split(',').map((n) => getRule(n)) : rules
).filter((r): r is ProfileRule => r.input !== 'utilities');

/** P profiles of N impartial-culture voters: P·N·m candidate indices, best first. */
function impartialCulture(m: number, seed: number): Int32Array {
  const rng = new Random(seed);
  const out = new Int32Array(P * N * m);
  for (let v = 0; v < P * N; v++) out.set(rng.permutation(m), v * m);
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs `body(i)` for each profile i, RUNS times (fewer if one run exceeds the time budget); median profiles/s. */
function measure(body: (i: number) => void): { rate: number; runs: number; profiles: number } {
  const rates: number[] = [];
  let count = P;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) body(i);
    const sec = (performance.now() - t0) / 1000;
    rates.push(count / sec);
    // Slow exact rules: shrink the sample so the whole table finishes; the rate is what is reported.
    if (sec > MAX_SECONDS / RUNS && count > 100) count = Math.max(100, Math.floor(count / 4));
  }
  return { rate: median(rates), runs: rates.length, profiles: count };
}

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

await Promise.all(selected.map((r) => r.prepare?.()));
console.log(`# rules: ${P} IC profiles, n = ${N}, median of ${RUNS} runs, node ${process.version}\n`);
for (const m of ms) {
  const orders = impartialCulture(m, 1000 + m);
  const per = N * m;
  const profileAt = (i: number) => profileFromOrders(m, orders.subarray(i * per, (i + 1) * per));
  let sink = 0;
  const borda = new Float64Array(m);
  const limitBorda = measure((i) => {
    borda.fill(0);
    const o = i * per;
    for (let v = 0; v < N; v++) for (let j = 0; j < m; j++) borda[orders[o + v * m + j]] += m - 1 - j;
    sink += borda[0];
  });
  const pair = new Float64Array(m * m);
  const limitPairwise = measure((i) => {
    pair.fill(0);
    const o = i * per;
    for (let v = 0; v < N; v++) {
      const ov = o + v * m;
      for (let j = 0; j < m; j++) {
        const row = orders[ov + j] * m;
        for (let l = j + 1; l < m; l++) pair[row + orders[ov + l]]++;
      }
    }
    sink += pair[1];
  });
  console.log(`## m = ${m}\n`);
  console.log('| rule | profiles/s | runs | profiles per run |');
  console.log('|---|---:|---:|---:|');
  console.log(`| *limit: bare Borda tally* | ${fmt(limitBorda.rate)} | ${limitBorda.runs} | ${P} |`);
  console.log(`| *limit: bare pairwise tally* | ${fmt(limitPairwise.rate)} | ${limitPairwise.runs} | ${P} |`);
  for (const rule of selected) {
    if (rule.maxCandidates !== undefined && m > rule.maxCandidates) continue;
    const r = measure((i) => {
      const res = rule.run(new Summary(profileAt(i)));
      sink += res.winners[0] ?? 0;
    });
    console.log(`| ${rule.name} | ${fmt(r.rate)} | ${r.runs} | ${r.profiles} |`);
  }
  console.log('');
  if (sink === -1) console.log(sink);
}
