import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { comparisons, parseComparisonsCsv, writeComparisonsCsv } from '../../src/learn/index.js';

function throwsAt(text: string, where: string, message: RegExp, opts: { names?: readonly string[] } = {}) {
  assert.throws(
    () => parseComparisonsCsv(text, { file: 'prefs.csv', ...opts }),
    (e: unknown) => {
      assert.ok(e instanceof UserError, String(e));
      assert.equal(e.where, where);
      assert.match(e.message, message);
      return true;
    },
  );
}

test('reads names, counts, quotes, comments and CRLF', () => {
  const text =
    '\uFEFF# a comment\r\nWinner, Loser ,count\r\napple,pear,3\r\n\r\npear,"fig, dried",1.5\r\n"say ""hi""",apple,0\r\n';
  const d = parseComparisonsCsv(text, { file: 'x.csv' });
  assert.deepEqual(d.names, ['apple', 'pear', 'fig, dried', 'say "hi"']);
  assert.deepEqual(Array.from(d.winner), [0, 1, 3]);
  assert.deepEqual(Array.from(d.loser), [1, 2, 0]);
  assert.deepEqual(Array.from(d.count), [3, 1.5, 0]);
  assert.equal(d.annotator, undefined);
});

test('count is optional; annotators are read as ids or labels', () => {
  const d = parseComparisonsCsv('loser,winner,annotator\nb,a,7\nc,b,2\n');
  assert.deepEqual(d.names, ['b', 'a', 'c']);
  assert.deepEqual(Array.from(d.winner), [1, 0]);
  assert.deepEqual(Array.from(d.count), [1, 1]);
  assert.deepEqual(Array.from(d.annotator!), [7, 2]);
  const labelled = parseComparisonsCsv('winner,loser,annotator\na,b,ann\nb,a,bob\na,b,ann\n');
  assert.deepEqual(Array.from(labelled.annotator!), [0, 1, 0]);
  assert.deepEqual(labelled.annotatorNames, ['ann', 'bob']);
  assert.equal(d.annotatorNames, undefined);
});

test('fixed item names: unused items kept, unknown names rejected', () => {
  const d = parseComparisonsCsv('winner,loser\nb,a\n', { names: ['a', 'b', 'c'] });
  assert.equal(d.items, 3);
  assert.deepEqual(Array.from(d.winner), [1]);
  throwsAt('winner,loser\nb,z\n', 'prefs.csv:2', /loser: expected one of the items \(a, b, c\), got "z"/, {
    names: ['a', 'b', 'c'],
  });
});

test('errors name FILE:LINE and what was expected', () => {
  throwsAt('', 'prefs.csv:1', /expected a header winner,loser\[,count\]\[,annotator\], got an empty file/);
  throwsAt(
    '# only a comment\nfrom,to\n',
    'prefs.csv:2',
    /expected a header .*got "from,to" \(unknown column "from"\)/,
  );
  throwsAt('winner,loser,winner\n', 'prefs.csv:1', /column "winner" twice/);
  throwsAt(
    'winner,loser,count\na,b,1\n\na,b\n',
    'prefs.csv:4',
    /expected 3 fields \(winner,loser,count\), got 2/,
  );
  throwsAt('winner,loser,count\na,b,-1\n', 'prefs.csv:2', /count: expected a non-negative number, got "-1"/);
  throwsAt(
    'winner,loser,count\na,b,lots\n',
    'prefs.csv:2',
    /count: expected a non-negative number, got "lots"/,
  );
  throwsAt('winner,loser\na,a\n', 'prefs.csv:2', /winner and loser must differ, both are "a"/);
  throwsAt('winner,loser\n,b\n', 'prefs.csv:2', /winner: expected an item name, got an empty field/);
  throwsAt('winner,loser\n"a,b\n', 'prefs.csv:2', /quoted field is not closed/);
  throwsAt('winner,loser\na"x,b\n', 'prefs.csv:2', /a quote may only start a field/);
  throwsAt('winner,loser\n', 'prefs.csv:2', /expected at least one comparison after the header/);
});

test('writing then reading gives the same comparisons', () => {
  const nameArb = fc.string({
    unit: fc.constantFrom('a', 'b', ' ', ',', '"', '#', 'é', '1'),
    minLength: 1,
    maxLength: 5,
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(nameArb, { minLength: 2, maxLength: 6 }),
      fc.array(
        fc.record({
          w: fc.nat(),
          step: fc.nat(),
          count: fc.oneof(
            fc.constant(1),
            fc.integer({ min: 0, max: 9 }),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
          annotator: fc.nat({ max: 20 }),
        }),
        { maxLength: 20 },
      ),
      fc.boolean(),
      (names, recs, withAnnotator) => {
        const k = names.length;
        const data = comparisons(
          k,
          recs.map((r) => ({
            winner: r.w % k,
            loser: (r.w + 1 + (r.step % (k - 1))) % k,
            count: r.count,
            ...(withAnnotator ? { annotator: r.annotator } : {}),
          })),
          { names },
        );
        const text = writeComparisonsCsv(data);
        const back = parseComparisonsCsv(text, { names });
        assert.deepEqual(Array.from(back.winner), Array.from(data.winner));
        assert.deepEqual(Array.from(back.loser), Array.from(data.loser));
        assert.deepEqual(Array.from(back.count), Array.from(data.count));
        if (withAnnotator && recs.length > 0)
          assert.deepEqual(Array.from(back.annotator!), Array.from(data.annotator!));
        assert.equal(writeComparisonsCsv(back), text);
      },
    ),
    { seed: 99 },
  );
});

test('the writer refuses names it could not read back', () => {
  const d = comparisons(2, [{ winner: 0, loser: 1 }]);
  assert.throws(() => writeComparisonsCsv(d, { names: ['a', 'a'] }), /item name "a" is given twice/);
  assert.throws(() => writeComparisonsCsv(d, { names: ['a', 'b\nc'] }), /without line breaks/);
  assert.equal(writeComparisonsCsv(d), 'winner,loser\n0,1\n');
});
