/**
 * Sequential scenarios (`kind: sequential`): the file → the typed arrays of src/core/sequential.ts,
 * element by element; '*' expansion; defaults; both kinds through one entry point.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_AGENTS, isSequential, parseAnyScenario, parseScenario } from '../../src/scenario/index.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { fixture } from './helpers.js';
import { agents } from '../../src/dynamics/registry.js';

const seq = (text: string, file = 's.yaml'): SequentialScenario => {
  const s = parseAnyScenario(text, file);
  assert.ok(isSequential(s), 'a sequential scenario');
  return s;
};

/** A scenario without what depends on the file it came from. */
const portable = (s: SequentialScenario) => ({
  ...s,
  file: undefined,
  agents: s.agents.map((a) => ({ ...a, where: '' })),
});

/** Asserts a typed array equals `want`, element by element (exactly). */
function same(actual: Float64Array | Int32Array, want: readonly number[], label: string): void {
  assert.equal(actual.length, want.length, `${label}: length`);
  for (let k = 0; k < want.length; k++) assert.equal(actual[k], want[k], `${label}[${k}]`);
}

// States morning, afternoon, evening (0, 1, 2); actions focus-work, hide-friends, call-friend (0, 1, 2).
const TRUTH = [
  [0, 1, 0], // morning, focus-work: explicit
  [0, 0.5, 0.5], // morning, hide-friends: morning's '*' beats the '*' state's hide-friends
  [0, 0.5, 0.5], // morning, call-friend: morning's '*'
  [1, 0, 0], // afternoon, focus-work: '*' state, '*' action
  [0, 0, 1], // afternoon, hide-friends: '*' state, hide-friends
  [0.1, 0, 0.9], // afternoon, call-friend: explicit
  [1, 0, 0], // evening, focus-work
  [0, 0, 1], // evening, hide-friends
  [1, 0, 0], // evening, call-friend
].flat();

test('the full YAML example and the equivalent JSON give identical scenarios', () => {
  const y = seq(fixture('productivity.yaml'), 'productivity.yaml');
  const j = seq(fixture('productivity.json'), 'productivity.json');
  assert.deepStrictEqual(portable(y), portable(j));
  assert.equal(y.file, 'productivity.yaml');
  assert.equal(j.file, 'productivity.json');
  for (const s of [y, j]) {
    same(s.env.truth, TRUTH, `${s.file} truth`);
    same(s.env.start, [0.75, 0, 0.25], `${s.file} start`);
    s.principal.parts.forEach((p, i) => {
      same(p.reward, Array.from(y.principal.parts[i].reward), `${s.file} parts[${i}].reward`);
    });
    same(s.principal.internal.actionShift, [0, 0, -1, 1, -1, -1, 0, 1, -1], `${s.file} actionShift`);
  }
});

