/**
 * A hierarchical sequential H evaluated at every level (run/sequential-levels.ts, dynamics/nesting.ts):
 * a hand-worked two-level case; a hierarchy of depth 1 (H's parts wrapped into one nested
 * principal) gives byte-identical numbers to the flat file for every agent; and properties —
 * wrapping a principal into a one-part principal of weight 1 changes nothing, and under weighted
 * utilitarianism the levels' welfare adds up to the top's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { prepareModel } from '../../src/dynamics/model.js';
import { nestedShares } from '../../src/dynamics/nesting.js';
import { type AgentRun, runSequential } from '../../src/run/sequential.js';
import { parseAnyScenario } from '../../src/scenario/index.js';
import type { SequentialScenario } from '../../src/core/scenario.js';

// biome-ignore lint/suspicious/noExplicitAny: scenario files are plain YAML data until loaded
type FileData = Record<string, any>;

const load = (d: FileData) => parseAnyScenario(stringify(d), 'h.yaml') as SequentialScenario;

/**
 * Hand-worked: one state, actions x and y, two steps. H = {m (weight 1), team (weight 1)}; the
 * team = {a (weight 1), b (weight 3)}, weighted utilitarian with the score reading everywhere.
 * Rewards (already in [0, 1], so normalizing changes nothing): m: x 1, y 0; a: x 1, y 0; b: x 0,
 * y 1. Levels 2, gain [1, 3], everyone at level 0; taking y raises a's level (a → gain 3).
 */
const hand: FileData = {
  name: 'hand',
  kind: 'sequential',
  states: ['s'],
  actions: ['x', 'y'],
  horizon: 2,
  truth: { s: { '*': 's' } },
  parts: [
    { name: 'm', reward: { x: 1, y: 0 } },
    {
      name: 'team',
      parts: [
        { name: 'a', reward: { x: 1, y: 0 } },
        { name: 'b', weight: 3, reward: { x: 0, y: 1 } },
      ],
      internal: { actions: { y: { a: 1 } } },
    },
  ],
  internal: { levels: 2, gain: [1, 3] },
  agents: ['boundary/approval', 'parts/original'],
  seed: 1,
};

test('hand-worked two levels: shares, approval at each level, each part’s welfare inside its team', () => {
  const s = load(hand);
  assert.deepEqual(
    s.principal.parts.map((p) => p.name),
    ['m', 'team/a', 'team/b'],
  );
  const model = prepareModel(s.env, s.principal);
  // t = 0: team shares a 1/4, b 3/4; H's shares m 1/2, team 1/2 → leaves 1/2, 1/8, 3/8.
  assert.deepEqual([...model.initialShares], [0.5, 0.125, 0.375]);
  // The team's approval of x is 1/4, of y 3/4; H's: x 1/2 + 1/2·1/4 = 5/8, y 0 + 1/2·3/4 = 3/8.
  const c0 = model.initialCode;
  assert.deepEqual([...model.approval(0, c0)], [0.625, 0.375]);
  // After y, a's gain is 3: team shares 1/2, 1/2; H approves of x 1/2 + 1/4 = 3/4, of y 1/4.
  // a is leaf 1: code = λ_m + 2·λ_a + 4·λ_b, so a at level 1 is code c0 + 2.
  assert.deepEqual(
    nestedShares(s.principal, [0, 1, 0], new Float64Array(3)).map((x) => x * 8),
    Float64Array.from([4, 2, 2]),
  );
  assert.deepEqual([...model.approval(0, c0 + 2)], [0.75, 0.25]);

  const r = runSequential(s);
  const [approval, original] = r.alignments;
  // boundary/approval: x then x gives 5/8 + 5/8 = 1.25; y then x gives 3/8 + 3/4 = 1.125: it takes x, x.
  // parts/original maximizes 1/2·m + 1/8·a + 3/8·b: x 5/8, y 3/8, so also x, x.
  assert.deepEqual(
    approval.trajectory?.map((t) => t.action),
    ['x', 'x'],
  );
  assert.equal(approval.expected?.approval, 1.25);
  const team = approval.levels?.[0];
  assert.equal(team?.path, 'team');
  assert.equal(team?.depth, 1);
  // The team approves of x 1/4 at each step; a gets 1 per step, b 0; its original welfare 1/4·2.
  assert.equal(team?.approval, 0.5);
  assert.deepEqual(team?.welfare, { a: 2, b: 0 });
  assert.equal(team?.original_welfare, 0.5);
  assert.equal(team?.worst_off, 'b');
  assert.deepEqual(team?.recorded, { approval: 0.5, original_welfare: 0.5, welfare: { a: 2, b: 0 } });
  // Both agents take x, x: every level prefers both, and approves most of both.
  assert.deepEqual(team?.prefers, ['boundary/approval', 'parts/original']);
  assert.equal(original.levels?.[0].preferred, true);
  assert.deepEqual(
    r.level_verdicts?.map((v) => [v.path, v.depth, v.sigma]),
    [
      ['', 0, 'weighted-utilitarian'],
      ['team', 1, 'weighted-utilitarian'],
    ],
  );
});

