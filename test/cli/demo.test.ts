import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sulab } from './helpers.js';

test('demo: every rule on the built-in elections', () => {
  const r = sulab(['demo']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Condorcet cycle/);
  assert.match(r.stdout, /Debian 2002 leader/);
  assert.match(r.stdout, /^borda\s/m);
  const j = sulab(['demo', '--json']);
  const out = JSON.parse(j.stdout);
  const borda = out.results.find((x: { method: string }) => x.method === 'borda');
  assert.deepEqual(borda.winners['borda-vs-condorcet'], { winners: [1] });
  assert.deepEqual(borda.winners['condorcet-cycle'], { winners: [0, 1, 2] });
});
