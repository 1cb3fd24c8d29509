/**
 * The rules added for pref_voting's breadth, checked against facts recorded from pref_voting itself
 * (fixtures.json: profiles and the winners, or lotteries, that pref_voting's functions return on
 * them; the source and commit are in the file). The profiles were picked from random ones as those
 * on which the rules disagree most with one another, so each fact separates rules.
 *
 * Where sulab's stated convention differs from pref_voting's, the check says so: the essential and
 * bipartisan sets are the union of the supports of all maximal lotteries, which contains the support
 * of the one lottery pref_voting's solver returns (equal when the maximal lottery is unique, as with
 * an odd number of voters casting linear orders).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';

interface Fact {
  m: number;
  rankings: (number | number[])[][];
  counts: number[];
  expected: Record<string, number[]>;
}

const facts = JSON.parse(readFileSync(new URL('./fixtures.json', import.meta.url), 'utf8')) as {
  source: string;
  linear: Fact[];
  weak: Fact[];
  oddLinear: Fact[];
};

function check(fact: Fact, what: string): void {
  const s = new Summary(profileFromRankings(fact.m, fact.rankings, fact.counts));
  for (const [name, expected] of Object.entries(fact.expected)) {
    const rule = getRule(name);
    assert.ok(rule.input !== 'utilities');
    const r = rule.run(s);
    if (rule.output === 'lottery') {
      const lottery = r.lottery ?? [];
      expected.forEach((p, c) => {
        assert.ok(
          Math.abs(p - lottery[c]) < 1e-9,
          `${name} on ${what}: P(${c}) = ${lottery[c]}, pref_voting ${p}`,
        );
      });
    } else assert.deepEqual(r.winners, expected, `${name} on ${what}`);
  }
}

test('the fixtures name their source', () => {
  assert.match(facts.source, /pref_voting/);
  assert.ok(facts.linear.length >= 5 && facts.weak.length >= 3 && facts.oddLinear.length >= 3);
});

test('linear orders: the winners pref_voting gives', () => {
  facts.linear.forEach((f, i) => {
    check(f, `linear profile ${i}`);
  });
});

test('weak and truncated orders: the winners pref_voting gives for profiles with ties', () => {
  facts.weak.forEach((f, i) => {
    check(f, `weak profile ${i}`);
  });
});

test('odd numbers of voters: the essential and bipartisan sets equal the support pref_voting finds', () => {
  facts.oddLinear.forEach((f, i) => {
    check(f, `odd profile ${i}`);
  });
});
