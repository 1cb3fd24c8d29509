/**
 * Sequential STV: the docstring's one-seat example worked by hand, Wikipedia's food example, the
 * loop-resolution path, Condorcet consistency with one seat (pref_voting's note), the committee size
 * and anonymity as properties. Agreement with pref_voting on 340 random profiles (1 to 3 seats, with
 * ties and truncation) is in test/sigma/pref-voting/breadth.test.ts.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { main as vote } from '../../../src/cli/vote.js';
import { condorcetWinner } from '../../../src/sigma/majority.js';
import { sequentialStvRule as rule } from '../../../src/sigma/multiwinner/sequential-stv.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';
import { inProcess, tempFiles } from '../../cli/helpers.js';
import { ballotsArb, profileOf } from '../positional/axioms.js';

const S = (m: number, rankings: (number | number[])[][], counts: number[]) =>
  new Summary(profileFromRankings(m, rankings, counts));
const details = (r: { details?: Readonly<Record<string, unknown>> }) =>
  r.details as { initial: number[]; challenges: number; restarts: number };

test('one seat: premature exclusion undone — the challenger 1 displaces the IRV winner 0', () => {
  // 4 × 0≻1≻2, 3 × 2≻1≻0, 2 × 1≻0≻2. IRV: 1 has 2 first places and goes; 0 beats 2 6–3.
  const s = S(
    3,
    [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ],
    [4, 3, 2],
  );
  assert.deepEqual((getRule('instant-runoff') as ProfileRule).run(s).winners, [0]);
  const r = rule.run(s, undefined, { seats: 1 });
  assert.deepEqual(r.winners, [1]);
  // Queue 1, 2 (the runner-up last): 1 wins (5–4); then 2 and 0 fail; a full pass ends it.
  assert.deepEqual(details(r).initial, [0]);
  assert.equal(details(r).challenges, 4);
  assert.equal(details(r).restarts, 0);
});

test("Wikipedia's food example: the same committee as STV, unchallenged", () => {
  const food = S(5, [[0], [1, 0], [2, 3], [2, 4], [3], [4]], [4, 2, 8, 4, 1, 1]);
  const r = rule.run(food, undefined, { seats: 3 });
  assert.deepEqual(r.winners, [0, 2, 3]);
  assert.deepEqual(details(r).initial, [0, 2, 3]);
  assert.equal(getRule('stv-sequential'), rule);
});

test('sulab vote --seats K runs it', async () => {
  const file = join(
    tempFiles({
      'one.json': '{"candidates": ["a","b","c"], "rankings": [[0,1,2],[2,1,0],[1,0,2]], "counts": [4,3,2]}',
    }),
    'one.json',
  );
  const out = JSON.parse(
    await inProcess(vote, ['--input', file, '--method', 'sequential-stv,irv', '--seats', '1', '--json']),
  );
  assert.deepEqual(
    out.map((e: { method: string; winners: number[] }) => [e.method, e.winners]),
    [
      ['sequential-stv', [1]],
      ['irv', [0]],
    ],
  );
});

test('a Condorcet cycle: every challenge succeeds in turn, a loop, and the Borda procedure excludes', () => {
  // 3 × 0≻1≻2, 3 × 1≻2≻0, 3 × 2≻0≻1 and one 0≻2≻1: a cycle 0 → 1 → 2 → 0 by one vote each way.
  const s = S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 2, 1],
    ],
    [3, 3, 3, 1],
  );
  const r = rule.run(s, undefined, { seats: 1 });
  assert.equal(r.winners.length, 1);
  assert.ok(details(r).restarts >= 1, JSON.stringify(r.details));
});

test('property: one seat elects the Condorcet winner when there is one', () => {
  fc.assert(
    fc.property(ballotsArb({ minM: 2, maxM: 5, linear: true }), (b) => {
      const s = new Summary(profileOf(b));
      const cw = condorcetWinner(s);
      if (cw >= 0) assert.deepEqual(rule.run(s, undefined, { seats: 1 }).winners, [cw]);
    }),
    { numRuns: 150 },
  );
});

test('property: K seats elect min(K, m) candidates; the order of the ballots does not matter', () => {
  fc.assert(
    fc.property(ballotsArb({ maxM: 5 }), fc.integer({ min: 1, max: 4 }), (b, seats) => {
      const s = new Summary(profileOf(b));
      const w = rule.run(s, undefined, { seats }).winners;
      assert.equal(w.length, Math.min(seats, b.m));
      const reversed = { ...b, rankings: [...b.rankings].reverse(), counts: [...b.counts].reverse() };
      assert.deepEqual(rule.run(new Summary(profileOf(reversed)), undefined, { seats }).winners, w);
    }),
    { numRuns: 100 },
  );
});
