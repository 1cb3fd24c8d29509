import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import {
  euclidean,
  expectedSwapDistance,
  factorial,
  impartialAnonymousCultureOrders,
  impartialCulture,
  impartialCultureOrders,
  isSinglePeaked,
  mallows,
  mallowsOrders,
  normalUtilities,
  phiFromNormalized,
  singlePeaked,
  singlePeakedOrders,
  spatialOrders,
  spatialSample,
  spatialUtilities,
  uniformInt53,
  uniformUtilities,
  unrankOrder,
  urnOrders,
} from '../../src/generate/profiles.js';
import { type Profile, profileFromOrders } from '../../src/sigma/profile.js';

/** The order of ballot b, best first (ballots of linear orders). */
function orderOf(p: Profile, b: number): number[] {
  const o = new Array<number>(p.m);
  for (let c = 0; c < p.m; c++) o[p.levels[b * p.m + c]] = c;
  return o;
}

/** Frequencies of each order (as "a,b,c") in n*m flat orders. */
function tally(orders: Int32Array, m: number): Map<string, number> {
  const t = new Map<string, number>();
  for (let v = 0; v < orders.length / m; v++) {
    const key = Array.from(orders.subarray(v * m, (v + 1) * m)).join(',');
    t.set(key, (t.get(key) ?? 0) + 1);
  }
  return t;
}

function allOrders(m: number): string[] {
  const out: string[] = [];
  const o = new Int32Array(m);
  for (let i = 0; i < factorial(m); i++) {
    unrankOrder(i, m, o);
    out.push(Array.from(o).join(','));
  }
  return out;
}

/** Asserts every count is within `tol` (relative) of `expected`. */
function near(counts: Iterable<number>, expected: number, tol: number, what: string) {
  for (const c of counts) assert.ok(Math.abs(c - expected) <= tol * expected, `${what}: ${c} vs ${expected}`);
}

test('the same seed gives the same profile, for every generator', () => {
  const gens: ((r: Random) => Profile)[] = [
    (r) => impartialCulture(r, 5, 30),
    (r) => profileFromOrders(4, impartialAnonymousCultureOrders(r, 4, 30)),
    (r) => profileFromOrders(4, impartialAnonymousCultureOrders(r, 4, 30, 'stars-and-bars')),
    (r) => mallows(r, 5, 30, { phi: 0.7 }),
    (r) => profileFromOrders(5, urnOrders(r, 5, 30, { alpha: 3 })),
    (r) => euclidean(r, 5, 30, { dimensions: 3, distribution: 'normal' }),
    (r) => singlePeaked(r, 5, 30, { method: 'conitzer' }),
    (r) => uniformUtilities(r, 5, 30),
    (r) => normalUtilities(r, 5, 30),
    (r) => spatialUtilities(r, 5, 30),
  ];
  for (const g of gens) {
    const a = g(new Random(11));
    const b = g(new Random(11));
    assert.deepEqual(Array.from(a.levels), Array.from(b.levels));
    assert.deepEqual(a.scores && Array.from(a.scores), b.scores && Array.from(b.scores));
    assert.notDeepEqual(Array.from(g(new Random(12)).levels), Array.from(a.levels));
    assert.equal(a.k, 30);
    assert.ok(a.counts.every((c) => c === 1));
  }
});

test('IC: every order about equally often; the fast path fills a reused buffer', () => {
  const m = 3;
  const n = 60000;
  const t = tally(impartialCultureOrders(new Random(1), m, n), m);
  assert.equal(t.size, 6);
  near(t.values(), n / 6, 0.05, 'IC order');
  // the buffer path gives the same orders as the profile path
  const buf = new Int32Array(101 * 5);
  impartialCultureOrders(new Random(3), 5, 101, buf);
  assert.deepEqual(
    Array.from(profileFromOrders(5, buf).levels),
    Array.from(impartialCulture(new Random(3), 5, 101).levels),
  );
  // each candidate is first about equally often with more candidates too
  const first = new Array(6).fill(0);
  const o = impartialCultureOrders(new Random(2), 6, 30000);
  for (let v = 0; v < 30000; v++) first[o[v * 6]]++;
  near(first, 5000, 0.08, 'IC first place');
});

test('IAC: all 21 anonymous profiles of 2 voters over 3 candidates equally likely, both methods', () => {
  for (const method of ['urn', 'stars-and-bars'] as const) {
    const rng = new Random(5);
    const counts = new Map<string, number>();
    const trials = 42000;
    const buf = new Int32Array(6);
    for (let t = 0; t < trials; t++) {
      impartialAnonymousCultureOrders(rng, 3, 2, method, buf);
      const key = [buf.subarray(0, 3).join(''), buf.subarray(3, 6).join('')].sort().join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 21, method);
    near(counts.values(), trials / 21, 0.1, `IAC ${method}`);
  }
  assert.throws(() => impartialAnonymousCultureOrders(new Random(1), 19, 5, 'stars-and-bars'), /m ≤ 18/);
});

