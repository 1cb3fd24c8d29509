import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '../../src/core/model.js';
import { flatten } from '../../src/core/hierarchy.js';
import { isIdentityWorld, type WorldModel } from '../../src/core/world.js';
import type { Scenario } from '../../src/core/scenario.js';
import { DEFAULT_ALIGNMENTS, parseScenario } from '../../src/scenario/index.js';
import { fixture } from './helpers.js';

const rows = (w: WorldModel) =>
  Array.from({ length: w.actions }, (_, a) => Array.from(w.p.subarray(a * w.outcomes, (a + 1) * w.outcomes)));

/** A scenario without what depends on the file it came from. */
const portable = (s: Scenario) => ({
  ...s,
  file: undefined,
  alignments: s.alignments.map((a) => ({ ...a, where: '' })),
});

const minimal = `name: tiny
outcomes: [work, friends, sport]
parts:
  - {name: career, utility: [1, 0, 0.2]}
  - {name: social, utility: [0, 1, 0.5]}
`;

test('the full YAML example and the equivalent JSON give identical scenarios', () => {
  const y = parseScenario(fixture('holiday.yaml'), 'holiday.yaml');
  const j = parseScenario(fixture('holiday.json'), 'holiday.json');
  assert.deepStrictEqual(portable(y), portable(j));
  assert.equal(y.file, 'holiday.yaml');
  assert.equal(j.file, 'holiday.json');
});

test('the full example resolves every name to an index', () => {
  const s = parseScenario(fixture('holiday.yaml'), 'holiday.yaml');
  const h = s.principal;
  assert.equal(s.name, 'holiday');
  assert.equal(s.title, 'The holiday assistant');
  assert.match(s.description, /^You ask your assistant/);
  assert.match(s.essay, /engineer a break-up/);
  assert.deepEqual(h.outcomes, ['beach', 'city', 'cabin', 'horrible-place']);
  assert.deepEqual(h.actions, ['book-beach', 'book-city', 'book-cabin', 'book-horrible', 'gamble']);
  assert.deepEqual(rows(h.world), [
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0.5, 0, 0.5, 0],
  ]);
  assert.deepEqual(rows(s.truth)[2], [0, 0, 0.9, 0.1]);
  assert.deepEqual(rows(s.truth)[4], [0.25, 0, 0.75, 0]);
  assert.equal(h.name, 'H');
  assert.deepEqual(
    h.parts.map((p) => p.name),
    ['companionship', 'fear-of-living-alone', 'wish-to-leave', 'friends', 'family'],
  );
  assert.deepEqual(Array.from(h.state.weights), [0.5, 1, 0.25, 1, 1]);
  assert.deepEqual(Array.from(h.parts[0].utility!), [0.9, 0.6, 0.7, 0]);
  assert.deepEqual(rows(h.parts[1].beliefs!)[4], [0, 0, 1, 0]);
  assert.deepEqual(h.sigma, { rule: 'weighted-utilitarian', options: {} });
  // Inline sub-principal with its own Σ and world model.
  const friends = h.parts[3].principal!;
  assert.equal(friends.name, 'friends');
  assert.deepEqual(friends.sigma, { rule: 'borda', options: {} });
  assert.deepEqual(rows(friends.world)[4], [0, 1, 0, 0]);
  assert.deepEqual(Array.from(friends.state.weights), [1, 2]);
  // Reference to a named principal, which refers twice to another one (reuse).
  const household = h.parts[4].principal!;
  assert.equal(household.name, 'household');
  assert.deepEqual(Array.from(h.parts[4].utility!), [0.5, 0.5, 0.5, 0]);
  assert.deepEqual(household.sigma, { rule: 'nash-bargaining', options: { lotteries: true } });
  assert.deepEqual(
    household.parts.map((p) => [p.name, p.principal?.name ?? null, p.weight]),
    [
      ['parents', null, 1],
      ['siblings', 'cousins', 1],
      ['more-siblings', 'cousins', 0.5],
    ],
  );
  assert.deepEqual(
    rows(household.world),
    rows(h.world),
    "a named principal's world defaults to its parent's",
  );
  assert.deepEqual(
    flatten(h).map((l) => l.name),
    [
      'companionship',
      'fear-of-living-alone',
      'wish-to-leave',
      'friends/pete',
      'friends/ann',
      'family/parents',
      'family/siblings/one',
      'family/siblings/two',
      'family/more-siblings/one',
      'family/more-siblings/two',
    ],
  );
  assert.deepEqual(s.bounds, { noise: 0.1, samples: 200 });
  assert.deepEqual(
    s.alignments.map((a) => a.id),
    [
      'boundary/instruction',
      'boundary/approval',
      'parts/nash-bargaining',
      'parts/pareto',
      'parts/delegates',
      'parts/idealized',
      'whole/learned',
    ],
  );
  assert.deepEqual(s.alignments[4].options, { protocol: 'alternating-offers', rounds: 10 });
  assert.equal(s.alignments[4].where, 'holiday.yaml:74: alignments[4]');
  assert.deepEqual(s.candidates, [0, 4, 3]);
  assert.equal(s.seed, 7);
  assert.equal(s.epsilon, 1e-6);
  assert.equal(s.neglectThreshold, 0.3);
});

