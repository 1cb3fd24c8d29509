/**
 * A sequential H that is a hierarchy, as the file gives it (scenario/sequential-nesting.ts): what
 * loads, and every mistake as one UserError at `FILE:LINE` naming the path and what was expected.
 * Line numbers are those of the texts as written (1-based).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnyScenario } from '../../src/scenario/index.js';
import type { SequentialScenario } from '../../src/core/scenario.js';
import { throwsAt } from './helpers.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** A valid hierarchical scenario; tests replace its lines (line numbers in the comments). */
const base = [
  'name: team', // 1
  'kind: sequential', // 2
  'horizon: 3', // 3
  'states: [s, t]', // 4
  'actions: [ship, rest, praise]', // 5
  "truth: {'*': {'*': {s: 0.5, t: 0.5}}}", // 6
  'parts:', // 7
  '  - name: boss', // 8
  "    reward: {ship: 1, '*': 0}", // 9
  '  - name: crew', // 10
  '    weight: 2', // 11
  '    sigma: borda', // 12
  '    parts:', // 13
  "      - {name: ann, reward: {ship: 1, '*': 0}}", // 14
  "      - {name: ben, weight: 3, reward: {rest: 1, '*': 0}}", // 15
  '    internal:', // 16
  '      initial: {ann: 0}', // 17
  '      actions: {praise: {ann: 1, ben: -1}}', // 18
  'internal: {levels: 2, gain: [1, 3], initial: 1}', // 19
];
const edit = (n: number, ...text: string[]) => lines(...base.slice(0, n - 1), ...text, ...base.slice(n));
const load = (text: string) => () => parseAnyScenario(text, 'h.yaml');

test('a hierarchy loads: leaves by path, the tree, each principal’s Σ and reading, one internal model over the leaves', () => {
  const s = parseAnyScenario(lines(...base), 'h.yaml') as SequentialScenario;
  const h = s.principal;
  assert.deepEqual(
    h.parts.map((p) => [p.name, p.weight]),
    [
      ['boss', 1],
      ['crew/ann', 1],
      ['crew/ben', 3],
    ],
  );
  assert.deepEqual(h.tree, [
    { leaf: 0, name: 'boss' },
    {
      name: 'crew',
      weight: 2,
      parts: [
        { leaf: 1, name: 'ann' },
        { leaf: 2, name: 'ben' },
      ],
      sigma: { rule: 'borda', options: {} },
      approval: 'rank',
    },
  ]);
  assert.equal(h.approval, 'score');
  // boss starts at the top's initial level 1; the crew's own block puts ann at 0 and ben at its default 0.
  assert.deepEqual([...h.internal.initial], [1, 0, 0]);
  // praise (action 2) moves ann up and ben down; nothing else moves.
  assert.deepEqual([...h.internal.actionShift], [0, 0, 0, 0, 0, 0, 0, 1, -1]);
  assert.deepEqual([...h.internal.stateShift], [0, 0, 0, 0, 0, 0]);
});

test('a nested part naming unknown actions or states, at its line', () => {
  throwsAt(
    load(edit(14, "      - {name: ann, reward: {shipp: 1, '*': 0}}")),
    'h.yaml',
    14,
    'parts[1].parts[0].reward.shipp: unknown action "shipp"; did you mean ship?',
  );
  throwsAt(
    load(edit(15, "      - {name: ben, reward: {u: {rest: 1}, '*': {'*': 0}}}")),
    'h.yaml',
    15,
    /^parts\[1\]\.parts\[1\]\.reward\.u: unknown state "u"/,
  );
  throwsAt(
    load(edit(18, '      actions: {praise: {ann: 1, bne: -1}}')),
    'h.yaml',
    18,
    'parts[1].internal.actions.praise.bne: unknown part "bne"; did you mean ann, ben?',
  );
  throwsAt(
    load(edit(18, '      actions: {prase: {ann: 1}}')),
    'h.yaml',
    18,
    'parts[1].internal.actions.prase: unknown action "prase"; did you mean praise?',
  );
});

