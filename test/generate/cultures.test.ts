/**
 * The ordinal cultures added for prefsampling's breadth: each tested for its defining property,
 * and for its law where the law is known (frequencies within 4.5 standard deviations, fixed seeds).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Random } from '../../src/core/random.js';
import { fitsTree, groupSeparableSample, type SeparableTree } from '../../src/generate/group-separable.js';
import {
  circleSinglePeakedOrders,
  isSinglePeakedOnCircle,
  kAxesSinglePeakedSample,
} from '../../src/generate/peaks.js';
import {
  ballPoints,
  expectedSwapDistance,
  isSinglePeaked,
  phiFromNormalized,
  unrankOrder,
} from '../../src/generate/profiles.js';
import { didiOrders, plackettLuceOrders } from '../../src/generate/qualities.js';
import { randomMallowsSample, randomUrnSample } from '../../src/generate/random-parameters.js';
import {
  isSingleCrossing,
  singleCrossingDomain,
  singleCrossingImpartialOrders,
  singleCrossingOrders,
} from '../../src/generate/single-crossing.js';
import { identityOrders, stratificationOrders } from '../../src/generate/strata.js';

/** |count − N·p| within 4.5 binomial standard deviations (plus one for discreteness). */
function binomialNear(count: number, N: number, p: number, what: string): void {
  const sd = Math.sqrt(N * p * (1 - p));
  assert.ok(
    Math.abs(count - N * p) <= 4.5 * sd + 1,
    `${what}: ${count} vs ${(N * p).toFixed(1)} (sd ${sd.toFixed(1)})`,
  );
}

function rows(orders: Int32Array, m: number): number[][] {
  return Array.from({ length: orders.length / m }, (_, v) => Array.from(orders.subarray(v * m, v * m + m)));
}

function tally(orders: Int32Array, m: number): Map<string, number> {
  const t = new Map<string, number>();
  for (const r of rows(orders, m)) t.set(r.join(','), (t.get(r.join(',')) ?? 0) + 1);
  return t;
}

function isPermutation(r: readonly number[], m: number): boolean {
  return r.length === m && new Set(r).size === m && r.every((c) => Number.isInteger(c) && c >= 0 && c < m);
}

test('Plackett–Luce: first places in proportion to the qualities; the law of every order for m = 3', () => {
  const N = 20000;
  const alphas = [4, 2, 1, 1];
  const first = new Array<number>(4).fill(0);
  for (const r of rows(plackettLuceOrders(new Random(5), 4, N, alphas), 4)) first[r[0]]++;
  for (const [c, k] of first.entries()) binomialNear(k, N, alphas[c] / 8, `first place of ${c}`);
  // P(a > b > c) = α_a/(α_a+α_b+α_c) · α_b/(α_b+α_c) (Luce 1959; prefsampling's theoretical_distribution)
  const a3 = [0.5, 0.2, 0.1];
  const t = tally(plackettLuceOrders(new Random(6), 3, N, a3), 3);
  const o = new Int32Array(3);
  for (let i = 0; i < 6; i++) {
    unrankOrder(i, 3, o);
    const [x, y, z] = o;
    const p = (a3[x] / (a3[x] + a3[y] + a3[z])) * (a3[y] / (a3[y] + a3[z]));
    binomialNear(t.get(`${x},${y},${z}`) ?? 0, N, p, `order ${x}${y}${z}`);
  }
  // equal qualities: impartial culture
  for (const k of tally(plackettLuceOrders(new Random(7), 3, 6000, [2, 2, 2]), 3).values())
    binomialNear(k, 6000, 1 / 6, 'equal qualities');
});

test('DiDi: with two candidates P(0 first) = P(Beta(α0, α1) > 1/2); tiny qualities still give orders', () => {
  // Beta(2, 1) has density 2x, so P(x > 1/2) = 3/4
  const N = 20000;
  let wins = 0;
  for (const r of rows(didiOrders(new Random(8), 2, N, [2, 1]), 2)) if (r[0] === 0) wins++;
  binomialNear(wins, N, 0.75, 'P(0 > 1)');
  // Gamma(0.01) draws underflow to 0 in floating point; compared in log space they stay distinct
  const tiny = didiOrders(new Random(9), 5, 300, [0.01, 0.01, 0.01, 0.01, 0.01]);
  const t = tally(tiny, 5);
  for (const r of rows(tiny, 5)) assert.ok(isPermutation(r, 5));
  assert.ok(t.size > 50, `tiny equal qualities spread over many orders (${t.size})`);
});

