import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  formatJsonProfile,
  parseJsonLine,
  parseJsonLines,
  parseJsonProfile,
  profileFromJson,
} from '../../src/formats/index.js';
import { findJsonSyntaxError } from '../../src/formats/json-syntax.js';
import { rankingOf } from '../../src/sigma/profile.js';

function fails(f: () => unknown, where: string, message: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
    assert.equal(e.where, where);
    assert.match(e.message, message);
    return true;
  });
}

const j = (v: unknown) => JSON.stringify(v);

test('reads rankings with ties, truncation, names and counts', () => {
  const p = parseJsonProfile(
    j({ candidates: ['a', 'b', 'c'], rankings: [[0, 1, 2], [[0, 1], 2], [2]], counts: [5, 3, 1] }),
    'p.json',
  );
  assert.equal(p.m, 3);
  assert.deepEqual(p.names, ['a', 'b', 'c']);
  assert.deepEqual(p.ids, [0, 1, 2]);
  assert.deepEqual(Array.from(p.counts), [5, 3, 1]);
  assert.deepEqual(rankingOf(p, 1), [[0, 1], [2]]);
  assert.deepEqual(Array.from(p.levels.subarray(6, 9)), [1, 1, 0]);
  assert.deepEqual(Array.from(p.unranked!.subarray(6, 9)), [1, 1, 0]);
  const q = parseJsonProfile(j({ candidates: 2, rankings: [[1, 0]] }), 'q.json');
  assert.deepEqual(q.names, ['0', '1']);
  assert.deepEqual(Array.from(q.counts), [1]);
});

test('reads cardinal scores, null = unscored; keeps ids', () => {
  const p = parseJsonProfile(
    j({ candidates: 3, ids: [1, 2, 3], scores: [[1, 0.5, null]], counts: [2] }),
    'p.json',
  );
  assert.deepEqual(
    Array.from(p.scores!, (x) => (Number.isNaN(x) ? null : x)),
    [1, 0.5, null],
  );
  assert.deepEqual(p.ids, [1, 2, 3]);
  assert.deepEqual(Array.from(p.levels), [0, 1, 2]);
  assert.deepEqual(Array.from(p.unranked!), [0, 0, 1]);
});

test('the writer puts one ballot per line and omits default counts and ids', () => {
  const p = parseJsonProfile(j({ candidates: 3, rankings: [[0, [1, 2]], [2]] }), 'p.json');
  assert.equal(
    formatJsonProfile(p),
    '{\n  "candidates": 3,\n  "rankings": [\n    [0,[1,2]],\n    [2]\n  ]\n}\n',
  );
});

test('errors name the field path and the file', () => {
  const bad = (v: unknown, message: RegExp) =>
    fails(() => parseJsonProfile(j(v), 'f.json'), 'f.json', message);
  bad(
    { candidates: 3, rankings: [[0, 1, 2], [0], [2], [1, 0, 1]] },
    /^f\.json: rankings\[3\]: candidate 1 appears more than once$/,
  );
  bad({ candidates: 3, rankings: [[0, [1, 1]]] }, /rankings\[0\]: candidate 1 appears more than once/);
  bad({ candidates: 3, rankings: [[0, 3]] }, /rankings\[0\]\[1\]: candidate 3 is not one of 0\.\.2/);
  bad(
    { candidates: 3, rankings: [[0, [1, 5]]] },
    /rankings\[0\]\[1\]\[1\]: candidate 5 is not one of 0\.\.2/,
  );
  bad(
    { candidates: 3, rankings: [[0, 1.5]] },
    /rankings\[0\]\[1\]: expected a candidate index \(a whole number in 0\.\.2\), got 1\.5/,
  );
  bad(
    { candidates: 3, rankings: [[0, 'b']] },
    /rankings\[0\]\[1\]: expected a candidate index or an array of tied candidates, got "b"/,
  );
  bad(
    { candidates: 3, rankings: [[0, []]] },
    /rankings\[0\]\[1\]: expected at least one candidate in a tie group/,
  );
  bad(
    { candidates: 3, rankings: [0] },
    /rankings\[0\]: expected an array of candidates \(best first\), got 0/,
  );
  bad({ candidates: 3, rankings: {} }, /rankings: expected an array of ballots/);
  bad(
    { candidates: 3, rankings: [[0]], counts: [1, 2] },
    /counts: expected 1 counts \(one per ballot in rankings\), got 2/,
  );
  bad(
    { candidates: 3, rankings: [[0]], counts: [-1] },
    /counts\[0\]: expected a non-negative number, got -1/,
  );
  bad(
    { candidates: 3, rankings: [[0]], counts: ['2'] },
    /counts\[0\]: expected a non-negative number, got "2"/,
  );
  bad({ rankings: [[0]] }, /candidates: missing; expected the number of candidates or their names/);
  bad(
    { candidates: 0, rankings: [] },
    /candidates: expected a positive whole number or an array of names, got 0/,
  );
  bad(
    { candidates: ['a', 'a'], rankings: [] },
    /candidates\[1\]: name "a" is already used by candidates\[0\]/,
  );
  bad({ candidates: ['a', 2], rankings: [] }, /candidates\[1\]: expected a name \(a string\), got 2/);
  bad({ candidates: 2, ids: [1], rankings: [] }, /ids: expected 2 ids \(one per candidate\), got 1/);
  bad({ candidates: 2, ids: [1, 1], rankings: [] }, /ids\[1\]: id 1 is used twice/);
  bad({ candidates: 2, rankigns: [] }, /rankigns: unknown field/);
  bad({ candidates: 2 }, /expected a "rankings" field \(ordinal ballots\) or a "scores" field/);
  bad({ candidates: 2, rankings: [], scores: [] }, /expected either "rankings" or "scores", not both/);
  bad({ candidates: 2, scores: [[1]] }, /scores\[0\]: expected 2 scores \(one per candidate\), got 1/);
  bad({ candidates: 2, scores: [[1, 'x']] }, /scores\[0\]\[1\]: expected a number or null, got "x"/);
  bad([1, 2], /expected a JSON object with "candidates" and "rankings" or "scores", got \[1,2\]/);
  // meta is allowed and ignored
  assert.equal(parseJsonProfile(j({ candidates: 1, rankings: [[0]], meta: { seed: 1 } }), 'f.json').k, 1);
});