test('urn: α = 0 is IC, a huge α copies the first voter', () => {
  const t = tally(urnOrders(new Random(4), 3, 30000, { alpha: 0 }), 3);
  near(t.values(), 5000, 0.08, 'urn α=0');
  const same = urnOrders(new Random(4), 4, 50, { alpha: 1e12 });
  assert.equal(tally(same, 4).size, 1);
  // normalized α = 1 adds m! copies: on average more repeated orders than α = 1
  const distinct = (o: Int32Array) => tally(o, 5).size;
  let a = 0;
  let b = 0;
  for (let s = 0; s < 40; s++) {
    a += distinct(urnOrders(new Random(s), 5, 50, { alpha: 1 }));
    b += distinct(urnOrders(new Random(s), 5, 50, { normalizedAlpha: 1 }));
  }
  assert.ok(b < a, `${b} < ${a}`);
});

test('Mallows: φ = 0 gives only the central order; φ = 1 is IC; mean swap distance as predicted', () => {
  const central = [3, 0, 2, 1];
  const zero = mallowsOrders(new Random(1), 4, 500, { phi: 0, central });
  assert.deepEqual([...tally(zero, 4).keys()], ['3,0,2,1']);
  const one = tally(mallowsOrders(new Random(2), 3, 60000, { phi: 1 }), 3);
  assert.equal(one.size, 6);
  near(one.values(), 10000, 0.05, 'Mallows φ=1');
  const m = 6;
  const n = 20000;
  for (const phi of [0.3, 0.8]) {
    const o = mallowsOrders(new Random(3), m, n, { phi });
    let total = 0;
    for (let v = 0; v < n; v++)
      for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (o[v * m + i] > o[v * m + j]) total++;
    const mean = total / n;
    const expected = expectedSwapDistance(m, phi);
    assert.ok(Math.abs(mean - expected) < 0.03 * expected, `φ=${phi}: ${mean} vs ${expected}`);
  }
  // the central order is the most frequent one and ranks stay near it
  const p = mallows(new Random(4), 5, 3000, { phi: 0.4, central: [4, 3, 2, 1, 0] });
  let top = 0;
  for (let b = 0; b < p.k; b++) if (orderOf(p, b)[0] === 4) top++;
  assert.ok(top > 0.5 * p.k);
});

test('normalized φ: expected swap distance is the requested share of m(m−1)/4', () => {
  for (const m of [3, 5, 10]) {
    assert.equal(phiFromNormalized(m, 0), 0);
    assert.equal(phiFromNormalized(m, 1), 1);
    for (const r of [0.1, 0.5, 0.9]) {
      const phi = phiFromNormalized(m, r);
      assert.ok(phi > 0 && phi < 1);
      assert.ok(Math.abs(expectedSwapDistance(m, phi) - (r * m * (m - 1)) / 4) < 1e-9);
    }
  }
  assert.equal(expectedSwapDistance(4, 1), 3); // m(m−1)/4
  assert.throws(() => phiFromNormalized(4, 2), UserError);
});

test('single-peaked: every order is single-peaked on the axis; Walsh uniform, Conitzer uniform peak', () => {
  const axis = [2, 4, 0, 3, 1];
  for (const method of ['walsh', 'conitzer'] as const) {
    const o = singlePeakedOrders(new Random(6), 5, 2000, { method, axis });
    for (let v = 0; v < 2000; v++) assert.ok(isSinglePeaked(o.subarray(v * 5, v * 5 + 5), axis), method);
  }
  // Walsh: uniform over the 2^(m−1) = 8 single-peaked orders of 4 candidates
  const w = tally(singlePeakedOrders(new Random(7), 4, 40000), 4);
  assert.equal(w.size, 8);
  near(w.values(), 5000, 0.08, 'Walsh order');
  // Conitzer: the peak is uniform
  const peaks = new Array(5).fill(0);
  const c = singlePeakedOrders(new Random(8), 5, 25000, { method: 'conitzer' });
  for (let v = 0; v < 25000; v++) peaks[c[v * 5]]++;
  near(peaks, 5000, 0.08, 'Conitzer peak');
  assert.ok(!isSinglePeaked([0, 2, 1], [0, 1, 2]));
  assert.ok(isSinglePeaked([1, 2, 0], [0, 1, 2]));
  assert.throws(
    () => singlePeaked(new Random(1), 3, 1, { axis: [0, 0, 1] }),
    /candidate 0 appears more than once/,
  );
});

