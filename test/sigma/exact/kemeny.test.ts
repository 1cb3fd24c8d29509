import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../../src/core/random.js';
import { UserError } from '../../../src/core/errors.js';
import { exactRules } from '../../../src/sigma/ordinal/exact/index.js';
import { KEMENY_LIMIT, kemenyCost, kemenyYoung } from '../../../src/sigma/ordinal/exact/kemeny.js';
import { loadSolver } from '../../../src/sigma/ordinal/exact/solver.js';
import { profileFromOrders, profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { bruteOrdering, checkAxioms, type Gen, profileArb, run, summary } from './helpers.js';

before(async () => {
  await loadSolver();
});

const all = (m: number) => Array.from({ length: m }, (_, i) => i);

// Wikipedia, "Kemeny–Young method": the Tennessee capital example. 0 Memphis, 1 Nashville,
// 2 Chattanooga, 3 Knoxville; the Kemeny ranking is Nashville ≻ Chattanooga ≻ Knoxville ≻ Memphis.
const tennessee: Gen = {
  m: 4,
  rankings: [
    [0, 1, 2, 3],
    [1, 2, 3, 0],
    [2, 3, 1, 0],
    [3, 2, 1, 0],
  ],
  counts: [42, 26, 15, 17],
};

test('Tennessee: Nashville ≻ Chattanooga ≻ Knoxville ≻ Memphis at distance 207', () => {
  const r = run(kemenyYoung, tennessee);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [2], [3], [0]]);
  // Best ranking with Memphis first: 3·58 = 174 for Memphis above all, then 32 + 32 + 17.
  assert.deepEqual(r.scores, [255, 207, 243, 309]);
  // Restricted to Memphis, Chattanooga, Knoxville.
  const sub = run(kemenyYoung, tennessee, [0, 2, 3]);
  assert.deepEqual(sub.ranking, [[2], [3], [0]]);
  assert.ok(Number.isNaN(sub.scores![1]));
});

test("pref_voting's examples: the Condorcet cycle at distance 4, and a tie at the top", () => {
  // pref_voting tests/test_other_methods.py: kemeny_young_rankings(condorcet_cycle) is the three
  // rotations at distance 4, and every candidate wins.
  const cycle = run(kemenyYoung, {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    counts: [1, 1, 1],
  });
  assert.deepEqual(cycle.winners, [0, 1, 2]);
  assert.deepEqual(cycle.scores, [4, 4, 4]);
  assert.equal(cycle.ranking, undefined);
  // pref_voting's kemeny_young docstring, prof1 = Profile([[0,1,2],[1,0,2],[2,1,0]], [3,1,2]): 0 and 1
  // tie (margin 0) and both beat 2, so 0≻1≻2 and 1≻0≻2 are optimal (distance 7); with 2 first the
  // best is 2≻0≻1: 4 + 4 voters put 0 and 1 above 2, and 3 put 1 above 0.
  const prof1 = run(kemenyYoung, {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 0, 2],
      [2, 1, 0],
    ],
    counts: [3, 1, 2],
  });
  assert.deepEqual(prof1.winners, [0, 1]);
  assert.deepEqual(prof1.ranking, [[0, 1], [2]]);
  assert.deepEqual(prof1.scores, [7, 7, 11]);
  // prof2 = Profile([[0,1,2],[1,0,2],[1,2,0]], [5,1,2]): 0 ≻ 1 ≻ 2 at distance 5.
  const prof2 = run(kemenyYoung, {
    m: 3,
    rankings: [
      [0, 1, 2],
      [1, 0, 2],
      [1, 2, 0],
    ],
    counts: [5, 1, 2],
  });
  assert.deepEqual(prof2.ranking, [[0], [1], [2]]);
  assert.equal(prof2.scores![0], 5);
});

test('ties on ballots count 0, and a profile of full ties ranks everyone together', () => {
  const r = run(kemenyYoung, { m: 3, rankings: [[[0, 1, 2]]], counts: [4] });
  assert.deepEqual(r.winners, [0, 1, 2]);
  assert.deepEqual(r.ranking, [[0, 1, 2]]);
  assert.deepEqual(r.scores, [0, 0, 0]);
  // Truncated ballots: 0 ≻ 1 on both, 2 left out (tied at the bottom) on one.
  const t = run(kemenyYoung, {
    m: 3,
    rankings: [
      [0, 1],
      [0, 1, 2],
    ],
    counts: [1, 1],
  });
  assert.deepEqual(t.ranking, [[0], [1], [2]]);
  assert.equal(t.scores![0], 0);
});

test('fractional weights: supports equal up to rounding are ties', () => {
  // 0.1 + 0.2 voters put 0 above 1 and 0.3 put 1 above 0: 0.30000000000000004 against 0.3.
  const r = run(kemenyYoung, {
    m: 2,
    rankings: [
      [0, 1],
      [0, 1],
      [1, 0],
    ],
    counts: [0.1, 0.2, 0.3],
  });
  assert.deepEqual(r.winners, [0, 1]);
  assert.deepEqual(r.ranking, [[0, 1]]);
});

