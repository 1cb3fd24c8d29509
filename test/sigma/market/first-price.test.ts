import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { marketDetails } from '../../../src/sigma/market/common.js';
import { close, meanAt, normRow, problem, realProblem, rule } from './helpers.js';

const firstPrice = rule('first-price');

test('first-price: the worked example — ties, then the winning side pays its bids', () => {
  const rows = [
    [1, 0, 0.5],
    [0, 1, 1],
  ];
  const tied = firstPrice.run(problem(rows, [2, 1]));
  assert.deepEqual(tied.winners, [0, 2]);
  close(tied.scores, [2, 1, 2]);
  const r = firstPrice.run(problem(rows));
  assert.deepEqual(r.winners, [2]);
  assert.deepEqual(r.ranking, [[2], [0, 1]]);
  const d = marketDetails(r);
  close(d.payments as number[], [0.5, 1]);
  close(
    d.parts.map((x) => x.decisionShare),
    [1 / 3, 2 / 3],
  );
});

test('first-price: bids are budget × utility on [0, 1]; the winners pay their bids (within budget)', () => {
  fc.assert(
    fc.property(realProblem, (p) => {
      const r = firstPrice.run(p);
      const pay = marketDetails(r).payments as number[];
      const W = new Array<number>(p.actions).fill(0);
      for (let i = 0; i < p.parts; i++) {
        const bid = normRow(p, i).map((x) => p.weights[i] * x);
        bid.forEach((x, a) => {
          W[a] += x;
        });
        assert.ok(Math.abs(pay[i] - meanAt(bid, r.winners)) <= 1e-12);
        assert.ok(pay[i] <= p.weights[i] + 1e-12);
      }
      close(r.scores, W, 1e-9);
    }),
    { numRuns: 200 },
  );
});
