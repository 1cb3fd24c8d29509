/**
 * Shared by the exact-rule tests: fast-check profile generators, relabelling, brute-force optimal
 * orders over all k! permutations, and the axiom checks the exact rules claim.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { condorcetLoser, condorcetWinner, smithSet } from '../../../src/sigma/majority.js';
import { type Profile, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import type { Options, ProfileRule, RuleResult } from '../../../src/sigma/types.js';

export type Ranking = (number | number[])[];

export interface Gen {
  m: number;
  rankings: Ranking[];
  counts: number[];
}

/** A random linear order of m candidates. */
export const permutationArb = (m: number) =>
  fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: m, maxLength: m })
    .map((keys) => Array.from({ length: m }, (_, i) => i).sort((x, y) => keys[x] - keys[y] || x - y));

/** A random ballot: a linear order, or a weak order that may be truncated (level m = left out). */
function rankingArb(m: number, linear: boolean): fc.Arbitrary<Ranking> {
  if (linear) return permutationArb(m);
  return fc.array(fc.integer({ min: 0, max: m }), { minLength: m, maxLength: m }).map((levels) => {
    const groups: number[][] = [];
    for (let c = 0; c < m; c++) if (levels[c] < m) (groups[levels[c]] ??= []).push(c);
    return groups.filter((g) => g !== undefined).map((g) => (g.length === 1 ? g[0] : g));
  });
}

/** Random profiles: m in [minM, maxM], 1..maxBallots ballots with whole counts 1..maxCount. */
export function profileArb(
  opts: { minM?: number; maxM?: number; maxBallots?: number; linear?: boolean; maxCount?: number } = {},
): fc.Arbitrary<Gen> {
  const { minM = 1, maxM = 6, maxBallots = 7, linear = false, maxCount = 3 } = opts;
  return fc.integer({ min: minM, max: maxM }).chain((m) =>
    fc
      .array(fc.tuple(rankingArb(m, linear), fc.integer({ min: 1, max: maxCount })), {
        minLength: 1,
        maxLength: maxBallots,
      })
      .map((bs) => ({ m, rankings: bs.map(([r]) => r), counts: bs.map(([, c]) => c) })),
  );
}

export const build = (g: Gen): Profile => profileFromRankings(g.m, g.rankings, g.counts);

export const summary = (g: Gen): Summary => new Summary(build(g));

export function run(rule: ProfileRule, g: Gen, cands?: readonly number[], opts?: Options): RuleResult {
  return rule.run(summary(g), cands, opts);
}

/** The profile with candidate c renamed perm[c]. */
export function relabel(g: Gen, perm: readonly number[]): Gen {
  const map = (x: number | number[]): number | number[] =>
    typeof x === 'number' ? perm[x] : x.map((c) => perm[c]);
  return { m: g.m, rankings: g.rankings.map((r) => r.map(map)), counts: g.counts };
}

/** The result for the relabelled profile, predicted from `r`. */
export function relabelResult(r: RuleResult, perm: readonly number[]): RuleResult {
  const sort = (xs: number[]) => xs.sort((a, b) => a - b);
  const out: RuleResult = { winners: sort(r.winners.map((c) => perm[c])) };
  if (r.ranking) out.ranking = r.ranking.map((g) => sort(g.map((c) => perm[c])));
  if (r.scores) {
    const s = new Array<number>(r.scores.length);
    r.scores.forEach((x, c) => {
      s[perm[c]] = x;
    });
    out.scores = s;
  }
  return out;
}

/** All permutations of 0..k-1. */
export function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(k - 1))
    for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), k - 1, ...p.slice(i)]);
  return out;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/**
 * Optimal orders of a k×k cost matrix by enumerating all k! orders: the least cost, the items first
 * in some optimal order, the least cost with each item first, and the weak order whose extensions
 * are exactly the optimal orders (cut where every optimal order has the same prefix set, kept only
 * if the optimal orders number the product of the groups' factorials).
 */
