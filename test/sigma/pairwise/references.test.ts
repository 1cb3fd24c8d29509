/**
 * The fast rules against direct, slow transcriptions of their definitions on small random profiles
 * (with many equal margins and majority ties), and the inclusions known between them: Beat Path,
 * Ranked Pairs, River and Stable Voting winners are Split Cycle winners (Holliday & Pacuit 2023;
 * Holliday, Mossé, Norman, Pacuit & Wang, "Stable Voting and the Splitting of Cycles").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { llull } from '../../../src/sigma/ordinal/pairwise/llull.js';
import { minimax } from '../../../src/sigma/ordinal/pairwise/minimax.js';
import { lockedWinners, rankedPairs } from '../../../src/sigma/ordinal/pairwise/ranked-pairs.js';
import { river, riverWinners } from '../../../src/sigma/ordinal/pairwise/river.js';
import { schulze } from '../../../src/sigma/ordinal/pairwise/schulze.js';
import { splitCycle } from '../../../src/sigma/ordinal/pairwise/split-cycle.js';
import { stableVoting } from '../../../src/sigma/ordinal/pairwise/stable-voting.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { build, paretoDominated, profileArb, subset } from './helpers.js';

type M = (a: number, b: number) => number;
const marginOf = (s: Summary): M => {
  const g = s.margin();
  return (a, b) => g[a * s.m + b];
};
const range = (k: number) => Array.from({ length: k }, (_, i) => i);

function* permutations<T>(xs: readonly T[]): Generator<T[]> {
  if (xs.length <= 1) {
    yield [...xs];
    return;
  }
  for (let i = 0; i < xs.length; i++)
    for (const rest of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) yield [xs[i], ...rest];
}

function* product<T>(lists: readonly T[][][]): Generator<T[][]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  for (const head of lists[0]) for (const tail of product(lists.slice(1))) yield [head, ...tail];
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * pref_voting's basic algorithm for ranked pairs / River: every edge with margin ≥ 0 (ties in both
 * directions), every order of each block of equal margins, locking into a closure; the winner of
 * each order is its top. With `positiveOnly`, only the positive-margin wins are locked and every
 * candidate left without a locked defeat counts (what the 0-margin edges would decide between).
 * Undefined when there are too many orders to try.
 */
function lockingReference(m: number, g: M, river: boolean, positiveOnly = false): number[] | undefined {
  const cands = range(m);
  const edges: [number, number, number][] = [];
  for (const a of cands)
    for (const b of cands)
      if (a !== b && (positiveOnly ? g(a, b) > 0 : g(a, b) >= 0)) edges.push([a, b, g(a, b)]);
  const levels = [...new Set(edges.map((e) => e[2]))].sort((x, y) => y - x);
  const blocks = levels.map((w) => edges.filter((e) => e[2] === w));
  if (blocks.reduce((t, b) => t * factorial(b.length), 1) > 5000) return undefined;
  const winners = new Set<number>();
  for (const order of product(blocks.map((b) => [...permutations(b)]))) {
    const reach = new Set<string>();
    const hasIn = new Set<number>();
    for (const [a, b] of order.flat()) {
      if (reach.has(`${b},${a}`)) continue;
      if (river && hasIn.has(b)) continue;
      hasIn.add(b);
      const above = [a, ...cands.filter((x) => reach.has(`${x},${a}`))];
      const below = [b, ...cands.filter((y) => reach.has(`${b},${y}`))];
      for (const x of above) for (const y of below) reach.add(`${x},${y}`);
    }
    const tops = cands.filter((x) => !cands.some((y) => reach.has(`${y},${x}`)));
    if (!positiveOnly) assert.equal(tops.length, 1);
    for (const x of tops) winners.add(x);
  }
  return [...winners].sort((x, y) => x - y);
}

/**
 * Ranked pairs through Zavist & Tideman's stacks: a linear order L is the outcome of some
 * tie-breaking iff for all x above y there is a path x = x1, …, xn = y descending in L with every
 * margin(xi, xi+1) ≥ margin(y, x); the winners are the tops of the stacks (pref_voting's
 * `from_stacks` algorithm).
 */
function stacksReference(m: number, g: M): number[] {
  const tops = new Set<number>();
  for (const order of permutations(range(m))) {
    if (tops.has(order[0])) continue;
    let stack = true;
    for (let j = 1; j < m && stack; j++)
      for (let i = 0; i < j && stack; i++) {
        const need = g(order[j], order[i]);
        if (need <= 0) continue;
        // Strongest L-descending path from order[i] to order[j] through the candidates between.
        const best = new Array<number>(m).fill(Number.NEGATIVE_INFINITY);
        best[i] = Number.POSITIVE_INFINITY;
        for (let q = i + 1; q <= j; q++)
          for (let p = i; p < q; p++) best[q] = Math.max(best[q], Math.min(best[p], g(order[p], order[q])));
        if (best[j] < need) stack = false;
      }
    if (stack) tops.add(order[0]);
  }
  return [...tops].sort((x, y) => x - y);
}

