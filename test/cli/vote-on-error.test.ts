/**
 * `sulab vote --on-error skip` on JSON Lines: every input line gets one answer in order (an error
 * record for a bad line, a marker for a blank one), so output line k answers input line k; the
 * run ends with exit code 2 when a line failed. `stop` (the default) stops at the first bad line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const lines = [
  '{"candidates": 2, "rankings": [[0, 1]]}',
  '',
  '{"candidates": 2, "rankings": [[0, 5]]}',
  'not json',
  '{"candidates": 3, "rankings": [[2, 1, 0]]}',
];
const dir = tempFiles({ 'p.jsonl': `${lines.join('\n')}\n` });
const file = `${dir}/p.jsonl`;

test('--json --on-error skip: one JSON value per input line, errors in place', () => {
  const r = sulab(['vote', '-m', 'borda', '-i', file, '--json', '--on-error', 'skip']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `sulab: ${file}: 2 lines failed (an error record stands in each one's place)\n`);
  const out = r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(out.length, lines.length);
  assert.deepEqual(out[0][0].winners, [0]);
  assert.equal(out[1], null);
  assert.deepEqual(out[2], { error: `${file}:3: rankings[0][1]: candidate 5 is not one of 0..1` });
  assert.match(out[3].error, new RegExp(`^${file}:4:1: invalid JSON`));
  assert.deepEqual(out[4][0].winners, [2]);
});

test('--on-error skip without --json: a header per line, errors and blanks marked', () => {
  const r = sulab(['vote', '-m', 'borda', '-i', file, '--on-error', 'skip']);
  assert.equal(r.code, 2);
  const headers = r.stdout.split('\n').filter((l) => l.startsWith('# '));
  assert.deepEqual(headers, [
    `# ${file}:1`,
    `# ${file}:2: blank`,
    `# ${file}:3: error: rankings[0][1]: candidate 5 is not one of 0..1`,
    `# ${file}:4: error: invalid JSON: unexpected "n"; expected a value`,
    `# ${file}:5`,
  ]);
});

test('--on-error stop (the default): the lines before, then one error line', () => {
  const r = sulab(['vote', '-m', 'borda', '-i', file, '--json']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout.trimEnd().split('\n').length, 1);
  assert.equal(r.stderr, `sulab: ${file}:3: rankings[0][1]: candidate 5 is not one of 0..1\n`);
  const bad = sulab(['vote', '-m', 'borda', '-i', file, '--on-error', 'maybe']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--on-error: expected stop or skip, got "maybe"/);
});