export function bruteOrdering(
  cost: Float64Array,
  k: number,
): { opt: number; firsts: number[]; firstCost: number[]; ranking?: number[][]; count: number } {
  const all = permutations(k).map((p) => {
    let c = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) c += cost[p[i] * k + p[j]];
    return [p, c] as const;
  });
  const opt = Math.min(...all.map(([, c]) => c));
  const optimal = all.filter(([, c]) => c === opt).map(([p]) => p);
  const firsts = [...new Set(optimal.map((p) => p[0]))].sort((a, b) => a - b);
  const firstCost = Array.from({ length: k }, (_, c) =>
    Math.min(...all.filter(([p]) => p[0] === c).map(([, x]) => x)),
  );
  const groups: number[][] = [];
  let prev: number[] = [];
  for (let size = 1; size <= k; size++) {
    const prefixes = new Set(optimal.map((p) => [...p.slice(0, size)].sort((a, b) => a - b).join(',')));
    if (prefixes.size !== 1) continue;
    const set = [...prefixes][0] === '' ? [] : [...prefixes][0].split(',').map(Number);
    groups.push(set.filter((c) => !prev.includes(c)).sort((a, b) => a - b));
    prev = set;
  }
  const extensions = groups.reduce((t, g) => t * factorial(g.length), 1);
  return {
    opt,
    firsts,
    firstCost,
    ranking: extensions === optimal.length ? groups : undefined,
    count: optimal.length,
  };
}

/** Every voter (with a positive count) puts a strictly above b. */
export function unanimous(s: Summary, a: number, b: number): boolean {
  return s.n > 0 && s.support()[a * s.m + b] === s.n;
}

/**
 * Property tests for the axioms a rule claims, on random profiles from `arb`: anonymity (permuting
 * and splitting ballots), neutrality (relabelling candidates relabels winners, ranking and scores),
 * Pareto, Condorcet winner and loser, Smith, unanimity; plus a well-formed result.
 */
export function checkAxioms(rule: ProfileRule, arb: fc.Arbitrary<Gen>, numRuns: number, seed = 7): void {
  const axioms = new Set(rule.axioms);
  fc.assert(
    fc.property(arb, (g) => {
      const s = summary(g);
      const r = rule.run(s);
      assert.ok(r.winners.length > 0, 'no winners');
      assert.deepEqual(
        r.winners,
        [...new Set(r.winners)].sort((a, b) => a - b),
      );
      if (r.ranking) {
        assert.deepEqual(
          r.ranking.flat().sort((a, b) => a - b),
          Array.from({ length: g.m }, (_, i) => i),
        );
        assert.deepEqual(r.ranking[0], r.winners);
      }
      const all = Array.from({ length: g.m }, (_, i) => i);
      if (axioms.has('pareto'))
        for (const a of all)
          for (const b of all) if (a !== b && unanimous(s, a, b)) assert.ok(!r.winners.includes(b));
      const cw = condorcetWinner(s);
      if (axioms.has('condorcet-winner') && cw >= 0) assert.deepEqual(r.winners, [cw]);
      const cl = condorcetLoser(s);
      if (axioms.has('condorcet-loser') && cl >= 0 && g.m > 1) assert.ok(!r.winners.includes(cl));
      if (axioms.has('smith')) {
        const smith = smithSet(s);
        for (const w of r.winners) assert.ok(smith.includes(w), `winner ${w} outside the Smith set`);
      }
    }),
    { numRuns, seed },
  );

  if (axioms.has('anonymity'))
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1000 }), (g, shift) => {
        // Rotate and reverse the ballots, and split every count into single voters.
        const k = g.rankings.length;
        const order = Array.from({ length: k }, (_, i) => (i + shift) % k).reverse();
        const rankings: Ranking[] = [];
        for (const b of order) for (let v = 0; v < g.counts[b]; v++) rankings.push(g.rankings[b]);
        const h: Gen = { m: g.m, rankings, counts: rankings.map(() => 1) };
        assert.deepEqual(run(rule, h), run(rule, g));
      }),
      { numRuns: Math.ceil(numRuns / 2), seed },
    );

  if (axioms.has('neutrality'))
    fc.assert(
      fc.property(
        arb.chain((g) => fc.tuple(fc.constant(g), permutationArb(g.m))),
        ([g, perm]) => {
          assert.deepEqual(run(rule, relabel(g, perm)), relabelResult(run(rule, g), perm));
        },
      ),
      { numRuns: Math.ceil(numRuns / 2), seed },
    );

  if (axioms.has('unanimity'))
    fc.assert(
      fc.property(
        arb.chain((g) => fc.tuple(fc.constant(g), fc.integer({ min: 0, max: g.m - 1 }))),
        ([g, x]) => {
          // Put x strictly first on every ballot.
          const rankings = g.rankings.map((r) => [
            x,
            ...r
              .map((e) => (typeof e === 'number' ? e : e.filter((c) => c !== x)))
              .filter((e) => e !== x && (typeof e === 'number' || e.length > 0)),
          ]);
          assert.deepEqual(run(rule, { ...g, rankings }).winners, [x]);
        },
      ),
      { numRuns: Math.ceil(numRuns / 2), seed },
    );
}
