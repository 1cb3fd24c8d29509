import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  makePrincipal,
  type Part,
  type Principal,
  type PrincipalSpec,
  validatePrincipal,
  weightShares,
  withWeights,
} from '../../src/core/model.js';
import {
  expectedUtilities,
  flatten,
  partBeliefs,
  partLabels,
  partUtility,
  problemFromPrincipal,
} from '../../src/core/hierarchy.js';
import { restrictActions } from '../../src/core/utility.js';
import { isIdentityWorld } from '../../src/core/world.js';

const close = (xs: ArrayLike<number>, ys: number[], tol = 1e-12) => {
  assert.equal(xs.length, ys.length, `${Array.from(xs)} vs ${ys}`);
  for (let i = 0; i < ys.length; i++) assert.ok(Math.abs(xs[i] - ys[i]) <= tol, `${Array.from(xs)} vs ${ys}`);
};

const userError = (re: RegExp) => (e: unknown) => {
  assert.ok(e instanceof UserError, `expected a UserError, got ${e}`);
  assert.match(e.message, re);
  return true;
};

/** The productivity assistant from the essay: work vs. the rest of life. */
const person: PrincipalSpec = {
  name: 'you',
  outcomes: ['work', 'friends', 'sport'],
  parts: [
    { name: 'career', utility: [1, 0, 0.2], weight: 2 },
    { name: 'social', utility: [0, 1, 0.5] },
    { name: 'health', utility: [0.1, 0.3, 1], weight: 0.5 },
  ],
  sigma: { rule: 'nash', options: { lotteries: true } },
};

test('defaults: actions are the outcomes, the world is the identity, weights are the declared ones', () => {
  const h = makePrincipal(person);
  assert.deepEqual(h.actions, h.outcomes);
  assert.ok(isIdentityWorld(h.world));
  assert.deepEqual(Array.from(h.state.weights), [2, 1, 0.5]);
  assert.deepEqual(h.sigma, { rule: 'nash', options: { lotteries: true } });
  assert.deepEqual(makePrincipal({ outcomes: ['a'], parts: [{ name: 'p', utility: [1] }] }).sigma, {
    rule: 'weighted-utilitarian',
    options: {},
  });
  close(weightShares(h), [4 / 7, 2 / 7, 1 / 7]);
  // Under the identity, expected utilities are the utilities.
  close(expectedUtilities(h), [1, 0, 0.2, 0, 1, 0.5, 0.1, 0.3, 1]);
});

test('actions named like outcomes lead to them; other actions need a world model', () => {
  const h = makePrincipal({
    outcomes: ['a', 'b', 'c'],
    actions: ['c', 'a'],
    parts: [{ name: 'p', utility: [1, 2, 3] }],
  });
  close(expectedUtilities(h), [3, 1]);
  assert.throws(
    () =>
      makePrincipal({ outcomes: ['a', 'b'], actions: ['a', 'x'], parts: [{ name: 'p', utility: [1, 2] }] }),
    userError(/^world: action "x" is not an outcome, so a world model .* is required$/),
  );
});

test('expected utilities under shared and under own beliefs', () => {
  // Two actions, two outcomes. The shared world says "invest" pays off with probability 0.5; the
  // optimist believes 0.9, the pessimist has no beliefs of its own.
  const h = makePrincipal({
    outcomes: ['gain', 'loss'],
    actions: ['invest', 'hold'],
    world: [
      [0.5, 0.5],
      [0, 1],
    ],
    parts: [
      {
        name: 'optimist',
        utility: [10, 0],
        beliefs: [
          [0.9, 0.1],
          [0, 1],
        ],
      },
      { name: 'pessimist', utility: [4, 1] },
    ],
  });
  close(expectedUtilities(h, { beliefs: 'shared' }), [5, 0, 2.5, 1]);
  close(expectedUtilities(h, { beliefs: 'own' }), [9, 0, 2.5, 1]);
  assert.equal(partBeliefs(h, 1), h.world);
  const own = problemFromPrincipal(h, { beliefs: 'own' });
  assert.equal(own.parts, 2);
  assert.equal(own.actions, 2);
  close(own.u, [9, 0, 2.5, 1]);
  close(own.weights, [1, 1]);
  assert.equal(own.disagreement, undefined);
});

test('problemFromPrincipal normalizes over the feasible actions and carries the disagreement point', () => {
  const h = makePrincipal(person);
  const p = problemFromPrincipal(h, { normalize: 'minmax', disagreement: [0.2, 0.5, 0.1] });
  close(p.u, [1, 0, 0.2, 0, 1, 0.5, 0, 2 / 9, 1]);
  close(p.disagreement!, [0.2, 0.5, 0]);
  const q = problemFromPrincipal(h, { normalize: 'minmax', feasible: [1, 2] });
  close(q.u.subarray(0, 3), [5, 0, 1]);
  assert.throws(() => problemFromPrincipal(h, { disagreement: [0, 0] }), /disagreement: expected 3 numbers/);
});

