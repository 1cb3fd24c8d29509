import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { marketDetails } from '../../../src/sigma/market/common.js';
import { getRule } from '../../../src/sigma/registry.js';
import { close, intProblem, normRow, problem, realProblem, rule } from './helpers.js';

const qv = rule('quadratic-voting');

test('quadratic voting: the worked example', () => {
  const r = qv.run(
    problem([
      [1, 0, 0],
      [0, 1, 0.9],
      [0, 1, 0.9],
    ]),
  );
  assert.deepEqual(r.winners, [1]);
  const votes = marketDetails(r).votes as number[][];
  close(votes[0], [2 / Math.sqrt(6), -1 / Math.sqrt(6), -1 / Math.sqrt(6)], 1e-12);
  const d = [-1.9, 1.1, 0.8];
  const n = Math.hypot(...d);
  close(
    votes[1],
    d.map((x) => x / n),
    1e-12,
  );
  assert.equal(getRule('qv'), qv);
});

test('quadratic voting: each part spends exactly its credits (Σ votes² = budget), votes along its centred utilities', () => {
  fc.assert(
    fc.property(intProblem, (p) => {
      const r = qv.run(p);
      const d = marketDetails(r);
      const votes = d.votes as number[][];
      const credits = d.credits as number[];
      for (let i = 0; i < p.parts; i++) {
        const u = normRow(p, i);
        const cost = votes[i].reduce((t, x) => t + x * x, 0);
        const flat = u.every((x) => x === 0);
        assert.ok(Math.abs(cost - (flat ? 0 : p.weights[i])) <= 1e-9 * p.weights[i], `cost ${cost}`);
        assert.equal(credits[i], flat ? 0 : p.weights[i]);
        assert.ok(Math.abs(d.parts[i].spent - cost) <= 1e-9 * p.weights[i]);
        assert.ok(
          Math.abs(votes[i].reduce((t, x) => t + x, 0)) <= 1e-9,
          'votes on a common shift are wasted',
        );
        // Proportional to the centred utilities: votes_i(a) − votes_i(b) ∝ u_i(a) − u_i(b), same sign.
        for (let a = 0; a < p.actions; a++)
          for (let b = 0; b < p.actions; b++) if (u[a] > u[b]) assert.ok(votes[i][a] > votes[i][b]);
      }
    }),
    { numRuns: 200 },
  );
});

test('quadratic voting: the winners have the most net votes; scores are the net votes', () => {
  fc.assert(
    fc.property(realProblem, (p) => {
      const r = qv.run(p);
      const votes = marketDetails(r).votes as number[][];
      const net = Array.from({ length: p.actions }, (_, a) => votes.reduce((t, v) => t + v[a], 0));
      close(r.scores, net, 1e-9);
      const top = Math.max(...net);
      for (const a of r.winners) assert.ok(net[a] >= top - 1e-9);
      for (let a = 0; a < p.actions; a++) if (!r.winners.includes(a)) assert.ok(net[a] < top);
    }),
    { numRuns: 200 },
  );
});

test('quadratic voting: four times the credits buy twice the votes', () => {
  const p = problem(
    [
      [1, 0, 0],
      [0, 1, 0],
    ],
    [4, 1],
  );
  const votes = marketDetails(qv.run(p)).votes as number[][];
  close([Math.hypot(...votes[0]), Math.hypot(...votes[1])], [2, 1], 1e-12);
  close(
    votes[0],
    [4, -2, -2].map((x) => x / Math.sqrt(6)),
    1e-12,
  );
  assert.deepEqual(qv.run(p).winners, [0]);
});

test('quadratic voting: coalition members vote their own credits along the joint interest', () => {
  // Alone the two members' favourites split; coordinating, they both back the compromise (action 3).
  const p = problem(
    [
      [1, 0, 0, 0.7],
      [0, 1, 0, 0.7],
      [0, 0, 1, 0],
    ],
    [1, 1, 2.5],
  );
  const alone = qv.run(p);
  assert.deepEqual(alone.winners, [2]);
  const pooled = qv.run(p, { coalitions: [0, 0, -1] });
  assert.deepEqual(pooled.winners, [3]);
  const d = marketDetails(pooled);
  const votes = d.votes as number[][];
  close(votes[0], votes[1], 1e-12);
  for (const v of votes.slice(0, 2)) close([v.reduce((t, x) => t + x * x, 0)], [1], 1e-12);
  assert.equal(d.coalitions.length, 1);
  const c = d.coalitions[0];
  assert.deepEqual(c.members, [0, 1]);
  close([c.utility.alone, c.utility.pooled, c.gain], [0, 1.4, 1.4], 1e-12);
});