test('single-crossing: the domain is a maximal chain of adjacent swaps; every profile is single-crossing', () => {
  const d = rows(singleCrossingDomain(new Random(1), 5), 5);
  assert.equal(d.length, 11);
  assert.deepEqual(d[0], [0, 1, 2, 3, 4]);
  assert.deepEqual(d[10], [4, 3, 2, 1, 0]);
  for (let i = 1; i < d.length; i++) {
    const diff = d[i].flatMap((c, j) => (c !== d[i - 1][j] ? [j] : []));
    assert.equal(diff.length, 2);
    assert.equal(diff[1], diff[0] + 1);
    assert.ok(d[i - 1][diff[0]] < d[i - 1][diff[1]], 'only increasing pairs swap');
  }
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 40 }),
      (seed, m, n) => {
        const o = singleCrossingOrders(new Random(seed), m, n);
        assert.ok(isSingleCrossing(o, m));
      },
    ),
    { numRuns: 60 },
  );
  // a hand case that is not: the pair (0, 1) flips twice
  assert.equal(isSingleCrossing(Int32Array.from([0, 1, 2, 1, 0, 2, 0, 1, 2]), 3), false);
  assert.equal(isSingleCrossing(Int32Array.from([0, 1, 2, 1, 0, 2, 1, 2, 0]), 3), true);
});

/** Inversions of an order as a set of "a,b" pairs (a < b, b ranked above a). */
function inversionSet(r: readonly number[]): Set<string> {
  const s = new Set<string>();
  for (let i = 0; i < r.length; i++)
    for (let j = i + 1; j < r.length; j++) if (r[i] > r[j]) s.add(`${r[j]},${r[i]}`);
  return s;
}

test('impartial single-crossing: chains from the identity in the weak order, each equally likely', () => {
  // the weak order by inclusion of inversions is reachability by swaps of increasing adjacent pairs
  const m4 = Array.from({ length: 24 }, (_, i) => {
    const o = new Int32Array(4);
    unrankOrder(i, 4, o);
    return Array.from(o);
  });
  for (const u of m4) {
    const reach = new Set([u.join(',')]);
    const stack = [u];
    while (stack.length > 0) {
      const x = stack.pop() as number[];
      for (let j = 0; j < 3; j++)
        if (x[j] < x[j + 1]) {
          const y = [...x];
          [y[j], y[j + 1]] = [y[j + 1], y[j]];
          if (!reach.has(y.join(','))) {
            reach.add(y.join(','));
            stack.push(y);
          }
        }
    }
    const iu = inversionSet(u);
    for (const v of m4) {
      const iv = inversionSet(v);
      assert.equal(
        reach.has(v.join(',')),
        [...iu].every((p) => iv.has(p)),
        `${u} ≤ ${v}`,
      );
    }
  }
  // m = 3, n = 3: every chain id ≤ v2 ≤ v3 equally likely
  const m3 = Array.from({ length: 6 }, (_, i) => {
    const o = new Int32Array(3);
    unrankOrder(i, 3, o);
    return Array.from(o);
  });
  const le = (u: number[], v: number[]) => [...inversionSet(u)].every((p) => inversionSet(v).has(p));
  const chains: string[] = [];
  for (const v2 of m3) for (const v3 of m3) if (le(m3[0], v2) && le(v2, v3)) chains.push(`0,1,2|${v2}|${v3}`);
  const N = 12000;
  const counts = new Map<string, number>();
  for (let s = 0; s < N; s++) {
    const r = rows(singleCrossingImpartialOrders(new Random([3, s]), 3, 3), 3);
    const key = r.map((x) => x.join(',')).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort(), [...chains].sort());
  for (const k of counts.values()) binomialNear(k, N, 1 / chains.length, 'chain');
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 30 }),
      (seed, m, n) => {
        const r = rows(singleCrossingImpartialOrders(new Random(seed), m, n), m);
        assert.deepEqual(r[0], [...Array(m).keys()]);
        for (let v = 1; v < n; v++) assert.ok(le(r[v - 1], r[v]));
        assert.ok(isSingleCrossing(r.flat(), m));
      },
    ),
    { numRuns: 40 },
  );
  assert.throws(() => singleCrossingImpartialOrders(new Random(1), 8, 3), /at most 7 candidates/);
});

/** The tree's shape with the leaves' names erased. */
function shape(t: SeparableTree): string {
  return typeof t === 'number' ? '_' : `(${t.map(shape).join(' ')})`;
}

function leaves(t: SeparableTree): number[] {
  return typeof t === 'number' ? [t] : t.flatMap(leaves);
}

