/**
 * Property tests for the cardinal rules: Pareto (where claimed), anonymity, neutrality, invariance
 * of Nash and Kalai–Smorodinsky to positive affine rescaling of a part's utility, lottery
 * well-formedness, and optimality of the lottery solvers against random lotteries.
 *
 * Pure rules are tested on small integer utilities (many ties); lottery rules on continuous
 * utilities, where the optimal lottery is unique (with integer data several lotteries can be
 * optimal and which one a solver returns may depend on the order of the input).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Normalization, normalizationMap } from '../../../src/core/normalize.js';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { same } from '../../../src/sigma/cardinal/common.js';
import { cardinalRules } from '../../../src/sigma/cardinal/index.js';
import { type ExactConstraint, solveLpExact } from '../../../src/sigma/cardinal/lp.js';
import { nashLottery } from '../../../src/sigma/cardinal/nash.js';
import type { Options, RuleResult, UtilityRule } from '../../../src/sigma/types.js';

const rule = (name: string) => cardinalRules.find((r) => r.name === name)!;

interface Variant {
  readonly label: string;
  readonly rule: UtilityRule;
  readonly opts: Options;
  readonly lottery: boolean;
  /** Only weakly Pareto optimal: no winner is beaten by another action for every part. */
  readonly weak?: boolean;
}

const variants: Variant[] = [
  { label: 'utilitarian', rule: rule('weighted-utilitarian'), opts: {}, lottery: false },
  { label: 'nash', rule: rule('nash-bargaining'), opts: {}, lottery: false },
  { label: 'nash lotteries', rule: rule('nash-bargaining'), opts: { lotteries: true }, lottery: true },
  { label: 'ks', rule: rule('kalai-smorodinsky'), opts: {}, lottery: false },
  { label: 'ks weighted', rule: rule('kalai-smorodinsky'), opts: { weighted: true }, lottery: false },
  { label: 'ks lotteries', rule: rule('kalai-smorodinsky'), opts: { lotteries: true }, lottery: true },
  {
    label: 'ks classic',
    rule: rule('kalai-smorodinsky'),
    opts: { refine: 'none' },
    lottery: false,
    weak: true,
  },
  {
    label: 'ks classic lotteries',
    rule: rule('kalai-smorodinsky'),
    opts: { lotteries: true, refine: 'none' },
    lottery: true,
    weak: true,
  },
  {
    label: 'ks weighted lotteries',
    rule: rule('kalai-smorodinsky'),
    opts: { lotteries: true, weighted: true },
    lottery: true,
  },
  { label: 'egalitarian', rule: rule('egalitarian'), opts: {}, lottery: false, weak: true },
  {
    label: 'egalitarian raw',
    rule: rule('egalitarian'),
    opts: { normalize: 'none' },
    lottery: false,
    weak: true,
  },
  {
    label: 'egalitarian lotteries',
    rule: rule('egalitarian'),
    opts: { lotteries: true },
    lottery: true,
    weak: true,
  },
  {
    label: 'egalitarian raw lotteries',
    rule: rule('egalitarian'),
    opts: { lotteries: true, normalize: 'none' },
    lottery: true,
    weak: true,
  },
  { label: 'leximin', rule: rule('leximin'), opts: {}, lottery: false },
  { label: 'leximin raw', rule: rule('leximin'), opts: { normalize: 'none' }, lottery: false },
  { label: 'leximin lotteries', rule: rule('leximin'), opts: { lotteries: true }, lottery: true },
  {
    label: 'leximin raw lotteries',
    rule: rule('leximin'),
    opts: { lotteries: true, normalize: 'none' },
    lottery: true,
  },
  { label: 'random dictatorship', rule: rule('random-dictatorship'), opts: {}, lottery: true },
  { label: 'dictatorship', rule: rule('dictatorship'), opts: {}, lottery: false },
];

function make(n: number, m: number, u: number[], w: number[]): UtilityProblem {
  return { parts: n, actions: m, u: Float64Array.from(u), weights: Float64Array.from(w) };
}

/** Small integer utilities (ties likely) and positive integer weights. */
const intProblem = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n * m, maxLength: n * m }),
        w: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
      })
      .map(({ u, w }) => make(n, m, u, w)),
  );

