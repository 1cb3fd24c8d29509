import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../../src/core/errors.js';
import {
  BRADLEY_TERRY_MAX,
  bradleyTerry,
  bradleyTerryScores,
  stronglyConnected,
} from '../../../src/sigma/ordinal/pairwise/bradley-terry.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';

function close(a: ArrayLike<number>, b: readonly number[], tol = 1e-7): void {
  b.forEach((x, i) => {
    assert.ok(Math.abs(a[i] - x) <= tol, `${a[i]} ≠ ${x} at ${i}`);
  });
}

// Ge et al. (NeurIPS 2024): 3×(a≻b≻c), 2×(b≻c≻a). a beats b and c 3–2, yet Bradley–Terry ranks b
// first. Scores checked against a direct numerical maximization (scipy.optimize.minimize).
test('bradley-terry: Ge et al.’s profile — b first although a is the Condorcet winner', () => {
  const s = new Summary(
    profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [3, 2],
    ),
  );
  const r = bradleyTerry.run(s);
  assert.deepEqual(r.winners, [1]);
  assert.deepEqual(r.ranking, [[1], [0], [2]]);
  close(r.scores as number[], [0.31187286, 0.61697705, -0.92884991]);
  assert.equal(getRule('bt').name, 'bradley-terry');
});

test('bradley-terry: two candidates, 3 to 1 — the score gap is log 3', () => {
  const s = bradleyTerryScores(2, [0, 3, 1, 0]);
  close([s[0] - s[1]], [Math.log(3)], 1e-9);
});

test('bradley-terry: a unanimous profile has no maximum-likelihood fit; the vanishing prior keeps its order', () => {
  const r = bradleyTerry.run(new Summary(profileFromRankings(3, [[2, 0, 1]], [4])));
  assert.deepEqual(r.ranking, [[2], [0], [1]]);
  for (const x of r.scores as number[]) assert.ok(Number.isFinite(x));
});

test('bradley-terry: a prior shrinks the scores toward 0', () => {
  const s = new Summary(
    profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [3, 2],
    ),
  );
  const free = bradleyTerry.run(s).scores as number[];
  const shrunk = bradleyTerry.run(s, undefined, { prior: 5 }).scores as number[];
  assert.ok(Math.abs(shrunk[2]) < Math.abs(free[2]));
});

test('property: the fit satisfies the likelihood equations (each candidate’s wins = its expected wins)', () => {
  const arb = fc.integer({ min: 2, max: 5 }).chain((m) =>
    fc.tuple(
      fc.constant(m),
      fc.array(fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }), {
        minLength: 2,
        maxLength: 8,
      }),
    ),
  );
  fc.assert(
    fc.property(arb, ([m, rankings]) => {
      const sum = new Summary(profileFromRankings(m, rankings));
      const w = sum.support();
      const s = bradleyTerryScores(m, w);
      for (const x of s) assert.ok(Number.isFinite(x));
      let total = 0;
      for (const x of s) total += x;
      assert.ok(Math.abs(total) < 1e-9);
      // Only where the maximum exists (every candidate beaten and beating through a cycle).
      if (!stronglyConnected(m, w)) return;
      for (let i = 0; i < m; i++) {
        let wins = 0;
        let expected = 0;
        for (let j = 0; j < m; j++) {
          if (j === i) continue;
          wins += w[i * m + j];
          expected += (w[i * m + j] + w[j * m + i]) / (1 + Math.exp(s[j] - s[i]));
        }
        assert.ok(Math.abs(wins - expected) < 1e-6, `candidate ${i}: ${wins} vs ${expected}`);
      }
    }),
    { numRuns: 150 },
  );
});

test('bradley-terry refuses more candidates than its dense fit handles, with a one-line UserError', () => {
  const m = BRADLEY_TERRY_MAX + 1;
  const s = new Summary(profileFromRankings(m, [[...Array(m).keys()]]));
  assert.throws(
    () => bradleyTerry.run(s),
    (e: unknown) => e instanceof UserError && e.message.includes(String(BRADLEY_TERRY_MAX)),
  );
});
