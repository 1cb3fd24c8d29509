/**
 * "What this run shows": the claims a run tests, by what, and verdicts computed from its results —
 * so a different scenario gives a different verdict, and a claim nothing tests is left out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getExperiment } from '../../src/experiment/registry.js';
import type { Scenario } from '../../src/core/scenario.js';
import { claimChecks, claimsSection } from '../../src/report/claims.js';
import type { ScenarioRun } from '../../src/report/scenario-report.js';
import { evaluate } from '../../src/run/one-shot.js';
import { runSequential } from '../../src/run/sequential.js';
import { parseAnyScenario } from '../../src/scenario/index.js';
import { readySigma } from '../../src/dynamics/model.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { load, text, variant } from '../scenarios/helpers.js';

const runOf = (s: Scenario): ScenarioRun => ({
  result: evaluate(s),
  description: '',
  essay: '',
  epsilon: s.epsilon,
});
const byClaim = (checks: ReturnType<typeof claimChecks>, start: string) => {
  const c = checks.find((x) => x.claim.startsWith(start));
  assert.ok(c, `no claim starting "${start}"`);
  return c;
};

test('holiday alone: the claims it tests, with its own numbers', () => {
  const checks = claimChecks({ oneShot: [runOf(load('holiday'))], sequential: [], experiments: [] });
  const reflexive = byClaim(checks, 'H is not self-aligned');
  assert.equal(reflexive.testedBy, 'every reading of holiday');
  assert.equal(
    reflexive.verdict,
    'H is self-aligned under 7 of 9 readings; not under parts/delegates{lotteries=true}, parts/idealized',
  );
  assert.equal(
    byClaim(checks, 'Aligning with the parts').verdict,
    '2 of 6 override B(H), in 1 of 1 scenario (holiday: parts/delegates{lotteries=true}, parts/idealized)',
  );
  assert.match(
    byClaim(checks, 'The bottom line').verdict,
    /^some reading accepts 2 of 3 candidate behaviours: it does not hold here \(book-city: accepted by none\)$/,
  );
  // Nothing here compares the learned reward with Borda, nor reshapes H over time.
  assert.ok(!checks.some((c) => /Borda|reshaping|Critch|fixed points/.test(c.claim)));
});

test('the verdicts follow the results: without Pete’s place the idealized parts book the beach', () => {
  const s = variant('holiday', (f) => {
    delete f.truth;
  });
  const checks = claimChecks({ oneShot: [runOf(s)], sequential: [], experiments: [] });
  assert.equal(
    byClaim(checks, 'H is not self-aligned').verdict,
    'H is self-aligned under 8 of 9 readings; not under parts/delegates{lotteries=true}',
  );
  assert.match(byClaim(checks, 'Aligning with the parts').verdict, /^1 of 6 override B\(H\)/);
});

test('sydney’s four files: the bottom line holds in one; one behaviour, one un-bounding', () => {
  const runs = ['sydney-company', 'sydney-instructions', 'sydney-reporter', 'sydney'].map((n) =>
    runOf(load(n)),
  );
  const checks = claimChecks({ oneShot: runs, sequential: [], experiments: [] });
  assert.equal(
    byClaim(checks, 'The bottom line').verdict,
    'some reading accepts every candidate in 1 of 4 scenarios (sydney-reporter); 14 of 20 candidates in all',
  );
  assert.match(
    byClaim(checks, 'One behaviour').verdict,
    /^the un-bounded choice differs within 0 of 1 group \(/,
  );
  assert.match(
    byClaim(checks, 'A learned model').verdict,
    /^whole\/learned picks what parts\/borda picks in 4 of 4/,
  );
});

test('productivity and coin-bet: reshaping H, and the better predictor', async () => {
  const seq = ['productivity', 'coin-bet'].map(
    (n) => parseAnyScenario(text(n), `${n}.yaml`) as SequentialScenario,
  );
  for (const s of seq) await readySigma(s.principal);
  const checks = claimChecks({ oneShot: [], sequential: seq.map((s) => runSequential(s)), experiments: [] });
  assert.equal(checks.length, 2);
  assert.equal(
    byClaim(checks, 'An approval maximizer').verdict,
    'productivity: the approval agent gains 0.519 approval (14.519 vs 14.000) by reshaping H (mean drift 0.440 vs 0.269) while the original parts’ welfare drops from 14.000 to 7.736',
  );
  assert.equal(
    byClaim(checks, 'A Pareto-optimal policy').verdict,
    'coin-bet: expected utility by the parts’ own beliefs each 6.203; by the truth alice 5.282, bob 3.139',
  );
});

test('experiments: the verdict is read off the result', () => {
  const meta = getExperiment('meta-preferences').run(7);
  const career = getExperiment('career-evolution').run(1);
  const checks = claimChecks({ oneShot: [], sequential: [], experiments: [meta, career] });
  assert.equal(
    byClaim(checks, 'Meta-preferences').verdict,
    '2 fixed points from 400 starts (planner’s ideal 76%, impulse’s ideal 24%): which self H ends up with depends on where it starts',
  );
  assert.match(
    byClaim(checks, 'Preferences evolve').verdict,
    /^over 25 years Σ’s ranking goes from startup > research > teaching to research > startup > teaching; care’s mean welfare is 0\.060 by its original utilities, 0\.371 by its current ones$/,
  );
  const section = claimsSection(checks);
  assert.equal(section.tables?.[0].rows.length, 2);
  assert.match(
    String(section.blocks?.[0] && 'text' in section.blocks[0] ? section.blocks[0].text : ''),
    /^Definitions\. Gap: /,
  );
});

/** A built-in scenario evaluated, and its HTML report's sections. */
async function reportOf(name: string) {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { parseScenario } = await import('../../src/scenario/index.js');
  const { evaluate } = await import('../../src/run/one-shot.js');
  const { scenarioReport } = await import('../../src/report/scenario-report.js');
  const file = join(import.meta.dirname, '..', '..', 'scenarios', `${name}.yaml`);
  const s = parseScenario(readFileSync(file, 'utf8'), file);
  const r = evaluate(s);
  const report = await scenarioReport(
    [{ result: r, description: s.description, essay: s.essay, epsilon: s.epsilon }],
    { version: 'test' },
  );
  return { r, report };
}

test('the report sets Pareto ex ante beside ex post, and names the spurious unanimity, where beliefs split them', async () => {
  const { r, report } = await reportOf('spurious-unanimity');
  assert.ok(r.metrics.bet.spurious_unanimity);
  const table = JSON.stringify(report).match(/Beliefs apart from values[^"]*/);
  assert.ok(table, 'the beliefs table is in the report');
  assert.match(JSON.stringify(report), /Spurious unanimity: every part prefers bet/);
});

test('the report lists what each reading notes about its answer', async () => {
  const { r, report } = await reportOf('holiday');
  const tables = report.sections.find((x) => x.id === 'holiday')?.tables ?? [];
  const notes = tables.find((t) => t.caption?.startsWith('What each reading notes about its answer'));
  assert.ok(notes, 'the notes table is in the report');
  // One row per reading with notes, its notes in full.
  const idealized = r.alignments.find((a) => a.id === 'parts/idealized');
  assert.ok(idealized?.notes && idealized.notes.length > 1);
  const row = notes.rows.find((cells) => cells[0] === idealized.label);
  assert.equal(row?.[1], idealized.notes.join(' · '));
  assert.ok(
    !notes.rows.some((cells) => cells[0] === 'boundary/instruction'),
    'no row for a reading without notes',
  );
});
