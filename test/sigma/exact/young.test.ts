import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { condorcetWinner, weakCondorcetWinners } from '../../../src/sigma/majority.js';
import { loadSolver } from '../../../src/sigma/ordinal/exact/solver.js';
import { YOUNG_LIMIT, young } from '../../../src/sigma/ordinal/exact/young.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { checkAxioms, type Gen, profileArb, run, summary } from './helpers.js';

before(async () => {
  await loadSolver();
});

/**
 * Young scores by trying every way to remove voters (every count from 0 to the ballot's count on
 * every ballot): the fewest removed that leave d a weak (or strict) Condorcet winner.
 */
function bruteScores(g: Gen, strict: boolean): number[] {
  const k = g.rankings.length;
  return Array.from({ length: g.m }, (_, d) => {
    let best = Number.POSITIVE_INFINITY;
    const keep = new Array<number>(k).fill(0);
    const go = (b: number, removed: number) => {
      if (removed >= best) return;
      if (b === k) {
        const s = new Summary(profileFromRankings(g.m, g.rankings, keep));
        const ok = strict ? condorcetWinner(s) === d : weakCondorcetWinners(s).includes(d);
        if (ok) best = removed;
        return;
      }
      for (let r = 0; r <= g.counts[b]; r++) {
        keep[b] = g.counts[b] - r;
        go(b + 1, removed + r);
      }
    };
    go(0, 0);
    return best;
  });
}

const cycle: Gen = {
  m: 3,
  rankings: [
    [0, 1, 2],
    [2, 0, 1],
    [1, 2, 0],
  ],
  counts: [6, 5, 4],
};

test('a hand-worked cycle: scores 3, 7, 5 (weak) and 4, 8, 6 (strict)', () => {
  // 0 loses to 2 by 3: remove 3 voters who put 2 above 0. 1 loses to 0 by 7 and beats 2 by 5:
  // remove 6 of 0≻1≻2 and 1 of 2≻0≻1. 2 loses to 1 by 5 and beats 0 by 3: 1 of 0≻1≻2, 4 of 1≻2≻0.
  const r = run(young, cycle);
  assert.deepEqual(r.scores, [3, 7, 5]);
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.ranking, [[0], [2], [1]]);
  // Strict winners need one more voter each way.
  assert.deepEqual(run(young, cycle, undefined, { strict: true }).scores, [4, 8, 6]);
});

test('weak Condorcet winners score 0; strict asks for a Condorcet winner', () => {
  // 0 and 1 tie, both beat 2: both are weak Condorcet winners.
  const g: Gen = {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 0, 2],
    ],
    counts: [1, 1],
  };
  assert.deepEqual(run(young, g).scores, [0, 0, 2]);
  assert.deepEqual(run(young, g).winners, [0, 1]);
  assert.deepEqual(run(young, g, undefined, { strict: true }).scores, [1, 1, Infinity]);
  // Nobody ranks 1 above 0: no removal makes 1 a Condorcet winner.
  const h: Gen = {
    m: 3,
    rankings: [
      [0, 1, 2],
      [2, 0, 1],
    ],
    counts: [1, 1],
  };
  assert.equal(run(young, h, undefined, { strict: true }).scores![1], Infinity);
  assert.equal(run(young, h).scores![1], 2);
});

test('agrees with trying every removal, weak and strict, with ties and truncation (m ≤ 5)', () => {
  fc.assert(
    fc.property(profileArb({ minM: 1, maxM: 5, maxBallots: 5, maxCount: 3 }), fc.boolean(), (g, strict) => {
      assert.deepEqual(run(young, g, undefined, { strict }).scores, bruteScores(g, strict));
    }),
    { numRuns: 150, seed: 51 },
  );
});

test('claimed axioms: anonymity, neutrality, Condorcet winner, unanimity', () => {
  assert.deepEqual(young.axioms, ['anonymity', 'neutrality', 'condorcet-winner', 'unanimity']);
  checkAxioms(young, profileArb({ minM: 1, maxM: 6, maxBallots: 7 }), 100);
});

test('a Condorcet winner scores 0 and wins alone; every weak Condorcet winner scores 0', () => {
  fc.assert(
    fc.property(profileArb({ minM: 2, maxM: 6, maxBallots: 7 }), (g) => {
      const s = summary(g);
      const r = young.run(s);
      const weak = weakCondorcetWinners(s);
      for (let c = 0; c < g.m; c++) assert.equal(r.scores![c] === 0, weak.includes(c));
      const cw = condorcetWinner(s);
      if (cw >= 0) assert.deepEqual(r.winners, [cw]);
    }),
    { numRuns: 100, seed: 52 },
  );
});

test('fractional counts, a bad option and too many candidates are UserErrors', () => {
  assert.throws(
    () => young.run(new Summary(profileFromRankings(2, [[0, 1]], [0.5]))),
    (e: unknown) => e instanceof UserError && /counts\[0\]: young counts whole voters/.test(e.message),
  );
  assert.throws(
    () => young.run(new Summary(profileFromRankings(2, [[0, 1]])), undefined, { strict: 'yes' }),
    (e: unknown) => e instanceof UserError && /strict: expected true or false/.test(e.message),
  );
  const m = YOUNG_LIMIT + 1;
  assert.throws(
    () => young.run(new Summary(profileFromRankings(m, [Array.from({ length: m }, (_, i) => i)]))),
    (e: unknown) => e instanceof UserError && /at most 20 candidates, and 21 are in play/.test(e.message),
  );
});
