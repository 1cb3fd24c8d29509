import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { formatCsvProfile, parseCsvProfile, parseCsvRows } from '../../src/formats/index.js';
import { profileFromRankings, profileFromScores, rankingOf } from '../../src/sigma/profile.js';

function fails(f: () => unknown, where: string, message: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
    assert.equal(e.where, where);
    assert.match(e.message, message);
    return true;
  });
}

test("pref_voting's candidate columns: ranks, ties, blanks, the # count column", () => {
  const p = parseCsvProfile('Alice,Bob,Carol,#\n1,2,3,5\n1,1,,2\n3,1,3,1\n', 'v.csv');
  assert.deepEqual(p.names, ['Alice', 'Bob', 'Carol']);
  assert.deepEqual(Array.from(p.counts), [5, 2, 1]);
  assert.deepEqual(rankingOf(p, 1), [[0, 1]]);
  assert.equal(p.unranked![1 * 3 + 2], 1);
  assert.deepEqual(rankingOf(p, 2), [[1], [0, 2]]); // ranks 3,1,3 read densely
});

test('the count column may be named count, sit anywhere, or be absent', () => {
  const p = parseCsvProfile('Count,a,b\n4,2,1\n', 'v.csv');
  assert.deepEqual(Array.from(p.counts), [4]);
  assert.deepEqual(p.names, ['a', 'b']);
  const q = parseCsvProfile('a,b\r\n2,1\r\n\r\n1,2\r\n', 'v.csv');
  assert.deepEqual(Array.from(q.counts), [1, 1]);
  assert.equal(q.k, 2);
});

test('quoted names with commas, quotes and spaces round-trip', () => {
  const p = profileFromRankings(3, [[2, 0, 1]], [1], { names: ['Smith, J.', 'say "hi"', ' padded '] });
  const text = formatCsvProfile(p);
  assert.equal(text, '"Smith, J.","say ""hi"""," padded ",#\n2,3,1,1\n');
  assert.deepEqual(parseCsvProfile(text, 'x.csv').names, p.names);
  const rows = parseCsvRows('"multi\nline",b\n1,2\n', 'x.csv');
  assert.equal(rows[0].fields[0].text, 'multi\nline');
  assert.equal(rows[1].line, 3);
});

test('scores layout: numbers, blank = unscored', () => {
  const p = parseCsvProfile('a,b,c,#\n1.5,-2,,3\n1e3,0,.5,1\n', 's.csv', { layout: 'scores' });
  assert.deepEqual(
    Array.from(p.scores!, (x) => (Number.isNaN(x) ? null : x)),
    [1.5, -2, null, 1000, 0, 0.5],
  );
  assert.deepEqual(Array.from(p.counts), [3, 1]);
  const s = profileFromScores(2, Float64Array.from([0.1, Number.NaN]));
  assert.equal(formatCsvProfile(s, { layout: 'scores' }), '0,1,#\n0.1,,1\n');
});

test("rank columns (pref_voting's rank_columns) are detected from the header", () => {
  const p = parseCsvProfile('Rank1,Rank2,Rank3\nx,y,z\nz,skipped,\ny,x,z\n', 'r.csv');
  assert.deepEqual(p.names, ['x', 'y', 'z']);
  assert.deepEqual(rankingOf(p, 1), [[2]]);
  assert.deepEqual(Array.from(p.unranked!.subarray(3, 6)), [1, 1, 0]);
  assert.equal(
    formatCsvProfile(p, { layout: 'rank-columns' }),
    'Rank1,Rank2,Rank3,#\nx,y,z,1\nz,skipped,skipped,1\ny,x,z,1\n',
  );
  fails(
    () => parseCsvProfile('Rank1,Rank2\nx,x\n', 'r.csv'),
    'r.csv:2:3',
    /candidate "x" appears more than once/,
  );
  assert.throws(
    () => formatCsvProfile(profileFromRankings(2, [[[0, 1]]]), { layout: 'rank-columns' }),
    /it has ties/,
  );
});

test('errors give line and column and say what was expected', () => {
  fails(
    () => parseCsvProfile('a,b,#\n1,x,1\n', 'e.csv'),
    'e.csv:2:3',
    /expected a rank \(a whole number, 1 = best\) or a blank for "b", got "x"/,
  );
  fails(() => parseCsvProfile('a,b,#\n1,0,1\n', 'e.csv'), 'e.csv:2:3', /expected a rank/);
  fails(() => parseCsvProfile('a,b,#\n1,2.5,1\n', 'e.csv'), 'e.csv:2:3', /expected a rank/);
  fails(
    () => parseCsvProfile('a,b,#\n1,2,-1\n', 'e.csv'),
    'e.csv:2:5',
    /expected a count \(a non-negative number\) in column "#", got "-1"/,
  );
  fails(() => parseCsvProfile('a,b,#\n1,2,\n', 'e.csv'), 'e.csv:2:5', /expected a count/);
  fails(
    () => parseCsvProfile('a,b,#\n1,2\n', 'e.csv'),
    'e.csv:2',
    /expected 3 fields \(as in the header\), got 2/,
  );
  fails(
    () => parseCsvProfile('a,a\n1,2\n', 'e.csv'),
    'e.csv:1:3',
    /candidate name "a" is already used by column 1/,
  );
  fails(
    () => parseCsvProfile('a,,b\n1,2,3\n', 'e.csv'),
    'e.csv:1:3',
    /expected a candidate name, got a blank header cell/,
  );
  fails(() => parseCsvProfile('#\n1\n', 'e.csv'), 'e.csv:1', /expected at least one candidate column/);
  fails(() => parseCsvProfile('', 'e.csv'), 'e.csv', /empty CSV/);
  fails(() => parseCsvProfile('a,b\n"1,2\n', 'e.csv'), 'e.csv:2:1', /unterminated quoted field/);
  fails(
    () => parseCsvProfile('a,"b"x\n', 'e.csv'),
    'e.csv:1:6',
    /expected "," or the end of the line after a closing quote, got "x"/,
  );
  fails(
    () => parseCsvProfile('a,b\n1,abc\n', 'e.csv', { layout: 'scores' }),
    'e.csv:2:3',
    /expected a score \(a number\) or a blank for "b", got "abc"/,
  );
});

test('the writer refuses names a reader would misread', () => {
  assert.throws(
    () => formatCsvProfile(profileFromRankings(2, [[0, 1]], [1], { names: ['#', 'b'] })),
    /count column/,
  );
  assert.throws(
    () => formatCsvProfile(profileFromRankings(2, [[0, 1]], [1], { names: ['a', 'a'] })),
    /used twice/,
  );
  assert.throws(
    () => formatCsvProfile(profileFromRankings(1, [[0]], [1], { names: ['Rank1'] })),
    /rank-columns/,
  );
  assert.throws(() => formatCsvProfile(profileFromRankings(1, [[0]]), { layout: 'scores' }), /has no scores/);
});
