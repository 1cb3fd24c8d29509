import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { antiPlurality } from '../../../src/sigma/ordinal/positional/anti-plurality.js';
import { black } from '../../../src/sigma/ordinal/positional/black.js';
import { borda } from '../../../src/sigma/ordinal/positional/borda.js';
import { bucklin, simplifiedBucklin } from '../../../src/sigma/ordinal/positional/bucklin.js';
import { dowdall } from '../../../src/sigma/ordinal/positional/dowdall.js';
import { positionalRules } from '../../../src/sigma/ordinal/positional/index.js';
import { plurality } from '../../../src/sigma/ordinal/positional/plurality.js';
import { positional } from '../../../src/sigma/ordinal/positional/positional.js';
import { positions, scoreVector } from '../../../src/sigma/ordinal/positional/positions.js';
import { profileFromOrders, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule } from '../../../src/sigma/types.js';
import { ballotsArb, checkAxioms, profileOf } from './axioms.js';
import { S, TENNESSEE } from './examples.js';

test('plurality: pref_voting docstring profiles and the Tennessee example', () => {
  assert.deepEqual(
    plurality.run(
      S(
        3,
        [
          [0, 1, 2],
          [1, 0, 2],
          [1, 2, 0],
        ],
        [3, 1, 2],
      ),
    ).winners,
    [0, 1],
  );
  const r = plurality.run(
    S(
      3,
      [
        [0, 1, 2],
        [1, 0, 2],
        [2, 1, 0],
      ],
      [3, 1, 2],
    ),
  );
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.scores, [3, 1, 2]);
  assert.deepEqual(r.ranking, [[0], [2], [1]]);
  // Wikipedia: plurality elects Memphis with 42%.
  assert.deepEqual(plurality.run(TENNESSEE()).winners, [0]);
});

test('plurality on weak and truncated ballots: 1/t to each tied first, empty ballots abstain', () => {
  // 0 and 1 tied first on one ballot; a ballot ranking nobody; 2 alone on top of one.
  const r = plurality.run(S(3, [[[0, 1], 2], [], [2]]));
  assert.deepEqual(r.scores, [0.5, 0.5, 1]);
  assert.deepEqual(r.winners, [2]);
});

test('plurality on a subset of candidates counts first places among them', () => {
  const s = S(
    3,
    [
      [0, 1, 2],
      [0, 2, 1],
      [1, 2, 0],
    ],
    [2, 1, 2],
  );
  const r = plurality.run(s, [1, 2]);
  assert.deepEqual(r.scores?.slice(1), [4, 1]);
  assert.ok(Number.isNaN(r.scores?.[0]));
  assert.deepEqual(r.winners, [1]);
  assert.throws(() => plurality.run(s, [0, 3]), UserError);
  assert.throws(() => plurality.run(s, [1, 1]), /appears more than once/);
  assert.deepEqual(plurality.run(s, []).winners, []);
});

test('anti-plurality: pref_voting docstring profiles', () => {
  const r = antiPlurality.run(
    S(
      3,
      [
        [2, 1, 0],
        [2, 0, 1],
        [0, 1, 2],
      ],
      [3, 1, 2],
    ),
  );
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.scores, [3, 1, 2]);
  assert.deepEqual(r.ranking, [[1], [2], [0]]);
  assert.deepEqual(
    antiPlurality.run(
      S(
        3,
        [
          [2, 1, 0],
          [2, 0, 1],
          [0, 2, 1],
        ],
        [3, 1, 2],
      ),
    ).winners,
    [2],
  );
  // Tennessee: Nashville and Chattanooga are never last.
  assert.deepEqual(antiPlurality.run(TENNESSEE()).winners, [1, 2]);
  // A truncated ballot's unranked candidates share its last place.
  assert.deepEqual(antiPlurality.run(S(3, [[0]])).scores, [0, 0.5, 0.5]);
});

