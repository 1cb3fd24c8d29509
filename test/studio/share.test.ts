/** A scenario in a link: the hash round-trips any text, refuses damaged links, and stays short. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeHash, encodeHash, MAX_HASH } from '../../studio/src/share.js';

test('property: any text survives the link (unicode, empty lines, long runs)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
      const hash = await encodeHash(text, Number.POSITIVE_INFINITY);
      assert.ok(hash !== undefined);
      assert.match(hash, /^s=[A-Za-z0-9_-]*$/);
      assert.equal(await decodeHash(`#${hash}`), text);
      assert.equal(await decodeHash(hash), text);
    }),
    { numRuns: 50 },
  );
});

test('a built-in scenario fits in a link, compressed', async () => {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'holiday.yaml'), 'utf8');
  const hash = await encodeHash(text);
  assert.ok(hash !== undefined && hash.length < text.length && hash.length <= MAX_HASH);
});

test('too long for a link: no hash', async () => {
  assert.equal(await encodeHash('x'.repeat(100), 5), undefined);
});

test('a hash without a scenario is none; a damaged one is an error', async () => {
  assert.equal(await decodeHash(''), undefined);
  assert.equal(await decodeHash('#section-2'), undefined);
  await assert.rejects(decodeHash('#s=***'), /the link's scenario cannot be read/);
  await assert.rejects(decodeHash('#s=AAAA'), /the link's scenario cannot be read/);
});
