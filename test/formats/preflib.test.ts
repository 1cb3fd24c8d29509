import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { formatPrefLib, parsePrefLib, prefLibWriteOptionsFromHeader } from '../../src/formats/index.js';
import { profileFromRankings, profileFromScores, rankingOf, Summary } from '../../src/sigma/profile.js';

const dir = new URL('../../data/preflib/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const total = (counts: Float64Array) => counts.reduce((a, b) => a + b, 0);

/** Asserts that `f` throws a UserError at `where` whose message matches `message`. */
function fails(f: () => unknown, where: string, message: RegExp) {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
    assert.equal(e.where, where);
    assert.match(e.message, message);
    return true;
  });
}

test('Netflix 00004-00000006: 940 voters, 6 unique orders, X-Files the Condorcet winner', () => {
  const f = parsePrefLib(read('00004-00000006.soc'), '00004-00000006.soc');
  const p = f.profile;
  assert.equal(f.type, 'soc');
  assert.equal(p.m, 3);
  assert.equal(p.k, 6);
  assert.equal(total(p.counts), 940);
  assert.deepEqual(p.ids, [1, 2, 3]);
  assert.deepEqual(p.names, ["National Lampoon's Vacation", 'The X-Files: Season 3', 'The Fifth Element']);
  assert.equal(p.unranked, undefined);
  assert.deepEqual(rankingOf(p, 0), [[1], [0], [2]]); // 300: 2,1,3
  assert.equal(f.header.get('TITLE'), 'Netflix Prize Data');
  const s = new Summary(p).support();
  assert.equal(s[1 * 3 + 0], 300 + 269 + 150); // X-Files over Vacation
  assert.equal(s[1 * 3 + 2], 300 + 269 + 90); // X-Files over The Fifth Element
});

test('Netflix 00004-00000060: 440 voters, 6 unique orders', () => {
  const p = parsePrefLib(read('00004-00000060.soc'), '00004-00000060.soc').profile;
  assert.equal(total(p.counts), 440);
  assert.equal(p.k, 6);
  assert.equal(p.names[2], 'Barton Fink');
});

test('Debian 2002 (soi): 475 voters, 41 orders, truncated ballots flagged, Garbee beats everyone', () => {
  const f = parsePrefLib(read('00002-00000001.soi'), '00002-00000001.soi');
  const p = f.profile;
  assert.equal(f.type, 'soi');
  assert.equal(total(p.counts), 475);
  assert.equal(p.k, 41);
  assert.equal(p.m, 4);
  // line 3 of the data: "40: 3,1,2" leaves out alternative 4
  assert.equal(p.counts[2], 40);
  assert.deepEqual(rankingOf(p, 2), [[2], [0], [1]]);
  assert.deepEqual(Array.from(p.unranked!.subarray(8, 12)), [0, 0, 0, 1]);
  assert.equal(p.levels[2 * 4 + 3], 3);
  const margin = new Summary(p).margin();
  for (const other of [0, 1, 3]) assert.ok(margin[2 * 4 + other] > 0, `Garbee beats ${other}`);
});

test('Debian 2010 (toc): 436 voters, 82 orders, with ties', () => {
  const p = parsePrefLib(read('00002-00000006.toc'), '00002-00000006.toc').profile;
  assert.equal(total(p.counts), 436);
  assert.equal(p.k, 82);
  assert.equal(p.m, 5);
  // "7: 1,{2,3,4,5}"
  assert.deepEqual(rankingOf(p, 15), [[0], [1, 2, 3, 4]]);
  assert.equal(p.unranked, undefined);
});

test('every shipped file is written back byte for byte with its header', () => {
  for (const name of [
    '00002-00000001.soi',
    '00002-00000006.toc',
    '00004-00000006.soc',
    '00004-00000060.soc',
  ]) {
    const text = read(name);
    const f = parsePrefLib(text, name);
    assert.equal(formatPrefLib(f.profile, prefLibWriteOptionsFromHeader(f)), text, name);
  }
});

test('a copy with lines dropped is caught by the header counts', () => {
  const lines = read('00002-00000006.toc').split('\n');
  const damaged = lines.filter((l) => l !== '1: 1,5,2,3,4').join('\n');
  fails(
    () => parsePrefLib(damaged, 'd.toc'),
    'd.toc:11',
    /NUMBER VOTERS is 436 but the counts add up to 435 voters/,
  );
  const fixedVoters = damaged.replace('# NUMBER VOTERS: 436', '# NUMBER VOTERS: 435');
  fails(
    () => parsePrefLib(fixedVoters, 'd.toc'),
    'd.toc:12',
    /NUMBER UNIQUE ORDERS is 82 but there are 81 order lines/,
  );
});

