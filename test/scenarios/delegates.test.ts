/**
 * Why the built-in scenarios let the delegates bargain over lotteries. With pure actions the
 * alternating-offers limit is the limit along horizons T ≡ 0 (mod the number of delegates), which
 * ends with the lightest delegate proposing; an indivisible choice then goes to whoever proposes
 * last, and the limits along the other residues disagree. Over lotteries the limit is the
 * stationary subgame-perfect agreement, the same for every residue.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negotiate } from '../../src/align/negotiation/index.js';
import { buildContext } from '../../src/align/context.js';
import { evaluate } from '../../src/run/one-shot.js';
import { load, reading, scenarioFiles, variant } from './helpers.js';

const names = scenarioFiles().map((f) => f.replace(/\.ya?ml$/, ''));

test('pure-action alternating offers: the agreement depends on who proposes last in every built-in scenario but sydney', () => {
  const dependent = names.filter((name) => {
    const ctx = buildContext(load(name));
    const r = negotiate(ctx.own, 'alternating-offers', {});
    return !r.details.limit!.horizonIndependent;
  });
  assert.deepEqual(
    dependent,
    names.filter((n) => n !== 'sydney'),
  );
});

test('over lotteries the agreement is the same for every residue', () => {
  for (const name of names) {
    const ctx = buildContext(load(name));
    const r = negotiate(ctx.own, 'alternating-offers', { lotteries: true });
    assert.equal(r.details.limit!.horizonIndependent, true, name);
  }
});

test('planner-reward-a with pure offers: the lighter part, proposing last, gets its road', () => {
  // Two actions, each one part's best and the other's worst (its disagreement point). Last round:
  // the proposer takes its road. One round earlier the responder will accept only a road worth
  // 0.95 × 1 to it, its own: the proposer, who gets 0 either way, offers it. So the last proposer
  // wins at every horizon, and T ≡ 0 (mod 2) ends with the lighter part (love of scenery).
  const ctx = buildContext(load('planner-reward-a'));
  const r = negotiate(ctx.own, 'alternating-offers', {});
  const roads = r.details.limit!.byResidue.map((h) =>
    h.agreement?.kind === 'action' ? ctx.actions[h.agreement.action] : null,
  );
  assert.deepEqual(roads, ['take-the-back-road', 'take-the-highway']);
  const pure = evaluate(
    variant('planner-reward-a', (f) => {
      f.alignments = [{ id: 'parts/delegates', options: { lotteries: false } }];
    }),
  );
  const d = reading(pure, 'parts/delegates');
  assert.equal(d.target, 'take-the-back-road');
  assert.ok(d.notes?.some((n) => /depends on who proposes last/.test(n)));
});
