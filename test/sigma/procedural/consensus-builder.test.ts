import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/core/errors.js';
import { consensusBuilder } from '../../../src/sigma/ordinal/procedural/consensus-builder.js';
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { Options } from '../../../src/sigma/types.js';
import { checkAxioms } from '../positional/axioms.js';

// 3 × 0≻1≻2, 2 × 1≻2≻0, 2 × 2≻0≻1: 0 over 1 by 5 of 7, 1 over 2 by 5, 2 over 0 by 4.
const s = new Summary(
  profileFromRankings(
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
    [3, 2, 2],
  ),
);
const W = (opts?: Options, cands?: number[]) => consensusBuilder.run(s, cands, opts).winners;

test('the consensus-building ranking decides, processed from its bottom', () => {
  assert.deepEqual(W(), [1]);
  assert.deepEqual(W({ ranking: [0, 1, 2] }), [1]);
  assert.deepEqual(W({ ranking: [1, 2, 0] }), [2]);
  assert.deepEqual(W({ ranking: [2, 0, 1] }), [0]);
  // A high β eliminates nobody: the top of the ranking wins.
  assert.deepEqual(W({ ranking: [2, 0, 1], beta: 0.9 }), [2]);
  // The ranking is restricted to the candidates in play.
  assert.deepEqual(W({ ranking: [2, 0, 1] }, [0, 1]), [0]);
});

test('bad options are one-line UserErrors naming the option', () => {
  assert.throws(
    () => W({ ranking: [0, 0, 1] }),
    (e) => e instanceof UserError && /ranking/.test(e.where ?? ''),
  );
  assert.throws(
    () => W({ ranking: [0, 1] }),
    (e) => e instanceof UserError && /every candidate/.test(e.message),
  );
  assert.throws(() => W({ ranking: [0, 1, 5] }), UserError);
  assert.throws(
    () => W({ beta: 1.5 }),
    (e) => e instanceof UserError && /beta/.test(e.where ?? ''),
  );
  assert.equal(getRule('consensus_builder'), consensusBuilder);
});

test('consensus builder: claimed axioms hold on random weak and truncated profiles', () => {
  checkAxioms(consensusBuilder);
});
