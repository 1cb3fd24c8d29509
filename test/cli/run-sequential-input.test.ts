import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const productivity = readFileSync('scenarios/productivity.yaml', 'utf8');

test('a level shift past the lattice is clamped, as levels are', () => {
  const dir = tempFiles({
    'p.yaml': productivity.replace(
      'hide-notifications-from-friends: {work: 1, friends: -1}',
      'hide-notifications-from-friends: {work: 5, friends: -1}',
    ),
  });
  const r = sulab(['run', join(dir, 'p.yaml'), '--no-report', '--json']);
  assert.equal(r.code, 0, r.stderr);
  for (const a of JSON.parse(r.stdout).alignments) assert.equal(a.error, undefined);
});

test('too many levels, a transition row that does not sum to 1, a horizon of 0: file and line, exit 2', () => {
  for (const [from, to, pattern] of [
    ['  levels: 3', '  levels: 2000', /p\.yaml:\d+: internal\.levels: expected .* at most 1000/],
    [
      'workday: 0.8, weekend: 0.2',
      'workday: 0.8, weekend: 0.1',
      /p\.yaml:\d+: truth\.workday.*sum to 0\.9, expected 1/,
    ],
    ['horizon: 28', 'horizon: 0', /p\.yaml:\d+: horizon: expected a whole number from 1 to 1000, got 0/],
  ] as const) {
    const dir = tempFiles({ 'p.yaml': productivity.replace(from, to) });
    const r = sulab(['run', join(dir, 'p.yaml'), '--no-report']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});