test('defaults: sure actions named after the outcomes, weight 1, weighted utilitarian, the standard readings', () => {
  const s = parseScenario(minimal, 'tiny.yaml');
  const h: Principal = s.principal;
  assert.equal(s.title, 'tiny');
  assert.equal(s.description, '');
  assert.equal(s.essay, '');
  assert.deepEqual(h.actions, h.outcomes);
  assert.ok(isIdentityWorld(h.world));
  assert.equal(s.truth, h.world);
  assert.deepEqual(Array.from(h.state.weights), [1, 1]);
  assert.deepEqual(h.sigma, { rule: 'weighted-utilitarian', options: {} });
  assert.deepEqual(s.bounds, { noise: 0, samples: 1000 });
  assert.deepEqual(
    s.alignments.map((a) => [a.id, a.options]),
    DEFAULT_ALIGNMENTS.map((id) => [id, {}]),
  );
  assert.equal(s.alignments[0].where, 'tiny.yaml: default alignments[0]');
  assert.deepEqual(s.candidates, [0, 1, 2]);
  assert.equal(s.seed, 0);
  assert.equal(s.epsilon, 1e-6);
  assert.equal(s.neglectThreshold, 0.25);
  assert.equal(s.file, 'tiny.yaml');
});

test('utilities as a list in outcome order equal the same utilities by outcome name', () => {
  const byName = minimal
    .replace('[1, 0, 0.2]', '{sport: 0.2, work: 1, friends: 0}')
    .replace('[0, 1, 0.5]', '{friends: 1, sport: 0.5, work: 0}');
  assert.deepEqual(portable(parseScenario(byName, 'a.yaml')), portable(parseScenario(minimal, 'b.yaml')));
});

test('actions: a list of outcome names is a set of sure actions; lotteries in all three forms', () => {
  const s = parseScenario(`${minimal}actions: [sport, work]\n`, 'x.yaml');
  assert.deepEqual(s.principal.actions, ['sport', 'work']);
  assert.deepEqual(rows(s.principal.world), [
    [0, 0, 1],
    [1, 0, 0],
  ]);
  const t = parseScenario(
    `${minimal}actions:\n  a: friends\n  b: {work: 0.25, sport: 0.75}\n  c: [0.5, 0.5, 0]\n`,
    'x.yaml',
  );
  assert.deepEqual(rows(t.principal.world), [
    [0, 1, 0],
    [0.25, 0, 0.75],
    [0.5, 0.5, 0],
  ]);
});

