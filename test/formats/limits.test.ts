/**
 * The profile readers refuse sizes past their limits before allocating: a header claiming 100,000
 * alternatives, a JSON profile of a billion candidates, a table of too many ballot cells, each one
 * line naming the file and field. A ranking nested thousands of arrays deep is described, not a
 * stack overflow. `sulab vote --max-candidates` raises the candidate limit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main as vote } from '../../src/cli/vote.js';
import { UserError } from '../../src/core/errors.js';
import { parseProfile } from '../../src/formats/index.js';
import { MAX_BALLOT_CELLS, MAX_CANDIDATES } from '../../src/formats/limits.js';
import { inProcess, sulab, tempFiles } from '../cli/helpers.js';

const limitMessage = (where: string, field: string, m: number) =>
  `${where}: ${field}: ${m.toLocaleString('en-US')} candidates is more than the limit of ${MAX_CANDIDATES.toLocaleString('en-US')} (raise it with --max-candidates)`;

test('a PrefLib header claiming 100,000 alternatives with one vote: refused at its line', () => {
  const text = '# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 100000\n1: 1\n';
  assert.throws(() => parseProfile(text, 'big.soi'), {
    message: limitMessage('big.soi:2', 'NUMBER ALTERNATIVES', 100_000),
  });
  // Raised, it reads.
  assert.equal(parseProfile(text, 'big.soi', { maxCandidates: 100_000 }).m, 100_000);
  // Without a header, the largest alternative in the data counts.
  assert.throws(() => parseProfile('1: 1,99999\n', 'x.soi'), UserError);
});

test('a JSON profile of 10^9 candidates, by count or by names, is refused before any allocation', () => {
  assert.throws(() => parseProfile('{"candidates": 1000000000, "rankings": [[0]]}', 'p.json'), {
    message: limitMessage('p.json', 'candidates', 1_000_000_000),
  });
  const names = JSON.stringify(Array.from({ length: MAX_CANDIDATES + 1 }, (_, i) => `c${i}`));
  assert.throws(() => parseProfile(`{"candidates": ${names}, "rankings": [[0]]}`, 'p.json'), {
    message: limitMessage('p.json', 'candidates', MAX_CANDIDATES + 1),
  });
  const line = '{"candidates": 1000000000, "rankings": [[0]]}\n';
  assert.throws(() => parseProfile(line, 'p.jsonl'), {
    message: limitMessage('p.jsonl:1', 'candidates', 1e9),
  });
});

test('a CSV header wider than the limit', () => {
  const header = Array.from({ length: MAX_CANDIDATES + 1 }, (_, i) => `c${i}`).join(',');
  assert.throws(() => parseProfile(`${header}\n`, 'p.csv'), UserError);
  assert.throws(() => parseProfile(`${header}\n`, 'p.scores.csv'), UserError);
});

test('too many ballot cells (ballots × candidates) is refused, naming both', () => {
  const m = MAX_CANDIDATES;
  const k = Math.floor(MAX_BALLOT_CELLS / m) + 1;
  const text = `{"candidates": ${m}, "rankings": [${Array(k).fill('[0]').join(',')}]}`;
  assert.throws(
    () => parseProfile(text, 'p.json'),
    (e: unknown) =>
      e instanceof UserError && /ballots × 10,000 candidates is more than the limit/.test(e.message),
  );
});

test('a ranking nested 5,000 arrays deep: one line describing it', () => {
  const deep = `${'['.repeat(5000)}0${']'.repeat(5000)}`;
  assert.throws(() => parseProfile(`{"candidates": 2, "rankings": [${deep}]}`, 'd.json'), {
    message:
      'd.json: rankings[0][0][0]: expected a candidate index (a whole number in 0..1), got a deeply nested array',
  });
  assert.throws(
    () => parseProfile(`{"candidates": 2, "rankings": [[0]], "counts": [${deep}]}`, 'd.json'),
    UserError,
  );
});

test('sulab vote --max-candidates raises the limit; the default refusal is exit 2', async () => {
  const dir = tempFiles({ 'big.soi': '# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 10001\n1: 2\n' });
  const file = `${dir}/big.soi`;
  const r = sulab(['vote', '-m', 'borda', '-i', file]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `sulab: ${limitMessage(`${file}:2`, 'NUMBER ALTERNATIVES', 10_001)}\n`);
  const out = await inProcess(vote, ['-m', 'plurality', '-i', file, '--json', '--max-candidates', '10001']);
  assert.deepEqual(JSON.parse(out)[0].winners, [2]);
  await assert.rejects(vote(['-m', 'borda', '-i', file, '--max-candidates', '0']), /--max-candidates/);
});