const HEAD = (type: string, m: number, voters: number, orders: number) =>
  [
    `# FILE NAME: t.${type}`,
    `# DATA TYPE: ${type}`,
    `# NUMBER ALTERNATIVES: ${m}`,
    `# NUMBER VOTERS: ${voters}`,
    `# NUMBER UNIQUE ORDERS: ${orders}`,
    ...Array.from({ length: m }, (_, i) => `# ALTERNATIVE NAME ${i + 1}: c${i + 1}`),
  ].join('\n');

test('soc: a ranking that misses or repeats a candidate, or ties, is refused with FILE:LINE', () => {
  const h = HEAD('soc', 3, 3, 2); // 8 header lines
  fails(
    () => parsePrefLib(`${h}\n2: 1,2,3\n1: 1,2\n`, 't.soc'),
    't.soc:10',
    /expected all 3 alternatives \(soc orders are complete\); missing 3/,
  );
  fails(
    () => parsePrefLib(`${h}\n2: 1,2,3\n1: 1,2,2\n`, 't.soc'),
    't.soc:10',
    /alternative 2 appears more than once/,
  );
  fails(
    () => parsePrefLib(`${h}\n2: 1,2,3\n1: 1,{2,3}\n`, 't.soc'),
    't.soc:10',
    /expected a strict order \(soc allows no ties\), got the tie \{2,3\}/,
  );
  fails(
    () => parsePrefLib(`${h}\n2: 1,2,3\n1: 1,2,7\n`, 't.soc'),
    't.soc:10',
    /alternative 7 does not exist; expected a number in 1\.\.3/,
  );
  fails(
    () => parsePrefLib(`${h}\n2: 1,2,3\n1: 0,2,3\n`, 't.soc'),
    't.soc:10',
    /alternative 0 does not exist/,
  );
});

test('soi/toi may be truncated; toc must be complete; soi forbids ties', () => {
  const soi = parsePrefLib(`${HEAD('soi', 3, 3, 2)}\n2: 2\n1: \n`, 't.soi').profile;
  assert.deepEqual(rankingOf(soi, 0), [[1]]);
  assert.deepEqual(Array.from(soi.unranked!), [1, 0, 1, 1, 1, 1]);
  const toi = parsePrefLib(`${HEAD('toi', 3, 1, 1)}\n1: {1,3}\n`, 't.toi').profile;
  assert.deepEqual(Array.from(toi.levels), [0, 1, 0]);
  assert.deepEqual(Array.from(toi.unranked!), [0, 1, 0]);
  fails(() => parsePrefLib(`${HEAD('toc', 3, 1, 1)}\n1: {1,3}\n`, 't.toc'), 't.toc:9', /missing 2/);
  fails(() => parsePrefLib(`${HEAD('soi', 3, 1, 1)}\n1: {1,3}\n`, 't.soi'), 't.soi:9', /soi allows no ties/);
  fails(() => parsePrefLib(`${HEAD('toi', 3, 1, 1)}\n1: 1,{}\n`, 't.toi'), 't.toi:9', /empty tie group/);
});

test('bad counts and bad syntax say what was expected', () => {
  const h = HEAD('soi', 3, 1, 1);
  fails(
    () => parsePrefLib(`${h}\nx: 1,2\n`, 't.soi'),
    't.soi:9',
    /expected a positive whole number of voters before ":", got "x"/,
  );
  fails(() => parsePrefLib(`${h}\n0: 1,2\n`, 't.soi'), 't.soi:9', /positive whole number of voters/);
  fails(() => parsePrefLib(`${h}\n-1: 1,2\n`, 't.soi'), 't.soi:9', /positive whole number of voters/);
  fails(() => parsePrefLib(`${h}\n1.5: 1,2\n`, 't.soi'), 't.soi:9', /positive whole number of voters/);
  fails(() => parsePrefLib(`${h}\n1 1,2\n`, 't.soi'), 't.soi:9', /expected "count: order"/);
  fails(
    () => parsePrefLib(`${h}\n1: 1,,2\n`, 't.soi'),
    't.soi:9',
    /expected an alternative number, got ",2"/,
  );
  fails(
    () => parsePrefLib(`${h}\n1: 1 2\n`, 't.soi'),
    't.soi:9',
    /expected "," between alternatives, got "2"/,
  );
  fails(
    () => parsePrefLib(`${h}\n1: 1,2,\n`, 't.soi'),
    't.soi:9',
    /expected an alternative number, got the end of the line/,
  );
  fails(
    () => parsePrefLib(`${HEAD('toi', 3, 1, 1)}\n1: {1,2\n`, 't.toi'),
    't.toi:9',
    /expected "," or "}" inside the braces/,
  );
});

