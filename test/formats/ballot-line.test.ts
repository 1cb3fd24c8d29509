/**
 * A rule's error about a ballot (`rankings[b]`, `counts[b]`, `scores[b][c]`) is placed at the line
 * of the file that holds that ballot.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { atBallotLine, ballotLine, parseProfile } from '../../src/formats/index.js';
import { findJsonPath } from '../../src/formats/json-syntax.js';

const preflib = [
  '# FILE NAME: x.toc', // 1
  '# NUMBER ALTERNATIVES: 3', // 2
  '', // 3
  '3: 1,2,3', // 4
  '', // 5
  '2: 2,3,1', // 6
  '1: {1,2},3', // 7
].join('\n');

const csv = [
  'a,"b', // 1
  'still b",c,#', // 2
  '1,2,3,3', // 3
  '', // 4
  '"2",3,1,2', // 5
  '1,1,2,1.5', // 6
].join('\r\n');

const json = `{
  "candidates": ["a", "b", "c"],
  "meta": {"note": "[[\\"rankings\\", ]]"},
  "rankings": [
    [0, 1, 2], [1, 2, 0],
    [[0, 1], 2]
  ],
  "counts": [3,
    2, 1.5]
}`;

test('PrefLib: the b-th preference line; CSV: the b-th row after the header', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((b) => ballotLine(preflib, 'x.toc', `rankings[${b}]`)),
    [4, 6, 7, undefined],
  );
  assert.equal(ballotLine(preflib, 'x.toc', 'counts[1]'), 6);
  assert.deepEqual(
    [0, 1, 2].map((b) => ballotLine(csv, 'x.csv', `rankings[${b}]`)),
    [3, 5, 6],
  );
  assert.equal(ballotLine(csv, 'x.scores.csv', 'scores[1][2]'), 5);
  assert.equal(ballotLine(csv, 'x.csv', 'candidates'), undefined);
  assert.equal(ballotLine(csv, 'x.csv', 'rankings[1].x'), undefined);
});

test('JSON: the line of the value the path names; JSON Lines: the profile’s line', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((b) => ballotLine(json, 'x.json', `rankings[${b}]`)),
    [5, 5, 6, undefined],
  );
  assert.deepEqual(
    [0, 1, 2].map((b) => ballotLine(json, 'x.json', `counts[${b}]`)),
    [8, 9, 9],
  );
  // A profile written as scores: a rule naming rankings[b] means that ballot.
  const scores = '{"candidates": 2,\n "scores": [\n  [1, 0],\n  [0, null]]}';
  assert.equal(ballotLine(scores, 'x.json', 'rankings[1]'), 4);
  assert.equal(ballotLine(scores, 'x.json', 'scores[0][1]'), 3);
  assert.equal(ballotLine('\n\n{"candidates": 1, "rankings": [[0]]}\n', 'x.jsonl', 'rankings[0]'), 3);
});

test('atBallotLine re-raises at FILE:LINE; JSON keeps the path; other errors pass', () => {
  const tie = new UserError('dodgson needs linear orders: this ballot ties a and b', 'rankings[2]');
  const at = (text: string, file: string) => (atBallotLine(tie, text, file) as Error).message;
  assert.equal(at(preflib, 'x.toc'), 'x.toc:7: dodgson needs linear orders: this ballot ties a and b');
  assert.equal(at(csv, 'x.csv'), 'x.csv:6: dodgson needs linear orders: this ballot ties a and b');
  assert.equal(
    at(json, 'x.json'),
    'x.json:6: rankings[2]: dodgson needs linear orders: this ballot ties a and b',
  );
  const other = new UserError('too many candidates', 'dodgson');
  assert.equal(atBallotLine(other, json, 'x.json'), other);
  const plain = new Error('boom');
  assert.equal(atBallotLine(plain, json, 'x.json'), plain);
  // The ballot indices are those of the profile the file reads as.
  assert.equal(parseProfile(preflib, 'x.toc').k, 3);
  assert.equal(parseProfile(csv, 'x.csv').k, 3);
});

test('findJsonPath: keys, indices, strings holding brackets, the last of duplicate keys', () => {
  const t = '\uFEFF{"a": {"x]": "}\\"]", "b": [1, [2, 3], {"c": 4}]}, "b": null, "a": [ 10 , 20 ] }';
  const at = (...path: (string | number)[]) => {
    const i = findJsonPath(t, path);
    return i === undefined ? undefined : t.slice(i, i + 4);
  };
  assert.equal(at('a', 1), '20 ]');
  assert.equal(at('b'), 'null');
  assert.equal(at('a', 2), undefined);
  assert.equal(at('z'), undefined);
  assert.equal(at(0), undefined);
  assert.equal(findJsonPath('[[], {"k": []}, 5]', [2]), 16);
  assert.equal(findJsonPath('[]', [0]), undefined);
  assert.equal(findJsonPath('{}', ['a']), undefined);
});