test('actions keep the order they were written in, even with names that look like numbers', () => {
  const text = `${minimal}actions:\n  z: work\n  '2': friends\n  '1': sport\n`;
  assert.deepEqual(parseScenario(text, 'x.yaml').principal.actions, ['z', '2', '1']);
  const json = `{"name": "tiny", "outcomes": ["work", "friends", "sport"],
    "actions": {"z": "work", "2": "friends", "1": "sport"}, "parts": [{"name": "p", "utility": [1, 0, 0]}]}`;
  assert.deepEqual(parseScenario(json, 'x.json').principal.actions, ['z', '2', '1']);
});

test('nested principals inherit the world model of the principal they sit in', () => {
  const text = `name: nest
outcomes: [a, b]
actions: {x: a, y: {a: 0.5, b: 0.5}}
parts:
  - name: org
    world: {x: b, y: a}
    parts:
      - {name: member, utility: [1, 0]}
      - {name: club, principal: club}
  - {name: solo, utility: [0, 1]}
principals:
  club:
    sigma: Borda-Count
    parts: [{name: c1, utility: [1, 1]}, {name: c2, utility: [0, 1]}]
`;
  const h = parseScenario(text, 'nest.yaml').principal;
  const org = h.parts[0].principal!;
  assert.deepEqual(rows(org.world), [
    [0, 1],
    [1, 0],
  ]);
  const club = org.parts[1].principal!;
  assert.deepEqual(rows(club.world), rows(org.world));
  assert.equal(club.sigma.rule, 'borda', 'rule names are canonical');
  assert.deepEqual(rows(h.world), [
    [1, 0],
    [0.5, 0.5],
  ]);
});

test('the format follows the extension, else the text: JSON without an extension, YAML flow style', () => {
  const json = JSON.stringify({
    name: 'tiny',
    outcomes: ['a', 'b'],
    parts: [{ name: 'p', utility: [1, 0] }],
  });
  const a = parseScenario(json, 'scenario');
  const b = parseScenario('{name: tiny, outcomes: [a, b], parts: [{name: p, utility: [1, 0]}]}', 'scenario');
  assert.deepEqual(portable(a), portable(b));
  assert.deepEqual(
    portable(parseScenario(`\ufeff${json}`, 's.json')),
    portable(a),
    'a byte-order mark is skipped',
  );
});

test('JSON numbers mean what JSON says (exponents, integers written as floats)', () => {
  const json = `{"name": "tiny", "outcomes": ["a", "b"], "seed": 1e1, "epsilon": 1E-9,
    "bounds": {"noise": 2.5e-1, "samples": 5.0},
    "parts": [{"name": "p", "utility": [-0, 12345678901234567890]}]}`;
  const s = parseScenario(json, 'n.json');
  assert.equal(s.seed, 10);
  assert.equal(s.epsilon, 1e-9);
  assert.deepEqual(s.bounds, { noise: 0.25, samples: 5 });
  assert.deepEqual(Array.from(s.principal.parts[0].utility!), [-0, Number('12345678901234567890')]);
});

test('readings with options, and the same reading twice with different options', () => {
  const s = parseScenario(
    `${minimal}alignments:\n  - {id: parts/delegates, options: {rounds: 3}}\n  - {id: parts/delegates, options: {rounds: 9}}\n  - parts/nash\n`,
    'x.yaml',
  );
  assert.deepEqual(
    s.alignments.map((a) => [a.id, a.options, a.where]),
    [
      ['parts/delegates', { rounds: 3 }, 'x.yaml:7: alignments[0]'],
      ['parts/delegates', { rounds: 9 }, 'x.yaml:8: alignments[1]'],
      ['parts/nash', {}, 'x.yaml:9: alignments[2]'],
    ],
  );
});

test('a JSON file may name its schema', () => {
  const json = JSON.stringify({
    $schema: './schema/scenario.schema.json',
    name: 'tiny',
    outcomes: ['a'],
    parts: [{ name: 'p', utility: [1] }],
  });
  assert.equal(parseScenario(json, 'x.json').name, 'tiny');
});
