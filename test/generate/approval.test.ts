/**
 * Approval-ballot generators: marginals and laws against the definitions (prefsampling's
 * approval.* and their theoretical distributions), with fixed seeds and 4.5-σ tolerances.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import {
  approvalProfile,
  disjointResamplingApprovals,
  identityApprovals,
  impartialApprovals,
  movingResamplingApprovals,
  noiseApprovals,
  resamplingApprovals,
  SET_DISTANCES,
  setDistance,
  urnApprovals,
} from '../../src/generate/approval.js';
import { nearestApprovals, thresholdApprovals, vcrApprovals } from '../../src/generate/approval-spatial.js';
import { getGenerator } from '../../src/generate/registry.js';
import { spatialDistances, spatialSample } from '../../src/generate/profiles.js';
import { profileFromScores } from '../../src/sigma/profile.js';

function binomialNear(count: number, N: number, p: number, what: string): void {
  const sd = Math.sqrt(N * p * (1 - p));
  assert.ok(Math.abs(count - N * p) <= 4.5 * sd + 1, `${what}: ${count} vs ${(N * p).toFixed(1)}`);
}

/** Per-candidate approval counts of n*m 0/1 scores. */
function marginals(a: Float64Array, m: number): number[] {
  const t = new Array<number>(m).fill(0);
  for (let i = 0; i < a.length; i++) t[i % m] += a[i];
  return t;
}

function sizes(a: Float64Array, m: number): number[] {
  return Array.from({ length: a.length / m }, (_, v) =>
    a.subarray(v * m, v * m + m).reduce((x, y) => x + y, 0),
  );
}

test('impartial: each candidate approved with probability p; constant size approves exactly ⌊r·m⌋', () => {
  const N = 10000;
  const a = impartialApprovals(new Random(1), 6, N, { p: 0.3 });
  for (const [c, k] of marginals(a, 6).entries()) binomialNear(k, N, 0.3, `candidate ${c}`);
  const b = impartialApprovals(new Random(2), 7, N, { relNumApprovals: 0.5 });
  assert.ok(sizes(b, 7).every((s) => s === 3));
  for (const [c, k] of marginals(b, 7).entries()) binomialNear(k, N, 3 / 7, `candidate ${c}`);
});

test('urn: α = 0 is impartial; a huge α copies the first ballot', () => {
  const N = 10000;
  for (const [c, k] of marginals(urnApprovals(new Random(3), 5, N, { p: 0.6, alpha: 0 }), 5).entries())
    binomialNear(k, N, 0.6, `candidate ${c}`);
  const a = urnApprovals(new Random(4), 8, 50, { alpha: 1e12 });
  for (let v = 1; v < 50; v++)
    assert.deepEqual(Array.from(a.subarray(v * 8, v * 8 + 8)), Array.from(a.subarray(0, 8)));
  // α = 1: voter i is fresh with probability 1/(1 + i); the second voter copies the first half the time
  let same = 0;
  for (let s = 0; s < 4000; s++) {
    const b = urnApprovals(new Random([5, s]), 12, 2, { alpha: 1 });
    if (b.subarray(0, 12).every((x, c) => x === b[12 + c])) same++;
  }
  // fresh ballots agree with probability 2^-12, negligible next to 1/2
  binomialNear(same, 4000, 0.5 + 0.5 * 2 ** -12, 'copies');
});

test('resampling: marginals (1 − φ) + φp on the central ballot and φp off it (prefsampling’s law)', () => {
  const N = 20000;
  const [phi, p] = [0.3, 0.4];
  const a = resamplingApprovals(new Random(6), 10, N, { phi, p });
  // central ballot: the first ⌊0.4·10⌋ = 4 candidates
  for (const [c, k] of marginals(a, 10).entries())
    binomialNear(k, N, c < 4 ? 1 - phi + phi * p : phi * p, `candidate ${c}`);
  const b = resamplingApprovals(new Random(7), 5, 100, { phi: 0, centralVote: [1, 3] });
  for (let v = 0; v < 100; v++) assert.deepEqual(Array.from(b.subarray(v * 5, v * 5 + 5)), [0, 1, 0, 1, 0]);
  assert.throws(
    () => resamplingApprovals(new Random(1), 3, 1, { centralVote: [0, 0] }),
    /appears more than once/,
  );
});

test('disjoint resampling: a uniform one of g central ballots, each resampled', () => {
  const N = 20000;
  const [phi, p, g] = [0.2, 0.25, 3];
  const a = disjointResamplingApprovals(new Random(8), 12, N, { phi, p, groups: g });
  // groups {0,1,2}, {3,4,5}, {6,7,8}; 9..11 in none
  for (const [c, k] of marginals(a, 12).entries())
    binomialNear(k, N, c < 9 ? (1 - phi + phi * p) / g + ((g - 1) / g) * phi * p : phi * p, `candidate ${c}`);
  assert.throws(() => disjointResamplingApprovals(new Random(1), 4, 1, { p: 0.5, groups: 3 }), /≤ 1/);
});

