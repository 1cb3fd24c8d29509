import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  FORMATS,
  formatOfFileName,
  formatProfile,
  parseProfile,
  parseProfileFile,
  parseProfileLine,
  parseProfiles,
} from '../../src/formats/index.js';
import { plain } from './arbitraries.js';

const debian = readFileSync(new URL('../../data/preflib/00002-00000001.soi', import.meta.url), 'utf8');

test('the file name picks the format', () => {
  assert.equal(formatOfFileName('a/b/x.SOC'), 'soc');
  assert.equal(formatOfFileName('x.toi'), 'toi');
  assert.equal(formatOfFileName('x.cat'), 'cat');
  assert.equal(formatOfFileName('x.json'), 'json');
  assert.equal(formatOfFileName('x.jsonl'), 'jsonl');
  assert.equal(formatOfFileName('x.csv'), 'csv');
  assert.equal(formatOfFileName('x.scores.csv'), 'scores.csv');
  assert.equal(formatOfFileName('x.txt'), undefined);
  assert.throws(
    () => parseProfile('', 'x.txt'),
    /x\.txt: cannot tell the format from the file name; expected one of \.soc/,
  );
  assert.throws(
    () => formatProfile(parseProfile(debian, 'd.soi'), 'xml'),
    /unknown format "xml"; expected one of soc/,
  );
  assert.ok(FORMATS.every((f) => f.description.length > 0));
});

test('one profile converts through every format that can hold it', () => {
  const p = parseProfile(debian, 'd.soi');
  assert.equal(p.k, 41);
  const viaJson = parseProfile(formatProfile(p, 'json'), 'd.json');
  assert.deepEqual(plain(viaJson), plain(p)); // ids 1..4 kept by the "ids" field
  const viaCsv = parseProfile(formatProfile(p, 'csv'), 'd.csv');
  assert.deepEqual(plain(viaCsv), { ...plain(p), ids: [0, 1, 2, 3] });
  const viaToi = parseProfile(formatProfile(p, 'toi'), 'd.toi');
  assert.deepEqual(plain(viaToi), plain(p));
  assert.match(formatProfile(p, 'preflib'), /# DATA TYPE: soi\n/);
  assert.deepEqual(
    plain(parseProfile(formatProfile(p, 'preflib'), 'anything', { format: 'preflib' })),
    plain(p),
  );
  const viaJsonl = parseProfile(formatProfile(p, 'jsonl'), 'd.jsonl');
  assert.deepEqual(plain(viaJsonl), plain(p));
  assert.throws(() => formatProfile(p, 'soc'), /it leaves candidates unranked; use soi or toi/);
});

test('JSON Lines through the dispatcher: one profile, or many with parseProfiles', () => {
  const two = '{"candidates":2,"rankings":[[0,1]]}\n{"candidates":2,"rankings":[[1,0]]}\n';
  assert.equal(parseProfiles(two, 'x.jsonl').length, 2);
  assert.equal(parseProfiles(debian, 'd.soi').length, 1);
  assert.throws(() => parseProfile(two, 'x.jsonl'), /expected one profile, got 2 lines of profiles/);
  assert.equal(parseProfileFile(debian, 'd.soi').k, 41);
  assert.equal(parseProfileLine('{"candidates":2,"rankings":[[1,0]]}', 3, 'x.jsonl').m, 2);
  assert.throws(
    () => parseProfileLine(' ', 3, 'x.jsonl'),
    /x\.jsonl:3: expected a JSON profile, got a blank line/,
  );
});

test('scores survive json and scores.csv, categories survive cat', () => {
  const p = parseProfile(
    '{"candidates":["a","b","c"],"scores":[[2,0,null],[1,1,0]],"counts":[3,1]}',
    's.json',
  );
  assert.deepEqual(plain(parseProfile(formatProfile(p, 'scores.csv'), 's.scores.csv')), plain(p));
  const cat = formatProfile(p, 'cat');
  assert.match(cat, /# NUMBER CATEGORIES: 3\n/);
  assert.match(cat, /\n3: 1,\{\},2\n1: \{\},\{1,2\},3\n$/);
  assert.deepEqual(plain(parseProfile(cat, 's.cat')), { ...plain(p), ids: [1, 2, 3] });
});
