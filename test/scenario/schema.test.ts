import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/index.js';
import { fixture, jsonSchemaErrors } from './helpers.js';

const committed = join(import.meta.dirname, '..', '..', 'schema', 'scenario.schema.json');

type Schema = Record<string, unknown>;
const defs = (s: Schema) => s.$defs as Record<string, Schema>;

test('schema/scenario.schema.json is the generated schema (run npx tsx scripts/scenario-schema.ts)', () => {
  assert.equal(readFileSync(committed, 'utf8'), scenarioJsonSchemaText());
  assert.equal(scenarioJsonSchemaText(), scenarioJsonSchemaText(), 'deterministic');
});

/** The branch of the root `oneOf` for a kind. */
const branch = (s: Schema, kind: string) => {
  const found = (s.oneOf as Schema[]).find(
    (b) => ((b.properties as Record<string, Schema>).kind as Schema).const === kind,
  );
  assert.ok(found, `a ${kind} branch`);
  return found;
};

test('the JSON Schema is a union on kind of the one-shot and sequential formats', () => {
  const s = scenarioJsonSchema();
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(s.title, 'sulab scenario');
  assert.equal((s.oneOf as Schema[]).length, 2);
  const one = branch(s, 'one-shot');
  const seq = branch(s, 'sequential');
  assert.deepEqual(one.required, ['name', 'outcomes', 'parts'], 'kind may be left out of a one-shot file');
  assert.deepEqual(seq.required, ['kind', 'name', 'states', 'actions', 'horizon', 'truth', 'parts']);
  assert.equal(one.additionalProperties, false);
  assert.equal(seq.additionalProperties, false);
});

test('the JSON Schema requires what the format requires, and refuses unknown keys', () => {
  const s = scenarioJsonSchema();
  const props = branch(s, 'one-shot').properties as Record<string, Schema>;
  for (const key of [
    'kind',
    'name',
    'title',
    'description',
    'essay',
    'outcomes',
    'actions',
    'truth',
    'parts',
    'principals',
    'sigma',
    'bounds',
    'alignments',
    'candidates',
    'seed',
    'epsilon',
    'neglect_threshold',
  ])
    assert.ok(props[key], `property ${key}`);
  assert.equal(props.seed.default, 0);
  assert.equal(props.epsilon.default, 1e-6);
  assert.equal(props.neglect_threshold.default, 0.25);
  assert.equal(props.kind.default, 'one-shot');
  assert.deepEqual(defs(s).Part.required, ['name']);
  assert.equal(defs(s).Part.additionalProperties, false);
  assert.deepEqual(defs(s).Principal.required, ['parts']);
  for (const name of ['Part', 'Principal', 'Lottery', 'WorldModel', 'Utility', 'Sigma', 'Alignment'])
    assert.ok(defs(s)[name], `$defs.${name}`);

  const seq = branch(s, 'sequential').properties as Record<string, Schema>;
  for (const key of [
    'kind',
    'name',
    'title',
    'description',
    'essay',
    'states',
    'actions',
    'start',
    'horizon',
    'truth',
    'parts',
    'internal',
    'sigma',
    'agents',
    'observe',
    'seed',
  ])
    assert.ok(seq[key], `sequential property ${key}`);
  assert.equal(seq.horizon.minimum, 1);
  assert.equal(seq.horizon.maximum, 1000);
  assert.equal(seq.horizon.type, 'integer');
  // A leaf's reward is required by the loader (a part that is itself a principal has parts instead),
  // as a one-shot part's utility is.
  assert.deepEqual(defs(s).SequentialPart.required, ['name']);
  for (const name of ['SequentialPart', 'Dynamics', 'StateDistribution', 'Reward', 'Agent', 'AgentOptions'])
    assert.ok(defs(s)[name], `$defs.${name}`);
});

