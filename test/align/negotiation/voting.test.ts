import assert from 'node:assert/strict';
import { test } from 'node:test';
import { delegateVoting } from '../../../src/align/negotiation/index.js';
import { Random } from '../../../src/core/random.js';
import { UserError } from '../../../src/core/errors.js';
import { profileFromScores, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule, UtilityRule } from '../../../src/sigma/types.js';
import { close, problem } from './helpers.js';

// Three parts over four actions; weights 3, 2, 2.
const p = problem(
  [
    [9, 5, 1, 0],
    [0, 6, 7, 1],
    [1, 6, 0, 8],
  ],
  [3, 2, 2],
);

function direct(name: string, opts = {}) {
  const rule = getRule(name);
  if (rule.input === 'utilities') return (rule as UtilityRule).run(p, opts);
  const profile = profileFromScores(p.actions, Float64Array.from(p.u), Float64Array.from(p.weights));
  return (rule as ProfileRule).run(new Summary(profile), undefined, opts);
}

test('ordinal rules read the rankings the utilities induce, weighted by the parts’ weights', () => {
  // Plurality: action 0 has weight 3, actions 2 and 3 weight 2 each.
  const r = delegateVoting(p, { rule: 'plurality' });
  assert.deepEqual(r.agreement, { kind: 'action', action: 0, ties: [0] });
  close(r.utilities, [9, 0, 1]);
  assert.equal(r.details.input, 'profile');
  // Borda (points 3, 2, 1, 0): 0 → 9 + 0 + 2 = 11; 1 → 6 + 4 + 4 = 14; 2 → 3 + 6 + 0 = 9; 3 → 0 + 2 + 6 = 8.
  const b = delegateVoting(p, { rule: 'borda' });
  assert.deepEqual(b.agreement, { kind: 'action', action: 1, ties: [1] });
  assert.deepEqual(b.details.result.scores?.slice(0, 4), [11, 14, 9, 8]);
  for (const name of ['plurality', 'borda', 'instant-runoff', 'copeland', 'approval', 'range'])
    assert.deepEqual(delegateVoting(p, { rule: name }).details.result, direct(name), name);
});

test('cardinal rules read the utilities directly; lottery rules give a lottery', () => {
  for (const name of ['weighted-utilitarian', 'nash-bargaining', 'egalitarian']) {
    const r = delegateVoting(p, { rule: name });
    assert.equal(r.details.input, 'utilities');
    assert.deepEqual(r.details.result, direct(name), name);
    assert.equal(r.agreement?.kind, 'action');
    if (r.agreement?.kind === 'action') assert.deepEqual(r.agreement.ties, direct(name).winners);
  }
  const rd = delegateVoting(p, { rule: 'random-dictatorship' });
  assert.equal(rd.agreement?.kind, 'lottery');
  // Each part's favourite with probability proportional to its weight.
  close(rd.agreement?.kind === 'lottery' ? rd.agreement.lottery : null, [3 / 7, 0, 2 / 7, 2 / 7]);
  close(rd.utilities, [(27 + 2) / 7, (14 + 2) / 7, (3 + 16) / 7]);
  const nl = delegateVoting(p, { rule: 'nash-bargaining', options: { lotteries: true } });
  assert.equal(nl.agreement?.kind, 'lottery');
  assert.deepEqual(nl.details.result, direct('nash-bargaining', { lotteries: true }));
});

test('rule options come from the spec or from options; ties go to the lowest index or a seeded draw', () => {
  const spec = delegateVoting(p, { rule: 'approval:k=2' });
  assert.deepEqual(spec.details.result, direct('approval', { k: 2 }));
  assert.deepEqual(
    delegateVoting(p, { rule: 'approval', options: { k: 2 } }).details.result,
    spec.details.result,
  );
  // Equal weights, three favourites: plurality ties 0, 2, 3.
  const q = problem([
    [9, 5, 1, 0],
    [0, 6, 7, 1],
    [1, 6, 0, 8],
  ]);
  const r = delegateVoting(q, { rule: 'plurality' });
  assert.deepEqual(r.agreement, { kind: 'action', action: 0, ties: [0, 2, 3] });
  const draws = new Set<number>();
  for (let s = 0; s < 20; s++) {
    const a = delegateVoting(q, { rule: 'plurality', random: new Random(s) }).agreement;
    assert.equal(a?.kind, 'action');
    if (a?.kind === 'action') {
      assert.ok([0, 2, 3].includes(a.action));
      draws.add(a.action);
      // The same seed gives the same draw.
      const again = delegateVoting(q, { rule: 'plurality', random: new Random(s) }).agreement;
      assert.deepEqual(again, a);
    }
  }
  assert.ok(draws.size > 1);
  // A Rule object works too.
  assert.deepEqual(delegateVoting(p, { rule: getRule('borda') }).agreement, {
    kind: 'action',
    action: 1,
    ties: [1],
  });
  assert.throws(() => delegateVoting(p, { rule: 'no-such-rule' }), UserError);
  assert.throws(() => delegateVoting(p, { rule: 'borda:k=2' }), UserError);
});
