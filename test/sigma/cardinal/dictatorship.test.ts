import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictatorship, randomDictatorship } from '../../../src/sigma/cardinal/dictatorship.js';
import { weightedUtilitarian } from '../../../src/sigma/cardinal/utilitarian.js';
import { getRule } from '../../../src/sigma/registry.js';
import { close, problem } from './helpers.js';

test('dictatorship: the heaviest part decides, or the one named', () => {
  const p = problem(
    [
      [1, 0, 0.5],
      [0, 1, 1],
    ],
    [3, 1],
  );
  const r = dictatorship.run(p);
  assert.deepEqual(r.winners, [0]);
  assert.deepEqual(r.ranking, [[0], [2], [1]]);
  assert.deepEqual(dictatorship.run(p, { part: 1 }).winners, [1, 2]);
  // Heaviest parts tied: the union of their favourites, no ranking.
  const t = dictatorship.run(
    problem(
      [
        [1, 0, 0.5],
        [0, 1, 1],
      ],
      [2, 2],
    ),
  );
  assert.deepEqual(t.winners, [0, 1, 2]);
  assert.equal(t.ranking, undefined);
  assert.throws(
    () => dictatorship.run(p, { part: 2 }),
    /dictatorship: option part: expected a part index in 0..1, got 2/,
  );
  assert.equal(getRule('loudest-part'), dictatorship);
});

test('random dictatorship: favourites with probability in proportion to the weights', () => {
  const p = problem(
    [
      [1, 0, 0.5],
      [0, 1, 1],
    ],
    [3, 1],
  );
  const r = randomDictatorship.run(p);
  close(r.lottery, [0.75, 0.125, 0.125], 1e-15);
  assert.deepEqual(r.winners, [0, 1, 2]);
  close(
    randomDictatorship.run(
      problem(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 0],
      ),
    ).lottery,
    [1, 0],
  );
  assert.throws(
    () => randomDictatorship.run(problem([[1, 0]], [0])),
    /random-dictatorship: weights: expected at least one positive weight/,
  );
});

test('weighted utilitarian: the docstring example, and its scale dependence', () => {
  const p = problem(
    [
      [1, 0, 0.6],
      [0, 1, 0.6],
    ],
    [2, 1],
  );
  const r = weightedUtilitarian.run(p);
  close(r.scores, [2, 1, 1.8]);
  assert.deepEqual(r.ranking, [[0], [2], [1]]);
  // Rescaling one part's utility (a change of units, nothing else) changes the choice.
  const q = problem(
    [
      [1, 0, 0.6],
      [0, 10, 6],
    ],
    [2, 1],
  );
  assert.deepEqual(weightedUtilitarian.run(q).winners, [1]);
  assert.equal(getRule('utilitarian'), weightedUtilitarian);
});