/** Inada's condition: every set of ≥ 2 candidates splits into a part every voter ranks wholly above or below the rest. */
function inadaSeparable(orders: number[][], m: number): boolean {
  for (let S = 1; S < 1 << m; S++) {
    if ((S & (S - 1)) === 0) continue;
    let found = false;
    for (let T = (S - 1) & S; T > 0 && !found; T = (T - 1) & S) {
      found = orders.every((r) => {
        const inS = r.filter((c) => (S >> c) & 1);
        const k = inS.filter((c) => (T >> c) & 1).length;
        const top = inS.slice(0, k).every((c) => (T >> c) & 1);
        const bottom = inS.slice(inS.length - k).every((c) => (T >> c) & 1);
        return top || bottom;
      });
    }
    if (!found) return false;
  }
  return true;
}

test('group-separable: every vote fits the tree (and Inada’s condition); with two voters every tree shape equally likely', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('schroeder', 'caterpillar', 'balanced'),
      (seed, m, n, sampler) => {
        const { orders, tree } = groupSeparableSample(new Random(seed), m, n, {
          treeSampler: sampler as 'schroeder',
        });
        assert.deepEqual([...leaves(tree)].sort(), [...Array(m).keys()]);
        const r = rows(orders, m);
        for (const o of r) assert.ok(fitsTree(o, tree), `${o} fits ${JSON.stringify(tree)}`);
        assert.ok(inadaSeparable(r, m));
        const internalOk = (t: SeparableTree): boolean =>
          typeof t === 'number' || (t.length >= 2 && t.every(internalOk));
        assert.ok(internalOk(tree));
      },
    ),
    { numRuns: 60 },
  );
  // a profile that is not group-separable: the three cyclic orders of 0, 1, 2 (Inada fails on {0,1,2})
  assert.equal(
    inadaSeparable(
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
      3,
    ),
    false,
  );
  assert.equal(fitsTree([0, 2, 1], [[0, 1], 2]), false);
  assert.equal(fitsTree([2, 1, 0], [[0, 1], 2]), true);
  // n = 2: r internal nodes has weight C(3,r)·C(3+r,4) = 3, 15, 15 over 1, 5, 5 shapes: 1/11 each
  const N = 11000;
  const shapes = new Map<string, number>();
  for (let s = 0; s < N; s++) {
    const k = shape(groupSeparableSample(new Random([4, s]), 4, 2).tree);
    shapes.set(k, (shapes.get(k) ?? 0) + 1);
  }
  assert.equal(shapes.size, 11);
  for (const k of shapes.values()) binomialNear(k, N, 1 / 11, 'tree shape');
  assert.equal(
    shape(groupSeparableSample(new Random(1), 4, 3, { treeSampler: 'caterpillar' }).tree),
    '(_ (_ (_ _)))',
  );
  assert.equal(
    shape(groupSeparableSample(new Random(1), 4, 3, { treeSampler: 'balanced' }).tree),
    '((_ _) (_ _))',
  );
});

test('circle single-peaked: every top segment is an arc; the m·2^(m−2) such orders equally likely', () => {
  const N = 16000;
  const o = circleSinglePeakedOrders(new Random(2), 4, N);
  const t = tally(o, 4);
  for (const r of rows(o, 4)) assert.ok(isSinglePeakedOnCircle(r, [0, 1, 2, 3]));
  assert.equal(t.size, 16);
  for (const k of t.values()) binomialNear(k, N, 1 / 16, 'circle order');
  const axis = [3, 0, 4, 1, 2];
  for (const r of rows(circleSinglePeakedOrders(new Random(3), 5, 200, axis), 5))
    assert.ok(isSinglePeakedOnCircle(r, axis));
  assert.equal(isSinglePeakedOnCircle([0, 2, 1, 3], [0, 1, 2, 3]), false);
  assert.equal(isSinglePeakedOnCircle([0, 3, 1, 2], [0, 1, 2, 3]), true);
});

test('k-axes single-peaked: k distinct axes up to reversal; each vote single-peaked on its axis; axes chosen by weight', () => {
  const N = 8000;
  const s = kAxesSinglePeakedSample(new Random(4), 5, N, {
    k: 3,
    axesWeights: [1, 2, 5],
    method: 'conitzer',
  });
  const keys = s.axes.map((a) => a.join(','));
  const rev = s.axes.map((a) => [...a].reverse().join(','));
  assert.equal(new Set([...keys, ...rev]).size, 6);
  const used = [0, 0, 0];
  rows(s.orders, 5).forEach((r, v) => {
    assert.ok(isSinglePeaked(r, Array.from(s.axes[s.axisOf[v]])));
    used[s.axisOf[v]]++;
  });
  for (const [i, k] of used.entries()) binomialNear(k, N, [1, 2, 5][i] / 8, `axis ${i}`);
  assert.throws(() => kAxesSinglePeakedSample(new Random(1), 3, 5, { k: 4 }), /at most 3 axes/);
});

