/**
 * The claims about what is aggregated: beliefs apart from values (Mongin's ex ante / ex post
 * Pareto, spurious unanimity) and whole policies (policy/ agents), with verdicts computed from the
 * results — hand-built results for the policy claim, so each number in the verdict is known.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scenario } from '../../src/core/scenario.js';
import { claimChecks } from '../../src/report/claims.js';
import type { ScenarioRun } from '../../src/report/scenario-report.js';
import { evaluate } from '../../src/run/one-shot.js';
import type { AgentRun, SequentialResult } from '../../src/run/sequential.js';
import { load } from '../scenarios/helpers.js';

const runOf = (s: Scenario): ScenarioRun => ({
  result: evaluate(s),
  description: '',
  essay: '',
  epsilon: s.epsilon,
});
const find = (checks: ReturnType<typeof claimChecks>, start: string) =>
  checks.find((c) => c.claim.startsWith(start));

test('spurious-unanimity: the readings Pareto-optimal ex ante only, and the spurious unanimity on the bet', () => {
  const checks = claimChecks({
    oneShot: [runOf(load('spurious-unanimity'))],
    sequential: [],
    experiments: [],
  });
  const c = find(checks, 'Aggregating beliefs apart from values');
  assert.ok(c);
  assert.equal(c.testedBy, 'Pareto ex ante and ex post of every reading’s target in spurious-unanimity');
  // 7 of 8 targets are the bet (or a lottery almost all bet): efficient by the parts' own beliefs,
  // dominated once one belief (the pool) is used for all; parts/idealized (informed) pays nothing,
  // efficient ex post only.
  assert.match(c.verdict, /^spurious-unanimity: 7 readings of 8 Pareto-optimal ex ante only \(/);
  assert.match(c.verdict, /ex post only: parts\/idealized;/);
  assert.match(c.verdict, /spurious unanimity on bet \(/);
});

test('holiday: the parts share one world model for the verdicts, so the claim is not listed', () => {
  const checks = claimChecks({ oneShot: [runOf(load('holiday'))], sequential: [], experiments: [] });
  assert.equal(find(checks, 'Aggregating beliefs apart from values'), undefined);
  assert.equal(find(checks, 'What is aggregated matters'), undefined);
});

const agent = (id: string, welfare: number, level?: Record<string, number>): AgentRun => ({
  id,
  label: id,
  expected: { method: 'exact', approval: welfare, original_welfare: welfare, mean_drift: 0 },
  ...(level ? { policy: { return: {}, level } } : {}),
});
const seq = (alignments: AgentRun[]): SequentialResult => ({
  scenario: 'week',
  kind: 'sequential',
  title: 'week',
  parts: ['a', 'b', 'c'],
  states: ['s'],
  actions: ['x'],
  horizon: 2,
  recorded_steps: 2,
  seed: 1,
  observed: null,
  alignments,
});

test('whole policies: each rule’s worst-off part and level, the highest floor, per-step Σ’s total', () => {
  const run = seq([
    agent('parts/original', 3),
    agent('policy/borda', 2.5, { a: 0.9, b: 0.4, c: 0.7 }),
    agent('policy/quantile', 2, { a: 0.6, b: 0.6, c: 0.8 }),
  ]);
  const c = find(
    claimChecks({ oneShot: [], sequential: [run], experiments: [] }),
    'What is aggregated matters',
  );
  assert.ok(c);
  assert.equal(c.testedBy, 'the policy/ agents in week');
  assert.equal(
    c.verdict,
    'week: policy/borda leaves b worst-off at level 0.400 (Σ total 2.500); policy/quantile leaves a, b worst-off at level 0.600 (Σ total 2.000); the highest floor is policy/quantile’s (0.600); per-step Σ (parts/original) collects more of the weighted total than any of them, 3.000',
  );
  // When a policy rule collects more (rollout noise, or a Σ that is not the weighted total), it says so.
  const more = seq([agent('parts/original', 2), agent('policy/borda', 2.5, { a: 1, b: 0.5, c: 0.5 })]);
  const v = find(
    claimChecks({ oneShot: [], sequential: [more], experiments: [] }),
    'What is aggregated',
  )?.verdict;
  assert.match(
    v ?? '',
    /per-step Σ \(parts\/original\) collects less of the weighted total than the best of them, 2\.000$/,
  );
  // Without policy/ agents the claim is not listed.
  const none = claimChecks({ oneShot: [], sequential: [seq([agent('parts/original', 1)])], experiments: [] });
  assert.equal(find(none, 'What is aggregated matters'), undefined);
});
