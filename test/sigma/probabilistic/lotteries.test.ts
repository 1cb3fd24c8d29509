/**
 * The score-proportional lotteries (proportional Borda, RaDiUS, random consensus builder): the
 * hand-worked cases in their files' comments and the properties every lottery owes — probabilities
 * that sum to 1 over the candidates in play, winners equal to the support, anonymity, neutrality
 * where claimed, and `cands` equal to the restricted profile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Profile, profileFromRankings, rankingOf, Summary } from '../../../src/sigma/profile.js';
import { proportionalBorda } from '../../../src/sigma/probabilistic/proportional-borda.js';
import { radius } from '../../../src/sigma/probabilistic/radius.js';
import { randomConsensusBuilder } from '../../../src/sigma/probabilistic/random-consensus-builder.js';
import type { ProfileRule } from '../../../src/sigma/types.js';
import { ballotsArb, mapResult, profileOf, relabel } from '../positional/axioms.js';

const close = (xs: readonly number[] | undefined, ys: readonly number[]) => {
  assert.ok(xs);
  assert.equal(xs.length, ys.length);
  xs.forEach((x, i) => {
    assert.ok(Math.abs(x - ys[i]) < 1e-9, `${xs} vs ${ys}`);
  });
};
const L = (rule: ProfileRule, p: Profile, cands?: number[]) => rule.run(new Summary(p), cands).lottery;

const CYCLE = profileFromRankings(
  3,
  [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ],
  [3, 2, 2],
);

test("proportional Borda: pref_voting's Borda docstring profile", () => {
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [1, 0, 2],
      [2, 1, 0],
    ],
    [3, 1, 2],
  );
  close(L(proportionalBorda, p), [7 / 18, 7 / 18, 4 / 18]);
  // One candidate in play: it gets everything.
  close(L(proportionalBorda, p, [2]), [0, 0, 1]);
});

test('RaDiUS: first places on the β-uncovered set', () => {
  close(L(radius, CYCLE), [3 / 7, 2 / 7, 2 / 7]);
  // 3 × 0≻1≻2, 2 × 1≻2≻0: the β-uncovered set is {0}.
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [3, 2],
  );
  close(L(radius, p), [1, 0, 0]);
});

test("random consensus builder: each voter's ranking as the building ranking", () => {
  close(L(randomConsensusBuilder, CYCLE), [2 / 7, 3 / 7, 2 / 7]);
});

const RULES: [ProfileRule, boolean][] = [
  [proportionalBorda, true],
  [radius, true],
  [randomConsensusBuilder, false],
];

for (const [rule, neutral] of RULES)
  test(`${rule.name}: a lottery over the candidates in play, its support the winners; claimed axioms`, () => {
    assert.deepEqual(rule.axioms.includes('neutrality'), neutral);
    const arb = ballotsArb({ maxM: 5 });
    fc.assert(
      fc.property(
        arb.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.subarray(
              Array.from({ length: b.m }, (_, i) => i),
              { minLength: 1 },
            ),
            fc.shuffledSubarray(
              Array.from({ length: b.m }, (_, i) => i),
              { minLength: b.m, maxLength: b.m },
            ),
          ),
        ),
        ([b, cands, perm]) => {
          const p = profileOf(b);
          const r = rule.run(new Summary(p), cands);
          const lottery = r.lottery ?? [];
          assert.equal(lottery.length, b.m);
          assert.ok(Math.abs(lottery.reduce((x, y) => x + y, 0) - 1) < 1e-9);
          for (let c = 0; c < b.m; c++) {
            assert.ok(lottery[c] >= 0);
            if (!cands.includes(c)) assert.equal(lottery[c], 0);
          }
          assert.deepEqual(
            r.winners,
            cands.filter((c) => lottery[c] > 0).sort((x, y) => x - y),
          );
          // Running on `cands` is running on the profile restricted to them.
          const local = new Map(cands.map((c, i) => [c, i]));
          const restricted = profileFromRankings(
            cands.length,
            b.rankings.map((_, v) =>
              rankingOf(p, v)
                .map((g) => g.filter((c) => local.has(c)).map((c) => local.get(c) as number))
                .filter((g) => g.length > 0),
            ),
            b.counts,
          );
          const sub = rule.run(new Summary(restricted)).lottery ?? [];
          cands.forEach((c, i) => {
            assert.ok(Math.abs(sub[i] - lottery[c]) < 1e-9, `cands ${cands}: ${c}`);
          });
          // Reversing the ballots changes nothing.
          const rev = { ...b, rankings: [...b.rankings].reverse(), counts: [...b.counts].reverse() };
          close(rule.run(new Summary(profileOf(rev))).lottery, rule.run(new Summary(p)).lottery ?? []);
          if (neutral) {
            const q = rule.run(new Summary(profileOf(relabel(b, perm))));
            const mapped = mapResult(rule.run(new Summary(p)), perm);
            assert.deepEqual(q.winners, mapped.winners);
            const want = new Array<number>(b.m).fill(0);
            (rule.run(new Summary(p)).lottery ?? []).forEach((x, c) => {
              want[perm[c]] = x;
            });
            close(q.lottery, want);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