test('validation errors name the field', () => {
  const bad = (spec: unknown, re: RegExp) =>
    assert.throws(() => makePrincipal(spec as PrincipalSpec), userError(re));
  bad(
    { ...person, parts: [{ name: 'x', utility: [1, 2] }] },
    /^parts\[0\]\.utility: expected 3 numbers \(one per outcome\), got 2$/,
  );
  bad(
    { ...person, parts: [{ name: 'x', utility: [1, Number.NaN, 2] }] },
    /^parts\[0\]\.utility\[1\]: expected a finite number/,
  );
  bad({ ...person, parts: [{ name: 'x' }] }, /^parts\[0\]\.utility: expected 3 numbers/);
  bad(
    { ...person, parts: [{ name: 'x', utility: [1, 2, 3], weight: -1 }] },
    /^parts\[0\]\.weight: expected a non-negative weight, got -1$/,
  );
  bad(
    { ...person, parts: [{ name: 'x', utility: [1, 2, 3], weight: 0 }] },
    /^parts: expected at least one part with a positive weight$/,
  );
  bad({ ...person, parts: [] }, /^parts: expected at least one part$/);
  bad({ ...person, outcomes: ['a', 'a', 'b'] }, /^outcomes\[1\]: outcome "a" appears more than once$/);
  bad({ parts: person.parts }, /^outcomes: expected a list of outcome names$/);
  bad(
    { ...person, parts: [person.parts[0], { ...person.parts[1], name: 'career' }] },
    /^parts\[1\]\.name: part "career" appears more than once$/,
  );
  bad({ ...person, weights: [1, 2] }, /^weights: expected 3 weights \(one per part\), got 2$/);
  bad({ ...person, sigma: { rule: '' } }, /^sigma: expected \{ rule/);
  bad(
    {
      ...person,
      actions: ['a', 'b'],
      world: [
        [1, 0, 0],
        [0.3, 0.3, 0.3],
      ],
    },
    /^world\[1\]: row for action "b" sums to 0.9, expected 1$/,
  );
  bad(
    {
      ...person,
      parts: [
        {
          name: 'x',
          utility: [1, 2, 3],
          beliefs: [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0.5, 0.6],
          ],
        },
      ],
    },
    /^parts\[0\]\.beliefs\[2\]: row for action "sport" sums to 1.1, expected 1$/,
  );
});

/** A company of two teams; the engineering team has two people. */
const company: PrincipalSpec = {
  name: 'company',
  outcomes: ['ship', 'polish', 'pause'],
  parts: [
    {
      name: 'engineering',
      weight: 2,
      principal: {
        parts: [
          { name: 'alice', utility: [1, 0.5, 0], weight: 1 },
          { name: 'bob', utility: [0, 1, 0.5], weight: 3 },
        ],
        sigma: { rule: 'leximin' },
      },
    },
    { name: 'sales', utility: [1, 0, 0], weight: 1 },
  ],
};

test('hierarchy: nested principals inherit outcomes, actions and world; flattening multiplies shares', () => {
  const h = makePrincipal(company);
  const eng = h.parts[0].principal!;
  assert.equal(eng.name, 'engineering');
  assert.deepEqual(eng.outcomes, h.outcomes);
  assert.equal(eng.world, h.world);
  assert.equal(eng.sigma.rule, 'leximin');
  const leaves = flatten(h);
  assert.deepEqual(
    leaves.map((l) => [l.name, l.path, l.weight]),
    [
      ['engineering/alice', [0, 0], 0.5],
      ['engineering/bob', [0, 1], 1.5],
      ['sales', [1], 1],
    ],
  );
  // Total influence is conserved by flattening.
  assert.equal(
    leaves.reduce((t, l) => t + l.weight, 0),
    3,
  );
  // The team as one part: the share-weighted mean of its members.
  close(partUtility(h.parts[0]), [0.25, 0.875, 0.375]);
  close(expectedUtilities(h), [0.25, 0.875, 0.375, 1, 0, 0]);
  const flat = problemFromPrincipal(h, { hierarchy: 'flatten' });
  assert.equal(flat.parts, 3);
  close(flat.weights, [0.5, 1.5, 1]);
  close(flat.u, [1, 0.5, 0, 0, 1, 0.5, 1, 0, 0]);
  assert.deepEqual(partLabels(h, 'flatten'), ['engineering/alice', 'engineering/bob', 'sales']);
  assert.deepEqual(partLabels(h), ['engineering', 'sales']);
  // A flat principal flattens to itself.
  const p = makePrincipal(person);
  assert.deepEqual(
    flatten(p).map((l) => l.weight),
    [2, 1, 0.5],
  );
});