test('the full example: environment, parts, rewards, beliefs, internal model, agents', () => {
  const s = seq(fixture('productivity.yaml'), 'productivity.yaml');
  assert.equal(s.kind, 'sequential');
  assert.equal(s.name, 'productivity');
  assert.equal(s.title, 'The productivity assistant');
  assert.match(s.description, /^An assistant helps you/);
  assert.match(s.essay, /care less about friends/);
  assert.deepEqual(s.env.states, ['morning', 'afternoon', 'evening']);
  assert.deepEqual(s.env.actions, ['focus-work', 'hide-friends', 'call-friend']);
  assert.equal(s.env.horizon, 6);
  assert.ok(s.env.truth instanceof Float64Array);
  same(s.env.truth, TRUTH, 'truth');
  same(s.env.start, [0.75, 0, 0.25], 'start');

  const [work, friends, rest] = s.principal.parts;
  assert.deepEqual(
    s.principal.parts.map((p) => [p.name, p.weight]),
    [
      ['work', 2],
      ['friends', 1],
      ['rest', 0.5],
    ],
  );
  // Rewards are S×A, x[s*A + a].
  same(work.reward, [1, 0.5, 0, 1, 0.5, 0, 1, 0.5, 0], 'work.reward');
  same(friends.reward, [0, 0, 0.5, 0, 0, 0.5, 0, -1, 1], 'friends.reward');
  same(rest.reward, [0.1, 0.1, 0.1, -0.5, 0.2, 0.2, 0.1, 0.1, 0.1], 'rest.reward');
  assert.equal(work.beliefs, undefined, 'no beliefs given: the truth');
  assert.equal('beliefs' in work, false);
  same(friends.beliefs!, new Array<number[]>(9).fill([0.5, 0.25, 0.25]).flat(), 'friends.beliefs');

  const m = s.principal.internal;
  assert.equal(m.levels, 5);
  assert.ok(m.initial instanceof Int32Array && m.actionShift instanceof Int32Array);
  same(m.initial, [3, 2, 2], 'initial');
  same(m.gain, [0.25, 0.5, 1, 1.5, 2], 'gain');
  // A×n: hide-friends moves work up and friends down; '*' (every action not given) moves rest down.
  same(m.actionShift, [0, 0, -1, 1, -1, -1, 0, 1, -1], 'actionShift');
  // S×n: arriving in the evening raises every part; elsewhere work drops.
  same(m.stateShift, [-1, 0, 0, -1, 0, 0, 1, 1, 1], 'stateShift');
  assert.deepEqual(s.principal.sigma, { rule: 'weighted-utilitarian', options: {} });

  assert.deepEqual(
    s.agents.map((a) => [a.id, a.options, a.where]),
    [
      ['boundary/approval', {}, 'productivity.yaml:47: agents[0]'],
      ['boundary/approval', { myopic: true }, 'productivity.yaml:48: agents[1]'],
      ['parts/original', {}, 'productivity.yaml:49: agents[2]'],
      ['critch/nrl', { prior: [1, 1, 0.5] }, 'productivity.yaml:50: agents[3]'],
      ['critch/nrl', { prior: [1, 2, 0] }, 'productivity.yaml:52: agents[4]'],
    ],
  );
  assert.deepEqual(s.observe, [1, 2, 0]);
  assert.equal(s.seed, 7);
});

const minimal = `name: tiny
kind: sequential
states: [home, away]
actions: [stay, go]
horizon: 3
truth: {'*': {stay: home, go: away}}
parts:
  - {name: p, reward: {stay: 1, go: 0}}
  - {name: q, reward: {'*': 0.5}}
`;

test('defaults: first state, weight 1, the truth as beliefs, one level, no shifts, Σ and agents', () => {
  const s = seq(minimal, 'tiny.yaml');
  assert.equal(s.title, 'tiny');
  assert.equal(s.description, '');
  assert.equal(s.essay, '');
  same(s.env.start, [1, 0], 'start');
  same(s.env.truth, [1, 0, 0, 1, 1, 0, 0, 1], 'truth');
  assert.deepEqual(
    s.principal.parts.map((p) => [p.name, p.weight, 'beliefs' in p]),
    [
      ['p', 1, false],
      ['q', 1, false],
    ],
  );
  same(s.principal.parts[1].reward, [0.5, 0.5, 0.5, 0.5], 'q.reward');
  const m = s.principal.internal;
  assert.equal(m.levels, 1);
  same(m.initial, [0, 0], 'initial');
  same(m.gain, [1], 'gain');
  same(m.actionShift, [0, 0, 0, 0], 'actionShift');
  same(m.stateShift, [0, 0, 0, 0], 'stateShift');
  assert.deepEqual(s.principal.sigma, { rule: 'weighted-utilitarian', options: {} });
  assert.deepEqual(
    s.agents.map((a) => [a.id, a.options, a.where]),
    DEFAULT_AGENTS.map((id, k) => [id, {}, `tiny.yaml: default agents[${k}]`]),
  );
  assert.equal(s.observe, undefined);
  assert.equal('observe' in s, false);
  assert.equal(s.seed, 0);
  assert.equal(s.file, 'tiny.yaml');
});

test('internal defaults: levels from the length of gain, initial 0, a part map with and without "*"', () => {
  const a = seq(`${minimal}internal: {gain: [0.5, 1, 3]}\n`).principal.internal;
  assert.equal(a.levels, 3);
  same(a.initial, [0, 0], 'initial');
  same(a.gain, [0.5, 1, 3], 'gain');
  const b = seq(`${minimal}internal: {gain: [1, 2], initial: 1}\n`).principal.internal;
  same(b.initial, [1, 1], 'one level for every part');
  const c = seq(`${minimal}internal: {gain: [1, 2], initial: {q: 1}}\n`).principal.internal;
  same(c.initial, [0, 1], 'parts not given start at 0');
  const d = seq(`${minimal}internal: {levels: 3, gain: [1, 2, 4], initial: {q: 0, '*': 2}}\n`).principal
    .internal;
  same(d.initial, [2, 0], "'*' for the parts not given");
});