test('syntax errors give the line and column', () => {
  fails(
    () => parseJsonProfile('{\n  "candidates": 3,\n  "rankings": [[0,1,2],]\n}', 'f.json'),
    'f.json:3:24',
    /invalid JSON: unexpected "]"; expected a value/,
  );
  fails(
    () => parseJsonProfile('{"candidates": 3', 'f.json'),
    'f.json:1:17',
    /invalid JSON: unexpected the end of the text; expected "," or "}"/,
  );
  fails(() => parseJsonProfile('', 'f.json'), 'f.json:1:1', /invalid JSON/);
  assert.equal(findJsonSyntaxError('{"a": [1, 2.5e3, "x\\u0041", true, null]}'), undefined);
  assert.deepEqual(findJsonSyntaxError('{"a": 01}'), {
    line: 1,
    column: 8,
    message: 'unexpected "1"; expected "," or "}"',
  });
  assert.equal(findJsonSyntaxError('"\\x"')?.message, 'bad escape \\x');
});

test('JSON Lines: one profile per line, errors at FILE:LINE, blank lines skipped', () => {
  const text = `${j({ candidates: 2, rankings: [[0, 1]] })}\n\n${j({ candidates: 3, scores: [[1, 2, 3]] })}\n`;
  const ps = parseJsonLines(text, 's.jsonl');
  assert.equal(ps.length, 2);
  assert.equal(ps[1].m, 3);
  assert.equal(parseJsonLine('   ', 7, 's.jsonl'), undefined);
  fails(
    () => parseJsonLine(j({ candidates: 2, rankings: [[0, 0]] }), 12, 's.jsonl'),
    's.jsonl:12',
    /^s\.jsonl:12: rankings\[0\]: candidate 0 appears more than once$/,
  );
  fails(() => parseJsonLine('{"candidates": 2,', 1000000, 's.jsonl'), 's.jsonl:1000000:18', /invalid JSON/);
  fails(
    () => parseJsonLines(`${j({ candidates: 1, rankings: [] })}\n{}\n`, 's.jsonl'),
    's.jsonl:2',
    /candidates: missing/,
  );
});

test('profileFromJson takes an already parsed value', () => {
  assert.equal(profileFromJson({ candidates: 4, rankings: [[3, 2, 1, 0]] }, 'inline').m, 4);
});

test('JSON profiles know when every ballot is a complete strict order', async () => {
  const { parseJsonProfile } = await import('../../src/formats/json.js');
  assert.equal(parseJsonProfile('{"candidates":3,"rankings":[[0,1,2],[2,0,1]]}', 'x').linear, true);
  for (const text of [
    '{"candidates":3,"rankings":[[0,[1,2]]]}',
    '{"candidates":3,"rankings":[[0,1]]}',
    '{"candidates":3,"rankings":[[[0],[1],[2]],[0]]}',
  ])
    assert.ok(!parseJsonProfile(text, 'x').linear, text);
});