test('header counts that disagree with the data are refused at the header line', () => {
  fails(
    () => parsePrefLib(`${HEAD('soc', 3, 5, 1)}\n3: 1,2,3\n`, 't.soc'),
    't.soc:4',
    /NUMBER VOTERS is 5 but the counts add up to 3 voters/,
  );
  fails(
    () => parsePrefLib(`${HEAD('soc', 3, 3, 2)}\n3: 1,2,3\n`, 't.soc'),
    't.soc:5',
    /NUMBER UNIQUE ORDERS is 2 but there are 1 order lines/,
  );
  // NUMBER ALTERNATIVES says 4: a complete order of 3 misses one
  const h4 = HEAD('soc', 4, 1, 1).replace(/\n# ALTERNATIVE NAME 4: c4$/, '');
  fails(
    () => parsePrefLib(`${h4}\n1: 1,2,3\n`, 't.soc'),
    't.soc:9',
    /expected all 4 alternatives .*missing 4/,
  );
  // NUMBER ALTERNATIVES says 2 but a name and the data use 3
  const h2 = HEAD('soi', 2, 1, 1);
  fails(
    () => parsePrefLib(`${h2}\n# ALTERNATIVE NAME 3: c3\n1: 3\n`, 't.soi'),
    't.soi:8',
    /alternative 3 does not exist; expected a number in 1\.\.2 \(NUMBER ALTERNATIVES\)/,
  );
  fails(() => parsePrefLib(`${h2}\n1: 3\n`, 't.soi'), 't.soi:8', /alternative 3 does not exist/);
  fails(
    () => parsePrefLib('# NUMBER ALTERNATIVES: x\n1: 1\n', 't.soi'),
    't.soi:1',
    /NUMBER ALTERNATIVES: expected a whole number, got "x"/,
  );
});

test('other header problems: type disagreement, late header lines, repeated orders and names', () => {
  fails(
    () => parsePrefLib(`${HEAD('soc', 3, 1, 1)}\n1: 1,2,3\n`, 't.toi'),
    't.toi:2',
    /DATA TYPE is soc but the file is read as toi/,
  );
  fails(() => parsePrefLib('1: 1,2\n', 't.txt'), 't.txt', /cannot tell the PrefLib data type/);
  fails(() => parsePrefLib('# DATA TYPE: wmd\n', 't.txt'), 't.txt:1', /weighted matching/);
  fails(
    () => parsePrefLib(`${HEAD('soi', 3, 2, 2)}\n1: 1\n# TITLE: late\n1: 2\n`, 't.soi'),
    't.soi:10',
    /header line after the preferences/,
  );
  fails(
    () => parsePrefLib(`${HEAD('toi', 3, 2, 2)}\n1: 1,{2,3}\n1: 1,{3,2}\n`, 't.toi'),
    't.toi:10',
    /repeats line 9/,
  );
  fails(
    () => parsePrefLib(`${HEAD('soi', 2, 1, 1)}\n# ALTERNATIVE NAME 1: again\n1: 1\n`, 't.soi'),
    't.soi:8',
    /alternative 1 is named twice \(first on line 6\)/,
  );
});

test('a minimal file: no header at all, type from the extension, alternatives from the data', () => {
  const p = parsePrefLib('2: 1,3,2\r\n1: 3,2,1\r\n', 'bare.soc').profile;
  assert.equal(p.m, 3);
  assert.deepEqual(p.names, ['1', '2', '3']);
  assert.deepEqual(Array.from(p.counts), [2, 1]);
});

test('cat: categories become grades C−1 … 0, uncategorized alternatives are unscored', () => {
  const text = [
    '# DATA TYPE: cat',
    '# NUMBER ALTERNATIVES: 4',
    '# NUMBER VOTERS: 100',
    '# NUMBER UNIQUE PREFERENCES: 3',
    '# NUMBER CATEGORIES: 3',
    '# CATEGORY NAME 1: Good',
    '# CATEGORY NAME 2: Fair',
    '# CATEGORY NAME 3: Bad',
    '86: {},1,{2,3}',
    '13: 4,{},{1,2,3}',
    '1: {1,2},3,{}',
  ].join('\n');
  const f = parsePrefLib(text, 'x.cat');
  assert.deepEqual(f.categories, ['Good', 'Fair', 'Bad']);
  const s = Array.from(f.profile.scores!, (x) => (Number.isNaN(x) ? null : x));
  assert.deepEqual(s, [1, 0, 0, null, 0, 0, 0, 2, 2, 2, 1, null]);
  assert.deepEqual(Array.from(f.profile.unranked!), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(rankingOf(f.profile, 0), [[0], [1, 2]]);
  // two categories (Yes/No) read as approval ballots
  const approval = parsePrefLib(
    '# NUMBER CATEGORIES: 2\n# NUMBER ALTERNATIVES: 3\n5: {1,3},2\n',
    'y.cat',
  ).profile;
  assert.deepEqual(Array.from(approval.scores!), [1, 0, 1]);
  const h = '# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER CATEGORIES: 2\n';
  fails(
    () => parsePrefLib(`${h}1: 1,2,3\n`, 'z.cat'),
    'z.cat:4',
    /expected 2 categories \(NUMBER CATEGORIES\), got 3/,
  );
  fails(
    () => parsePrefLib(`${h}1: {1,2},{2,3}\n`, 'z.cat'),
    'z.cat:4',
    /alternative 2 appears more than once/,
  );
  fails(
    () => parsePrefLib(`${h}# NUMBER UNIQUE PREFERENCES: 2\n1: 1,2\n`, 'z.cat'),
    'z.cat:4',
    /NUMBER UNIQUE PREFERENCES is 2 but there are 1 preference lines/,
  );
});

test('writers: the type chosen from the content, header counts, and refusals', () => {
  const p = profileFromRankings(
    3,
    [
      [0, 1, 2],
      [2, 0, 1],
      [0, 1, 2],
    ],
    [2, 1, 4],
    { names: ['a', 'b', 'c'] },
  );
  const text = formatPrefLib(p, { title: 'T' });
  assert.match(text, /# DATA TYPE: soc\n/);
  assert.match(text, /# NUMBER VOTERS: 7\n# NUMBER UNIQUE ORDERS: 2\n/);
  assert.match(text, /\n6: 1,2,3\n1: 3,1,2\n$/);
  const tied = profileFromRankings(3, [[[0, 1], 2]]);
  assert.match(formatPrefLib(tied), /# DATA TYPE: toc\n[\s\S]*\n1: \{1,2\},3\n$/);
  assert.match(formatPrefLib(profileFromRankings(3, [[[0, 1]]])), /# DATA TYPE: toi\n/);
  assert.match(formatPrefLib(profileFromRankings(3, [[1]])), /# DATA TYPE: soi\n[\s\S]*\n1: 2\n$/);
  assert.throws(
    () => formatPrefLib(tied, { type: 'soc' }),
    /cannot write ballot 0 as soc .*it has ties; use toc or toi/,
  );
  assert.throws(
    () => formatPrefLib(profileFromRankings(3, [[1]]), { type: 'toc' }),
    /leaves candidates unranked/,
  );
  assert.throws(() => formatPrefLib(profileFromRankings(2, [[0, 1]], [0.5])), /whole numbers of voters/);
  assert.throws(
    () => formatPrefLib(profileFromRankings(2, [[0, 1]], [1], { names: ['a\nb', 'c'] })),
    /line break/,
  );
  const scored = profileFromScores(2, Float64Array.from([0.5, 1]));
  assert.throws(() => formatPrefLib(scored, { type: 'cat' }), /expected a whole number in 0\.\.1/);
  // a weak order written as categories: level 0 is the first category
  assert.match(
    formatPrefLib(tied, { type: 'cat', categories: ['Yes', 'No'] }),
    /# CATEGORY NAME 1: Yes\n[\s\S]*\n1: \{1,2\},3\n$/,
  );
});
