/**
 * whole/maxent-irl, the agent that learns the whole H from its trajectories and un-bounds it, with
 * the simplicity prior stated in the scenario file (scenarios/learn-the-whole.yaml): the rational
 * and anti-rational decompositions (Armstrong & Mindermann 2018) tie under every prior, the score
 * is the stated formula, the un-bounded plan's return is the runner's exact total, and a scenario
 * whose actions reshape H is refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { SequentialScenario } from '../../../src/core/scenario.js';
import { irlAgentTables } from '../../../src/report/whole-irl-report.js';
import { type AgentRun, runSequential } from '../../../src/run/sequential.js';
import { parseAnyScenario } from '../../../src/scenario/index.js';

const dir = join(import.meta.dirname, '..', '..', '..', 'scenarios');
const read = (name: string) => readFileSync(join(dir, `${name}.yaml`), 'utf8');
const seq = (text: string, file = 'learn-the-whole.yaml') =>
  parseAnyScenario(text, file) as SequentialScenario;
const result = runSequential(seq(read('learn-the-whole')));
const irlRuns = result.alignments.filter((a) => a.id === 'whole/maxent-irl');
const score = (a: AgentRun, name: string) =>
  a.irl?.decompositions.find((d) => d.name === name)?.score ?? Number.NaN;

test('learn-the-whole: both priors tie (β, R) with (−β, −R); un-bounded they do opposite things', () => {
  assert.equal(irlRuns.length, 2);
  for (const a of irlRuns) {
    assert.equal(a.error, undefined);
    const irl = a.irl;
    assert.ok(irl);
    assert.equal(irl.sign_flip_distance, 0);
    assert.equal(score(a, 'rational'), score(a, 'anti-rational'));
    const d = Object.fromEntries(irl.decompositions.map((x) => [x.name, x]));
    // Rational and anti-rational explain H exactly as the fit does; un-bounded, the anti-rational
    // reward avoids both parts' favourite states (0 of H's Σ), the rational one nearly reaches the best.
    assert.equal(d.rational.policy_distance, 0);
    assert.equal(d['anti-rational'].policy_distance, 0);
    assert.equal(d['anti-rational'].unbounded_return, 0);
    assert.ok(d.rational.unbounded_return > irl.returns.h);
    assert.ok(irl.returns.unbounded_fit <= irl.returns.optimal + 1e-12);
    // The runner's exact total is the un-bounded plan's true return.
    assert.equal(a.expected?.method, 'exact');
    assert.equal(a.expected?.original_welfare, irl.returns.unbounded_fit);
    // The simplest is the argmin of the scores.
    const best = Math.min(...irl.decompositions.map((x) => x.score));
    assert.deepEqual(
      irl.simplest,
      irl.decompositions.filter((x) => x.score <= best + 1e-9 * Math.max(1, best)).map((x) => x.name),
    );
  }
});

test('the prior is the stated formula: the indifferent planner pays μ per parameter, H·S·(A − 1) = 80 of them', () => {
  const [a, b] = irlRuns; // λ = 1, μ = 1 and λ = 0.1, μ = 5; the indifferent planner's reward is 0
  assert.deepEqual(a.irl?.prior, { l1: 1, per_parameter: 1 });
  assert.deepEqual(b.irl?.prior, { l1: 0.1, per_parameter: 5 });
  assert.ok(Math.abs(score(b, 'indifferent') - score(a, 'indifferent') - 4 * 80) < 1e-9);
  // The fit does not depend on the prior: the same plan, the same totals.
  assert.deepEqual(a.expected, b.expected);
});

test('a scenario whose actions reshape H is refused with a reason; a bad prior is a file:line error', () => {
  const f = parse(read('productivity'));
  f.agents = ['whole/maxent-irl'];
  const r = runSequential(seq(JSON.stringify(f), 'productivity.json'));
  assert.match(r.alignments[0].error ?? '', /internal dynamics move H’s weights/);
  const bad = read('learn-the-whole').replace('prior_l1: 0.1', 'prior_l1: -1');
  assert.throws(
    () => seq(bad),
    (e: Error) =>
      /learn-the-whole\.yaml:\d+/.test(e.message) && /prior_l1/.test(e.message) && /-1/.test(e.message),
  );
});

test('property: on random chains and rewards, no prior separates (β, R) from (−β, −R)', () => {
  const base = parse(read('learn-the-whole'));
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 2 }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0, max: 10, noNaN: true }),
      fc.double({ min: 0.5, max: 4, noNaN: true }),
      ([x, y], l1, mu, beta) => {
        const f = structuredClone(base);
        const states: string[] = f.states;
        f.parts[0].reward = { [states[x]]: { '*': 1 }, '*': { '*': 0 } };
        f.parts[1].reward = { [states[y]]: { '*': 1 }, '*': { back: 0.2, '*': 0 } };
        f.horizon = 4;
        f.agents = [
          {
            id: 'whole/maxent-irl',
            options: { prior_l1: l1, prior_per_parameter: mu, rationality: beta, demonstrations: 50 },
          },
        ];
        const [a] = runSequential(seq(JSON.stringify(f), 'random.json')).alignments;
        assert.equal(a.error, undefined);
        const rational = score(a, 'rational');
        const anti = score(a, 'anti-rational');
        return Math.abs(rational - anti) <= 1e-9 * Math.max(1, Math.abs(rational));
      },
    ),
    { numRuns: 6, seed: 11 },
  );
});

test('the report has a table per prior: the six decompositions, the simplest in bold', () => {
  const tables = irlAgentTables(result);
  assert.equal(tables.length, 2);
  assert.match(
    tables[1].caption ?? '',
    /prior the scenario states \(−log-likelihood \+ 0\.1·‖R‖₁ \+ 5 per planner parameter/,
  );
  assert.deepEqual(
    tables[0].rows.map((r) =>
      typeof r[0] === 'object' && r[0] !== null && 'value' in r[0] ? `*${r[0].value}` : r[0],
    ),
    ['rational', 'anti-rational', 'over-rational ×10', '*over-rational ×100', 'myopic', 'indifferent'],
  );
});
