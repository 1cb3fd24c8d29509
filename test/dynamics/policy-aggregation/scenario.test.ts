/**
 * scenarios/policy-aggregation.yaml through the runner: the policy rules are agents like any other,
 * report each part's return and level, and do what docs/scenarios.md says — per-step Σ and
 * negotiable RL leave the family part below every sampled policy; quantile fairness puts every
 * part above four fifths of all policies; the veto core keeps each part above its vetoed third.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { originalFarSighted } from '../../../src/dynamics/agents.js';
import { prepareModel } from '../../../src/dynamics/model.js';
import { occupancyOf, policyProfile, standing } from '../../../src/dynamics/policy-aggregation/index.js';
import { runSequential } from '../../../src/run/sequential.js';
import { parseAnyScenario } from '../../../src/scenario/index.js';
import type { SequentialScenario } from '../../../src/core/scenario.js';

const file = join(import.meta.dirname, '..', '..', '..', 'scenarios', 'policy-aggregation.yaml');
const scenario = parseAnyScenario(
  readFileSync(file, 'utf8'),
  'scenarios/policy-aggregation.yaml',
) as SequentialScenario;
const result = runSequential(scenario);
const byId = Object.fromEntries(result.alignments.map((a) => [a.id, a]));
type PolicyFigures = { return: Record<string, number>; level: Record<string, number> };
const figures = (id: string): PolicyFigures => byId[id].policy!;

test('policy-aggregation: every agent runs; the policy rules report each part’s return and level', () => {
  assert.deepEqual(Object.keys(byId), [
    'parts/original',
    'critch/nrl',
    'policy/borda',
    'policy/quantile',
    'policy/approval',
    'policy/veto-core',
  ]);
  for (const a of result.alignments) assert.equal(a.error, undefined, a.id);
  for (const id of ['policy/borda', 'policy/quantile', 'policy/approval', 'policy/veto-core']) {
    const f = figures(id);
    assert.deepEqual(Object.keys(f.level), ['career', 'family', 'health']);
    // The runner evaluates the stochastic policy exactly, over the product space: its weighted
    // welfare is the occupancy measure's figure, Σ_i w_i · return_i (weights 2, 1, 1).
    const exact = (2 * f.return.career + f.return.family + f.return.health) / 4;
    assert.equal(byId[id].expected!.method, 'exact', id);
    assert.ok(Math.abs(byId[id].expected!.original_welfare - exact) < 1e-9, id);
  }
});

test('policy-aggregation: per-step Σ serves career every evening it can; family ranks that week below every sampled policy', () => {
  const model = prepareModel(scenario.env, scenario.principal);
  const p = policyProfile(model, 2000, 1);
  const plan = originalFarSighted.plan!(model);
  const x = occupancyOf(p.P, (t, s, out) => {
    out.fill(0);
    out[plan.rule(t, s, model.initialCode)] = 1;
  });
  const { levels } = standing(p, x);
  assert.equal(levels[0], 1);
  assert.equal(levels[1], 0);
  // Negotiable RL bets on the parts' beliefs about tiredness, and family is last there too.
  const nrl = byId['critch/nrl'].nrl!.truth;
  assert.ok(nrl.family < Math.min(...p.sorted[1]), `${nrl.family}`);
});

test('policy-aggregation: quantile fairness lifts every part above four fifths of all policies; no rule leaves a part under its veto', () => {
  const q = figures('policy/quantile');
  const minLevel = (f: PolicyFigures) => Math.min(...Object.values(f.level));
  assert.ok(minLevel(q) > 0.8, `${minLevel(q)}`);
  for (const id of ['policy/borda', 'policy/approval', 'policy/veto-core'])
    assert.ok(minLevel(figures(id)) <= minLevel(q) + 1 / 2000, id);
  // The veto core: each part vetoed its worst third (less one sampled point).
  assert.ok(minLevel(figures('policy/veto-core')) >= 666 / 2000, `${minLevel(figures('policy/veto-core'))}`);
  // α = ½: all three parts approve.
  for (const l of Object.values(figures('policy/approval').level)) assert.ok(l >= 0.5);
});

test('policy-aggregation: the recorded runs are seeded', () => {
  const again = runSequential(scenario);
  assert.deepEqual(
    again.alignments.map((a) => a.trajectory?.map((r) => r.action)),
    result.alignments.map((a) => a.trajectory?.map((r) => r.action)),
  );
});