test('Euclidean: each voter ranks by distance; in one dimension the orders are single-peaked', () => {
  const s = spatialSample(new Random(9), 6, 500, { dimensions: 1 });
  const orders = spatialOrders(s);
  const axis = Array.from({ length: 6 }, (_, i) => i).sort((a, b) => s.candidates[a] - s.candidates[b]);
  for (let v = 0; v < 500; v++) {
    const o = orders.subarray(v * 6, v * 6 + 6);
    assert.ok(isSinglePeaked(o, axis));
    const d = (c: number) => Math.abs(s.voters[v] - s.candidates[c]);
    for (let i = 1; i < 6; i++) assert.ok(d(o[i - 1]) <= d(o[i]));
  }
  for (const distribution of ['uniform', 'normal'] as const) {
    const q = spatialSample(new Random(10), 4, 100, { dimensions: 3, distribution });
    assert.equal(q.candidates.length, 12);
    assert.equal(q.voters.length, 300);
    if (distribution === 'uniform') assert.ok(q.voters.every((x) => x >= 0 && x < 1));
  }
  // euclidean() is spatialSample + spatialOrders with the same draws
  assert.deepEqual(
    Array.from(euclidean(new Random(9), 6, 500, { dimensions: 1 }).levels),
    Array.from(profileFromOrders(6, orders).levels),
  );
});

test('utilities: uniform in [0,1), normal with mean 0 and variance 1, spatial = −distance', () => {
  const u = uniformUtilities(new Random(1), 4, 5000);
  assert.ok(u.scores!.every((x) => x >= 0 && x < 1));
  const mean = u.scores!.reduce((a, b) => a + b, 0) / u.scores!.length;
  assert.ok(Math.abs(mean - 0.5) < 0.02);
  const nu = normalUtilities(new Random(2), 4, 5000);
  const s = nu.scores!;
  const mu = s.reduce((a, b) => a + b, 0) / s.length;
  const v = s.reduce((a, b) => a + (b - mu) ** 2, 0) / s.length;
  assert.ok(Math.abs(mu) < 0.03 && Math.abs(v - 1) < 0.05, `${mu} ${v}`);
  const shifted = normalUtilities(new Random(2), 4, 10, { mean: 10, sd: 2 });
  assert.ok(Math.abs(shifted.scores![0] - (10 + 2 * s[0])) < 1e-12);
  const sp = spatialUtilities(new Random(3), 5, 200, { dimensions: 2 });
  assert.ok(sp.scores!.every((x) => x <= 0));
  // the same draws as the Euclidean generator: the induced rankings agree
  assert.deepEqual(
    Array.from(sp.levels),
    Array.from(euclidean(new Random(3), 5, 200, { dimensions: 2 }).levels),
  );
  assert.equal(sp.unranked, undefined);
});

test('helpers: unranking orders and 53-bit uniform integers', () => {
  assert.deepEqual(allOrders(3), ['0,1,2', '0,2,1', '1,0,2', '1,2,0', '2,0,1', '2,1,0']);
  const o = new Int32Array(18);
  unrankOrder(factorial(18) - 1, 18, o);
  assert.deepEqual(
    Array.from(o),
    Array.from({ length: 18 }, (_, i) => 17 - i),
  );
  const r = new Random(1);
  const big = 3 * 2 ** 50;
  for (let i = 0; i < 1000; i++) {
    const x = uniformInt53(r, big);
    assert.ok(Number.isInteger(x) && x >= 0 && x < big);
  }
  let high = 0;
  for (let i = 0; i < 4000; i++) if (uniformInt53(r, big) >= big / 2) high++;
  assert.ok(Math.abs(high - 2000) < 200);
});

test('bad sizes and options are UserErrors naming the option', () => {
  assert.throws(
    () => impartialCulture(new Random(1), 0, 5),
    (e: unknown) => e instanceof UserError && e.where === 'candidates',
  );
  assert.throws(
    () => impartialCulture(new Random(1), 3, -1),
    (e: unknown) => e instanceof UserError && e.where === 'voters',
  );
  assert.throws(
    () => mallows(new Random(1), 3, 5, { phi: 1.5 }),
    (e: unknown) => e instanceof UserError && e.where === 'phi',
  );
  assert.throws(
    () => mallows(new Random(1), 3, 5, { central: [0, 1] }),
    /expected an order of all 3 candidates/,
  );
  assert.throws(() => urnOrders(new Random(1), 3, 5, { alpha: -1 }), /non-negative/);
  assert.throws(() => euclidean(new Random(1), 3, 5, { dimensions: 0 }), /positive whole number/);
  assert.equal(impartialCulture(new Random(1), 3, 0).k, 0);
});

test('a larger reused buffer comes back as a view of exactly n*m entries', () => {
  const big = new Int32Array(1000);
  const o = impartialCultureOrders(new Random(1), 4, 10, big);
  assert.equal(o.length, 40);
  assert.equal(o.buffer, big.buffer);
  assert.equal(profileFromOrders(4, o).k, 10);
  assert.throws(() => impartialCultureOrders(new Random(1), 4, 10, new Int32Array(39)), RangeError);
});
