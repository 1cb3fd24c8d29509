/**
 * LCPO (Ge et al., NeurIPS 2024): a hand-worked case where the linear structure decides, the
 * Bradley–Terry counterexample of Ge et al. (3 × a≻b≻c, 2 × b≻c≻a: pairwise majority says a≻b≻c,
 * Bradley–Terry puts b first), and the paper's two properties as property tests on voters whose
 * rankings are linear in the candidates' features (their setting): Pareto optimality and pairwise
 * majority consistency. Without features LCPO is Copeland's ranking (the docstring's argument),
 * checked on random profiles.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bradleyTerry } from '../../../src/sigma/ordinal/pairwise/bradley-terry.js';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { lcpoRule } from '../../../src/sigma/ordinal/pairwise/lcpo.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import { ballotsArb, checkAxioms, profileOf } from '../positional/axioms.js';
import { S } from '../positional/examples.js';

const order = (r: { details?: Readonly<Record<string, unknown>> }) => r.details?.order as number[];

test('hand-worked: on a line of features the Condorcet winner cannot be first; the best Copeland candidate that can is', () => {
  // Margins: 1 beats 0 (4–1) and 2 (3–2), 0 beats 2 (3–2): Copeland 0, 2, −2 for 0, 1, 2.
  const s = S(
    3,
    [
      [1, 0, 2],
      [2, 1, 0],
      [0, 1, 2],
    ],
    [2, 2, 1],
  );
  const plain = lcpoRule.run(s);
  assert.deepEqual(plain.winners, [1]);
  assert.deepEqual(plain.ranking, [[1], [0], [2]]);
  assert.deepEqual(plain.scores, [0, 2, -2]);
  // Features 0, 1, 2 on a line: a linear reward ranks 2≻1≻0 or 0≻1≻2. 0 (Copeland 0) beats 2 (−2).
  const line = lcpoRule.run(s, undefined, { features: [0, 1, 2] });
  assert.deepEqual(line.winners, [0]);
  assert.deepEqual(order(line), [0, 1, 2]);
  assert.equal(line.ranking, undefined);
  assert.equal(line.details?.paretoFeasible, true);
});

test('Ge et al.: where Bradley–Terry breaks pairwise majority consistency, LCPO follows the majority', () => {
  const s = S(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [3, 2],
  );
  assert.deepEqual(bradleyTerry.run(s).winners, [1]);
  const r = lcpoRule.run(s);
  assert.deepEqual(r.ranking, [[0], [1], [2]]);
  assert.deepEqual(order(r), [0, 1, 2]);
  assert.equal(getRule('leximax-copeland-pareto'), lcpoRule);
});

test('Pareto constraints no linear reward meets are dropped, and the result says so', () => {
  // Everyone ranks 1 first: 1 dominates 0 and 2, but on a line 1 is never above both.
  const r = lcpoRule.run(S(3, [[1, 0, 2]]), undefined, { features: [0, 1, 2] });
  assert.equal(r.details?.paretoFeasible, false);
  assert.throws(
    () => lcpoRule.run(S(3, [[0, 1, 2]]), undefined, { features: [0, 1] }),
    /3 rows of d features/,
  );
  assert.throws(
    () => lcpoRule.run(S(3, [[0, 1, 2]]), undefined, { features: [0, 1, 1, 2, 0, 1] }),
    /candidate 0 and candidate 2 have the same features/,
  );
});

test('without features LCPO is Copeland’s ranking', () => {
  fc.assert(
    fc.property(ballotsArb({ maxM: 6 }), (b) => {
      const s = new Summary(profileOf(b));
      const c = copeland.run(s);
      const l = lcpoRule.run(s);
      assert.deepEqual(l.ranking, c.ranking);
      assert.deepEqual(l.winners, c.winners);
    }),
    { numRuns: 200 },
  );
});

test('LCPO without features: anonymity, neutrality, Pareto, Condorcet winner', () => {
  checkAxioms(lcpoRule, { numRuns: 100 });
});

/** Candidates with random features and voters ranking them by their own linear reward θ_v·x. */
const linearVoters = fc
  .record({ m: fc.integer({ min: 3, max: 6 }), d: fc.integer({ min: 2, max: 3 }) })
  .chain(({ m, d }) =>
    fc.record({
      m: fc.constant(m),
      d: fc.constant(d),
      phi: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: m * d, maxLength: m * d }),
      // Voters near a common direction (so the majority is often a ranking), or anywhere.
      base: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: d, maxLength: d }),
      voters: fc.array(
        fc.tuple(
          fc.array(fc.integer({ min: -8, max: 8 }), { minLength: d, maxLength: d }),
          fc.integer({ min: 1, max: 3 }),
        ),
        { minLength: 1, maxLength: 7 },
      ),
    }),
  )
  .map(({ m, d, phi, base, voters }) => {
    const rankings: number[][] = [];
    let ties = false;
    for (const [theta] of voters) {
      const r = Array.from({ length: m }, (_, c) => {
        let x = 0;
        for (let j = 0; j < d; j++) x += (base[j] + theta[j]) * phi[c * d + j];
        return x;
      });
      if (new Set(r).size < m) ties = true;
      rankings.push(Array.from({ length: m }, (_, c) => c).sort((a, b) => r[b] - r[a]));
    }
    return {
      m,
      phi,
      ties,
      s: new Summary(
        profileFromRankings(
          m,
          rankings,
          voters.map((v) => v[1]),
        ),
      ),
    };
  });

test('property (Ge et al.): Pareto optimality on linear voters — no candidate ranked below one every voter ranks under it', () => {
  fc.assert(
    fc.property(linearVoters, ({ m, phi, ties, s }) => {
      fc.pre(!ties);
      const r = lcpoRule.run(s, undefined, { features: phi });
      assert.equal(r.details?.paretoFeasible, true);
      const at = new Map(order(r).map((c, i) => [c, i]));
      const { levels, k } = s.profile;
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) {
          let all = a !== b;
          for (let v = 0; v < k && all; v++) if (!(levels[v * m + a] < levels[v * m + b])) all = false;
          if (all) assert.ok((at.get(a) as number) < (at.get(b) as number), `${a} dominates ${b}`);
        }
    }),
    { numRuns: 150 },
  );
});

test('property (Ge et al.): pairwise majority consistency — a majority ranking a linear reward can express is the output', () => {
  let consistent = 0;
  fc.assert(
    fc.property(linearVoters, ({ m, phi, ties, s }) => {
      fc.pre(!ties);
      const g = s.margin();
      // The majority relation is a ranking when every pair has a strict majority and wins count down.
      const wins = Array.from({ length: m }, (_, a) => {
        let w = 0;
        for (let b = 0; b < m; b++) if (g[a * m + b] > 0) w++;
        return w;
      });
      const majority = Array.from({ length: m }, (_, c) => c).sort((a, b) => wins[b] - wins[a]);
      if (new Set(wins).size < m) return;
      // Expressible: some θ ranks it (found as the LCPO order of a profile of that one ranking).
      const alone = lcpoRule.run(new Summary(profileFromRankings(m, [majority])), undefined, {
        features: phi,
      });
      if (alone.details?.paretoFeasible !== true) return;
      consistent++;
      assert.deepEqual(order(lcpoRule.run(s, undefined, { features: phi })), majority);
    }),
    { numRuns: 200 },
  );
  assert.ok(consistent > 20, `only ${consistent} profiles had an expressible majority ranking`);
});
