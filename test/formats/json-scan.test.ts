import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { parseJsonLine, profileOnLine, scanJsonProfile } from '../../src/formats/index.js';
import type { Profile } from '../../src/sigma/profile.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const scan = (s: string, max?: number) => {
  const b = bytes(s);
  return scanJsonProfile(b, 0, b.length, max);
};

/** A profile as plain data (typed arrays as arrays), to compare field for field. */
function plain(p: Profile | undefined | null) {
  if (!p) return p;
  return {
    keys: Object.keys(p),
    m: p.m,
    ids: [...p.ids],
    names: [...p.names],
    k: p.k,
    levels: [...p.levels],
    counts: [...p.counts],
    unranked: p.unranked ? [...p.unranked] : undefined,
    linear: p.linear,
  };
}

// A ranking of some of 0..m−1, best first, with tie groups (an inner array) and truncation.
const ranking = (m: number) =>
  fc
    .tuple(
      fc.shuffledSubarray(
        Array.from({ length: m }, (_, i) => i),
        { minLength: 0, maxLength: m },
      ),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
    )
    .map(([order, cuts]) => {
      const out: (number | number[])[] = [];
      for (let i = 0; i < order.length; ) {
        const size = Math.min(order.length - i, 1 + (cuts[i] === 0 ? 1 : 0));
        const g = order.slice(i, i + size);
        out.push(size === 1 && cuts[i] !== 3 ? g[0] : g);
        i += size;
      }
      return out;
    });

const profileJson = fc.integer({ min: 1, max: 12 }).chain((m) =>
  fc.record({
    m: fc.constant(m),
    rankings: fc.array(ranking(m), { maxLength: 8 }),
    // Counts as long as the rankings, or (rarely) of another length: an error.
    counts: fc.option(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 9, maxLength: 9 })),
    countsCut: fc.integer({ min: 0, max: 9 }),
    order: fc.constantFrom('crk', 'ckr', 'kcr', 'rck'),
    space: fc.constantFrom('', ' ', '\t', ' \r'),
  }),
);

/** The line as text: keys in the given order, separators padded with `space`. */
function line(x: {
  m: number;
  rankings: unknown[];
  counts: number[] | null;
  countsCut: number;
  order: string;
  space: string;
}) {
  const sp = x.space;
  const counts = x.counts?.slice(0, x.countsCut === 9 ? 9 : x.rankings.length) ?? null;
  const fields: Record<string, string> = {
    c: `"candidates"${sp}:${sp}${x.m}`,
    r: `"rankings":${JSON.stringify(x.rankings).replaceAll(',', `,${sp}`)}`,
    k: counts === null ? '' : `"counts":${sp}${JSON.stringify(counts)}`,
  };
  const parts = [...x.order].map((f) => fields[f]).filter((f) => f !== '');
  return `${sp}{${sp}${parts.join(`,${sp}`)}${sp}}${sp}`;
}

test('the scanner builds exactly the general reader profile, or leaves the line to it', () => {
  let scanned = 0;
  fc.assert(
    fc.property(profileJson, (x) => {
      const text = line(x);
      let general: Profile | undefined;
      let error: unknown;
      try {
        general = parseJsonLine(text, 7, 'p.jsonl');
      } catch (e) {
        error = e;
      }
      const fast = scan(text);
      if (fast === undefined) return; // left to the general reader
      scanned++;
      assert.equal(error, undefined, `the scanner accepted a line the general reader refuses: ${text}`);
      assert.deepEqual(plain(fast), plain(general), text);
    }),
    { numRuns: 600, seed: 20261207 },
  );
  // The simple shape is the scanner's: most generated lines were scanned (rankings before
  // candidates, a quarter, and counts of the wrong length are left to the general reader).
  assert.ok(scanned > 300, `only ${scanned} of 600 lines scanned`);
});

test('hand cases: ties, truncation and counts as the general reader reads them', () => {
  for (const text of [
    '{"candidates":3,"rankings":[[0,1,2],[[0,1],2],[2],[]],"counts":[5,3,1,0]}',
    '{"candidates":1,"rankings":[]}',
    '{"candidates":10,"rankings":[[9,8,7,6,5,4,3,2,1,0]]}',
    '{"candidates":12,"rankings":[[11,10,[9]]]}',
    '  { "candidates" : 2 , "rankings" : [ [ 1 , 0 ] ] }  \r',
  ]) {
    const fast = scan(text);
    assert.ok(fast, text);
    assert.deepEqual(plain(fast), plain(parseJsonLine(text, 1, 'p.jsonl')), text);
  }
  // Linear orders are marked linear; a tie or a truncation is not.
  assert.equal(scan('{"candidates":2,"rankings":[[1,0]]}')?.linear, true);
  assert.equal(scan('{"candidates":2,"rankings":[[[1,0]]]}')?.linear, undefined);
  assert.equal(scan('{"candidates":2,"rankings":[[1]]}')?.linear, undefined);
});

