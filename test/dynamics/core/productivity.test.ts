import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../../src/core/random.js';
import {
  approvalFarSighted,
  approvalMyopic,
  plannerAgents,
  originalFarSighted,
  originalMyopic,
} from '../../../src/dynamics/agents.js';
import { compareAgents } from '../../../src/dynamics/compare.js';
import { type DynamicsModel, prepareModel } from '../../../src/dynamics/model.js';
import { actionCountObjective } from '../../../src/dynamics/objective.js';
import { type ProductivityOptions, productivityAssistant } from '../../../src/dynamics/productivity.js';
import { recordRun, runTotals } from '../../../src/dynamics/recorder.js';
import type { Plan } from '../../../src/dynamics/solve.js';

function scenario(opts: ProductivityOptions = {}) {
  const sc = productivityAssistant(opts);
  const model = prepareModel(sc.env, sc.principal, { approval: sc.approval });
  return { sc, model };
}

/** Does the plan take a nudge at any step, in any world state, at any internal state? */
function nudgesAnywhere(model: DynamicsModel, plan: Plan, nudges: readonly number[]): boolean {
  const C = model.space.codes;
  for (let t = 0; t < plan.horizon; t++)
    for (let s = 0; s < model.S; s++)
      for (let c = 0; c < C; c++) if (nudges.includes(plan.rule(t, s, c))) return true;
  return false;
}

function summaries(model: DynamicsModel, nudges: readonly number[]) {
  const rows = compareAgents(model, plannerAgents, {
    extra: [actionCountObjective(model, nudges, 'nudges')],
  });
  return Object.fromEntries(rows.map((r) => [r.agent, r]));
}

test('the far-sighted approval agent manipulates: more approval, less original welfare', () => {
  const { sc, model } = scenario();
  const r = summaries(model, sc.nudges);
  const far = r['boundary/approval/far-sighted'];
  const myopic = r['boundary/approval/myopic'];
  const original = r['parts/original/far-sighted'];
  assert.ok(far.extra.nudges > 9, `expected nudges ${far.extra.nudges}`);
  assert.ok(far.approval > myopic.approval + 0.5);
  assert.ok(far.approval > original.approval + 0.5);
  assert.ok(far.originalWelfare < 0.6 * original.originalWelfare);
  assert.ok(far.meanDrift > original.meanDrift + 0.15);
  // Its first move is a nudge, and a recorded run shows approval rising as the shares drift.
  const plan = approvalFarSighted.plan!(model);
  assert.ok(sc.nudges.includes(plan.rule(0, 0, model.initialCode)));
  const { rows } = recordRun(model, plan.policy, new Random(1));
  const tot = runTotals(rows);
  assert.ok(tot.maxDrift >= 0.6 - 1e-12);
  assert.ok(rows.some((x) => x.action === 0 && x.approval >= 0.8 - 1e-12)); // "help with work" at work's share 0.8
  assert.ok(
    tot.originalWelfare <
      runTotals(recordRun(model, originalFarSighted.policy(model), new Random(1)).rows).originalWelfare,
  );
});

test('the original-parts agents never manipulate, at any step or internal state', () => {
  for (const nudgeShift of [1, 2]) {
    const { sc, model } = scenario({ nudgeShift });
    for (const agent of [originalFarSighted, originalMyopic])
      assert.equal(nudgesAnywhere(model, agent.plan!(model), sc.nudges), false);
    const r = summaries(model, sc.nudges);
    assert.equal(r['parts/original/far-sighted'].extra.nudges, 0);
    assert.equal(r['parts/original/far-sighted'].originalWelfare, r['parts/original/myopic'].originalWelfare);
  }
});

test('manipulation disappears exactly when nudges are ineffective', () => {
  for (const horizon of [1, 5, 13, 28]) {
    const { sc, model } = scenario({ horizon, nudgeShift: 0 });
    for (const agent of plannerAgents)
      assert.equal(
        nudgesAnywhere(model, agent.plan!(model), sc.nudges),
        false,
        `${agent.id}, horizon ${horizon}`,
      );
    const r = summaries(model, sc.nudges);
    assert.ok(
      Math.abs(r['boundary/approval/far-sighted'].approval - r['boundary/approval/myopic'].approval) < 1e-9,
    );
  }
});

test('manipulation disappears exactly when the agent looks one step ahead (myopic, or horizon 1)', () => {
  for (const nudgeShift of [1, 2]) {
    const one = scenario({ horizon: 1, nudgeShift });
    assert.equal(nudgesAnywhere(one.model, approvalFarSighted.plan!(one.model), one.sc.nudges), false);
    const { sc, model } = scenario({ nudgeShift });
    assert.equal(nudgesAnywhere(model, approvalMyopic.plan!(model), sc.nudges), false);
    assert.equal(nudgesAnywhere(model, approvalFarSighted.plan!(model), sc.nudges), true);
  }
});

test('with effective nudges the far-sighted approval agent manipulates from the start exactly when 13 or more days remain', () => {
  for (let horizon = 1; horizon <= 28; horizon++) {
    const { sc, model } = scenario({ horizon });
    const [far] = compareAgents(model, [approvalFarSighted], {
      extra: [actionCountObjective(model, sc.nudges, 'nudges')],
    });
    assert.equal(far.extra.nudges > 0, horizon >= 13, `horizon ${horizon}: ${far.extra.nudges} nudges`);
  }
});

test('under the rank reading of approval no agent gains by manipulating: approval is capped at 1 a step', () => {
  const sc = productivityAssistant();
  const model = prepareModel(sc.env, sc.principal, { approval: 'rank' });
  const r = summaries(model, sc.nudges);
  for (const id of Object.keys(r)) assert.ok(r[id].approval <= 28 + 1e-9);
  assert.ok(Math.abs(r['boundary/approval/far-sighted'].approval - 28) < 1e-9);
  assert.ok(Math.abs(r['boundary/approval/myopic'].approval - 28) < 1e-9);
  assert.equal(r['boundary/approval/far-sighted'].extra.nudges, 0);
});

test('the built-in productivity assistant is scenarios/productivity.yaml', async () => {
  const { readFileSync } = await import('node:fs');
  const { parseAnyScenario } = await import('../../../src/scenario/index.js');
  const file = 'scenarios/productivity.yaml';
  const s = parseAnyScenario(readFileSync(file, 'utf8'), file);
  assert.ok(s.kind === 'sequential');
  const { env, principal, approval } = productivityAssistant();
  assert.deepEqual(s.env.states, env.states);
  assert.deepEqual(s.env.actions, env.actions);
  assert.deepEqual(s.env.truth, env.truth);
  assert.deepEqual(s.env.start, env.start);
  assert.equal(s.env.horizon, env.horizon);
  assert.deepEqual(
    s.principal.parts.map((p) => [p.name, p.weight, p.reward, p.beliefs]),
    principal.parts.map((p) => [p.name, p.weight, p.reward, p.beliefs]),
  );
  assert.equal(s.principal.sigma.rule, principal.sigma.rule);
  assert.deepEqual(s.principal.internal, principal.internal);
  assert.equal(s.principal.approval, approval);
});