test('hand-worked: with a longer horizon the approval agent reshapes the team and the levels disagree', () => {
  // y (raising a's voice) then x, x collects 3/8 + 3/4 + 3/4 = 1.875 = 3 · 5/8: a tie at three
  // steps; at four, y, x, x, x collects 3/8 + 3 · 3/4 = 2.625 > 4 · 5/8 = 2.5 (a second y is
  // approved 1/4 only: a's level is already the top).
  const s = load({ ...hand, horizon: 4 });
  const r = runSequential(s);
  const [approval, original] = r.alignments;
  assert.deepEqual(
    approval.trajectory?.map((t) => t.action),
    ['y', 'x', 'x', 'x'],
  );
  assert.equal(approval.expected?.approval, 2.625);
  assert.deepEqual(
    original.trajectory?.map((t) => t.action),
    ['x', 'x', 'x', 'x'],
  );
  // Inside the team (t = 0 shares 1/4, 3/4): under approval a gets 3, b 1 → 3/4 + 3/4 = 1.5;
  // under original a 4, b 0 → 1. The team's own Σ prefers the approval agent's trajectory here;
  // H's (1/2 m + 1/8 a + 3/8 b): approval 3/2 + 3/8 + 3/8 = 2.25 < original 2 + 1/2 = 2.5.
  assert.deepEqual(approval.levels?.[0].welfare, { a: 3, b: 1 });
  assert.equal(approval.levels?.[0].original_welfare, 1.5);
  assert.deepEqual(r.level_verdicts?.[0].prefers, ['parts/original']);
  assert.deepEqual(r.level_verdicts?.[0].approves_most, ['boundary/approval']);
  assert.deepEqual(r.level_verdicts?.[1].prefers, ['boundary/approval']);
  // The team's approval along the way: y at t = 0 (3/4), then x with a's gain 3 (1/2) three times.
  assert.equal(approval.levels?.[0].approval, 0.75 + 3 * 0.5);
});

/** A small flat scenario with everything that moves: attention, beliefs, two states. */
const flat: FileData = {
  name: 'flat',
  kind: 'sequential',
  states: ['calm', 'busy'],
  actions: ['work', 'rest', 'nudge'],
  horizon: 4,
  truth: { calm: { '*': { calm: 0.6, busy: 0.4 } }, busy: { '*': { calm: 0.5, busy: 0.5 } } },
  parts: [
    { name: 'work', weight: 2, reward: { work: 1, rest: 0.2, nudge: 0.5 } },
    {
      name: 'rest',
      reward: { busy: { rest: 1, '*': 0 }, '*': { rest: 0.7, '*': 0.1 } },
      beliefs: { '*': { '*': { calm: 0.9, busy: 0.1 } } },
    },
    { name: 'play', weight: 0.7, reward: { rest: 0.5, '*': 0 } },
  ],
  internal: {
    levels: 3,
    gain: [0.25, 1, 4],
    initial: 1,
    actions: { nudge: { work: 1, rest: -1 } },
    states: { busy: { play: -1 } },
  },
  approval: 'score',
  seed: 7,
};

const allAgents = [
  'boundary/approval',
  { id: 'boundary/approval', options: { myopic: true } },
  'parts/original',
  { id: 'parts/original', options: { myopic: true } },
  'critch/nrl',
  { id: 'learner/psrl', options: { episodes: 30 } },
  { id: 'learner/q-learning', options: { episodes: 30 } },
  { id: 'policy/borda', options: { samples: 200 } },
  { id: 'policy/quantile', options: { samples: 200 } },
  { id: 'policy/approval', options: { samples: 200 } },
  { id: 'policy/veto-core', options: { samples: 200 } },
];

