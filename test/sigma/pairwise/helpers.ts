/**
 * Shared by the pairwise and tournament rule tests: profiles from margin graphs (McGarvey's
 * construction), fast-check profile generators, relabelling and restriction, and the property checks
 * every rule's claimed axioms get.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { condorcetLoser, condorcetWinner, smithSet } from '../../../src/sigma/majority.js';
import { type Profile, profileFromRankings, rankingOf, Summary } from '../../../src/sigma/profile.js';
import type { ProfileRule, RuleResult } from '../../../src/sigma/types.js';

export type Ranking = (number | number[])[];

/**
 * A profile of linear orders whose margins are exactly `edges` ([a, b, w]: a beats b by w; pairs
 * not listed are tied). All margins must have one parity: with even ones every edge gets w/2 pairs
 * of voters a≻b≻rest and reverse(rest)≻a≻b, whose other comparisons cancel; with odd ones a first
 * voter ranks 0≻1≻…≻m-1 and the pairs make up the difference.
 */
export function profileFromMargins(
  m: number,
  edges: readonly (readonly [number, number, number])[],
): Profile {
  const odd = edges.length > 0 && edges[0][2] % 2 !== 0;
  const rankings: number[][] = [];
  if (odd) rankings.push(Array.from({ length: m }, (_, i) => i));
  const given = new Map<string, number>();
  for (const [a, b, w] of edges) {
    assert.ok(
      w > 0 && Number.isInteger(w) && (w % 2 !== 0) === odd,
      `margin ${w} of ${a}>${b} has the wrong parity`,
    );
    given.set(`${a},${b}`, w);
  }
  const pairUp = (a: number, b: number, times: number) => {
    const rest = Array.from({ length: m }, (_, i) => i).filter((c) => c !== a && c !== b);
    for (let t = 0; t < times; t++) {
      rankings.push([a, b, ...rest]);
      rankings.push([...[...rest].reverse(), a, b]);
    }
  };
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      const w = given.get(`${a},${b}`) ?? -(given.get(`${b},${a}`) ?? 0);
      if (odd && w === 0) throw new Error(`odd margins cannot leave ${a} and ${b} tied`);
      // The first voter (when odd) already puts a over b by 1.
      const need = odd ? w - 1 : w;
      if (need > 0) pairUp(a, b, need / 2);
      else if (need < 0) pairUp(b, a, -need / 2);
    }
  return profileFromRankings(m, rankings);
}

/** The margins of a profile as [a, b, w] edges (w > 0). */
export function marginEdges(s: Summary): [number, number, number][] {
  const g = s.margin();
  const out: [number, number, number][] = [];
  for (let a = 0; a < s.m; a++)
    for (let b = 0; b < s.m; b++) if (g[a * s.m + b] > 0) out.push([a, b, g[a * s.m + b]]);
  return out;
}

/** Runs a rule on a fresh summary of `p`. */
export function run(rule: ProfileRule, p: Profile, cands?: readonly number[]): RuleResult {
  return rule.run(new Summary(p), cands);
}

export interface Gen {
  m: number;
  rankings: Ranking[];
  counts: number[];
}

/** A random ranking of m candidates: linear, or a weak order (possibly truncated). */
function rankingArb(m: number, linear: boolean): fc.Arbitrary<Ranking> {
  if (linear)
    return fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: m, maxLength: m })
      .map((keys) => Array.from({ length: m }, (_, i) => i).sort((x, y) => keys[x] - keys[y] || x - y));
  return fc
    .tuple(fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: m, maxLength: m }), fc.boolean())
    .map(([levels, truncate]) => {
      const groups: number[][] = [];
      for (let c = 0; c < m; c++) (groups[levels[c]] ??= []).push(c);
      const dense = groups.filter((g) => g !== undefined);
      // A truncated ballot leaves its last group out (tied at the bottom all the same).
      const kept = truncate && dense.length > 1 ? dense.slice(0, -1) : dense;
      return kept.map((g) => (g.length === 1 ? g[0] : g));
    });
}

/** Random profiles: m in [minM, maxM], 1..maxBallots ballots with counts 1..3. */
export function profileArb(opts: {
  minM?: number;
  maxM?: number;
  maxBallots?: number;
  linear?: boolean;
  oddVoters?: boolean;
}): fc.Arbitrary<Gen> {
  const { minM = 1, maxM = 6, maxBallots = 7, linear = false, oddVoters = false } = opts;
  return fc.integer({ min: minM, max: maxM }).chain((m) =>
    fc
      .array(fc.tuple(rankingArb(m, linear), fc.integer({ min: 1, max: 3 })), {
        minLength: 1,
        maxLength: maxBallots,
      })
      .map((bs) => {
        const rankings = bs.map(([r]) => r);
        const counts = bs.map(([, c]) => c);
        if (oddVoters && counts.reduce((a, b) => a + b, 0) % 2 === 0) counts[0]++;
        return { m, rankings, counts };
      }),
  );
}

export function build(g: Gen): Profile {
  return profileFromRankings(g.m, g.rankings, g.counts);
}

/** The profile with candidate c renamed perm[c]. */
export function relabel(g: Gen, perm: readonly number[]): Gen {
  const map = (x: number | number[]): number | number[] =>
    typeof x === 'number' ? perm[x] : x.map((c) => perm[c]);
  return { m: g.m, rankings: g.rankings.map((r) => r.map(map)), counts: g.counts };
}

/** The profile on `cands` only, candidate cands[i] renamed i (ballots keep their order among them). */
export function restrict(p: Profile, cands: readonly number[]): Profile {
  const rankings: number[][][] = [];
  for (let b = 0; b < p.k; b++) {
    const local = new Map(cands.map((c, i) => [c, i]));
    rankings.push(
      rankingOf(p, b)
        .map((grp) => grp.filter((c) => local.has(c)).map((c) => local.get(c)!))
        .filter((grp) => grp.length > 0),
    );
  }
  return profileFromRankings(cands.length, rankings, Array.from(p.counts));
}

