import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as vote } from '../../../src/cli/vote.js';
import { UserError } from '../../../src/core/errors.js';
import { inProcess, tempFiles } from '../../cli/helpers.js';

const food =
  '{"candidates": ["Oranges","Pears","Chocolate","Strawberries","Sweets"], "rankings": [[0],[1,0],[2,3],[2,4],[3],[4]], "counts": [4,2,8,4,1,1]}';

test('sulab vote --seats K: the committee of every multi-winner method; a method may name its own seats', async () => {
  const file = join(tempFiles({ 'food.json': food }), 'food.json');
  const out = JSON.parse(
    await inProcess(vote, [
      '--input',
      file,
      '--method',
      'stv-scottish,meek,borda,stv-nb:seats=1',
      '--seats',
      '3',
      '--json',
    ]),
  );
  assert.deepEqual(
    out.map((e: { method: string; winners: number[] }) => [e.method, e.winners]),
    [
      ['stv-scottish', [0, 2, 3]],
      ['meek', [0, 2, 3]],
      ['borda', [2]],
      ['stv-nb:seats=1', [2]],
    ],
  );
  // A committee is not a tie set: a tie-break leaves it whole.
  const broken = JSON.parse(
    await inProcess(vote, [
      '--input',
      file,
      '--method',
      'meek',
      '--seats',
      '3',
      '--tiebreak',
      'lexicographic',
      '--json',
    ]),
  );
  assert.deepEqual(broken[0].winners, [0, 2, 3]);
  await assert.rejects(
    inProcess(vote, ['--input', file, '--method', 'borda', '--seats', '2']),
    (e: unknown) => e instanceof UserError && e.where === '--seats' && /multi-winner methods/.test(e.message),
  );
  await assert.rejects(
    inProcess(vote, ['--input', file, '--method', 'stv', '--seats', '0']),
    (e: unknown) => e instanceof UserError && e.where === '--seats',
  );
});
