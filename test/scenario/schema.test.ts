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

test('the JSON Schema requires what the format requires, and refuses unknown keys', () => {
  const s = scenarioJsonSchema();
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(s.required, ['name', 'outcomes', 'parts']);
  assert.equal(s.additionalProperties, false);
  const props = s.properties as Record<string, Schema>;
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
  assert.equal(props.kind.const, 'one-shot');
  assert.deepEqual(defs(s).Part.required, ['name']);
  assert.equal(defs(s).Part.additionalProperties, false);
  assert.deepEqual(defs(s).Principal.required, ['parts']);
  for (const name of ['Part', 'Principal', 'Lottery', 'WorldModel', 'Utility', 'Sigma', 'Alignment'])
    assert.ok(defs(s)[name], `$defs.${name}`);
});

test('the JSON Schema accepts the valid examples', () => {
  const s = scenarioJsonSchema();
  const examples: [string, unknown][] = [
    ['holiday.yaml', parse(fixture('holiday.yaml'))],
    ['holiday.json', JSON.parse(fixture('holiday.json'))],
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