test('identity and stratification', () => {
  for (const r of rows(identityOrders(4, 5), 4)) assert.deepEqual(r, [0, 1, 2, 3]);
  const N = 6000;
  const o = stratificationOrders(new Random(5), 5, N, 0.5);
  const top = [0, 0];
  for (const r of rows(o, 5)) {
    assert.deepEqual([...r.slice(0, 2)].sort(), [0, 1]);
    assert.deepEqual([...r.slice(2)].sort(), [2, 3, 4]);
    top[r[0]]++;
  }
  binomialNear(top[0], N, 0.5, 'upper class order');
  for (const w of [0, 1])
    for (const k of tally(stratificationOrders(new Random(6), 3, 3000, w), 3).values())
      binomialNear(k, 3000, 1 / 6, `weight ${w} is impartial culture`);
});

test('Mallows-R: φ uniform in [0.001, 0.999] per profile; the profile follows Mallows(φ) around its central order', () => {
  const K = 2000;
  const phis = Array.from({ length: K }, (_, s) => randomMallowsSample(new Random([7, s]), 4, 0).phi).sort(
    (a, b) => a - b,
  );
  assert.ok(phis[0] >= 0.001 && phis[K - 1] <= 0.999);
  // Kolmogorov–Smirnov distance to U[0.001, 0.999]; 1.63/√K is the 1% critical value
  const ks = Math.max(
    ...phis.map((x, i) =>
      Math.max(Math.abs((i + 1) / K - (x - 0.001) / 0.998), Math.abs(i / K - (x - 0.001) / 0.998)),
    ),
  );
  assert.ok(ks < 1.63 / Math.sqrt(K), `KS ${ks}`);
  const s = randomMallowsSample(new Random(8), 6, 4000);
  const pos = new Map(s.central.map((c, i) => [c, i]));
  let swaps = 0;
  for (const r of rows(s.orders, 6))
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) if ((pos.get(r[i]) as number) > (pos.get(r[j]) as number)) swaps++;
  const mean = swaps / 4000;
  assert.ok(Math.abs(mean - expectedSwapDistance(6, s.phi)) < 0.15, `mean swaps ${mean} at φ = ${s.phi}`);
  const r = randomMallowsSample(new Random(9), 6, 1, { normalized: true });
  assert.ok(r.normalizedPhi !== undefined && Math.abs(r.phi - phiFromNormalized(6, r.normalizedPhi)) < 1e-12);
  assert.deepEqual(randomMallowsSample(new Random(9), 4, 2, { central: [3, 2, 1, 0] }).central, [3, 2, 1, 0]);
});

test('urn-R: the copies are Gamma(0.8, 1) multiples of m! (mean 0.8, variance 0.8)', () => {
  const K = 4000;
  const gs = Array.from({ length: K }, (_, s) => randomUrnSample(new Random([10, s]), 3, 0).g);
  const mean = gs.reduce((a, b) => a + b, 0) / K;
  const variance = gs.reduce((a, b) => a + (b - mean) ** 2, 0) / K;
  assert.ok(Math.abs(mean - 0.8) < 4.5 * Math.sqrt(0.8 / K), `mean ${mean}`);
  assert.ok(Math.abs(variance - 0.8) < 0.15, `variance ${variance}`);
});

test('ball and sphere positions: inside the ball of radius 1/2, on its sphere; radius law (r/R)^d', () => {
  const N = 8000;
  for (const d of [1, 2, 3]) {
    const b = ballPoints(new Random(d), N, d, false);
    const s = ballPoints(new Random(d), 100, d, true);
    let inner = 0;
    for (let p = 0; p < N; p++) {
      let r2 = 0;
      for (let k = 0; k < d; k++) r2 += b[p * d + k] ** 2;
      assert.ok(r2 <= 0.25 + 1e-12);
      if (Math.sqrt(r2) <= 0.25) inner++;
    }
    binomialNear(inner, N, 0.5 ** d, `inner half-ball, d = ${d}`);
    for (let p = 0; p < 100; p++) {
      let r2 = 0;
      for (let k = 0; k < d; k++) r2 += s[p * d + k] ** 2;
      assert.ok(Math.abs(Math.sqrt(r2) - 0.5) < 1e-12);
    }
  }
});