test('blank lines are null; other shapes and every error are left to the general reader', () => {
  assert.equal(scan(''), null);
  assert.equal(scan(' \t\r'), null);
  for (const text of [
    '{"candidates":["a","b"],"rankings":[[0,1]]}', // names
    '{"candidates":2,"rankings":[[0,1]],"ids":[1,2]}', // ids
    '{"candidates":2,"scores":[[1,0]]}', // scores
    '{"candidates":2,"rankings":[[0,1]],"counts":[1.5]}', // a fraction
    '{"candidates":2,"rankings":[[0,1.0]]}',
    '{"candidates":2,"rankings":[[0,1e0]]}',
    '{"candidates":2,"rankings":[[0,01]]}', // not JSON
    '{"candidates":2,"rankings":[[0,-1]]}',
    '{"candidates":2,"rankings":[[0,2]]}', // out of range
    '{"candidates":2,"rankings":[[0,0]]}', // twice
    '{"candidates":2,"rankings":[[[]]]}', // an empty tie group
    '{"candidates":2,"rankings":[[0,1]],"counts":[1,1]}', // counts of the wrong length
    '{"candidates":2,"rankings":[[0,1]],"candidates":2}', // a key twice
    '{"rankings":[[0,1]],"candidates":2}', // rankings before candidates
    '{"candidates":2,"rankings":[[0,1]],}',
    '{"candidates":2,"rankings":[[0,1]]} x',
    '{"candidates":2,"rankings":[[0,1]]',
    '{"candidates":0,"rankings":[]}',
    '{"cand\\u0069dates":2,"rankings":[[0,1]]}', // an escape in a key
    '{"candidates":2,"rankings":[[0,1]],"meta":"é"}',
    '[1,2]',
  ])
    assert.equal(scan(text), undefined, text);
  // Past --max-candidates: the general reader words the refusal.
  assert.equal(scan('{"candidates":3,"rankings":[]}', 2), undefined);
});

test('a line is read only up to its end, never into the next line', () => {
  const b = bytes('{"candidates":2,"rankings":[[0,1]]}\n]');
  const end = b.indexOf(0x0a);
  assert.equal(scanJsonProfile(b, 0, end - 1), undefined); // the closing brace cut off
  assert.ok(scanJsonProfile(b, 0, end));
  const cut = bytes('{"candidates":2,"rankings":[[0,1]');
  assert.equal(scanJsonProfile(cut, 0, cut.length), undefined);
});

test('profileOnLine: errors at FILE:LINE in the general reader words, and bytes that are not UTF-8', () => {
  const at = (s: string | Uint8Array, line = 4) => {
    const b = typeof s === 'string' ? bytes(s) : s;
    return profileOnLine(b, 0, b.length, line, 'p.jsonl');
  };
  assert.equal(at('  '), undefined);
  assert.equal(at('{"candidates":2,"rankings":[[0,1]]}')?.k, 1);
  assert.equal(at('{"candidates":["a","b"],"rankings":[[0,1]]}\r')?.names[1], 'b');
  assert.equal(at('\uFEFF{"candidates":2,"rankings":[[1,0]]}', 1)?.levels[0], 1);
  const fails = (s: string | Uint8Array, where: string, message: RegExp) =>
    assert.throws(
      () => at(s),
      (e: unknown) => e instanceof UserError && e.where === where && message.test(e.message),
    );
  fails(
    '{"candidates":2,"rankings":[[0,0]]}',
    'p.jsonl:4',
    /rankings\[0\]: candidate 0 appears more than once/,
  );
  fails('{"candidates":2,"rankings":[[0,1]', 'p.jsonl:4:34', /invalid JSON/);
  fails(new Uint8Array([0x7b, 0xff, 0x7d]), 'p.jsonl:4', /not UTF-8/);
});

test('entriesJson writes what JSON.stringify writes', async () => {
  const { entriesJson } = await import('../../src/run/vote.js');
  const ints = fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { maxLength: 4 });
  fc.assert(
    fc.property(
      fc.array(
        fc.record(
          {
            method: fc.string(),
            winners: ints,
            ranking: fc.array(ints, { maxLength: 3 }),
            lottery: fc.dictionary(fc.string(), fc.double({ min: 0, max: 1, noNaN: true })),
          },
          { requiredKeys: ['method', 'winners'] },
        ),
        { maxLength: 3 },
      ),
      (entries) => {
        assert.equal(entriesJson(entries), JSON.stringify(entries));
      },
    ),
    { numRuns: 300, seed: 11 },
  );
});
