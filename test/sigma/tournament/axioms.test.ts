import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tournamentRules } from '../../../src/sigma/ordinal/tournament/index.js';
import { getRule } from '../../../src/sigma/registry.js';
import { checkRule } from '../pairwise/helpers.js';

for (const rule of tournamentRules)
  test(`${rule.name}: claimed axioms, full tie sets, candidate subsets`, () => {
    checkRule(rule);
  });

test('tournament rules answer to their names and aliases (pref_voting naming)', () => {
  const names: [string, string][] = [
    ['condorcet', 'condorcet'],
    ['weak-condorcet', 'weak-condorcet'],
    ['smith', 'smith'],
    ['smith-set', 'smith'],
    ['GETCHA', 'smith'],
    ['top_cycle', 'smith'],
    ['schwartz', 'schwartz'],
    ['gocha', 'schwartz'],
    ['uncovered-set', 'uncovered-set-gillies'],
    ['uc-gill', 'uncovered-set-gillies'],
    ['uc_fish', 'uncovered-set-fishburn'],
    ['uncovered-set-fishburn', 'uncovered-set-fishburn'],
    ['banks', 'banks'],
    ['pareto', 'pareto'],
  ];
  for (const [alias, name] of names) assert.equal(getRule(alias).name, name, alias);
  for (const r of tournamentRules) {
    assert.equal(r.family, 'tournament');
    assert.equal(r.output, 'set');
    assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
});