test('the JSON Schema accepts the valid examples', () => {
  const s = scenarioJsonSchema();
  const examples: [string, unknown][] = [
    ['holiday.yaml', parse(fixture('holiday.yaml'))],
    ['holiday.json', JSON.parse(fixture('holiday.json'))],
    ['productivity.yaml', parse(fixture('productivity.yaml'))],
    ['productivity.json', JSON.parse(fixture('productivity.json'))],
    [
      'minimal sequential',
      {
        name: 'tiny',
        kind: 'sequential',
        states: ['s'],
        actions: ['a'],
        horizon: 1,
        truth: { '*': { '*': 's' } },
        parts: [{ name: 'p', reward: { '*': 0 } }],
      },
    ],
    ['minimal', { name: 'tiny', outcomes: ['a', 'b'], parts: [{ name: 'p', utility: [1, 0] }] }],
    [
      'nested',
      parse(`name: nest
outcomes: [a, b]
actions: [a, b]
parts:
  - {name: org, world: {a: b, b: a}, sigma: {rule: borda}, parts: [{name: club, principal: club}]}
principals:
  club: {parts: [{name: c1, utility: {a: 1, b: 0}}]}
alignments: [{id: parts/delegates, options: {rounds: 3, protocol: voting, scores: [1, 2]}}]
`),
    ],
  ];
  for (const [label, value] of examples) assert.deepEqual(jsonSchemaErrors(s, value), [], label);
});

test('the JSON Schema rejects what the loader rejects by shape', () => {
  const s = scenarioJsonSchema();
  const ok = { name: 'tiny', outcomes: ['a'], parts: [{ name: 'p', utility: [1] }] };
  assert.deepEqual(jsonSchemaErrors(s, ok), []);
  const bad: [string, unknown][] = [
    ['unknown key', { ...ok, sed: 1 }],
    ['missing parts', { name: 'tiny', outcomes: ['a'] }],
    ['kebab-case name', { ...ok, name: 'Tiny Thing' }],
    ['part without name', { ...ok, parts: [{ utility: [1] }] }],
    ['unknown part key', { ...ok, parts: [{ name: 'p', utility: [1], wieght: 1 }] }],
    ['probability above 1', { ...ok, actions: { x: { a: 2 } } }],
    ['negative weight', { ...ok, parts: [{ name: 'p', utility: [1], weight: -1 }] }],
    ['fractional seed', { ...ok, seed: 1.5 }],
    ['other kind', { ...ok, kind: 'sequential' }],
    ['sigma as number', { ...ok, sigma: 3 }],
  ];
  for (const [label, value] of bad) assert.notDeepEqual(jsonSchemaErrors(s, value), [], label);
});

test('the JSON Schema rejects what the loader rejects by shape, in sequential files', () => {
  const s = scenarioJsonSchema();
  const ok = {
    name: 'tiny',
    kind: 'sequential',
    states: ['s'],
    actions: ['a'],
    horizon: 1,
    truth: { '*': { '*': 's' } },
    parts: [{ name: 'p', reward: { '*': 0 } }],
  };
  assert.deepEqual(jsonSchemaErrors(s, ok), []);
  const bad: [string, unknown][] = [
    ['no kind', { ...ok, kind: undefined }],
    ['horizon 0', { ...ok, horizon: 0 }],
    ['horizon above the limit', { ...ok, horizon: 1001 }],
    ['fractional horizon', { ...ok, horizon: 1.5 }],
    ['missing truth', { ...ok, truth: undefined }],
    ['a one-shot key', { ...ok, outcomes: ['s'] }],
    ['probability above 1', { ...ok, truth: { '*': { '*': { s: 2 } } } }],
    ['reward as text', { ...ok, parts: [{ name: 'p', reward: 'high' }] }],
    ['a nested part with an empty list of parts', { ...ok, parts: [{ name: 'p', parts: [] }] }],
    [
      'a nested internal block with levels',
      { ...ok, parts: [{ name: 't', parts: [{ name: 'p', reward: { a: 1 } }], internal: { levels: 2 } }] },
    ],
    ['negative gain', { ...ok, internal: { gain: [1, -1] } }],
    ['fractional shift', { ...ok, internal: { actions: { a: { p: 0.5 } } } }],
    ['agent as number', { ...ok, agents: [3] }],
    ['unknown internal key', { ...ok, internal: { level: 2 } }],
  ];
  for (const [label, value] of bad) {
    const v = JSON.parse(JSON.stringify(value));
    assert.notDeepEqual(jsonSchemaErrors(s, v), [], label);
  }
});
