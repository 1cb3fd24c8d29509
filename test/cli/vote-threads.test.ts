/**
 * `sulab vote --threads N` on JSON Lines: runs of lines are answered on worker threads and printed
 * in input order, so the output is byte for byte the one-thread output — answers, error records
 * under skip, and under stop the lines before the first bad one and its error. The file spans
 * several 1 MiB runs, so order across runs is exercised.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../src/core/random.js';
import { sulab, tempFiles } from './helpers.js';

const rng = new Random(7);
const profile = (m: number, n: number) =>
  JSON.stringify({ candidates: m, rankings: Array.from({ length: n }, () => [...rng.permutation(m)]) });
const lines = Array.from({ length: 5_000 }, (_, i) => profile(3 + (i % 4), 40));
const N = lines.length;
// Bad and blank lines in the first, a middle and the last run.
const broken = [...lines];
broken[10] = '{"candidates": 2, "rankings": [[0, 7]]}';
broken[Math.floor(N / 2)] = '';
broken[N - 3] = 'not json';
const dir = tempFiles({ 'ok.jsonl': `${lines.join('\n')}\n`, 'bad.jsonl': `${broken.join('\n')}\n` });

test('--threads 2 prints what one thread prints, in input order, over several runs', () => {
  const args = ['vote', '-m', 'borda,schulze,irv', '-i', `${dir}/ok.jsonl`, '--json'];
  const one = sulab([...args, '--threads', '1']);
  const two = sulab([...args, '--threads', '2']);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  assert.equal(one.stdout.split('\n').length, N + 1);
  assert.equal(two.stdout, one.stdout);
});

test('--threads with --on-error skip and stop: the same records and the same error', () => {
  for (const extra of [['--on-error', 'skip'], ['--json', '--on-error', 'skip'], ['--json']]) {
    const args = ['vote', '-m', 'copeland', '-i', `${dir}/bad.jsonl`, ...extra];
    const one = sulab([...args, '--threads', '1']);
    const two = sulab([...args, '--threads', '2']);
    assert.equal(one.code, 2);
    assert.equal(two.code, 2);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stdout, one.stdout);
    if (extra.length > 1) continue;
    // Stop (the default): the ten lines before the bad one, then its error.
    assert.equal(two.stdout.trimEnd().split('\n').length, 10);
    assert.match(two.stderr, /bad\.jsonl:11: rankings\[0\]\[1\]: candidate 7 is not one of 0\.\.1/);
  }
});

test('random tie-breaking takes one thread; --threads must be a whole number ≥ 1', () => {
  const random = sulab([
    'vote',
    '-m',
    'borda',
    '-i',
    `${dir}/ok.jsonl`,
    '--tiebreak',
    'random',
    '--threads',
    '2',
  ]);
  assert.equal(random.code, 2);
  assert.equal(
    random.stderr,
    'sulab: --threads: random tie-breaking draws in line order: it runs in one thread\n',
  );
  const zero = sulab(['vote', '-m', 'borda', '-i', `${dir}/ok.jsonl`, '--threads', '0']);
  assert.equal(zero.code, 2);
  assert.match(zero.stderr, /--threads/);
});

test('--summary with --threads 2: the same summary, and the same first error, as one thread', () => {
  const args = ['vote', '-m', 'borda,schulze,plurality', '-i', `${dir}/ok.jsonl`, '--summary', '--json'];
  const one = sulab([...args, '--threads', '1']);
  const two = sulab([...args, '--threads', '2']);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.stdout, one.stdout);
  assert.equal(JSON.parse(one.stdout).profiles, N);
  const bad = ['vote', '-m', 'copeland', '-i', `${dir}/bad.jsonl`, '--summary'];
  const badOne = sulab([...bad, '--threads', '1']);
  const badTwo = sulab([...bad, '--threads', '2']);
  assert.equal(badOne.code, 2);
  assert.equal(badTwo.code, 2);
  assert.equal(badTwo.stderr, badOne.stderr);
  assert.match(badTwo.stderr, /bad\.jsonl:11: rankings\[0\]\[1\]: candidate 7 is not one of 0\.\.1/);
});