export const permutationArb = (m: number) =>
  fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: m, maxLength: m })
    .map((keys) => Array.from({ length: m }, (_, i) => i).sort((x, y) => keys[x] - keys[y] || x - y));

/** Whether the voters unanimously (and strictly) prefer some candidate to x. */
export function unanimouslyBeaten(s: Summary, x: number, cands: readonly number[]): boolean {
  const sup = s.support();
  return s.n > 0 && cands.some((y) => y !== x && sup[y * s.m + x] === s.n);
}

/** Whether some y is weakly preferred to x by all voters and strictly by one (strong Pareto). */
export function paretoDominated(s: Summary, x: number, cands: readonly number[]): boolean {
  const sup = s.support();
  return cands.some((y) => y !== x && sup[x * s.m + y] === 0 && sup[y * s.m + x] > 0);
}

export const subset = (a: readonly number[], b: readonly number[]) => a.every((x) => b.includes(x));

const RUNS = 150;

/**
 * Property tests for the axioms `rule` claims, plus the ones every rule owes: a non-empty, sorted
 * set of winners among the candidates, a ranking (when given) that partitions them with the winners
 * first, and agreement between `cands` and the restricted profile.
 */
export function checkRule(rule: ProfileRule, opts: { maxM?: number; numRuns?: number } = {}): void {
  const maxM = opts.maxM ?? 6;
  const numRuns = opts.numRuns ?? RUNS;
  const arb = profileArb({ maxM });
  const axioms = new Set(rule.axioms);

  fc.assert(
    fc.property(arb, (g) => {
      const p = build(g);
      const r = run(rule, p);
      assert.ok(r.winners.length > 0 || g.m === 0 || rule.empty !== undefined, 'no winners');
      assert.deepEqual(
        r.winners,
        [...new Set(r.winners)].sort((a, b) => a - b),
      );
      for (const w of r.winners) assert.ok(w >= 0 && w < g.m);
      if (r.ranking) {
        assert.deepEqual(
          r.ranking.flat().sort((a, b) => a - b),
          Array.from({ length: g.m }, (_, i) => i),
        );
        assert.deepEqual(r.ranking[0], r.winners);
      }
    }),
    { numRuns },
  );

  if (axioms.has('anonymity'))
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 1000 }), (g, shift) => {
        const k = g.rankings.length;
        const order = Array.from({ length: k }, (_, i) => (i + shift) % k).reverse();
        const h = {
          m: g.m,
          rankings: order.map((i) => g.rankings[i]),
          counts: order.map((i) => g.counts[i]),
        };
        assert.deepEqual(run(rule, build(h)), run(rule, build(g)));
      }),
      { numRuns },
    );

  if (axioms.has('neutrality'))
    fc.assert(
      fc.property(
        arb.chain((g) => fc.tuple(fc.constant(g), permutationArb(g.m))),
        ([g, perm]) => {
          const r = run(rule, build(g));
          const q = run(rule, build(relabel(g, perm)));
          assert.deepEqual(
            q.winners,
            r.winners.map((c) => perm[c]).sort((a, b) => a - b),
          );
          if (r.ranking)
            assert.deepEqual(
              q.ranking,
              r.ranking.map((grp) => grp.map((c) => perm[c]).sort((a, b) => a - b)),
            );
          if (r.scores) for (let c = 0; c < g.m; c++) assert.equal(q.scores?.[perm[c]], r.scores[c]);
        },
      ),
      { numRuns },
    );

  fc.assert(
    fc.property(
      arb.chain((g) =>
        fc.tuple(fc.constant(g), fc.shuffledSubarray(Array.from({ length: g.m }, (_, i) => i))),
      ),
      ([g, shuffled]) => {
        fc.pre(shuffled.length > 0);
        // Restricting renames cands[i] to i; a rule that is not neutral (a fixed tie-breaking order)
        // keeps its answer only when the renaming keeps the candidates' order.
        const cands = axioms.has('neutrality') ? shuffled : [...shuffled].sort((a, b) => a - b);
        const p = build(g);
        const r = run(rule, p, cands);
        const q = run(rule, restrict(p, cands));
        assert.deepEqual(
          r.winners,
          q.winners.map((i) => cands[i]).sort((a, b) => a - b),
          'cands ≠ restriction',
        );
        if (q.ranking)
          assert.deepEqual(
            r.ranking,
            q.ranking.map((grp) => grp.map((i) => cands[i]).sort((a, b) => a - b)),
          );
      },
    ),
    { numRuns },
  );

  fc.assert(
    fc.property(arb, (g) => {
      const p = build(g);
      const s = new Summary(p);
      const all = Array.from({ length: g.m }, (_, i) => i);
      const r = rule.run(s);
      if (axioms.has('condorcet-winner')) {
        const cw = condorcetWinner(s);
        if (cw >= 0) assert.deepEqual(r.winners, [cw], 'Condorcet winner');
      }
      if (axioms.has('condorcet-loser') && g.m >= 2) {
        const cl = condorcetLoser(s);
        if (cl >= 0) assert.ok(!r.winners.includes(cl), 'Condorcet loser wins');
      }
      if (axioms.has('smith')) assert.ok(subset(r.winners, smithSet(s)), 'winner outside the Smith set');
      if (axioms.has('pareto'))
        for (const w of r.winners) assert.ok(!unanimouslyBeaten(s, w, all), `winner ${w} unanimously beaten`);
    }),
    { numRuns: numRuns * 2 },
  );
}
