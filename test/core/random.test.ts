import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../src/core/random.js';

test('the same seed gives the same stream', () => {
  const a = new Random(42);
  const b = new Random(42);
  for (let i = 0; i < 100; i++) assert.equal(a.uint32(), b.uint32());
  assert.notEqual(new Random(1).uint32(), new Random(2).uint32());
});

test('split streams depend only on the seed and the index', () => {
  const a = new Random(7);
  const b = new Random(7);
  for (let i = 0; i < 50; i++) b.uint32();
  assert.deepEqual(
    Array.from({ length: 5 }, () => a.split(3).uint32()),
    Array.from({ length: 5 }, () => b.split(3).uint32()),
  );
  assert.notEqual(a.split(3).uint32(), a.split(4).uint32());
});

test('int is uniform enough and in range', () => {
  const r = new Random(1);
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60000; i++) counts[r.int(6)]++;
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 500, `count ${c}`);
});

test('float is in [0,1) and normal has mean 0, variance 1', () => {
  const r = new Random(3);
  let s = 0;
  let s2 = 0;
  const n = 50000;
  for (let i = 0; i < n; i++) {
    const f = r.float();
    assert.ok(f >= 0 && f < 1);
    const z = r.normal();
    s += z;
    s2 += z * z;
  }
  assert.ok(Math.abs(s / n) < 0.03);
  assert.ok(Math.abs(s2 / n - 1) < 0.03);
});

test('gamma has mean equal to its shape', () => {
  const r = new Random(5);
  for (const shape of [0.5, 1, 3]) {
    let s = 0;
    for (let i = 0; i < 40000; i++) s += r.gamma(shape);
    assert.ok(Math.abs(s / 40000 - shape) < 0.05 * shape + 0.02, `shape ${shape}: ${s / 40000}`);
  }
});
