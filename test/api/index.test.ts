/** The library's entry point: every export a user's script reaches for, used as a script would. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as sulab from '../../src/index.js';

const file = (name: string) => readFileSync(`scenarios/${name}`, 'utf8');

test('a one-shot scenario read, evaluated and measured through the entry point', () => {
  const s = sulab.parseScenario(file('holiday.yaml'), 'holiday.yaml');
  const r = sulab.evaluate(s);
  assert.equal(r.scenario, 'holiday');
  assert.ok(r.alignments.length > 0 && r.alignments.every((a) => a.label.length > 0));
  assert.ok(Object.keys(r.interpretation).length > 0);
  assert.equal(sulab.getOperationalization('parts/borda').id, 'parts/borda');
  assert.ok(sulab.readingRegistry.list().includes('parts/delegates'));
  assert.ok(sulab.operationalizations().length >= 6);
});

test('profiles, rules and the vote runner', () => {
  const p = sulab.profileFromRankings(3, [
    [0, 1, 2],
    [1, 2, 0],
    [0, 2, 1],
  ]);
  const out = sulab.vote(p, sulab.parseMethodList('borda,copeland'), { kind: 'none' }, false);
  assert.deepEqual(
    out.map((e) => [e.method, e.winners]),
    [
      ['borda', [0]],
      ['copeland', [0]],
    ],
  );
  assert.equal(sulab.getRule('IRV').name, 'instant-runoff');
  assert.equal(sulab.sigmaRegistry.get('hare').name, 'instant-runoff');
  assert.ok(sulab.rules.length >= 53);
  const g = sulab.getGenerator('impartial-culture').generate(new sulab.Random(1), 4, 11);
  assert.equal(g.m, 4);
  assert.equal(sulab.generatorRegistry.get('ic').name, 'impartial-culture');
});

test('principals, hierarchy, Pareto and Σ over utilities', () => {
  const h = sulab.makePrincipal({
    outcomes: ['a', 'b'],
    parts: [
      { name: 'x', utility: [1, 0] },
      { name: 'y', utility: [0, 1], weight: 2 },
    ],
  });
  const prob = sulab.problemFromPrincipal(h);
  assert.deepEqual(Array.from(prob.weights), [1, 2]);
  assert.deepEqual(sulab.paretoFrontier(prob), [0, 1]);
  assert.equal(sulab.dominates([1, 1], [1, 0]), true);
  const r = sulab.applySigma(sulab.sigmaCall('weighted-utilitarian'), prob);
  assert.deepEqual(r.winners, [1]);
  assert.equal(sulab.flatten(h).length, 2);
  assert.equal(sulab.restrictActions(prob, [1]).actions, 1);
});

test('sequential scenarios, agents and experiments', () => {
  const s = sulab.parseAnyScenario(file('coin-bet.yaml'), 'coin-bet.yaml');
  assert.ok(s.kind === 'sequential');
  const r = sulab.runSequential(s);
  assert.equal(r.kind, 'sequential');
  assert.deepEqual(
    r.alignments.map((a) => a.id),
    s.agents.map((a) => a.id),
  );
  assert.deepEqual(sulab.agentRegistry.list().slice(0, 3), [
    'boundary/approval',
    'parts/original',
    'critch/nrl',
  ]);
  assert.ok(sulab.agents.length >= 3);
  assert.ok(sulab.prepareModel(s.env, s.principal).S > 0);
  assert.deepEqual(
    sulab.EXPERIMENTS.map((e) => e.name),
    sulab.experimentRegistry.list(),
  );
  assert.equal(sulab.getExperiment('meta-preferences').name, 'meta-preferences');
  assert.equal(typeof sulab.learn.fitBradleyTerry, 'function');
  assert.ok(new sulab.Registry('thing', [{ name: 'a' }]).get('A'));
  assert.throws(() => sulab.getRule('bordaa'), sulab.UserError);
});

test('principal generators through the entry point', () => {
  const g = sulab.getPrincipalGenerator('impartial');
  assert.equal(sulab.principalGeneratorRegistry.get('ic').name, g.name);
  assert.ok(sulab.principalGenerators.length >= 4);
});
