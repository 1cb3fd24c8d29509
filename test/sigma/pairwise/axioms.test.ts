import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairwiseRules } from '../../../src/sigma/ordinal/pairwise/index.js';
import { getRule } from '../../../src/sigma/registry.js';
import { checkRule } from './helpers.js';

for (const rule of pairwiseRules)
  test(`${rule.name}: claimed axioms, full tie sets, candidate subsets`, () => {
    checkRule(rule);
  });

test('pairwise rules answer to their names and aliases', () => {
  const names: [string, string][] = [
    ['copeland', 'copeland'],
    ['llull', 'llull'],
    ['minimax', 'minimax'],
    ['simpson-kramer', 'minimax'],
    ['Simpson', 'minimax'],
    ['schulze', 'schulze'],
    ['beat_path', 'schulze'],
    ['ranked-pairs', 'ranked-pairs'],
    ['tideman', 'ranked-pairs'],
    ['river', 'river'],
    ['split-cycle', 'split-cycle'],
    ['stable_voting', 'stable-voting'],
  ];
  for (const [alias, name] of names) assert.equal(getRule(alias).name, name, alias);
  for (const r of pairwiseRules) {
    assert.equal(r.family, 'pairwise');
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(r.ties.length > 0 && r.description.length > 0);
  }
});
