/** A scenario in a link: the hash round-trips any text, refuses damaged links, and stays short. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  decodeHash,
  encodeHash,
  joinHash,
  MAX_HASH,
  readState,
  stateHash,
  type ViewState,
} from '../../studio/src/share.js';

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

test('property: the view (tab, what the axioms tab checks, its budget) and the scenario share one link', async () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9/:&=%# -]{0,20}$/);
  await fc.assert(
    fc.asyncProperty(
      fc.record(
        {
          tab: fc.constantFrom('readings' as const, 'axioms' as const),
          check: name,
          axiom: name,
          budget: fc.integer({ min: 1, max: 20000 }),
        },
        { requiredKeys: ['tab'] },
      ),
      fc.string({ maxLength: 80 }),
      async (v: ViewState, text) => {
        const hash = `#${joinHash(stateHash(v), await encodeHash(text, Number.POSITIVE_INFINITY))}`;
        assert.equal(await decodeHash(hash), text);
        // The readings tab is the default: its link carries the scenario alone.
        assert.deepEqual(readState(hash), v.tab === 'readings' ? { tab: 'readings' } : { ...v });
      },
    ),
    { numRuns: 50 },
  );
});

test('a link of the earlier form (the scenario alone) opens the readings tab; unknown or damaged fields are ignored', () => {
  assert.deepEqual(readState('#s=AAAA'), { tab: 'readings' });
  assert.deepEqual(readState('#view=axioms&budget=-3&axiom=%E0%A4%A&x=1'), { tab: 'axioms' });
});