test("'*' precedence: [x][y], then [x]['*'], then ['*'][y], then ['*']['*'] (truth, rewards, shifts)", () => {
  const text = `name: wild
kind: sequential
states: [s0, s1, s2]
actions: [a0, a1]
horizon: 2
truth:
  '*': {'*': s2, a1: s1}
  s0: {a0: s0, '*': {s0: 0.5, s1: 0.5}}
  s1: {a1: s0}
parts:
  - name: p
    reward:
      '*': {'*': 4, a1: 3}
      s0: {a0: 1, '*': 2}
      s1: {a1: 5}
  - {name: q, reward: {'*': 0}}
internal:
  gain: [1, 1, 1, 1, 1]
  actions:
    '*': {'*': 4, q: 3}
    a0: {p: 1, '*': 2}
  states:
    s2: {q: -1}
`;
  const s = seq(text, 'w.yaml');
  same(
    s.env.truth,
    [
      [1, 0, 0], // s0 a0: explicit
      [0.5, 0.5, 0], // s0 a1: s0's '*' beats '*'.a1
      [0, 0, 1], // s1 a0: '*'.'*' (s1 gives a1 only)
      [1, 0, 0], // s1 a1: explicit
      [0, 0, 1], // s2 a0: '*'.'*'
      [0, 1, 0], // s2 a1: '*'.a1 beats '*'.'*'
    ].flat(),
    'truth',
  );
  same(s.principal.parts[0].reward, [1, 2, 4, 5, 4, 3], 'reward');
  // A×n over parts p, q: a0 gives p, its '*' covers q; a1 falls to the '*' row (q explicit there).
  same(s.principal.internal.actionShift, [1, 2, 4, 3], 'actionShift');
  same(s.principal.internal.stateShift, [0, 0, 0, 0, 0, -1], 'stateShift');
});

test('a reward by state may give every state explicitly, and a next state may be named for sure', () => {
  const text = minimal.replace(
    "{name: q, reward: {'*': 0.5}}",
    '{name: q, reward: {away: {stay: 1, go: 2}, home: {go: 3, stay: 4}}}',
  );
  same(seq(text).principal.parts[1].reward, [4, 3, 1, 2], 'reward');
});

test('start as a distribution; observations as state indices; Σ with options; a quoted "*"', () => {
  const s = seq(
    `${minimal}start: {away: 0.5, home: 0.5}\nobserve: [away, home, away]\nsigma: {rule: nash, options: {lotteries: true}}\n`,
  );
  same(s.env.start, [0.5, 0.5], 'start');
  assert.deepEqual(s.observe, [1, 0, 1]);
  assert.deepEqual(s.principal.sigma, { rule: 'nash-bargaining', options: { lotteries: true } });
  const json = `{"name": "tiny", "kind": "sequential", "states": ["x"], "actions": ["y"], "horizon": 1000,
    "truth": {"*": {"*": "x"}}, "parts": [{"name": "p", "reward": {"*": {"*": 2}}}], "observe": []}`;
  const j = seq(json, 'tiny.json');
  assert.equal(j.env.horizon, 1000);
  same(j.principal.parts[0].reward, [2], 'reward');
  assert.deepEqual(j.observe, []);
});

test('one-shot files load the same through parseAnyScenario, and are not sequential', () => {
  for (const name of ['holiday.yaml', 'holiday.json']) {
    const any = parseAnyScenario(fixture(name), name);
    assert.equal(isSequential(any), false);
    assert.deepStrictEqual(any, parseScenario(fixture(name), name));
  }
  const plain = 'name: tiny\noutcomes: [a, b]\nparts: [{name: p, utility: [1, 0]}]\n';
  assert.deepStrictEqual(parseAnyScenario(plain, 't.yaml'), parseScenario(plain, 't.yaml'));
});

test('the known agents: ids and their options, for the CLI to check against the agent registry', () => {
  assert.deepEqual(
    // The built-ins, first; agents added later follow them.
    agents.slice(0, 3).map((a) => [a.id, a.options.map((o) => `${o.name}:${o.type}`)]),
    [
      ['boundary/approval', ['myopic:boolean']],
      ['parts/original', ['myopic:boolean']],
      ['critch/nrl', ['prior:number[]']],
    ],
  );
  assert.deepEqual(DEFAULT_AGENTS, ['boundary/approval', 'parts/original', 'critch/nrl']);
  for (const a of agents) assert.ok(a.description.length > 0);
});
