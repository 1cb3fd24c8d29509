import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const base = ['generate', '--model', 'mallows', '--voters', '11', '--candidates', '5', '--phi', '0.4'];

test('generate is reproducible from the seed and batches are prefix-stable', () => {
  const a = sulab([...base, '--seed', '7', '--count', '3']);
  const b = sulab([...base, '--seed', '7', '--count', '5']);
  assert.equal(a.code, 0, a.stderr);
  const la = a.stdout.trim().split('\n');
  const lb = b.stdout.trim().split('\n');
  assert.equal(la.length, 3);
  assert.equal(lb.length, 5);
  assert.deepEqual(lb.slice(0, 3), la);
  const one = JSON.parse(sulab([...base, '--seed', '7']).stdout);
  assert.deepEqual(one, JSON.parse(la[0]));
  assert.notEqual(sulab([...base, '--seed', '8', '--count', '3']).stdout, a.stdout);
});

test('generate writes PrefLib to a file, and vote reads it back', () => {
  const dir = tempFiles({});
  const file = join(dir, 'g.soc');
  const r = sulab([...base, '--seed', '1', '--output', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(file, 'utf8'), /# DATA TYPE: soc/);
  assert.deepEqual(readdirSync(dir), ['g.soc']);
  const v = sulab(['vote', '-m', 'borda', '-i', file, '--json']);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(JSON.parse(v.stdout)[0].method, 'borda');
});

test('generate: bad options are usage errors and leave no file behind', () => {
  const dir = tempFiles({});
  const file = join(dir, 'x.jsonl');
  for (const args of [
    [...base.slice(0, 7), '--phi', '2', '--output', file],
    ['generate', '--model', 'nope', '--voters', '3', '--candidates', '3'],
    ['generate', '--model', 'ic', '--voters', '3', '--candidates', '3', '--phi', '0.5'],
    ['generate', '--model', 'ic', '--voters', '-3', '--candidates', '3'],
    ['generate', '--model', 'ic', '--voters', '3', '--candidates', '3', '--count', '2', '--format', 'soc'],
  ]) {
    const r = sulab(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  assert.equal(existsSync(file), false);
});

test('generate refuses sizes that cannot fit, and seeds out of range', () => {
  for (const args of [
    ['generate', '--model', 'ic', '--voters', '100000', '--candidates', '100000'],
    ['generate', '--model', 'mallows', '--voters', '1', '--candidates', '1000000000'],
    ['generate', '--model', 'ic', '--voters', '3', '--candidates', '3', '--seed', '4294967296'],
  ]) {
    const r = sulab(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
});