test('borda: pref_voting docstring profiles, Tennessee, and the Borda/Condorcet disagreement', () => {
  const r1 = borda.run(
    S(
      3,
      [
        [0, 1, 2],
        [1, 0, 2],
        [2, 1, 0],
      ],
      [3, 1, 2],
    ),
  );
  assert.deepEqual(r1.scores, [7, 7, 4]);
  assert.deepEqual(r1.winners, [0, 1]);
  assert.deepEqual(
    borda.run(
      S(
        3,
        [
          [0, 1, 2],
          [1, 0, 2],
          [1, 2, 0],
        ],
        [3, 1, 2],
      ),
    ).winners,
    [1],
  );
  const t = borda.run(TENNESSEE());
  assert.deepEqual(t.scores, [126, 194, 173, 107]);
  assert.deepEqual(t.ranking, [[1], [2], [0], [3]]);
  // 3 voters a≻b≻c, 2 voters b≻c≻a: a is the Condorcet winner (3–2 against each) but Borda elects
  // b (7 to a's 6): the textbook disagreement.
  const d = S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [3, 2],
  );
  assert.deepEqual(borda.run(d).scores, [6, 7, 2]);
  assert.deepEqual(borda.run(d).winners, [1]);
  assert.deepEqual(black.run(d).winners, [0]);
});

test('borda on weak orders equals symmetric Borda (averaged positions)', () => {
  // Ballot 0≻{1,2}≻3 and truncated ballot 3 (others tied at the bottom).
  const s = S(4, [[0, [1, 2], 3], [3]]);
  const r = borda.run(s);
  // Positions: 0 gets 3; 1,2 share 2 and 1: 1.5 each; 3 gets 0. Then 3 gets 3; 0,1,2 share 2,1,0: 1 each.
  assert.deepEqual(r.scores, [4, 2.5, 2.5, 3]);
  // Symmetric Borda (below − above): 0: 3 + (−1) = 2; 1: 0 + (−1) = −1; 2: −1; 3: −3 + 3 = 0.
  // Averaged = (symmetric + r−1 per active ballot) / 2 = (sym + 6) / 2.
  const sym = [2, -1, -1, 0];
  sym.forEach((x, c) => {
    assert.equal(r.scores?.[c], (x + 6) / 2);
  });
  // Sum of margins is the same symmetric score.
  const g = s.margin();
  for (let c = 0; c < 4; c++) {
    let t = 0;
    for (let d = 0; d < 4; d++) t += g[c * 4 + d];
    assert.equal(t, sym[c]);
  }
});

test('dowdall', () => {
  const r = dowdall.run(
    S(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [2, 2],
    ),
  );
  assert.ok(Math.abs((r.scores?.[0] ?? 0) - (2 + 2 / 3)) < 1e-12);
  assert.equal(r.scores?.[1], 3);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(dowdall.run(TENNESSEE()).winners, [1]);
});

test('positional: score vectors, padding, defaults and bad options', () => {
  const s = S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 1, 0],
    ],
    [2, 2, 1],
  );
  const r = positional.run(s, undefined, { scores: [3, 1, 0] });
  assert.deepEqual(r.scores, [6, 9, 5]);
  assert.deepEqual(r.winners, [1]);
  // [1] is plurality; the default is Borda.
  assert.deepEqual(positional.run(s, undefined, { scores: [1] }).scores, plurality.run(s).scores);
  assert.deepEqual(positional.run(s).scores, borda.run(s).scores);
  // 2-approval on Tennessee: Nashville 68, Chattanooga 58.
  assert.deepEqual(positional.run(TENNESSEE(), undefined, { scores: [1, 1] }).scores, [42, 68, 58, 32]);
  assert.throws(() => positional.run(s, undefined, { scores: [] }), /options.scores/);
  assert.throws(() => positional.run(s, undefined, { scores: 'x' }), UserError);
});

test('bucklin and simplified bucklin: pref_voting docstring profile and Tennessee', () => {
  const s = S(
    3,
    [
      [1, 0, 2],
      [0, 2, 1],
      [0, 1, 2],
    ],
    [2, 1, 1],
  );
  const b = bucklin.run(s);
  assert.deepEqual(b.scores, [4, 3, 1]);
  assert.deepEqual(b.winners, [0]);
  assert.deepEqual(simplifiedBucklin.run(s).winners, [0, 1]);
  // Wikipedia's Bucklin article: no majority in round 1; with second choices Nashville has 68%.
  const t = bucklin.run(TENNESSEE());
  assert.deepEqual(t.scores, [42, 68, 58, 32]);
  assert.deepEqual(t.winners, [1]);
  assert.deepEqual(simplifiedBucklin.run(TENNESSEE()).winners, [1, 2]);
  // A first-round majority ends it at once.
  assert.deepEqual(
    bucklin.run(
      S(
        3,
        [
          [2, 0, 1],
          [0, 1, 2],
        ],
        [3, 2],
      ),
    ).scores,
    [2, 0, 3],
  );
  // No ballot separates anybody: everyone ties.
  assert.deepEqual(simplifiedBucklin.run(S(3, [[], [[0, 1, 2]]])).winners, [0, 1, 2]);
  assert.deepEqual(bucklin.run(S(3, [[], [[0, 1, 2]]])).winners, [0, 1, 2]);
});