/** The file with H's parts wrapped into one nested principal `inner` (its Σ, reading and placement). */
function wrap(d: FileData, name = 'inner'): FileData {
  const { initial, actions, states, ...lattice } = d.internal ?? {};
  const block = { initial, actions, states };
  const inner: FileData = { name, parts: d.parts, internal: block };
  if (d.sigma !== undefined) inner.sigma = d.sigma;
  if (d.approval !== undefined) inner.approval = d.approval;
  return { ...d, parts: [inner], internal: lattice };
}

/** What the flat results say: everything but the hierarchy's own additions. */
const topOf = (a: AgentRun) => {
  const { levels: _levels, ...rest } = a;
  return JSON.stringify(rest, (_k, v) => (v instanceof Int32Array || v instanceof Float64Array ? [...v] : v));
};

test('depth 1: H’s parts wrapped into one nested principal give byte-identical numbers for every agent', () => {
  const data = { ...flat, agents: allAgents };
  const a = runSequential(load(data));
  const b = runSequential(load(wrap(data)));
  assert.ok(a.alignments.every((x) => !x.error));
  assert.equal(a.level_verdicts, undefined);
  assert.equal(a.alignments[0].levels, undefined);
  assert.deepEqual(
    b.parts,
    a.parts.map((p) => `inner/${p}`),
  );
  a.alignments.forEach((x, k) => {
    const y = b.alignments[k];
    // The leaves are named by their paths; nothing else differs.
    assert.equal(topOf(y).replaceAll('inner/', ''), topOf(x), x.label);
  });
  // The one level is the whole of H: its approval is H's (exactly where both are exact; a
  // rollout estimate draws its own episodes), and so is its original welfare.
  for (const y of b.alignments) {
    const l = y.levels?.[0];
    assert.equal(l?.path, 'inner');
    assert.equal(l?.recorded?.approval, y.recorded?.approval, y.label);
    if (y.expected?.method === 'exact') assert.equal(l?.approval, y.expected.approval, y.label);
    else assert.ok(Math.abs((l?.approval ?? 0) - (y.expected?.approval ?? 0)) < 0.1, y.label);
  }
});

test('every agent acts on a two-level hierarchy through its leaves, and every level is measured', () => {
  const r = runSequential(load({ ...hand, horizon: 3, agents: allAgents }));
  for (const a of r.alignments) {
    assert.equal(a.error, undefined, a.label);
    assert.equal(a.levels?.length, 1, a.label);
    assert.deepEqual(Object.keys(a.recorded?.welfare ?? {}), ['m', 'team/a', 'team/b']);
  }
  assert.equal(r.level_verdicts?.length, 2);
});

test('a flat file runs exactly as before: no levels, the same numbers as its model', () => {
  const r = runSequential(load({ ...flat, agents: ['boundary/approval'] }));
  assert.equal(r.level_verdicts, undefined);
  assert.equal('levels' in r.alignments[0], false);
});

/** A random small flat principal, as file data (rewards by state and action, weights, attention). */
const flatPrincipal = fc.record({
  rewards: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  }),
  weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
  shifts: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 6, maxLength: 6 }),
  sigma: fc.constantFrom('weighted-utilitarian', 'borda'),
});

interface Flat {
  rewards: number[][];
  weights: number[];
  shifts: number[];
  sigma: string;
}

function randomFile(x: Flat): FileData {
  const parts = x.rewards.map((r, i) => ({
    name: `p${i}`,
    weight: x.weights[i] / 2,
    reward: { s: { go: r[0], stay: r[1] }, t: { go: r[2], stay: r[3] } },
  }));
  return {
    name: 'random',
    kind: 'sequential',
    states: ['s', 't'],
    actions: ['go', 'stay'],
    horizon: 3,
    truth: { s: { go: 't', stay: 's' }, t: { '*': { s: 0.5, t: 0.5 } } },
    parts,
    internal: {
      levels: 2,
      gain: [0.5, 2],
      actions: {
        go: Object.fromEntries(parts.map((p, i) => [p.name, x.shifts[i]])),
        stay: Object.fromEntries(parts.map((p, i) => [p.name, x.shifts[3 + i]])),
      },
    },
    sigma: x.sigma,
    agents: ['boundary/approval', 'parts/original'],
    seed: 3,
  };
}