/** A fine grid on [0, 1], uniformly: generic data (ties and collinearities unlikely), no denormals. */
const fine = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000);

/** Continuous utilities (generic) and positive weights. */
const realProblem = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fine, { minLength: n * m, maxLength: n * m }),
        w: fc.array(
          fine.map((x) => 0.2 + 2.8 * x),
          { minLength: n, maxLength: n },
        ),
      })
      .map(({ u, w }) => make(n, m, u, w)),
  );

const problemsFor = (v: Variant) =>
  v.lottery && v.label !== 'random dictatorship' ? realProblem : intProblem;

const at = (p: UtilityProblem, i: number, a: number) => p.u[i * p.actions + a];

/** b is better than a for every part. */
function beatsForAll(p: UtilityProblem, b: number, a: number): boolean {
  for (let i = 0; i < p.parts; i++) if (!(at(p, i, b) > at(p, i, a))) return false;
  return true;
}

/** b weakly Pareto-dominates a: at least as good for every part, better for one. */
function dominates(p: UtilityProblem, b: number, a: number): boolean {
  let strict = false;
  for (let i = 0; i < p.parts; i++) {
    if (at(p, i, b) < at(p, i, a)) return false;
    if (at(p, i, b) > at(p, i, a)) strict = true;
  }
  return strict;
}

function closeArrays(
  x: readonly number[] | undefined,
  y: readonly number[] | undefined,
  tol: number,
  what: string,
) {
  assert.equal(x === undefined, y === undefined, `${what}: one is missing`);
  if (!x || !y) return;
  assert.equal(x.length, y.length);
  for (let k = 0; k < x.length; k++) {
    if (x[k] === y[k]) continue;
    assert.ok(Math.abs(x[k] - y[k]) <= tol * Math.max(1, Math.abs(x[k])), `${what}: ${x} vs ${y}`);
  }
}

function sameResult(r: RuleResult, s: RuleResult, label: string, scores = true): void {
  assert.deepEqual(s.winners, r.winners, `${label}: winners`);
  assert.deepEqual(s.ranking, r.ranking, `${label}: ranking`);
  closeArrays(r.lottery, s.lottery, 1e-6, `${label}: lottery`);
  if (scores) closeArrays(r.scores, s.scores, 1e-9, `${label}: scores`);
}

/** Relabels actions: action a of p becomes action pi[a]. */
function permuteActions(p: UtilityProblem, pi: number[]): UtilityProblem {
  const u = new Float64Array(p.u.length);
  for (let i = 0; i < p.parts; i++)
    for (let a = 0; a < p.actions; a++) u[i * p.actions + pi[a]] = at(p, i, a);
  return { ...p, u };
}

function mapResult(r: RuleResult, pi: number[]): RuleResult {
  const m = pi.length;
  const move = (xs: readonly number[] | undefined) => {
    if (!xs) return undefined;
    const out = new Array<number>(m);
    for (let a = 0; a < m; a++) out[pi[a]] = xs[a];
    return out;
  };
  return {
    winners: r.winners.map((a) => pi[a]).sort((x, y) => x - y),
    ...(r.ranking ? { ranking: r.ranking.map((g) => g.map((a) => pi[a]).sort((x, y) => x - y)) } : {}),
    ...(r.scores ? { scores: move(r.scores) } : {}),
    ...(r.lottery ? { lottery: move(r.lottery) } : {}),
  };
}

/** Relabels parts (with their weights): part i of p becomes part sigma[i]. */
function permuteParts(p: UtilityProblem, sigma: number[]): UtilityProblem {
  const u = new Float64Array(p.u.length);
  const weights = new Float64Array(p.parts);
  for (let i = 0; i < p.parts; i++) {
    weights[sigma[i]] = p.weights[i];
    for (let a = 0; a < p.actions; a++) u[sigma[i] * p.actions + a] = at(p, i, a);
  }
  return { ...p, u, weights };
}

const permutation = (n: number) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) =>
    Array.from({ length: n }, (_, i) => i)
      .sort((x, y) => keys[x] - keys[y] || x - y)
      .map((_, k, order) => order.indexOf(k)),
  );

const RUNS = 120;

