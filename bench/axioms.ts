/**
 * Counterexample-search throughput: profiles (or principals) checked per second, per axiom, for a
 * few rules and readings, on one core. A Σ row runs the search of `sulab axioms` with the same
 * stages (exhaustive, then random) on a budget and a seed; a rule keeping the axiom searches the
 * whole budget, a rule breaking it stops at its first counterexample (then shrinks it, which is
 * timed too), so the rate is (profiles searched) / (seconds, search and shrink). Each cell is the
 * best of `--runs` runs after one untimed warm-up.
 *
 *   npx tsx bench/axioms.ts [--budget 1000] [--principals 60] [--runs 3] [--rules borda,…] [--readings …]
 */
import { parseArgs } from 'node:util';
import { getOperationalization } from '../src/align/registry.js';
import { readingAxioms } from '../src/axioms/reading-registry.js';
import { searchReadingCounterexample } from '../src/axioms/reading-search.js';
import { searchCounterexample } from '../src/axioms/search.js';
import { sigmaAxioms, votingOf } from '../src/axioms/sigma-registry.js';
import { parseMethodSpec, prepareRules } from '../src/sigma/apply.js';

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '1000' },
    principals: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    rules: { type: 'string', default: 'borda,instant-runoff,schulze' },
    readings: { type: 'string', default: 'parts/weighted-utilitarian,boundary/instruction' },
  },
});
const budget = Number(values.budget);
const principals = Number(values.principals);
const runs = Number(values.runs);

function best<T>(f: () => T): { out: T; seconds: number } {
  let out = f();
  let seconds = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = f();
    seconds = Math.min(seconds, (performance.now() - t) / 1000);
  }
  return { out, seconds };
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const specs = values.rules.split(',').map(parseMethodSpec);
await prepareRules(specs);
console.log(
  `Σ axioms: profiles checked per second (budget ${budget}, seed 0; ✗ = stopped at a counterexample)\n`,
);
console.log(`| axiom | ${specs.map((s) => s.text).join(' | ')} |`);
console.log(`|---|${specs.map(() => '--:').join('|')}|`);
for (const axiom of sigmaAxioms) {
  const cells = specs.map((spec) => {
    const rule = votingOf(spec);
    const { out, seconds } = best(() => searchCounterexample(axiom, rule, { budget, seed: 0 }));
    return `${fmt(out.searched / seconds)}${out.violated ? ` ✗ (${out.searched})` : ''}`;
  });
  console.log(`| ${axiom.name} | ${cells.join(' | ')} |`);
}

const ops = values.readings.split(',').map((id) => getOperationalization(id));
console.log(`\nReading axioms: principals checked per second (budget ${principals}, seed 0)\n`);
console.log(`| axiom | ${ops.map((o) => o.id).join(' | ')} |`);
console.log(`|---|${ops.map(() => '--:').join('|')}|`);
for (const axiom of readingAxioms) {
  const cells = ops.map((op) => {
    const { out, seconds } = best(() =>
      searchReadingCounterexample(axiom, op, {}, { budget: principals, seed: 0 }),
    );
    return `${fmt(out.searched / seconds)}${out.violated ? ` ✗ (${out.searched})` : ''}`;
  });
  console.log(`| ${axiom.name} | ${cells.join(' | ')} |`);
}
