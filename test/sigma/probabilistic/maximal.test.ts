import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { condorcetWinner } from '../../../src/sigma/majority.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';

const ml = getRule('maximal-lottery');
const c1 = getRule('c1-maximal-lottery');

function run(rule: typeof ml, m: number, rankings: number[][], counts?: number[], cands?: number[]) {
  const s = new Summary(profileFromRankings(m, rankings, counts));
  if (rule.input === 'utilities') throw new Error('profile rule expected');
  return { s, r: rule.run(s, cands) };
}

const close = (xs: readonly number[] | undefined, ys: readonly number[]) => {
  assert.ok(xs);
  assert.equal(xs.length, ys.length);
  xs.forEach((x, i) => {
    assert.ok(Math.abs(x - ys[i]) < 1e-9, `${xs} vs ${ys}`);
  });
};

test('a Condorcet winner gets probability 1', () => {
  const { r } = run(
    ml,
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [2, 1],
  );
  close(r.lottery, [1, 0, 0]);
  assert.deepEqual(r.winners, [0]);
  close(
    run(
      c1,
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [2, 1],
    ).r.lottery,
    [1, 0, 0],
  );
});

test('a cycle: each candidate weighted by the margin of the edge it does not touch; C1 is uniform', () => {
  // a≻b≻c ×3, b≻c≻a ×2, c≻a≻b ×2: a over b by 3, b over c by 3, c over a by 1 → (3, 1, 3)/7.
  const rankings = [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ];
  const counts = [3, 2, 2];
  close(run(ml, 3, rankings, counts).r.lottery, [3 / 7, 1 / 7, 3 / 7]);
  close(run(c1, 3, rankings, counts).r.lottery, [1 / 3, 1 / 3, 1 / 3]);
  // Restricted to {a, b}: a beats b.
  close(run(ml, 3, rankings, counts, [0, 1]).r.lottery, [1, 0, 0]);
});

test('not unique (an even electorate): the leximin point of the maximal lotteries', () => {
  // a≻b≻c and b≻a≻c: a and b tie, both beat c. Every lottery on {a, b} is maximal; leximin gives ½, ½.
  const { r } = run(ml, 3, [
    [0, 1, 2],
    [1, 0, 2],
  ]);
  close(r.lottery, [0.5, 0.5, 0]);
  assert.deepEqual(r.winners, [0, 1]);
});

const profiles = fc.record({ m: fc.integer({ min: 2, max: 5 }), seed: fc.nat() }).chain(({ m }) =>
  fc.record({
    m: fc.constant(m),
    rankings: fc.array(
      fc.shuffledSubarray(
        Array.from({ length: m }, (_, c) => c),
        { minLength: m, maxLength: m },
      ),
      { minLength: 1, maxLength: 9 },
    ),
  }),
);

test('properties: a lottery no candidate beats in expected margin; a Condorcet winner surely; odd electorates unique', () => {
  fc.assert(
    fc.property(profiles, ({ m, rankings }) => {
      for (const rule of [ml, c1]) {
        const { s, r } = run(rule, m, rankings);
        const p = r.lottery!;
        assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
        const margin = s.margin();
        const sign = rule === c1;
        for (let y = 0; y < m; y++) {
          let v = 0;
          for (let x = 0; x < m; x++) v += p[x] * (sign ? Math.sign(margin[x * m + y]) : margin[x * m + y]);
          assert.ok(v >= -1e-9, `candidate ${y} beats the lottery by ${-v}`);
        }
        const cw = condorcetWinner(s);
        if (cw >= 0) assert.ok(Math.abs(p[cw] - 1) < 1e-9);
        // Relabelling the candidates relabels the lottery (neutrality).
        const perm = Array.from({ length: m }, (_, c) => (c + 1) % m);
        const q = run(
          rule,
          m,
          rankings.map((o) => o.map((c) => perm[c])),
        ).r.lottery!;
        for (let c = 0; c < m; c++) assert.ok(Math.abs(q[perm[c]] - p[c]) < 1e-7, `${p} vs ${q}`);
      }
    }),
    { numRuns: 150, seed: 4 },
  );
});
