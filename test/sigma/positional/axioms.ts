/**
 * Property-test helpers shared by the positional, elimination and score rule tests: random profiles
 * (linear, weak or truncated ballots with small integer counts) and one check per axiom a rule can
 * claim, plus the check that running on a subset of candidates equals running on the restricted
 * profile.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { condorcetLoser, condorcetWinner, smithSet } from '../../../src/sigma/majority.js';
import {
  type Profile,
  profileFromRankings,
  profileFromScores,
  rankingOf,
  Summary,
} from '../../../src/sigma/profile.js';
import type { Axiom, ProfileRule, RuleResult } from '../../../src/sigma/types.js';

/** Ballots as rankings (groups best first, omitted candidates unranked) with counts. */
export interface Ballots {
  readonly m: number;
  readonly rankings: number[][][];
  readonly counts: number[];
}

export interface BallotShape {
  minM?: number;
  maxM?: number;
  maxK?: number;
  /** Only linear orders over all candidates. */
  linear?: boolean;
}

/** Groups candidates by value (lower is better); value m means unranked. */
function toRanking(values: readonly number[], m: number): number[][] {
  const groups = new Map<number, number[]>();
  values.forEach((v, c) => {
    if (v >= m) return;
    const g = groups.get(v);
    if (g) g.push(c);
    else groups.set(v, [c]);
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

export function ballotsArb(shape: BallotShape = {}): fc.Arbitrary<Ballots> {
  const { minM = 1, maxM = 5, maxK = 7, linear = false } = shape;
  return fc.integer({ min: minM, max: maxM }).chain((m) => {
    const all = Array.from({ length: m }, (_, i) => i);
    const strict = fc.shuffledSubarray(all, { minLength: m, maxLength: m }).map((o) => o.map((c) => [c]));
    const weak = fc
      .array(fc.integer({ min: 0, max: m }), { minLength: m, maxLength: m })
      .map((v) => toRanking(v, m));
    const ballot: fc.Arbitrary<number[][]> = linear ? strict : fc.oneof(strict, weak);
    return fc
      .array(fc.tuple(ballot, fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: maxK })
      .map((rows) => ({ m, rankings: rows.map((r) => r[0]), counts: rows.map((r) => r[1]) }));
  });
}

export function profileOf(b: Ballots): Profile {
  return profileFromRankings(b.m, b.rankings, b.counts);
}

/** Cardinal ballots: k*m scores in 0..5, NaN for some when `gaps`. */
export interface ScoreBallots {
  readonly m: number;
  readonly scores: number[];
  readonly counts: number[];
}

export function scoreBallotsArb(maxM = 5, maxK = 7, gaps = true): fc.Arbitrary<ScoreBallots> {
  return fc.integer({ min: 1, max: maxM }).chain((m) =>
    fc
      .array(
        fc.tuple(
          fc.array(gaps ? fc.integer({ min: -1, max: 5 }) : fc.integer({ min: 0, max: 5 }), {
            minLength: m,
            maxLength: m,
          }),
          fc.integer({ min: 1, max: 3 }),
        ),
        { minLength: 1, maxLength: maxK },
      )
      .map((rows) => ({
        m,
        scores: rows.flatMap((r) => r[0].map((x) => (x < 0 ? Number.NaN : x))),
        counts: rows.map((r) => r[1]),
      })),
  );
}

export function scoreProfileOf(b: ScoreBallots): Profile {
  return profileFromScores(b.m, Float64Array.from(b.scores), Float64Array.from(b.counts));
}

/** Relabels candidates: candidate c becomes perm[c]. */
export function relabel(b: Ballots, perm: readonly number[]): Ballots {
  return { ...b, rankings: b.rankings.map((r) => r.map((g) => g.map((c) => perm[c]))) };
}

export function relabelScores(b: ScoreBallots, perm: readonly number[]): ScoreBallots {
  const { m } = b;
  const out = new Array<number>(b.scores.length);
  for (let v = 0; v < b.counts.length; v++)
    for (let c = 0; c < m; c++) out[v * m + perm[c]] = b.scores[v * m + c];
  return { ...b, scores: out };
}

function permArb(m: number): fc.Arbitrary<number[]> {
  const all = Array.from({ length: m }, (_, i) => i);
  return fc.shuffledSubarray(all, { minLength: m, maxLength: m });
}

/** Results equal up to floating rounding in the scores. */
export function sameResult(a: RuleResult, b: RuleResult, what: string): void {
  assert.deepEqual(a.winners, b.winners, `${what}: winners`);
  assert.deepEqual(a.ranking, b.ranking, `${what}: ranking`);
  if (a.scores || b.scores) {
    assert.ok(a.scores && b.scores, `${what}: scores present in both`);
    assert.equal(a.scores.length, b.scores.length);
    a.scores.forEach((x, i) => {
      const y = (b.scores as number[])[i];
      if (Number.isNaN(x) || Number.isNaN(y))
        assert.ok(Number.isNaN(x) && Number.isNaN(y), `${what}: score ${i}`);
      else assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `${what}: score ${i}: ${x} vs ${y}`);
    });
  }
}

/** A result relabelled by `perm` (candidate c becomes perm[c]). */
export function mapResult(r: RuleResult, perm: readonly number[]): RuleResult {
  const out: RuleResult = { winners: r.winners.map((c) => perm[c]).sort((x, y) => x - y) };
  if (r.ranking) out.ranking = r.ranking.map((g) => g.map((c) => perm[c]).sort((x, y) => x - y));
  if (r.scores) {
    const s = new Array<number>(r.scores.length);
    r.scores.forEach((x, c) => {
      s[perm[c]] = x;
    });
    out.scores = s;
  }
  return out;
}

const run = (
  rule: ProfileRule,
  p: Profile,
  cands?: readonly number[],
  opts?: Record<string, number | string>,
) => rule.run(new Summary(p), cands, opts);

const NUM_RUNS = 300;

export interface CheckOptions {
  opts?: Record<string, number | string>;
  shape?: BallotShape;
  /** Also check on cardinal ballots (rules with input 'scores'). */
  scores?: boolean;
  /** Skip the check that scaling every weight by a fraction changes nothing (rules needing whole counts). */
  wholeCounts?: boolean;
  numRuns?: number;
}

/** Checks every axiom the rule claims, plus subset consistency. */
export function checkAxioms(rule: ProfileRule, o: CheckOptions = {}): void {
  const arb = ballotsArb(o.shape);
  const numRuns = o.numRuns ?? NUM_RUNS;
  const opts = o.opts;
  const claims = new Set<Axiom>(rule.axioms);
  const runB = (b: Ballots, cands?: readonly number[]) => run(rule, profileOf(b), cands, opts);

  if (claims.has('anonymity')) {
    fc.assert(
      fc.property(
        arb.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.shuffledSubarray(
              b.counts.map((_, i) => i),
              { minLength: b.counts.length, maxLength: b.counts.length },
            ),
          ),
        ),
        ([b, order]) => {
          const shuffled = {
            ...b,
            rankings: order.map((i) => b.rankings[i]),
            counts: order.map((i) => b.counts[i]),
          };
          sameResult(runB(shuffled), runB(b), `${rule.name} anonymity`);
          // Splitting a ballot of count 2 into two ballots of count 1 changes nothing either.
          const split = {
            ...b,
            rankings: b.rankings.flatMap((r, i) => Array.from({ length: b.counts[i] }, () => r)),
            counts: b.counts.flatMap((c) => Array.from({ length: c }, () => 1)),
          };
          sameResult(runB(split), runB(b), `${rule.name} anonymity (split)`);
        },
      ),
      { numRuns },
    );
    if (o.scores)
      fc.assert(
        fc.property(scoreBallotsArb(), (b) => {
          const k = b.counts.length;
          const rev = { m: b.m, scores: [] as number[], counts: [...b.counts].reverse() };
          for (let v = k - 1; v >= 0; v--) rev.scores.push(...b.scores.slice(v * b.m, (v + 1) * b.m));
          sameResult(
            run(rule, scoreProfileOf(rev), undefined, opts),
            run(rule, scoreProfileOf(b), undefined, opts),
            `${rule.name} anonymity (scores)`,
          );
        }),
        { numRuns },
      );
  }

  if (claims.has('neutrality')) {
    fc.assert(
      fc.property(
        arb.chain((b) => fc.tuple(fc.constant(b), permArb(b.m))),
        ([b, perm]) => {
          sameResult(runB(relabel(b, perm)), mapResult(runB(b), perm), `${rule.name} neutrality`);
        },
      ),
      { numRuns },
    );
    if (o.scores)
      fc.assert(
        fc.property(
          scoreBallotsArb().chain((b) => fc.tuple(fc.constant(b), permArb(b.m))),
          ([b, perm]) => {
            sameResult(
              run(rule, scoreProfileOf(relabelScores(b, perm)), undefined, opts),
              mapResult(run(rule, scoreProfileOf(b), undefined, opts), perm),
              `${rule.name} neutrality (scores)`,
            );
          },
        ),
        { numRuns },
      );
  }

  if (claims.has('pareto'))
    fc.assert(
      fc.property(arb, (b) => {
        const p = profileOf(b);
        const r = run(rule, p, undefined, opts);
        for (const w of r.winners)
          for (let a = 0; a < p.m; a++) {
            let all = true;
            for (let v = 0; v < p.k && all; v++)
              if (!(p.levels[v * p.m + a] < p.levels[v * p.m + w])) all = false;
            assert.ok(!all, `${rule.name} pareto: winner ${w} is beaten by ${a} on every ballot`);
          }
      }),
      { numRuns },
    );

  if (claims.has('condorcet-winner'))
    fc.assert(
      fc.property(arb, (b) => {
        const p = profileOf(b);
        const cw = condorcetWinner(new Summary(p));
        if (cw >= 0)
          assert.deepEqual(run(rule, p, undefined, opts).winners, [cw], `${rule.name} condorcet winner`);
      }),
      { numRuns },
    );

  if (claims.has('condorcet-loser'))
    fc.assert(
      fc.property(arb, (b) => {
        const p = profileOf(b);
        const cl = condorcetLoser(new Summary(p));
        if (cl >= 0 && p.m > 1)
          assert.ok(
            !run(rule, p, undefined, opts).winners.includes(cl),
            `${rule.name} condorcet loser ${cl} wins`,
          );
      }),
      { numRuns },
    );

  if (claims.has('smith'))
    fc.assert(
      fc.property(arb, (b) => {
        const p = profileOf(b);
        const smith = new Set(smithSet(new Summary(p)));
        for (const w of run(rule, p, undefined, opts).winners)
          assert.ok(smith.has(w), `${rule.name} smith: ${w}`);
      }),
      { numRuns },
    );

  // Weights are voter counts up to scale: multiplying them all by 0.375 (exact in binary, so this
  // tests the rule, not rounding) or adding a zero-weight ballot changes neither winners nor ranking.
  if (!o.wholeCounts)
    fc.assert(
      fc.property(arb, (b) => {
        const scaled = {
          ...b,
          rankings: [...b.rankings, [[0]]],
          counts: [...b.counts.map((c) => c * 0.375), 0],
        };
        const x = runB(scaled);
        const y = runB(b);
        assert.deepEqual(x.winners, y.winners, `${rule.name} scaled weights: winners`);
        assert.deepEqual(x.ranking, y.ranking, `${rule.name} scaled weights: ranking`);
      }),
      { numRuns },
    );

  // Running on a subset of candidates is running on the profile restricted to them.
  fc.assert(
    fc.property(
      arb.chain((b) =>
        fc.tuple(
          fc.constant(b),
          fc.subarray(
            Array.from({ length: b.m }, (_, i) => i),
            { minLength: 1 },
          ),
        ),
      ),
      ([b, cands]) => {
        const p = profileOf(b);
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
        const whole = run(rule, p, cands, opts);
        const sub = run(rule, restricted, undefined, opts);
        const back = mapResult(sub, cands);
        assert.deepEqual(whole.winners, back.winners, `${rule.name} on cands ${cands}: winners`);
        assert.deepEqual(whole.ranking, back.ranking, `${rule.name} on cands ${cands}: ranking`);
      },
    ),
    { numRuns },
  );
}
