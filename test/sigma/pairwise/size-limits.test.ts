/**
 * The exact rules refuse past their stated size with one line naming the rule and the size, rather
 * than overflow the stack or hang: 3 ballots over 300 candidates leave thousands of majority wins on
 * one margin (ranked pairs, River) and far too many candidates for Kemeny, Slater, Dodgson, Young.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main as methods } from '../../../src/cli/methods.js';
import { UserError } from '../../../src/core/errors.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { MAX_TIED_WINS } from '../../../src/sigma/ordinal/pairwise/tie-orders.js';
import { inProcess } from '../../cli/helpers.js';

/** `voters` seeded random linear orders of m candidates (a small LCG: the test needs no library). */
function randomProfile(m: number, voters: number, seed: number): Summary {
  let x = seed;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
  const rankings = Array.from({ length: voters }, () => {
    const r = Array.from({ length: m }, (_, i) => i);
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [r[i], r[j]] = [r[j], r[i]];
    }
    return r;
  });
  return new Summary(profileFromRankings(m, rankings));
}

test('ranked pairs and River on 3 ballots over 300 candidates: a UserError naming the rule and the size', () => {
  const s = randomProfile(300, 3, 7);
  for (const name of ['ranked-pairs', 'river']) {
    const rule = getRule(name);
    assert.equal(rule.maxTiedWins, MAX_TIED_WINS);
    assert.throws(
      () => rule.run(s as never),
      (e: unknown) =>
        e instanceof UserError &&
        e.message.startsWith(`--method: ${name}: `) &&
        /majority wins with equal margins whose order matters/.test(e.message) &&
        e.message.includes('1,000') &&
        !e.message.includes('\n'),
    );
  }
});

test('the same rules at a size under the bound still answer', () => {
  const s = randomProfile(8, 3, 7);
  for (const name of ['ranked-pairs', 'river']) assert.ok(getRule(name).run(s as never).winners.length > 0);
});

test('Kemeny, Slater, Dodgson and Young refuse 300 candidates, naming their limit', async () => {
  const s = randomProfile(300, 3, 7);
  for (const name of ['kemeny', 'slater', 'dodgson', 'young']) {
    const rule = getRule(name);
    await rule.prepare?.();
    assert.ok(rule.maxCandidates !== undefined);
    assert.throws(
      () => rule.run(s as never),
      (e: unknown) =>
        e instanceof UserError && e.message.includes(String(rule.maxCandidates)) && !e.message.includes('\n'),
      name,
    );
  }
});

test('sulab methods shows each bound: maxCandidates and maxTiedWins in JSON, a limit column', async () => {
  const json = JSON.parse(await inProcess(methods, ['--json'])) as {
    name: string;
    maxCandidates: number | null;
    maxTiedWins: number | null;
  }[];
  const by = new Map(json.map((r) => [r.name, r]));
  assert.equal(by.get('river')?.maxTiedWins, MAX_TIED_WINS);
  assert.equal(by.get('ranked-pairs')?.maxTiedWins, MAX_TIED_WINS);
  assert.equal(by.get('kemeny-young')?.maxCandidates, getRule('kemeny').maxCandidates);
  const text = await inProcess(methods, ['--kind', 'sigma']);
  assert.match(text, /^name +aliases +family +input +output +limit +description/);
  assert.match(text, /\nriver +pairwise +rankings +set +≤ 1,000 tied wins/);
});
