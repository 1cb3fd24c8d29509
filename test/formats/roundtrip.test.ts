import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  formatCsvProfile,
  formatJsonLine,
  formatJsonLines,
  formatJsonProfile,
  formatPrefLib,
  formatProfile,
  parseCsvProfile,
  parseJsonLine,
  parseJsonLines,
  parseJsonProfile,
  parsePrefLib,
  parseProfile,
  prefLibTypeOf,
} from '../../src/formats/index.js';
import { compact, type Profile } from '../../src/sigma/profile.js';
import { plain, profileArb, scoreProfileArb } from './arbitraries.js';

const runs = { numRuns: 150 };

/** What a PrefLib file keeps of a profile: merged ballots, alternatives numbered 1..m. */
function asPrefLib(p: Profile): ReturnType<typeof plain> {
  return { ...plain(compact(p)), ids: Array.from({ length: p.m }, (_, i) => i + 1) };
}

test('PrefLib ordinal: write then read gives the merged profile, in the most restrictive type', () => {
  fc.assert(
    fc.property(
      fc
        .record({ ties: fc.boolean(), truncated: fc.boolean(), names: fc.boolean() })
        .chain((shape) => fc.tuple(fc.constant(shape), profileArb(shape))),
      ([shape, p]) => {
        const text = formatPrefLib(p);
        const type = prefLibTypeOf(p);
        if (!shape.ties && !shape.truncated) assert.equal(type, 'soc');
        if (!shape.ties) assert.ok(type === 'soc' || type === 'soi');
        if (!shape.truncated) assert.ok(type === 'soc' || type === 'toc');
        // by DATA TYPE, and by extension
        const back = parsePrefLib(text, 'profile');
        assert.equal(back.type, type);
        assert.deepEqual(plain(back.profile), asPrefLib(p));
        assert.deepEqual(plain(parseProfile(text, `p.${type}`)), asPrefLib(p));
      },
    ),
    runs,
  );
});

test('PrefLib ordinal: a less restrictive type than needed also round-trips', () => {
  fc.assert(
    fc.property(profileArb({ ties: false, truncated: false }), (p) => {
      for (const type of ['soi', 'toc', 'toi'] as const) {
        const text = formatProfile(p, type);
        assert.match(text, new RegExp(`# DATA TYPE: ${type}\n`));
        assert.deepEqual(plain(parseProfile(text, `x.${type}`)), asPrefLib(p));
      }
    }),
    runs,
  );
});

test('PrefLib cat: integer grades round-trip as categories', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 4 })
        .chain((grades) => fc.tuple(fc.constant(grades), scoreProfileArb({ grades, names: true }))),
      ([grades, p]) => {
        const text = formatPrefLib(p, { type: 'cat', categories: grades });
        const back = parsePrefLib(text, 'x.cat');
        assert.equal(back.categories?.length, grades);
        assert.deepEqual(plain(back.profile), asPrefLib(p));
      },
    ),
    runs,
  );
});

test('JSON: rankings (ties, truncation, fractional counts, any names) round-trip exactly', () => {
  fc.assert(
    fc.property(
      profileArb({ ties: true, truncated: true, names: true, integerCounts: false }),
      fc.boolean(),
      (p, withIds) => {
        const q: Profile = withIds ? { ...p, ids: p.ids.map((i) => 10 * i + 7) } : p;
        assert.deepEqual(plain(parseJsonProfile(formatJsonProfile(q), 'p.json')), plain(q));
        assert.deepEqual(plain(parseJsonLine(formatJsonLine(q), 1, 'p.jsonl')!), plain(q));
      },
    ),
    runs,
  );
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.uniqueArray(fc.string(), { minLength: 4, maxLength: 4 }),
      (m, ns) => {
        const p = parseJsonProfile(JSON.stringify({ candidates: ns.slice(0, m), rankings: [[0]] }), 'x.json');
        assert.deepEqual(plain(parseJsonProfile(formatJsonProfile(p), 'x.json')), plain(p));
      },
    ),
  );
});

test('JSON: cardinal scores (null = unscored) round-trip exactly', () => {
  fc.assert(
    fc.property(scoreProfileArb({ names: true }), (p) => {
      assert.deepEqual(plain(parseJsonProfile(formatJsonProfile(p), 'p.json')), plain(p));
    }),
    runs,
  );
});

test('JSON Lines: a stream of profiles round-trips line by line', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(profileArb({ ties: true, truncated: true }), scoreProfileArb()), { maxLength: 5 }),
      (ps) => {
        const text = formatJsonLines(ps);
        assert.equal(text.split('\n').length, ps.length + 1);
        assert.deepEqual(parseJsonLines(text, 'x.jsonl').map(plain), ps.map(plain));
        const one = text.split('\n').map((line, i) => parseJsonLine(line, i + 1, 'x.jsonl'));
        assert.deepEqual(
          one.filter((p) => p !== undefined).map((p) => plain(p!)),
          ps.map(plain),
        );
      },
    ),
    runs,
  );
});

test('CSV ranks: write then read gives the same profile', () => {
  fc.assert(
    fc.property(profileArb({ ties: true, truncated: true, names: true, integerCounts: false }), (p) => {
      assert.deepEqual(plain(parseCsvProfile(formatCsvProfile(p), 'p.csv')), plain(p));
      assert.deepEqual(plain(parseProfile(formatProfile(p, 'csv'), 'p.csv')), plain(p));
    }),
    runs,
  );
});

test('CSV scores: write then read gives the same profile', () => {
  fc.assert(
    fc.property(scoreProfileArb({ names: true }), (p) => {
      assert.deepEqual(plain(parseProfile(formatProfile(p, 'scores.csv'), 'p.scores.csv')), plain(p));
    }),
    runs,
  );
});

test('CSV rank columns: strict ballots round-trip (candidates in order of first appearance)', () => {
  fc.assert(
    fc.property(profileArb({ truncated: true, names: true, maxBallots: 6 }), (p) => {
      const text = formatCsvProfile(p, { layout: 'rank-columns' });
      const hasRanked = p.k > 0 && (!p.unranked || p.unranked.some((x) => x === 0));
      fc.pre(hasRanked);
      const back = parseCsvProfile(text, 'r.csv');
      // map each name read back to the original candidate index, then compare the orders
      for (let b = 0; b < p.k; b++) {
        const orig: string[] = [];
        const got: string[] = [];
        for (let l = 0; l < p.m; l++)
          for (let c = 0; c < p.m; c++)
            if (!p.unranked?.[b * p.m + c] && p.levels[b * p.m + c] === l) orig.push(p.names[c]);
        for (let l = 0; l < back.m; l++)
          for (let c = 0; c < back.m; c++)
            if (!back.unranked?.[b * back.m + c] && back.levels[b * back.m + c] === l)
              got.push(back.names[c]);
        assert.deepEqual(got, orig);
        assert.equal(back.counts[b], p.counts[b]);
      }
    }),
    { numRuns: 80 },
  );
});
