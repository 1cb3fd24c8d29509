import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Random } from '../../src/core/random.js';
import { parseMethodList, prepareRules } from '../../src/sigma/apply.js';
import { profileFromRankings } from '../../src/sigma/profile.js';
import { vote } from '../../src/run/vote.js';
import { formatEntries } from '../../src/cli/vote.js';

const cycle = profileFromRankings(
  3,
  [
    [0, 1, 2],
    [1, 2, 0],
    [2, 0, 1],
  ],
  undefined,
  { ids: [1, 2, 3], names: ['a', 'b', 'c'] },
);

test('vote: a lottery is an object keyed by candidate id, over its support', async () => {
  const methods = parseMethodList('maximal-lottery');
  await prepareRules(methods);
  const [e] = vote(cycle, methods, { kind: 'none' }, false);
  assert.deepEqual(Object.keys(e.lottery ?? {}), ['1', '2', '3']);
  for (const q of Object.values(e.lottery ?? {})) assert.ok(Math.abs(q - 1 / 3) < 1e-9);
  assert.deepEqual(e.winners, [1, 2, 3]);
  assert.match(formatEntries(cycle, [e]), /a: 0\.333, b: 0\.333, c: 0\.333/);
  // A Condorcet winner takes probability 1.
  const cw = profileFromRankings(3, [[2, 0, 1]], [3]);
  assert.deepEqual(vote(cw, methods, { kind: 'none' }, false)[0].lottery, { '2': 1 });
});

test('vote: condorcet-winner answers the empty set on a cycle, under every tie-break', () => {
  const methods = parseMethodList('condorcet-winner,condorcet');
  for (const tb of [
    { kind: 'none' },
    { kind: 'lexicographic' },
    { kind: 'random', rng: new Random(1) },
  ] as const) {
    const [strict, loose] = vote(cycle, methods, tb, false);
    assert.deepEqual(strict.winners, []);
    assert.equal(loose.winners.length, tb.kind === 'none' ? 3 : 1);
  }
  assert.equal(
    JSON.stringify(vote(cycle, methods, { kind: 'none' }, false)[0]),
    '{"method":"condorcet-winner","winners":[]}',
  );
  assert.match(formatEntries(cycle, vote(cycle, methods, { kind: 'none' }, false)), /condorcet-winner/);
});