/** Whether a path of majority wins, each by at least `w`, leads from `from` to `to` (DFS). */
function strongPath(m: number, g: M, from: number, to: number, w: number): boolean {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x === to) return true;
    for (let y = 0; y < m; y++)
      if (!seen.has(y) && g(x, y) > 0 && g(x, y) >= w) {
        seen.add(y);
        stack.push(y);
      }
  }
  return false;
}

function splitCycleReference(m: number, g: M, cands = range(m)): number[] {
  const gg: M = (a, b) => (cands.includes(a) && cands.includes(b) ? g(a, b) : 0);
  return cands.filter((a) => !cands.some((b) => gg(b, a) > 0 && !strongPath(m, gg, a, b, gg(b, a))));
}

/** Beat Path by enumerating simple paths. */
function schulzeReference(m: number, g: M): number[] {
  const best = (a: number, b: number): number => {
    let top = 0;
    const walk = (x: number, seen: Set<number>, weakest: number) => {
      if (x === b) {
        top = Math.max(top, weakest);
        return;
      }
      for (let y = 0; y < m; y++)
        if (!seen.has(y) && g(x, y) > 0) walk(y, new Set([...seen, y]), Math.min(weakest, g(x, y)));
    };
    walk(a, new Set([a]), Number.POSITIVE_INFINITY);
    return top;
  };
  return range(m).filter((a) => range(m).every((b) => b === a || best(a, b) >= best(b, a)));
}

/** Stable Voting straight from the definition: no memo, no Condorcet check, no early exit. */
function stableVotingReference(m: number, g: M, cands: number[]): number[] {
  if (cands.length === 1) return cands;
  const undefeated = splitCycleReference(m, g, cands);
  const pairs = cands.flatMap((a) => cands.filter((b) => b !== a).map((b) => [a, b] as const));
  pairs.sort((x, y) => g(y[0], y[1]) - g(x[0], x[1]));
  const winners: number[] = [];
  let witness = Number.NEGATIVE_INFINITY;
  for (const [a, b] of pairs) {
    if (g(a, b) < witness) break;
    if (!undefeated.includes(a) || winners.includes(a)) continue;
    if (
      stableVotingReference(
        m,
        g,
        cands.filter((c) => c !== b),
      ).includes(a)
    ) {
      winners.push(a);
      witness = g(a, b);
    }
  }
  return winners.sort((x, y) => x - y);
}

// Few voters with weak orders make equal margins and majority ties common.
const small = profileArb({ maxM: 5, maxBallots: 5 });

test('ranked pairs = the union over all tie-breakings (pref_voting basic algorithm)', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 4, maxBallots: 5 }), (gen) => {
      const s = new Summary(build(gen));
      const ref = lockingReference(gen.m, marginOf(s), false);
      fc.pre(ref !== undefined);
      assert.deepEqual(rankedPairs.run(s).winners, ref);
    }),
    { numRuns: 400 },
  );
});

test('ranked pairs = the tops of the stacks, on 5–7 candidates with many equal margins', () => {
  fc.assert(
    fc.property(profileArb({ minM: 5, maxM: 7, maxBallots: 4 }), (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(rankedPairs.run(s).winners, stacksReference(gen.m, marginOf(s)));
    }),
    { numRuns: 300 },
  );
});

test('the per-candidate search (forced) agrees with the references too', () => {
  // The rules follow few tie-breakings forward and search per candidate only past that; with the
  // forward route switched off every profile with a conflicting block goes through the search.
  fc.assert(
    fc.property(profileArb({ minM: 3, maxM: 6, maxBallots: 4 }), (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(lockedWinners(s, undefined, 0).winners, stacksReference(gen.m, marginOf(s)));
      const ref = lockingReference(gen.m, marginOf(s), true, true);
      if (ref !== undefined) assert.deepEqual(riverWinners(s, undefined, 0).winners, ref);
    }),
    { numRuns: 300 },
  );
});

test('River = the union over all tie-breakings (pref_voting basic algorithm)', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 4, maxBallots: 5 }), (gen) => {
      const s = new Summary(build(gen));
      const ref = lockingReference(gen.m, marginOf(s), true);
      fc.pre(ref !== undefined);
      assert.deepEqual(river.run(s).winners, ref);
    }),
    { numRuns: 400 },
  );
});

test('ranked pairs and River on 5–6 candidates, orders of the positive-margin wins only', () => {
  // Larger fields: with 0-margin edges included the reference has too many orders, so it locks only
  // the positive wins and keeps every candidate without a locked defeat.
  fc.assert(
    fc.property(profileArb({ minM: 5, maxM: 6, maxBallots: 5 }), (gen) => {
      const s = new Summary(build(gen));
      for (const [rule, isRiver] of [
        [rankedPairs, false],
        [river, true],
      ] as const) {
        const ref = lockingReference(gen.m, marginOf(s), isRiver, true);
        if (ref !== undefined) assert.deepEqual(rule.run(s).winners, ref, rule.name);
      }
    }),
    { numRuns: 200 },
  );
});

