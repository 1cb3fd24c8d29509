import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import { Random } from '../../../src/core/random.js';
import { condorcetWinner } from '../../../src/sigma/majority.js';
import { DODGSON_LIMIT, dodgson, dodgsonScores } from '../../../src/sigma/ordinal/exact/dodgson.js';
import { loadSolver } from '../../../src/sigma/ordinal/exact/solver.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { checkAxioms, type Gen, profileArb, run, summary } from './helpers.js';

before(async () => {
  await loadSolver();
});

/** Whether d beats every other candidate by a strict majority in these linear orders. */
function wins(orders: readonly (readonly number[])[], m: number, d: number): boolean {
  for (let c = 0; c < m; c++) {
    if (c === d) continue;
    let margin = 0;
    for (const o of orders) margin += o.indexOf(d) < o.indexOf(c) ? 1 : -1;
    if (margin <= 0) return false;
  }
  return true;
}

/** Voters one per ballot (counts expanded). */
const voters = (g: Gen) =>
  g.rankings.flatMap((r, b) => Array.from({ length: g.counts[b] }, () => r as number[]));

/** Dodgson scores by breadth-first search over all adjacent swaps anywhere (tiny profiles only). */
function bfsScores(g: Gen): number[] {
  const start = voters(g);
  return Array.from({ length: g.m }, (_, d) => {
    const seen = new Set([JSON.stringify(start)]);
    let frontier = [start];
    for (let depth = 0; frontier.length > 0; depth++) {
      if (frontier.some((st) => wins(st, g.m, d))) return depth;
      const next: number[][][] = [];
      for (const st of frontier)
        st.forEach((o, v) => {
          for (let i = 0; i + 1 < o.length; i++) {
            const swapped = [...o];
            [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
            const nst = st.map((x, w) => (w === v ? swapped : x));
            const key = JSON.stringify(nst);
            if (!seen.has(key)) {
              seen.add(key);
              next.push(nst);
            }
          }
        });
      frontier = next;
    }
    return Number.POSITIVE_INFINITY;
  });
}

/** Dodgson scores by trying every way to move d up on every ballot. */
function moveUpScores(g: Gen): number[] {
  const vs = voters(g);
  return Array.from({ length: g.m }, (_, d) => {
    let best = Number.POSITIVE_INFINITY;
    const moves = new Array<number>(vs.length).fill(0);
    const go = (v: number, cost: number) => {
      if (cost >= best) return;
      if (v === vs.length) {
        const moved = vs.map((o, w) => {
          const p = o.indexOf(d);
          const rest = o.filter((c) => c !== d);
          rest.splice(p - moves[w], 0, d);
          return rest;
        });
        if (wins(moved, g.m, d)) best = cost;
        return;
      }
      for (let j = 0; j <= vs[v].indexOf(d); j++) {
        moves[v] = j;
        go(v + 1, cost + j);
      }
      moves[v] = 0;
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

test('a hand-worked cycle: scores 2, 4, 3', () => {
  // 0 needs 2 more voters against 2 (6 to 9): two 2≻0≻1 voters swap 0 over 2. 1 needs 4 more
  // against 0 (4 to 11): four 0≻1≻2 voters swap. 2 needs 3 more against 1 (5 to 10): three 0≻1≻2
  // voters swap 2 over 1.
  const r = run(dodgson, cycle);
  assert.deepEqual(r.scores, [2, 4, 3]);
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.ranking, [[0], [2], [1]]);
});

test('Tennessee: Nashville, the Condorcet winner, scores 0; Memphis needs 27 swaps', () => {
  const g: Gen = {
    m: 4,
    rankings: [
      [0, 1, 2, 3],
      [1, 2, 3, 0],
      [2, 3, 1, 0],
      [3, 2, 1, 0],
    ],
    counts: [42, 26, 15, 17],
  };
  const r = run(dodgson, g);
  assert.deepEqual(r.winners, [1]);
  assert.equal(r.scores![1], 0);
  // Memphis needs 9 more voters against each rival (42 of 100 → 51), and the 26 Nashville voters
  // have it last: lifting it 3 places on 9 of them passes all three, 27 swaps.
  assert.equal(r.scores![0], 27);
});

test('agrees with a breadth-first search over all adjacent swaps (m ≤ 4, ≤ 3 voters)', () => {
  fc.assert(
    fc.property(profileArb({ minM: 1, maxM: 4, maxBallots: 3, linear: true, maxCount: 1 }), (g) => {
      assert.deepEqual(Array.from(dodgsonScores(summary(g))), bfsScores(g));
    }),
    { numRuns: 60, seed: 41 },
  );
});

test('agrees with trying every way to move each candidate up (m ≤ 5, ≤ 6 voters)', () => {
  fc.assert(
    fc.property(profileArb({ minM: 2, maxM: 5, maxBallots: 4, linear: true, maxCount: 2 }), (g) => {
      const r = run(dodgson, g);
      assert.deepEqual(r.scores, moveUpScores(g));
    }),
    { numRuns: 150, seed: 42 },
  );
});

test('the LP shortcut is exact: it matches the plain integer program on larger profiles', () => {
  const rng = new Random(9);
  for (const [m, n, runs] of [
    [6, 41, 4],
    [8, 101, 4],
    [10, 61, 2],
  ]) {
    for (let r = 0; r < runs; r++) {
      const orders = new Int32Array(n * m);
      for (let v = 0; v < n; v++) orders.set(rng.permutation(m), v * m);
      const s = new Summary(profileFromOrders(m, orders));
      const fast = dodgsonScores(s);
      assert.deepEqual(fast, dodgsonScores(s, undefined, false));
      const cw = condorcetWinner(s);
      for (let c = 0; c < m; c++) assert.equal(fast[c] === 0, c === cw);
    }
  }
});

test('claimed axioms: anonymity, neutrality, Condorcet winner, unanimity', () => {
  assert.deepEqual(dodgson.axioms, ['anonymity', 'neutrality', 'condorcet-winner', 'unanimity']);
  checkAxioms(dodgson, profileArb({ minM: 1, maxM: 5, maxBallots: 6, linear: true }), 80);
});

test('a Condorcet winner scores 0 and wins alone', () => {
  fc.assert(
    fc.property(profileArb({ minM: 2, maxM: 6, maxBallots: 7, linear: true }), (g) => {
      const s = summary(g);
      const cw = condorcetWinner(s);
      const r = dodgson.run(s);
      if (cw >= 0) {
        assert.equal(r.scores![cw], 0);
        assert.deepEqual(r.winners, [cw]);
      } else assert.ok(r.scores!.every((x) => x > 0));
    }),
    { numRuns: 100, seed: 43 },
  );
});

test('no voters: nobody can become a Condorcet winner, all tie at Infinity', () => {
  const r = dodgson.run(new Summary(profileFromRankings(3, [[0, 1, 2]], [0])));
  assert.deepEqual(r.winners, [0, 1, 2]);
  assert.deepEqual(r.scores, [Infinity, Infinity, Infinity]);
});

test('ties, fractional counts and too many candidates are UserErrors', () => {
  assert.throws(
    () =>
      dodgson.run(
        new Summary(
          profileFromRankings(3, [
            [0, 1, 2],
            [[1, 2], 0],
          ]),
        ),
      ),
    (e: unknown) =>
      e instanceof UserError && /rankings\[1\]: dodgson needs linear orders.*ties 1 and 2/.test(e.message),
  );
  // A truncated ballot leaving out one candidate is still linear; leaving out two ties them.
  assert.ok(dodgson.run(new Summary(profileFromRankings(3, [[0, 1]]))).winners.length > 0);
  assert.throws(() => dodgson.run(new Summary(profileFromRankings(3, [[0]]))), UserError);
  // Restricted to candidates the ballot does separate, it is fine.
  assert.deepEqual(dodgson.run(new Summary(profileFromRankings(3, [[0]])), [0, 1]).winners, [0]);
  assert.throws(
    () => dodgson.run(new Summary(profileFromRankings(2, [[0, 1]], [1.5]))),
    (e: unknown) => e instanceof UserError && /counts\[0\]: dodgson counts whole voters/.test(e.message),
  );
  const m = DODGSON_LIMIT + 1;
  assert.throws(
    () => dodgson.run(new Summary(profileFromRankings(m, [Array.from({ length: m }, (_, i) => i)]))),
    (e: unknown) => e instanceof UserError && /at most 20 candidates, and 21 are in play/.test(e.message),
  );
});