test("black: Condorcet winner, else Borda (pref_voting's docstring profile)", () => {
  const s = S(3, [
    [2, 0, 1],
    [0, 1, 2],
    [2, 1, 0],
    [1, 2, 0],
  ]);
  assert.deepEqual(borda.run(s).scores, [3, 4, 5]);
  assert.deepEqual(black.run(s).winners, [2]);
  assert.deepEqual(black.run(TENNESSEE()).winners, [1]);
});

test('the position matrix of linear orders', () => {
  const orders = Int32Array.from([0, 1, 2, 2, 1, 0, 1, 0, 2]);
  const P = positions(new Summary(profileFromOrders(3, orders)));
  assert.deepEqual(Array.from(P.pos), [1, 1, 1, 1, 2, 0, 1, 0, 2]);
  assert.equal(P.active, 3);
});

test('one-pass scores equal the position matrix times the score vector, on any subset', () => {
  fc.assert(
    fc.property(
      ballotsArb().chain((b) =>
        fc.tuple(
          fc.constant(b),
          fc.subarray(
            Array.from({ length: b.m }, (_, i) => i),
            { minLength: 1 },
          ),
          fc.array(fc.integer({ min: -3, max: 9 }), { minLength: 1, maxLength: 6 }),
        ),
      ),
      ([b, cands, vec]) => {
        const s = new Summary(profileOf(b));
        for (const cs of [cands, Array.from({ length: b.m }, (_, i) => i)]) {
          const P = positions(s, cs);
          const got = scoreVector(s, cs, vec);
          const r = cs.length;
          cs.forEach((c, i) => {
            let want = 0;
            for (let j = 0; j < Math.min(r, vec.length); j++) want += P.pos[i * r + j] * vec[j];
            assert.ok(Math.abs(got[c] - want) < 1e-9, `candidate ${c}: ${got[c]} vs ${want}`);
          });
          for (let c = 0; c < b.m; c++) if (!cs.includes(c)) assert.ok(Number.isNaN(got[c]));
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('registry names and aliases', () => {
  assert.equal(getRule('veto'), antiPlurality);
  assert.equal(getRule('Borda_Count'), borda);
  assert.equal(getRule('blacks'), black);
  assert.equal(getRule('scoring-rule'), positional);
  for (const r of positionalRules) {
    assert.equal(r.family, 'positional');
    assert.equal(getRule(r.name), r);
  }
});

for (const rule of positionalRules as ProfileRule[])
  test(`${rule.name}: claimed axioms hold on random weak and truncated profiles`, () => {
    checkAxioms(rule);
  });

test('positional with a score vector: anonymity and neutrality', () => {
  checkAxioms(positional, { opts: { scores: [5, 2, 2, 1] } as never });
});

test("weighted Bucklin: pref_voting's docstring profile", () => {
  // 2 × 1≻0≻2, 1 × 0≻2≻1, 1 × 0≻1≻2: first places 2, 2, 0 reach half of 4 at once.
  const s = S(
    3,
    [
      [1, 0, 2],
      [0, 2, 1],
      [0, 1, 2],
    ],
    [2, 1, 1],
  );
  assert.deepEqual(getRule('weighted-bucklin').run(s as never).winners, [0, 1]);
  // 1 × 0≻1≻2, 1 × 1≻2≻0, 1 × 2≻1≻0: no first-place total reaches 1.5; with second places worth ½,
  // 1 has 1 + ½ + ½ = 2.
  const t = S(3, [
    [0, 1, 2],
    [1, 2, 0],
    [2, 1, 0],
  ]);
  assert.deepEqual(getRule('weighted-bucklin').run(t as never).winners, [1]);
});