test('brute force over all m! rankings: optimal distance, winners, scores and ranking (m ≤ 6)', () => {
  fc.assert(
    fc.property(profileArb({ minM: 1, maxM: 6, maxBallots: 8 }), (g) => {
      const s = summary(g);
      const want = bruteOrdering(kemenyCost(s.support(), g.m, all(g.m)), g.m);
      const r = kemenyYoung.run(s);
      assert.deepEqual(r.winners, want.firsts);
      assert.deepEqual(r.scores, want.firstCost);
      assert.equal(Math.min(...r.scores!), want.opt);
      assert.deepEqual(r.ranking, want.ranking);
    }),
    { numRuns: 300, seed: 21 },
  );
});

test('claimed axioms: anonymity, neutrality, Pareto, Condorcet winner and loser, Smith, unanimity', () => {
  assert.deepEqual(kemenyYoung.axioms, [
    'anonymity',
    'neutrality',
    'pareto',
    'condorcet-winner',
    'condorcet-loser',
    'smith',
    'unanimity',
  ]);
  checkAxioms(kemenyYoung, profileArb({ minM: 1, maxM: 7, maxBallots: 9 }), 200);
});

test('candidate subsets: cands gives the result of the restricted profile', () => {
  fc.assert(
    fc.property(
      profileArb({ minM: 2, maxM: 7 }).chain((g) =>
        fc.tuple(fc.constant(g), fc.subarray(all(g.m), { minLength: 1 })),
      ),
      ([g, cands]) => {
        const r = run(kemenyYoung, g, cands);
        const local = new Map(cands.map((c, i) => [c, i]));
        const restricted: Gen = {
          m: cands.length,
          rankings: g.rankings.map((rk) =>
            rk
              .map((e) =>
                (typeof e === 'number' ? [e] : e).filter((c) => local.has(c)).map((c) => local.get(c)!),
              )
              .filter((e) => e.length > 0),
          ),
          counts: g.counts,
        };
        const want = run(kemenyYoung, restricted);
        assert.deepEqual(
          r.winners,
          want.winners.map((i) => cands[i]),
        );
        assert.deepEqual(
          r.ranking,
          want.ranking?.map((grp) => grp.map((i) => cands[i])),
        );
        for (const [c, i] of local) assert.equal(r.scores![c], want.scores![i]);
      },
    ),
    { numRuns: 150, seed: 22 },
  );
});

test('past 20 candidates in one Smith component the integer program answers (no scores)', () => {
  const m = 22;
  const rng = new Random(5);
  const orders = new Int32Array(101 * m);
  for (let v = 0; v < 101; v++) orders.set(rng.permutation(m), v * m);
  const r = kemenyYoung.run(new Summary(profileFromOrders(m, orders)));
  assert.ok(r.winners.length >= 1);
  assert.equal(r.scores, undefined);
  if (r.ranking) assert.deepEqual(r.ranking[0], r.winners);
});

test('many candidates in small Smith components stay with the dynamic program', () => {
  // 24 candidates: 0..11 above 12..23 on every ballot, random orders inside each half.
  const rng = new Random(6);
  const rankings: number[][] = [];
  for (let v = 0; v < 15; v++) {
    const top = Array.from(rng.permutation(12));
    const bottom = Array.from(rng.permutation(12), (c) => c + 12);
    rankings.push([...top, ...bottom]);
  }
  const g: Gen = { m: 24, rankings, counts: rankings.map(() => 1) };
  const r = run(kemenyYoung, g);
  const top = run(kemenyYoung, g, all(12));
  const bottom = run(
    kemenyYoung,
    g,
    all(12).map((c) => c + 12),
  );
  assert.deepEqual(r.winners, top.winners);
  assert.ok(r.scores);
  if (top.ranking && bottom.ranking) assert.deepEqual(r.ranking, [...top.ranking, ...bottom.ranking]);
  else assert.equal(r.ranking, undefined);
});

test(`more than ${KEMENY_LIMIT} candidates in one Smith component is a UserError stating the limit`, () => {
  const m = 31;
  const rankings = all(m).map((r) => all(m).map((i) => (i + r) % m));
  const s = new Summary(profileFromRankings(m, rankings));
  assert.throws(
    () => kemenyYoung.run(s),
    (e: unknown) => e instanceof UserError && /at most 30 candidates/.test(e.message) && /31/.test(e.message),
  );
  // Restricting the candidates is the way out.
  assert.ok(kemenyYoung.run(s, all(20)).winners.length > 0);
});

test('registry: names, aliases and metadata of the exact rules', () => {
  assert.equal(getRule('kemeny').name, 'kemeny-young');
  assert.equal(getRule('Kemeny_Young').name, 'kemeny-young');
  assert.equal(getRule('slater').name, 'slater');
  assert.equal(getRule('dodgson').name, 'dodgson');
  assert.equal(getRule('young').name, 'young');
  for (const r of exactRules) {
    assert.equal(r.family, 'exact');
    assert.ok(r.maxCandidates && r.maxCandidates >= 20);
    assert.ok(r.ties.length > 0 && r.description.length > 0 && r.reference);
    assert.equal(typeof (r as { prepare?: unknown }).prepare, 'function');
  }
});