test('weights: non-negative, and someone with a say in every principal', () => {
  throwsAt(load(edit(11, '    weight: -1')), 'h.yaml', 11, /^parts\[1\]\.weight: /);
  throwsAt(
    load(
      edit(
        14,
        "      - {name: ann, weight: 0, reward: {ship: 1, '*': 0}}",
        "      - {name: ben, weight: 0, reward: {rest: 1, '*': 0}}",
      ).replace(/\n {6}- \{name: ben, weight: 3.*\n/, '\n'),
    ),
    'h.yaml',
    13,
    'parts[1].parts: expected at least one part with a positive weight',
  );
  // ann and ben both start at a level whose gain is 0.
  throwsAt(
    load(
      edit(19, 'internal: {levels: 2, gain: [0, 3], initial: 1}').replace('initial: {ann: 0}', 'initial: 0'),
    ),
    'h.yaml',
    17,
    "parts[1].internal.initial: every part's weight is 0 at its initial level (weight × gain); start a part with a positive weight at a level with a positive gain",
  );
});

test('downward influence names the principal’s own leaf parts, not a nested principal and not a part elsewhere', () => {
  throwsAt(
    load(edit(19, 'internal: {levels: 2, gain: [1, 3], initial: 1, actions: {praise: {crew: 1}}}')),
    'h.yaml',
    19,
    'internal.actions.praise.crew: "crew" is a principal: attention levels belong to the parts with rewards, and its weight here is its declared weight; move its parts\' levels in its own internal block',
  );
  throwsAt(
    load(edit(19, 'internal: {levels: 2, gain: [1, 3], initial: 1, actions: {praise: {ann: 1}}}')),
    'h.yaml',
    19,
    'internal.actions.praise.ann: unknown part "ann"; parts are boss, crew',
  );
  throwsAt(
    load(edit(17, '      initial: {ann: 2}')),
    'h.yaml',
    17,
    'parts[1].internal.initial.ann: expected a level from 0 to 1, got 2',
  );
  throwsAt(load(edit(17, '      levels: 3')), 'h.yaml', 17, /^parts\[1\]\.internal: unknown key "levels"/);
});

test('leaves and principals keep to their own keys', () => {
  throwsAt(
    load(lines(...base.slice(0, 9), '    sigma: borda', ...base.slice(9))),
    'h.yaml',
    10,
    'parts[0].sigma: only a part that is itself a principal (with parts) has its own sigma',
  );
  throwsAt(
    load(lines(...base.slice(0, 11), "    reward: {ship: 1, '*': 0}", ...base.slice(11))),
    'h.yaml',
    12,
    'parts[1].reward: a part that is itself a principal has no reward of its own: its reward at its parent is its approval (its Σ over its parts); remove reward or parts',
  );
  throwsAt(
    load(edit(15, '      - {name: ann, reward: {rest: 1}}')),
    'h.yaml',
    15,
    'parts[1].parts[1].name: part "ann" appears more than once',
  );
  throwsAt(
    load(edit(12, '    sigma: bordaa')),
    'h.yaml',
    12,
    /^parts\[1\]\.sigma: unknown .*did you mean borda/,
  );
});

test('principals nested more than 32 levels deep are refused at the part that goes too deep', () => {
  const depth = 33;
  const ls = [
    'name: deep',
    'kind: sequential',
    'horizon: 1',
    'states: [s]',
    'actions: [a]',
    'truth: {s: {a: s}}',
    'parts:',
  ];
  for (let k = 0; k < depth; k++)
    ls.push(`${'  '.repeat(2 * k + 1)}- name: p${k}`, `${'  '.repeat(2 * k + 2)}parts:`);
  ls.push(`${'  '.repeat(2 * depth + 1)}- {name: leaf, reward: {a: 1}}`);
  // Part p31 is at principal level 32; its parts would be the 33rd.
  throwsAt(load(lines(...ls)), 'h.yaml', 7 + 2 * 31 + 2, /principals nest more than 32 levels deep/);
});
