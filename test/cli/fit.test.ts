import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const pairs =
  'winner,loser,count\napple,pear,3\npear,apple,1\npear,fig,2\nfig,pear,1\napple,fig,4\nfig,apple,1\n';

test('fit: Bradley–Terry scores, ordering and argmax from a CSV of comparisons', () => {
  const dir = tempFiles({ 'p.csv': pairs });
  const r = sulab(['fit', '--model', 'bradley-terry', '--input', join(dir, 'p.csv'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.ordering, [['apple'], ['pear'], ['fig']]);
  assert.deepEqual(out.argmax, ['apple']);
  assert.equal(out.converged, true);
  const s = Object.values(out.scores as Record<string, number>);
  assert.ok(Math.abs(s.reduce((a, b) => a + b, 0)) < 1e-9);
  // At the maximum-likelihood scores, expected wins equal observed wins for every item.
  const sig = (x: number) => 1 / (1 + Math.exp(-x));
  const { apple, pear, fig } = out.scores;
  const expectedAppleWins = 4 * sig(apple - pear) + 5 * sig(apple - fig);
  assert.ok(Math.abs(expectedAppleWins - 7) < 1e-6);
});

test('fit: data whose scores do not exist is a clear error naming the file; a prior fixes it', () => {
  const dir = tempFiles({ 'p.csv': 'winner,loser\na,b\nb,c\n' });
  const file = join(dir, 'p.csv');
  const r = sulab(['fit', '--input', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /p\.csv: .*do not exist.*prior/);
  assert.equal(sulab(['fit', '--input', file, '--prior', '0.1']).code, 0);
});

test('fit: a malformed CSV line is named by file and line', () => {
  const dir = tempFiles({ 'p.csv': 'winner,loser,count\na,b,1\na,b,x\n' });
  const r = sulab(['fit', '--input', join(dir, 'p.csv')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /p\.csv:3/);
});
