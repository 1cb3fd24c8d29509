/**
 * A quiet context (steerability's re-reads, sweep cells: notes and details unread) gives every
 * reading the same target and scores as a full one; only notes and details may be left out. On
 * every built-in one-shot scenario and on seeded random principals, where the delegates' limits
 * sometimes cycle or wander.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildContext } from '../../src/align/context.js';
import { getOperationalization } from '../../src/align/registry.js';
import type { Reading } from '../../src/align/types.js';
import { Random } from '../../src/core/random.js';
import type { Scenario } from '../../src/core/scenario.js';
import { getPrincipalGenerator } from '../../src/generate/principal-registry.js';
import { parseScenario } from '../../src/scenario/index.js';
import { load, scenarioFiles } from '../scenarios/helpers.js';

function same(a: Reading, b: Reading, where: string): void {
  assert.deepEqual(b.target, a.target, `${where}: target`);
  assert.deepEqual(Array.from(b.scores), Array.from(a.scores), `${where}: scores`);
}

function check(scenario: Scenario, where: string): void {
  const full = buildContext(scenario);
  const quiet = buildContext(scenario, { quiet: true });
  assert.equal(quiet.quiet, true);
  for (const spec of scenario.alignments) {
    const op = getOperationalization(spec.id, spec.where);
    same(op.read(full, spec.options), op.read(quiet, spec.options), `${where} ${spec.id}`);
  }
}

test('quiet reads: the same targets and scores on every built-in one-shot scenario', () => {
  for (const file of scenarioFiles()) check(load(file.replace(/\.ya?ml$/, '')), file);
});

test('quiet reads: the same targets and scores on random 5 × 5 principals', () => {
  const gen = getPrincipalGenerator('impartial');
  for (let s = 0; s < 40; s++) {
    const file = gen.generate(new Random([5, s]).split(0), {
      parts: 5,
      actions: 5,
      weights: 'dirichlet',
      divergence: 0.3,
    });
    check(parseScenario(JSON.stringify(file), `${file.name}.json`), `seed ${s}`);
  }
});