for (const v of variants) {
  const claims = new Set(v.rule.axioms);

  if (claims.has('pareto') || v.weak) {
    // Weakly Pareto optimal rules: no winner is beaten for every part; the others: not even dominated.
    const [beaten, what] = v.weak ? [beatsForAll, 'beaten for every part'] : [dominates, 'Pareto-dominated'];
    test(`${v.label}: no winner is ${what} by another action (positive weights)`, () => {
      fc.assert(
        fc.property(problemsFor(v), (p) => {
          const r = v.rule.run(p, v.opts);
          for (const a of r.winners)
            for (let b = 0; b < p.actions; b++) assert.ok(!beaten(p, b, a), `winner ${a} ${what} by ${b}`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  if (claims.has('anonymity'))
    test(`${v.label}: anonymity — permuting parts with their weights changes nothing`, () => {
      fc.assert(
        fc.property(
          problemsFor(v).chain((p) => fc.tuple(fc.constant(p), permutation(p.parts))),
          ([p, sigma]) => {
            sameResult(v.rule.run(p, v.opts), v.rule.run(permuteParts(p, sigma), v.opts), v.label);
          },
        ),
        { numRuns: RUNS },
      );
    });

  if (claims.has('neutrality'))
    test(`${v.label}: neutrality — relabelling actions relabels the result`, () => {
      fc.assert(
        fc.property(
          problemsFor(v).chain((p) => fc.tuple(fc.constant(p), permutation(p.actions))),
          ([p, pi]) => {
            const r = v.rule.run(p, v.opts);
            sameResult(mapResult(r, pi), v.rule.run(permuteActions(p, pi), v.opts), v.label);
          },
        ),
        { numRuns: RUNS },
      );
    });

  if (v.lottery)
    test(`${v.label}: the lottery is a probability vector and the winners are its support`, () => {
      fc.assert(
        fc.property(problemsFor(v), (p) => {
          const r = v.rule.run(p, v.opts);
          assert.ok(r.lottery);
          let t = 0;
          for (const x of r.lottery) {
            assert.ok(x >= 0);
            t += x;
          }
          assert.ok(Math.abs(t - 1) < 1e-9);
          assert.deepEqual(
            r.winners,
            r.lottery.flatMap((x, a) => (x > 0 ? [a] : [])),
          );
        }),
        { numRuns: RUNS },
      );
    });
}

test('Pareto in the unanimity sense also holds with zero weights (strict improvement for everyone)', () => {
  const withZeros = intProblem.chain((p) =>
    fc
      .array(fc.integer({ min: 0, max: 2 }), { minLength: p.parts, maxLength: p.parts })
      .filter((w) => w.some((x) => x > 0))
      .map((w) => ({ ...p, weights: Float64Array.from(w) })),
  );
  for (const v of variants.filter((x) => (x.rule.axioms.includes('pareto') || x.weak) && !x.lottery))
    fc.assert(
      fc.property(withZeros, (p) => {
        const r = v.rule.run(p, v.opts);
        for (const a of r.winners)
          for (let b = 0; b < p.actions; b++)
            assert.ok(!beatsForAll(p, b, a), `${v.label}: winner ${a} unanimously beaten by ${b}`);
      }),
      { numRuns: 60 },
    );
});

/** Rescales part j: u ↦ αu + β (and its disagreement utility alike). */
function rescale(p: UtilityProblem, j: number, alpha: number, beta: number): UtilityProblem {
  const u = Float64Array.from(p.u);
  for (let a = 0; a < p.actions; a++) u[j * p.actions + a] = alpha * u[j * p.actions + a] + beta;
  let disagreement = p.disagreement;
  if (disagreement) {
    disagreement = Float64Array.from(disagreement);
    disagreement[j] = alpha * disagreement[j] + beta;
  }
  return { ...p, u, ...(disagreement ? { disagreement } : {}) };
}

const affine = fc.record({
  alpha: fc.constantFrom(0.25, 0.5, 2, 3.7, 10, 1000),
  beta: fc.constantFrom(-7, -1, 0, 2.5, 100),
});

for (const v of variants.filter(
  (x) => x.rule.name === 'nash-bargaining' || x.rule.name === 'kalai-smorodinsky',
))
  for (const explicit of [false, true])
    test(`${v.label}: invariant to rescaling a part's utility${explicit ? ' (explicit disagreement point)' : ''}`, () => {
      const base = problemsFor(v).chain((p) =>
        fc.tuple(
          explicit
            ? fc
                .array(fc.integer({ min: 0, max: 4 }), { minLength: p.parts, maxLength: p.parts })
                .map((d) => ({
                  ...p,
                  disagreement: Float64Array.from(d, (x) => (v.lottery ? x / 8 : x)),
                }))
            : fc.constant(p),
          fc.nat({ max: p.parts - 1 }),
          affine,
        ),
      );
      fc.assert(
        fc.property(base, ([p, j, { alpha, beta }]) => {
          sameResult(v.rule.run(p, v.opts), v.rule.run(rescale(p, j, alpha, beta), v.opts), v.label, false);
        }),
        { numRuns: RUNS },
      );
    });

/** Expected utility of each part under a lottery. */
function values(p: UtilityProblem, x: ArrayLike<number>): number[] {
  return Array.from({ length: p.parts }, (_, i) => {
    let t = 0;
    for (let a = 0; a < p.actions; a++) t += x[a] * at(p, i, a);
    return t;
  });
}

const randomLottery = (m: number) =>
  fc.array(fine, { minLength: m, maxLength: m }).map((xs) => {
    const t = xs.reduce((s, x) => s + x, 0);
    return t > 0 ? xs.map((x) => x / t) : xs.map(() => 1 / m);
  });

test('the Nash lottery meets its 1e-10 duality gap and beats every action and random lotteries', () => {
  fc.assert(
    fc.property(
      realProblem.chain((p) =>
        fc.tuple(fc.constant(p), fc.array(randomLottery(p.actions), { minLength: 20, maxLength: 20 })),
      ),
      ([p, lotteries]) => {
        const sol = nashLottery(p);
        assert.ok(sol);
        assert.ok(sol.gap <= 1e-10, `gap ${sol.gap}`);
        const lo = Array.from({ length: p.parts }, (_, i) =>
          Math.min(...Array.from({ length: p.actions }, (_, a) => at(p, i, a))),
        );
        const hi = Array.from({ length: p.parts }, (_, i) =>
          Math.max(...Array.from({ length: p.actions }, (_, a) => at(p, i, a))),
        );
        const f = (vals: number[]) => {
          let t = 0;
          for (let i = 0; i < p.parts; i++) {
            if (!(hi[i] > lo[i])) continue; // a part that cannot gain is not in the product
            const g = vals[i] - lo[i];
            if (!(g > 0)) return Number.NEGATIVE_INFINITY;
            t += p.weights[i] * Math.log(g);
          }
          return t;
        };
        const best = f(values(p, sol.lottery));
        const others = [
          ...lotteries,
          ...Array.from({ length: p.actions }, (_, a) =>
            Array.from({ length: p.actions }, (_, b) => (a === b ? 1 : 0)),
          ),
        ];
        for (const x of others) assert.ok(f(values(p, x)) <= best + 1e-9, `${f(values(p, x))} > ${best}`);
      },
    ),
    { numRuns: 200 },
  );
});

test('the leximin lottery is not leximin-beaten by any action or random lottery', () => {
  const lex = rule('leximin');
  fc.assert(
    fc.property(
      realProblem.chain((p) =>
        fc.tuple(fc.constant(p), fc.array(randomLottery(p.actions), { minLength: 20, maxLength: 20 })),
      ),
      ([p, lotteries]) => {
        const r = lex.run(p, { lotteries: true, normalize: 'none' });
        const mine = values(p, r.lottery!).sort((x, y) => x - y);
        const others = [
          ...lotteries,
          ...Array.from({ length: p.actions }, (_, a) =>
            Array.from({ length: p.actions }, (_, b) => (a === b ? 1 : 0)),
          ),
        ];
        for (const x of others) {
          const theirs = values(p, x).sort((s, t) => s - t);
          for (let k = 0; k < p.parts; k++) {
            if (
              Math.abs(theirs[k] - mine[k]) <=
              1e-9 * Math.max(Math.abs(theirs[k]), Math.abs(mine[k])) + 1e-15
            )
              continue;
            assert.ok(theirs[k] < mine[k], `leximin-beaten: ${theirs} vs ${mine}`);
            break;
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('Nash over lotteries with a disagreement point inside the range: individually rational and optimal', () => {
  fc.assert(
    fc.property(
      realProblem.chain((p) =>
        fc.tuple(
          fc.constant(p),
          fc.array(
            fine.map((x) => 0.6 * x),
            { minLength: p.parts, maxLength: p.parts },
          ),
          fc.array(randomLottery(p.actions), { minLength: 30, maxLength: 30 }),
        ),
      ),
      ([p, d, lotteries]) => {
        const sol = nashLottery(p, { disagreement: d });
        const vals = lotteries.map((x) => values(p, x));
        const ir = vals.filter((v) => v.every((x, i) => x >= d[i]));
        if (!sol) {
          // No agreement: then no random lottery may be individually rational either.
          assert.equal(ir.length, 0);
          return;
        }
        assert.ok(sol.gap <= 1e-10, `gap ${sol.gap}`);
        const mine = values(p, sol.lottery);
        for (let i = 0; i < p.parts; i++) assert.ok(mine[i] >= d[i] - 1e-9, 'individually rational');
        const f = (v: number[]) => {
          let t = 0;
          for (let i = 0; i < p.parts; i++) {
            const g = v[i] - d[i];
            if (g <= 1e-12) continue; // parts stuck at d are outside the product (the ε-limit)
            t += p.weights[i] * Math.log(g);
          }
          return t;
        };
        // Compare on the parts that gain at the solution; a random lottery that leaves one of them at
        // d is worse in the ε-limit anyway.
        const gaining = mine.map((x, i) => x - d[i] > 1e-12);
        for (const v of ir) {
          if (gaining.some((g, i) => g && !(v[i] - d[i] > 1e-12))) continue;
          assert.ok(f(v) <= f(mine) + 1e-9, `${f(v)} > ${f(mine)}`);
        }
      },
    ),
    { numRuns: 200 },
  );
});

/** Integer problems with an explicit disagreement point (often above some actions: a polytope). */
const intProblemWithD = intProblem.chain((p) =>
  fc.tuple(
    fc.constant(p),
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: p.parts, maxLength: p.parts }),
  ),
);

const ks = rule('kalai-smorodinsky');

test('ks pure: refine none ranks by the smallest normalized gain alone; leximin only splits its ties', () => {
  fc.assert(
    fc.property(intProblemWithD, ([p, d]) => {
      const refined = ks.run(p, { disagreement: d });
      const classic = ks.run(p, { disagreement: d, refine: 'none' });
      assert.deepEqual(classic.scores, refined.scores);
      const group = (r: RuleResult) => {
        const g = new Array<number>(p.actions);
        r.ranking!.forEach((xs, k) => {
          for (const a of xs) g[a] = k;
        });
        return g;
      };
      const gc = group(classic);
      const gl = group(refined);
      for (let a = 0; a < p.actions; a++)
        for (let b = 0; b < p.actions; b++) {
          if (gc[a] < gc[b]) assert.ok(gl[a] < gl[b], `${a} above ${b} unrefined, not refined`);
          const s = classic.scores![a];
          // Unrefined ties are exactly equal smallest gains (among individually rational actions).
          if (gc[a] === gc[b] && s !== Number.NEGATIVE_INFINITY) assert.ok(same(s, classic.scores![b]));
        }
    }),
    { numRuns: 200 },
  );
});

/** The exact LP over lotteries that leave every part at d or above, with more rows. */
function overIr(
  p: UtilityProblem,
  d: number[],
  c: ArrayLike<number>,
  more: ExactConstraint[] = [],
  n = p.actions,
) {
  const pad = (a: ArrayLike<number>) => Float64Array.from({ length: n }, (_, j) => (j < a.length ? a[j] : 0));
  const rows: ExactConstraint[] = [{ a: pad(new Float64Array(p.actions).fill(1)), op: '=', b: 1 }];
  for (let i = 0; i < p.parts; i++)
    rows.push({ a: pad(p.u.subarray(i * p.actions, (i + 1) * p.actions)), op: '>=', b: d[i] });
  return solveLpExact({ n, c, rows: [...rows, ...more] });
}

test('ks over lotteries with a disagreement point (flat faces): leximin is Pareto optimal; the classic point reaches the same max–min level with the least total', () => {
  fc.assert(
    fc.property(intProblemWithD, ([p, d]) => {
      const A = p.actions;
      const refined = ks.run(p, { lotteries: true, disagreement: d });
      const classic = ks.run(p, { lotteries: true, disagreement: d, refine: 'none' });
      const feasible = overIr(p, d, new Float64Array(A)).status === 'optimal';
      assert.equal(refined.lottery !== undefined, feasible);
      assert.equal(classic.lottery !== undefined, feasible);
      if (!refined.lottery || !classic.lottery) return;
      const lex = values(p, refined.lottery);
      const cl = values(p, classic.lottery);
      for (let i = 0; i < p.parts; i++) assert.ok(lex[i] >= d[i] - 1e-9 && cl[i] >= d[i] - 1e-9, 'rational');
      const row = (i: number) => p.u.subarray(i * A, (i + 1) * A);
      // Pareto: no individually rational lottery gives every part as much and the total more.
      const sum = new Float64Array(A);
      for (let i = 0; i < p.parts; i++) for (let a = 0; a < A; a++) sum[a] += at(p, i, a);
      const keep = lex.map((v, i): ExactConstraint => ({ a: row(i), op: '>=', b: v - 1e-9 }));
      const better = overIr(p, d, sum, keep);
      assert.ok(
        better.status === 'optimal' && better.value <= lex.reduce((s, v) => s + v, 0) + 1e-6,
        'Pareto',
      );
      // The max–min level of the normalized gains, found here by one LP (variables x and t).
      const ideal = Array.from({ length: p.parts }, (_, i) => {
        const r = overIr(p, d, row(i));
        assert.ok(r.status === 'optimal');
        return r.value;
      });
      const gainers = ideal.flatMap((h, i) => (h - d[i] > 1e-9 ? [i] : []));
      if (gainers.length === 0) return;
      const ratios = (v: number[]) => gainers.map((i) => (v[i] - d[i]) / (ideal[i] - d[i]));
      const c = new Float64Array(A + 1);
      c[A] = 1;
      const level = overIr(
        p,
        d,
        c,
        gainers.map((i) => {
          const a = new Float64Array(A + 1);
          a.set(row(i));
          a[A] = -(ideal[i] - d[i]);
          return { a, op: '>=' as const, b: d[i] };
        }),
        A + 1,
      );
      assert.ok(level.status === 'optimal');
      const tStar = level.value;
      const rl = ratios(lex);
      const rc = ratios(cl);
      assert.ok(Math.abs(Math.min(...rl) - tStar) <= 1e-9, `leximin level ${Math.min(...rl)} vs ${tStar}`);
      assert.ok(Math.abs(Math.min(...rc) - tStar) <= 1e-9, `classic level ${Math.min(...rc)} vs ${tStar}`);
      // The leximin lottery is at that level too, so the classic one's total is no greater.
      const total = (r: number[]) => r.reduce((s, x) => s + x, 0);
      assert.ok(total(rc) <= total(rl) + 1e-9, `classic total ${total(rc)} > ${total(rl)}`);
    }),
    { numRuns: 200 },
  );
});

test('ks over lotteries, two parts: the classic point is the leximin one', () => {
  fc.assert(
    fc.property(
      intProblemWithD.filter(([p]) => p.parts === 2),
      ([p, d]) => {
        const refined = ks.run(p, { lotteries: true, disagreement: d });
        const classic = ks.run(p, { lotteries: true, disagreement: d, refine: 'none' });
        if (!refined.lottery) return;
        closeArrays(values(p, classic.lottery!), values(p, refined.lottery), 1e-9, 'utilities');
      },
    ),
    { numRuns: 200 },
  );
});

const egalitarian = rule('egalitarian');

/** Each part's utility for each action, as lotteries (unit vectors). */
const pureLotteries = (m: number) =>
  Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => (a === b ? 1 : 0)));

/** The smallest gain over d (levels when d is absent) under a normalization, as egalitarian reads it. */
function smallestGain(
  p: UtilityProblem,
  x: ArrayLike<number>,
  normalize: Normalization,
  d?: number[],
): number {
  const v = values(p, x);
  return Math.min(
    ...v.map((vi, i) => {
      const { scale, shift } = normalizationMap(p.u.subarray(i * p.actions, (i + 1) * p.actions), normalize);
      return scale * vi + shift - (d ? scale * d[i] + shift : 0);
    }),
  );
}

for (const normalize of ['none', 'minmax'] as const)
  test(`egalitarian (${normalize}) over lotteries: the smallest gain is at least every action's and random lottery's`, () => {
    fc.assert(
      fc.property(
        realProblem.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.option(
              fc.array(
                fine.map((x) => 0.6 * x),
                { minLength: p.parts, maxLength: p.parts },
              ),
              {
                nil: undefined,
              },
            ),
            fc.array(randomLottery(p.actions), { minLength: 20, maxLength: 20 }),
          ),
        ),
        ([p, d, lotteries]) => {
          const r = egalitarian.run(p, { lotteries: true, normalize, ...(d ? { disagreement: d } : {}) });
          const rational = (x: ArrayLike<number>) => !d || values(p, x).every((v, i) => v >= d[i]);
          const others = [...lotteries, ...pureLotteries(p.actions)].filter(rational);
          if (!r.lottery) {
            assert.ok(d, 'without a disagreement point there is always a lottery');
            assert.equal(others.length, 0, 'no agreement, yet a lottery is individually rational');
            return;
          }
          // Individually rational, and max–min. (A part that cannot gain is at d in every
          // individually rational lottery: counting it caps every minimum at 0, the result's too.)
          if (d)
            assert.ok(
              values(p, r.lottery).every((v, i) => v >= d[i] - 1e-9),
              'rational',
            );
          const mine = smallestGain(p, r.lottery, normalize, d);
          for (const x of others) {
            const theirs = smallestGain(p, x, normalize, d);
            assert.ok(theirs <= mine + 1e-9, `${theirs} > ${mine}`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

test('egalitarian with a disagreement point: the winners are individually rational whenever an action is', () => {
  fc.assert(
    fc.property(intProblemWithD, fc.constantFrom('none', 'minmax'), ([p, d], normalize) => {
      const r = egalitarian.run(p, { disagreement: d, normalize });
      const ir = (a: number) => d.every((di, i) => at(p, i, a) >= di);
      if (!Array.from({ length: p.actions }, (_, a) => a).some(ir)) return;
      for (const a of r.winners) assert.ok(ir(a), `winner ${a} below d`);
      for (const a of r.winners) assert.ok(r.scores![a] >= -1e-12, 'a winner gains');
    }),
    { numRuns: 200 },
  );
});

test("egalitarian, min–max: a disagreement point at each part's minimum changes no ranking or lottery", () => {
  const minima = (p: UtilityProblem) =>
    Array.from({ length: p.parts }, (_, i) => Math.min(...p.u.subarray(i * p.actions, (i + 1) * p.actions)));
  fc.assert(
    fc.property(intProblem, (p) => {
      const r = egalitarian.run(p);
      const s = egalitarian.run(p, { disagreement: minima(p) });
      assert.deepEqual(s.ranking, r.ranking);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(realProblem, (p) => {
      const r = egalitarian.run(p, { lotteries: true });
      const s = egalitarian.run(p, { lotteries: true, disagreement: minima(p) });
      closeArrays(s.lottery, r.lottery, 1e-9, 'lottery');
    }),
    { numRuns: RUNS },
  );
});

test('unrefined KS with its default disagreement point is egalitarian on min–max normalized utilities', () => {
  fc.assert(
    fc.property(intProblem, (p) => {
      assert.deepEqual(ks.run(p, { refine: 'none' }).ranking, egalitarian.run(p).ranking);
    }),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(realProblem, (p) => {
      const k = ks.run(p, { refine: 'none', lotteries: true });
      closeArrays(k.lottery, egalitarian.run(p, { lotteries: true }).lottery, 1e-9, 'lottery');
    }),
    { numRuns: RUNS },
  );
});