test('Split Cycle = its definition (no path back as strong as the win)', () => {
  fc.assert(
    fc.property(small, (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(splitCycle.run(s).winners, splitCycleReference(gen.m, marginOf(s)));
    }),
    { numRuns: 300 },
  );
});

test('Schulze = Beat Path over all simple paths', () => {
  fc.assert(
    fc.property(small, (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(schulze.run(s).winners, schulzeReference(gen.m, marginOf(s)));
    }),
    { numRuns: 300 },
  );
});

test('Stable Voting = its recursive definition (memo and shortcuts change nothing)', () => {
  fc.assert(
    fc.property(small, (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(stableVoting.run(s).winners, stableVotingReference(gen.m, marginOf(s), range(gen.m)));
    }),
    { numRuns: 300 },
  );
});

test('Beat Path, Ranked Pairs, River and Stable Voting winners are Split Cycle winners', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 6, maxBallots: 7 }), (gen) => {
      const s = new Summary(build(gen));
      const sc = splitCycle.run(s).winners;
      for (const rule of [schulze, rankedPairs, river, stableVoting])
        assert.ok(subset(rule.run(s).winners, sc), `${rule.name} ⊄ split-cycle`);
    }),
    { numRuns: 300 },
  );
});

// With weak orders, margin-based rules can elect a Pareto-dominated candidate: in
// 1 × {0,3} > {1,4} > 2, 3 × {3,4} > {0,1,2}, 3 × {1,2} > 0 > 4 > 3, candidate 1 dominates 2 (strictly
// on the first ballot only), yet the defeat 1 → 2 has margin 1 and lies in a cycle of margin-1
// defeats, so Schulze, River and Split Cycle all elect 2. Strong Pareto is a theorem for linear orders.
test('strong Pareto (linear orders): no winner is weakly beaten by everyone and strictly by someone', () => {
  const s = new Summary(
    profileFromRankings(
      5,
      [
        [[0, 3], [1, 4], 2],
        [
          [3, 4],
          [0, 1, 2],
        ],
        [[1, 2], 0, 4, 3],
      ],
      [1, 3, 3],
    ),
  );
  for (const rule of [schulze, river, splitCycle]) assert.ok(rule.run(s).winners.includes(2), rule.name);
  fc.assert(
    fc.property(profileArb({ maxM: 6, maxBallots: 6, linear: true }), (gen) => {
      const s = new Summary(build(gen));
      const all = range(gen.m);
      for (const rule of [copeland, llull, schulze, rankedPairs, river, splitCycle, stableVoting])
        for (const w of rule.run(s).winners)
          assert.ok(!paretoDominated(s, w, all), `${rule.name} elects ${w}`);
    }),
    { numRuns: 300 },
  );
});

test('minimax = smallest worst defeat by margin (0 when unbeaten)', () => {
  fc.assert(
    fc.property(small, (gen) => {
      const s = new Summary(build(gen));
      const g = marginOf(s);
      const worst = (c: number) => Math.max(0, ...range(gen.m).map((d) => g(d, c)));
      const best = Math.min(...range(gen.m).map(worst));
      assert.deepEqual(
        minimax.run(s).winners,
        range(gen.m).filter((c) => worst(c) === best),
      );
    }),
    { numRuns: 200 },
  );
});

test('minimax can elect a candidate that another Pareto-dominates (so it claims only weak Pareto)', () => {
  // Found by search. 1 is above 0 on the first ballot and tied with it on the others: 1 Pareto-
  // dominates 0. Worst defeats: 0 by 1 (by 2 and by 1), 1 by 1 (by 2), 2 by 3 (by 3), 3 by 1: 0 is
  // a co-winner with its dominator.
  const p = profileFromRankings(4, [
    [1, 0, 3, 2],
    [3, 2, [0, 1]],
    [[0, 1], 3, 2],
    [2, [0, 1], 3],
    [3, 2, [0, 1]],
  ]);
  const s = new Summary(p);
  assert.ok(paretoDominated(s, 0, range(4)));
  assert.deepEqual(minimax.run(s).winners, [0, 1, 3]);
  assert.deepEqual(minimax.run(s).scores, [-1, -1, -3, -1]);
});

test('Copeland and Llull scores from their definitions', () => {
  fc.assert(
    fc.property(small, (gen) => {
      const s = new Summary(build(gen));
      const g = marginOf(s);
      const others = (c: number) => range(gen.m).filter((d) => d !== c);
      assert.deepEqual(
        copeland.run(s).scores,
        range(gen.m).map((c) => others(c).reduce((t, d) => t + Math.sign(g(c, d)), 0)),
      );
      assert.deepEqual(
        llull.run(s).scores,
        range(gen.m).map((c) => others(c).filter((d) => g(c, d) >= 0).length),
      );
    }),
    { numRuns: 200 },
  );
});