test('moving resampling: voter 0 casts the central ballot; with one leg per voter it is resampling', () => {
  const a = movingResamplingApprovals(new Random(9), 6, 40, { phi: 0, p: 0.5 });
  for (let v = 0; v < 40; v++) assert.deepEqual(Array.from(a.subarray(v * 6, v * 6 + 6)), [1, 1, 1, 0, 0, 0]);
  const N = 20000;
  const [phi, p] = [0.3, 0.5];
  const b = movingResamplingApprovals(new Random(10), 6, N, { phi, p, legs: N });
  const t = marginals(b.subarray(6), 6); // voters 1.. each resample the central ballot
  for (const [c, k] of t.entries())
    binomialNear(k, N - 1, c < 3 ? 1 - phi + phi * p : phi * p, `candidate ${c}`);
  // one leg: a walk, so neighbours agree more than voters far apart
  const w = movingResamplingApprovals(new Random(11), 30, 400, { phi: 0.1, p: 0.5 });
  const agree = (u: number, v: number) =>
    w.subarray(u * 30, u * 30 + 30).filter((x, c) => x === w[v * 30 + c]).length;
  let near = 0;
  let far = 0;
  for (let v = 1; v < 200; v++) {
    near += agree(v, v + 1);
    far += agree(v, v + 200);
  }
  assert.ok(near > far, `${near} > ${far}`);
  assert.throws(() => movingResamplingApprovals(new Random(1), 3, 2, { legs: 3 }), /at most 2 legs/);
});

test('noise: P(A) ∝ φ^d(A, central) for every distance (all 16 ballots over 4 candidates)', () => {
  const N = 16000;
  const m = 4;
  const phi = 0.4;
  for (const distance of SET_DISTANCES) {
    const a = noiseApprovals(new Random(12), m, N, { phi, p: 0.5, distance });
    const counts = new Array<number>(16).fill(0);
    for (let v = 0; v < N; v++) {
      let mask = 0;
      for (let c = 0; c < m; c++) if (a[v * m + c]) mask |= 1 << c;
      counts[mask]++;
    }
    // central ballot {0, 1} = mask 3
    const weight = (mask: number) => {
      const size = [0, 1, 2, 3].filter((c) => (mask >> c) & 1).length;
      const inter = [0, 1].filter((c) => (mask >> c) & 1).length;
      return phi ** setDistance(distance, 2, size, inter);
    };
    const total = counts.reduce((s, _, mask) => s + weight(mask), 0);
    for (const [mask, k] of counts.entries()) binomialNear(k, N, weight(mask) / total, `${distance} ${mask}`);
  }
  // hand-worked distances between {0,1} and {1,2}: sizes 2 and 2, one shared
  assert.deepEqual(
    SET_DISTANCES.map((d) => setDistance(d, 2, 2, 1)),
    [2, 1 - 1 / 3, 1, 0.5],
  );
  const zero = noiseApprovals(new Random(13), 5, 20, { phi: 0, centralVote: [4] });
  for (let v = 0; v < 20; v++) assert.deepEqual(Array.from(zero.subarray(v * 5, v * 5 + 5)), [0, 0, 0, 0, 1]);
});

test('spatial approvals: threshold, VCR and nearest ballots recomputed from the same positions', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 20 }),
      fc.constantFrom('uniform', 'normal', 'ball', 'sphere'),
      (seed, m, n, distribution) => {
        const opts = { dimensions: 2, distribution: distribution as 'uniform' };
        const d = spatialDistances(spatialSample(new Random(seed), m, n, opts));
        const t = thresholdApprovals(new Random(seed), m, n, { ...opts, threshold: 1.3 });
        const r = vcrApprovals(new Random(seed), m, n, {
          ...opts,
          votersRadius: 0.1,
          candidatesRadius: 0.15,
        });
        const k = nearestApprovals(new Random(seed), m, n, { ...opts, relNumApprovals: 0.5 });
        for (let v = 0; v < n; v++) {
          const row = Array.from(d.subarray(v * m, v * m + m));
          const min = Math.min(...row);
          for (let c = 0; c < m; c++) {
            assert.equal(t[v * m + c], row[c] <= 1.3 * min ? 1 : 0);
            assert.equal(r[v * m + c], row[c] <= 0.25 ? 1 : 0);
          }
          const chosen = row.map((x, c) => [x, c]).filter(([, c]) => k[v * m + c] === 1);
          assert.equal(chosen.length, Math.floor(m / 2));
          const worstChosen = Math.max(...chosen.map(([x]) => x), Number.NEGATIVE_INFINITY);
          for (let c = 0; c < m; c++) if (k[v * m + c] === 0) assert.ok(row[c] >= worstChosen);
        }
      },
    ),
    { numRuns: 40 },
  );
});

test('identity approvals, and approval profiles as 0/1 cardinal ballots through the registry', () => {
  const a = identityApprovals(5, 3, 0.4);
  assert.deepEqual(Array.from(a), [1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0]);
  const p = approvalProfile(5, a);
  assert.deepEqual(Array.from(p.levels.subarray(0, 5)), [0, 0, 1, 1, 1]);
  // the fast path builds what profileFromScores builds, all-approved and empty ballots included
  const mixed = Float64Array.from([1, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1]);
  const fast = approvalProfile(3, mixed);
  const slow = profileFromScores(3, mixed);
  assert.deepEqual(Array.from(fast.levels), Array.from(slow.levels));
  assert.deepEqual(Array.from(fast.counts), Array.from(slow.counts));
  assert.equal(fast.unranked, slow.unranked);
  const g = getGenerator('resampling').generate(new Random(1), 6, 10, {
    phi: '0.5',
    p: '0.5',
    'central-vote': '0,5',
  });
  assert.equal(g.scores?.length, 60);
  assert.throws(
    () => getGenerator('noise').generate(new Random(1), 6, 10, { distance: 'euclid' }),
    /distance: expected one of hamming, jaccard, zelinka, bunke-shearer/,
  );
});