test('property: wrapping H into a one-part principal of weight 1 changes nothing (any Σ, any attention)', () => {
  fc.assert(
    fc.property(flatPrincipal, (x) => {
      const d = randomFile(x);
      const a = runSequential(load(d));
      const b = runSequential(load(wrap(d)));
      a.alignments.forEach((y, k) => {
        assert.equal(topOf(b.alignments[k]).replaceAll('inner/', ''), topOf(y));
      });
    }),
    { numRuns: 25, seed: 14 },
  );
});

test('property: wrapping a nested principal again (one part, weight 1) changes nothing at the top', () => {
  fc.assert(
    fc.property(flatPrincipal, (x) => {
      const d = randomFile(x);
      // H = {solo, team}: the team holds all but the first part.
      const [first, ...rest] = d.parts as FileData[];
      if (rest.length === 0) return;
      const { actions } = d.internal;
      const teamShift = (row: Record<string, number>) =>
        Object.fromEntries(rest.map((p) => [p.name, row[p.name]]));
      const two = {
        ...d,
        parts: [
          first,
          {
            name: 'team',
            sigma: d.sigma,
            parts: rest,
            internal: { actions: { go: teamShift(actions.go), stay: teamShift(actions.stay) } },
          },
        ],
        internal: {
          ...d.internal,
          actions: {
            go: { [first.name]: actions.go[first.name] },
            stay: { [first.name]: actions.stay[first.name] },
          },
        },
      };
      const [, team] = two.parts as FileData[];
      const wrapped = {
        ...two,
        parts: [first, { name: 'team', sigma: d.sigma, parts: [{ ...team, name: 'inner' }] }],
      };
      const a = runSequential(load(two));
      const b = runSequential(load(wrapped));
      a.alignments.forEach((y, k) => {
        assert.equal(topOf(b.alignments[k]).replaceAll('team/inner/', 'team/'), topOf(y));
      });
    }),
    { numRuns: 20, seed: 15 },
  );
});

test('property: under weighted utilitarianism H’s approval is the flat weighted sum, and the levels’ welfare adds up to the top’s', () => {
  fc.assert(
    fc.property(flatPrincipal, fc.integer({ min: 1, max: 4 }), (x, teamWeight) => {
      const d = randomFile({ ...x, sigma: 'weighted-utilitarian' });
      const [first, ...rest] = d.parts as FileData[];
      if (rest.length === 0) return;
      const s = load({
        ...d,
        parts: [first, { name: 'team', weight: teamWeight, parts: rest }],
        internal: { levels: 2, gain: [0.5, 2], initial: 1, actions: { go: { [first.name]: -1 } } },
        approval: 'score',
      });
      const model = prepareModel(s.env, s.principal);
      const shares = model.initialShares;
      for (let st = 0; st < model.S; st++) {
        const row = model.approval(st, model.initialCode);
        for (let a = 0; a < model.A; a++) {
          let flatSum = 0;
          for (let i = 0; i < model.n; i++) flatSum += shares[i] * model.welfare[i][st * model.A + a];
          assert.ok(Math.abs(row[a] - flatSum) < 1e-12, `${row[a]} vs ${flatSum}`);
        }
      }
      const r = runSequential(s);
      const teamShare = shares.slice(1).reduce((p, q) => p + q, 0);
      const close = (p: number, q: number) => assert.ok(Math.abs(p - q) < 1e-9, `${p} vs ${q}`);
      close(shares[0] + teamShare, 1);
      for (const y of r.alignments) {
        const team = y.levels![0];
        // H's original welfare = share(first) · first's welfare + share(team) · team's original welfare.
        const rec = y.recorded!;
        close(
          shares[0] * rec.welfare[first.name] + teamShare * team.recorded!.original_welfare,
          rec.original_welfare,
        );
        // The team's original welfare is its members' welfare with their t = 0 shares inside it.
        close(
          rest.reduce((acc, p, k) => acc + (shares[1 + k] / teamShare) * team.welfare[p.name], 0),
          team.original_welfare,
        );
      }
    }),
    { numRuns: 20, seed: 16 },
  );
});