test('hierarchy: three levels, and nested beliefs are the nested world model', () => {
  const h = makePrincipal({
    outcomes: ['a', 'b'],
    parts: [
      {
        name: 'division',
        weight: 3,
        principal: {
          world: [
            [0.5, 0.5],
            [0, 1],
          ],
          parts: [
            {
              name: 'team',
              weight: 1,
              principal: {
                parts: [
                  { name: 'x', utility: [2, 0] },
                  { name: 'y', utility: [0, 2], weight: 3 },
                ],
              },
            },
            { name: 'z', utility: [1, 1], weight: 2 },
          ],
        },
      },
      { name: 'w', utility: [0, 1] },
    ],
  });
  const leaves = flatten(h);
  close(
    leaves.map((l) => l.weight),
    [3 * (1 / 3) * (1 / 4), 3 * (1 / 3) * (3 / 4), 3 * (2 / 3), 1],
  );
  // The division's leaves believe the division's world; "w" believes the shared identity.
  const own = problemFromPrincipal(h, { hierarchy: 'flatten', beliefs: 'own' });
  close(own.u, [1, 0, 1, 2, 1, 1, 0, 1]);
  const shared = problemFromPrincipal(h, { hierarchy: 'flatten', beliefs: 'shared' });
  close(shared.u, [2, 0, 0, 2, 1, 1, 0, 1]);
  // At the top, the division's own beliefs are its world model.
  assert.equal(partBeliefs(h, 0), h.parts[0].principal!.world);
});

test('hierarchy: nested principals must share outcomes and actions, and may not carry beliefs', () => {
  assert.throws(
    () =>
      makePrincipal({
        outcomes: ['a', 'b'],
        parts: [{ name: 't', principal: { outcomes: ['a', 'c'], parts: [{ name: 'x', utility: [1, 0] }] } }],
      }),
    userError(
      /^parts\[0\]\.principal\.outcomes: a nested principal must have its parent's outcomes \["a","b"\]$/,
    ),
  );
  assert.throws(
    () =>
      makePrincipal({
        outcomes: ['a', 'b'],
        parts: [{ name: 't', principal: { parts: [{ name: 'x', utility: [1] }] } }],
      }),
    userError(/^parts\[0\]\.principal\.parts\[0\]\.utility: expected 2 numbers/),
  );
  assert.throws(
    () =>
      makePrincipal({
        outcomes: ['a', 'b'],
        parts: [
          {
            name: 't',
            beliefs: [
              [1, 0],
              [0, 1],
            ],
            principal: { parts: [{ name: 'x', utility: [1, 0] }] },
          },
        ],
      }),
    userError(/^parts\[0\]\.beliefs: a part that is itself a principal/),
  );
});

test('cycles are refused, in specs and in built principals', () => {
  const spec: { outcomes: string[]; parts: { name: string; principal?: unknown; utility?: number[] }[] } = {
    outcomes: ['a'],
    parts: [{ name: 'x', utility: [1] }],
  };
  spec.parts.push({ name: 'loop', principal: spec });
  assert.throws(
    () => makePrincipal(spec as PrincipalSpec),
    userError(/^parts\[1\]\.principal: cycle: this principal contains itself$/),
  );

  const h = makePrincipal({ outcomes: ['a'], parts: [{ name: 'x', utility: [1] }] });
  (h.parts as Part[]).push({ name: 'loop', weight: 1, principal: h });
  (h.state as { weights: Float64Array }).weights = Float64Array.from([1, 1]);
  assert.throws(() => validatePrincipal(h), userError(/^parts\[1\]\.principal: cycle/));
  assert.throws(() => flatten(h), userError(/cycle/));
  // Built principals can be nested directly (and shared between parents: a DAG is fine).
  const team = makePrincipal({ outcomes: ['a'], parts: [{ name: 'y', utility: [2] }] });
  const top = makePrincipal({
    outcomes: ['a'],
    parts: [
      { name: 't1', principal: team },
      { name: 't2', principal: team },
    ],
  });
  assert.equal(flatten(top).length, 2);
});

test('withWeights changes the internal state and nothing else', () => {
  const h = makePrincipal(person);
  const g = withWeights(h, [1, 1, 1]);
  assert.deepEqual(Array.from(g.state.weights), [1, 1, 1]);
  assert.deepEqual(Array.from(h.state.weights), [2, 1, 0.5]);
  assert.equal(g.parts, h.parts);
  assert.equal(g.parts[0].weight, 2); // declared weight kept for measuring drift
  close(problemFromPrincipal(g).weights, [1, 1, 1]);
  assert.throws(
    () => withWeights(h, [0, 0, 0]),
    userError(/^weights: expected at least one positive weight$/),
  );
  assert.throws(() => withWeights(h, [1, 1]), userError(/^weights: expected 3 weights/));
});

test('validatePrincipal accepts what makePrincipal builds and checks hand-made changes', () => {
  const h = makePrincipal(company);
  assert.equal(validatePrincipal(h), h);
  const broken: Principal = {
    ...h,
    world: { ...h.world, p: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 0.5]) },
  };
  assert.throws(
    () => validatePrincipal(broken),
    userError(/^world\[2\]: row for action "pause" sums to 0.5, expected 1$/),
  );
});

test('restrictActions keeps the chosen actions in order', () => {
  const p = problemFromPrincipal(makePrincipal(person));
  const q = restrictActions(p, [2, 0]);
  assert.equal(q.actions, 2);
  close(q.u, [0.2, 1, 0.5, 0, 1, 0.1]);
  assert.throws(() => restrictActions(p, [3]), userError(/actions: action 3 is not one of 0..2/));
});
