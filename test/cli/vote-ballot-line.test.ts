/** `sulab vote` refusing a ballot names the input file and the ballot's line in it. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as vote } from '../../src/cli/vote.js';
import { sulab, tempFiles } from './helpers.js';

const ties = 'needs linear orders over the candidates in play: this ballot ties a and b';

const json = (counts: string) =>
  `{"candidates": ["a", "b", "c"],\n "rankings": [\n  [0, 1, 2], [1, 2, 0],\n  [[0, 1], 2]\n ],\n "counts": ${counts}}\n`;
const dir = tempFiles({
  'p.toc':
    '# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: a\n# ALTERNATIVE NAME 2: b\n\n3: 1,2,3\n2: 2,3,1\n1: {1,2},3\n',
  'p.csv': 'a,b,c,#\n1,2,3,3\n\n2,3,1,2\n1,1,2,1\n',
  'w.csv': 'a,b,c,#\n1,2,3,3\n\n2,3,1,2.5\n',
  'p.json': json('[1, 2, 1]'),
  'w.json': json('[1, 2,\n  0.5]'),
  // Blank lines count (a line that votes would print its result here).
  'p.jsonl': '\n \n{"candidates": ["a", "b"], "rankings": [[1, 0], [[0, 1]]]}\n',
});

test('dodgson and young on PrefLib, CSV, JSON and JSON Lines: FILE:LINE of the ballot', async () => {
  const cases: [string, string, string][] = [
    ['dodgson', 'p.toc', `8: dodgson ${ties}`],
    [
      'young',
      'w.csv',
      '4: young counts whole voters (swaps or removals per voter): expected a whole number of voters, got 2.5',
    ],
    ['dodgson', 'p.json', `4: rankings[2]: dodgson ${ties}`],
    [
      'young',
      'w.json',
      '7: counts[2]: young counts whole voters (swaps or removals per voter): expected a whole number of voters, got 0.5',
    ],
    ['dodgson', 'p.jsonl', `3: rankings[1]: dodgson ${ties}`],
  ];
  for (const [method, file, message] of cases) {
    const path = join(dir, file);
    await assert.rejects(vote(['-m', method, '-i', path, '--json']), {
      name: 'UserError',
      message: `${path}:${message}`,
    });
  }
});

test('as a command: one line, exit 2', () => {
  const path = join(dir, 'p.csv');
  const r = sulab(['vote', '--method', 'dodgson', '--input', path]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `sulab: ${path}:5: dodgson ${ties}\n`);
});
