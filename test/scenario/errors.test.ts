/**
 * Every kind of mistake in a scenario file is one UserError at `FILE:LINE` naming the path and
 * what was expected. Line numbers below are those of the texts as written (1-based).
 */
import { test } from 'node:test';
import { parseScenario } from '../../src/scenario/index.js';
import { throwsAt } from './helpers.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** A valid scenario; tests append to it (its last line is 11). */
const base = [
  'name: holiday', // 1
  'outcomes: [beach, city, cabin]', // 2
  'actions:', // 3
  '  book-beach: beach', // 4
  '  gamble: {beach: 0.5, cabin: 0.5}', // 5
  'parts:', // 6
  '  - name: companionship', // 7
  '    utility: {beach: 0.9, city: 0.6, cabin: 0.7}', // 8
  '  - name: independence', // 9
  '    utility: [0.2, 0.5, 0.3]', // 10
  'sigma: weighted-utilitarian', // 11
];
const withBase = (...more: string[]) => lines(...base, ...more);
const load =
  (text: string, file = 'h.yaml') =>
  () =>
    parseScenario(text, file);

test('the base scenario is valid', () => {
  parseScenario(withBase(), 'h.yaml');
});

test('unknown Σ rule, with a "did you mean"', () => {
  const text = lines(...base.slice(0, 10), 'sigma: bordaa');
  throwsAt(load(text), 'h.yaml', 11, 'sigma: unknown method "bordaa"; did you mean borda?');
  const obj = lines(...base.slice(0, 10), 'sigma:', '  rule: nash-bargainig', '  options: {lotteries: true}');
  throwsAt(
    load(obj),
    'h.yaml',
    12,
    'sigma.rule: unknown method "nash-bargainig"; did you mean nash-bargaining?',
  );
  const inline = lines(
    ...base.slice(0, 10),
    '  - name: team', // 11
    '    sigma: copelandd', // 12
    '    parts: [{name: a, utility: [1, 0, 0]}]', // 13
  );
  throwsAt(load(inline), 'h.yaml', 12, 'parts[2].sigma: unknown method "copelandd"; did you mean copeland?');
});

test('Σ options are checked against the rule: unknown names and wrong types', () => {
  const bad = lines(...base.slice(0, 10), 'sigma:', '  rule: nash', '  options:', '    lotteris: true');
  throwsAt(
    load(bad),
    'h.yaml',
    14,
    'sigma.options.lotteris: nash-bargaining has no option "lotteris"; did you mean lotteries?',
  );
  const type = lines(...base.slice(0, 10), 'sigma: {rule: nash, options: {lotteries: "yes"}}');
  throwsAt(
    load(type),
    'h.yaml',
    11,
    'sigma.options.lotteries: expected true or false (option lotteries of nash-bargaining), got "yes"',
  );
  const none = lines(...base.slice(0, 10), 'sigma: {rule: borda, options: {k: 1}}');
  throwsAt(load(none), 'h.yaml', 11, 'sigma.options.k: borda has no option "k" (it takes no options)');
});

test('unknown operationalization f, with a "did you mean"; unknown options of f', () => {
  throwsAt(
    load(withBase('alignments:', '  - boundary/instruction', '  - boundary/aproval')),
    'h.yaml',
    14,
    'alignments[1]: unknown operationalization "boundary/aproval"; did you mean boundary/approval?',
  );
  throwsAt(
    load(withBase('alignments: [parts/nash-bargainnig]')),
    'h.yaml',
    12,
    'alignments[0]: unknown operationalization "parts/nash-bargainnig"; did you mean parts/nash-bargaining?',
  );
  throwsAt(
    load(withBase('alignments:', '  - nothing/like-this')),
    'h.yaml',
    13,
    /^alignments\[0\]: unknown operationalization "nothing\/like-this"; expected one of boundary\/instruction, /,
  );
  throwsAt(
    load(withBase('alignments:', '  - id: parts/delegates', '    options: {protocl: voting}')),
    'h.yaml',
    14,
    'alignments[0].options.protocl: parts/delegates has no option "protocl"; did you mean protocol?',
  );
  throwsAt(
    load(
      withBase(
        'alignments:',
        '  - {id: parts/delegates, options: {rounds: 2}}',
        '  - {id: parts/delegates, options: {rounds: 2}}',
      ),
    ),
    'h.yaml',
    14,
    'alignments[1]: "parts/delegates" appears more than once (with the same options)',
  );
});

test('utilities missing an outcome, naming an unknown one, or of the wrong length', () => {
  // The essay's holiday with the error on line 14, as in the format's documentation.
  const text = lines(
    'name: holiday', // 1
    'title: The holiday assistant', // 2
    'outcomes: [beach, city, cabin, horrible-place]', // 3
    'actions:', // 4
    '  book-beach: {beach: 1}', // 5
    '  gamble: {beach: 0.5, cabin: 0.5}', // 6
    'parts:', // 7
    '  - name: companionship', // 8
    '    utility: {beach: 0.9, city: 0.6, cabin: 0.7, horrible-place: 0.0}', // 9
    '  - name: independence', // 10
    '    utility: [0.2, 0.5, 0.3, 1]', // 11
    '    weight: 0.5', // 12
    '  - name: comfort', // 13
    '    utility: {beach: 1, city: 0.2, horrible-place: 0}', // 14
  );
  throwsAt(load(text, 'holiday.yaml'), 'holiday.yaml', 14, 'parts[2].utility: missing outcome "cabin"');
  const two = lines(...base.slice(0, 7), '    utility: {beach: 0.9}', ...base.slice(8));
  throwsAt(load(two), 'h.yaml', 8, 'parts[0].utility: missing outcomes "city", "cabin"');
  const typo = lines(
    ...base.slice(0, 7),
    '    utility:',
    '      beach: 0.9',
    '      cty: 0.6',
    '      cabin: 0.7',
  );
  throwsAt(load(typo), 'h.yaml', 10, 'parts[0].utility.cty: unknown outcome "cty"; did you mean city?');
  const short = lines(...base.slice(0, 9), '    utility: [0.2, 0.5]', base[10]);
  throwsAt(
    load(short),
    'h.yaml',
    10,
    'parts[1].utility: expected 3 numbers (one per outcome: beach, city, cabin), got 2',
  );
  const leaf = lines(...base.slice(0, 9), '    weight: 2', base[10]);
  throwsAt(
    load(leaf),
    'h.yaml',
    9,
    /^parts\[1\]\.utility: required: a part needs a utility for every outcome/,
  );
});

test('probabilities that do not sum to 1, in actions, beliefs and truth', () => {
  const text = lines(...base.slice(0, 4), '  gamble: {beach: 0.5, cabin: 0.4}', ...base.slice(5));
  throwsAt(load(text), 'h.yaml', 5, 'actions.gamble: probabilities sum to 0.9, expected 1');
  const list = lines(...base.slice(0, 4), '  gamble: [0.5, 0.25, 0.5]', ...base.slice(5));
  throwsAt(load(list), 'h.yaml', 5, 'actions.gamble: probabilities sum to 1.25, expected 1');
  const beliefs = lines(
    ...base.slice(0, 10),
    '    beliefs:', // 11
    '      book-beach: beach', // 12
    '      gamble:', // 13
    '        beach: 0.3', // 14
    base[10],
  );
  throwsAt(load(beliefs), 'h.yaml', 13, 'parts[1].beliefs.gamble: probabilities sum to 0.3, expected 1');
  const truth = withBase('truth:', '  book-beach: [1, 0, 0]', '  gamble: {beach: 0.6, cabin: 0.6}');
  throwsAt(load(truth), 'h.yaml', 14, 'truth.gamble: probabilities sum to 1.2, expected 1');
  const missing = withBase('truth:', '  book-beach: beach');
  throwsAt(
    load(missing),
    'h.yaml',
    12,
    'truth: missing action "gamble" (a world model gives a lottery for every action)',
  );
  const unknown = lines(...base.slice(0, 4), '  gamble: {beach: 0.5, cabn: 0.5}', ...base.slice(5));
  throwsAt(load(unknown), 'h.yaml', 5, 'actions.gamble.cabn: unknown outcome "cabn"; did you mean cabin?');
  const big = lines(...base.slice(0, 4), '  gamble: {beach: 1.5}', ...base.slice(5));
  throwsAt(load(big), 'h.yaml', 5, 'actions.gamble.beach: expected a probability in [0, 1], got 1.5');
});

test('a cycle among named principals is reported at the reference that closes it', () => {
  const cycle = lines(
    ...base.slice(0, 10),
    '  - name: board', // 11
    '    principal: company', // 12
    'principals:', // 13
    '  company:', // 14
    '    parts:', // 15
    '      - {name: team, principal: team}', // 16
    '  team:', // 17
    '    parts:', // 18
    '      - {name: ceo, utility: [1, 0, 0]}', // 19
    '      - name: holding', // 20
    '        principal: company', // 21
  );
  throwsAt(load(cycle), 'h.yaml', 21, 'principals.team.parts[1].principal: cycle company → team → company');
  const self = lines(
    ...base.slice(0, 10),
    'principals:',
    '  loop:',
    '    parts:',
    '      - {name: me, principal: loop}',
  );
  throwsAt(load(self), 'h.yaml', 14, 'principals.loop.parts[0].principal: cycle loop → loop');
  // A cycle nobody refers to is still an error.
  const unused = lines(
    ...base,
    'principals:', // 12
    '  a: {parts: [{name: x, principal: b}]}', // 13
    '  b:', // 14
    '    parts:', // 15
    '      - name: inline', // 16
    '        parts: [{name: y, principal: a}]', // 17
  );
  throwsAt(load(unused), 'h.yaml', 17, 'principals.b.parts[0].parts[0].principal: cycle a → b → a');
});

test('references to principals: unknown names, and parts that are both a reference and inline', () => {
  const unknown = lines(
    ...base.slice(0, 10),
    '  - {name: board, principal: compny}', // 11
    'principals:', // 12
    '  company: {parts: [{name: a, utility: [1, 0, 0]}]}', // 13
  );
  throwsAt(
    load(unknown),
    'h.yaml',
    11,
    'parts[2].principal: unknown principal "compny"; did you mean company?',
  );
  const none = lines(...base.slice(0, 10), '  - {name: board, principal: company}');
  throwsAt(
    load(none),
    'h.yaml',
    11,
    'parts[2].principal: unknown principal "company": no principals are defined (define it under principals:)',
  );
  const both = lines(
    ...base.slice(0, 10),
    '  - name: board', // 11
    '    principal: company', // 12
    '    sigma: borda', // 13
    'principals:', // 14
    '  company: {parts: [{name: a, utility: [1, 0, 0]}]}', // 15
  );
  throwsAt(
    load(both),
    'h.yaml',
    13,
    'parts[2].sigma: a part that refers to principal "company" takes its sigma from principals.company; remove sigma here or drop principal',
  );
  const beliefs = lines(
    ...base.slice(0, 10),
    '  - name: team', // 11
    '    parts: [{name: a, utility: [1, 0, 0]}]', // 12
    '    beliefs: {book-beach: beach, gamble: beach}', // 13
  );
  throwsAt(
    load(beliefs),
    'h.yaml',
    13,
    "parts[2].beliefs: a part that is itself a principal takes its beliefs from its principal's world model; give world there",
  );
  const leafSigma = lines(...base.slice(0, 10), '    sigma: borda');
  throwsAt(
    load(leafSigma),
    'h.yaml',
    11,
    'parts[1].sigma: only a part that is itself a principal (with parts, or principal: <name>) has its own sigma',
  );
});

test('unknown keys are errors at the key, with a "did you mean" when one is close', () => {
  throwsAt(
    load(withBase('neglect-threshold: 0.3')),
    'h.yaml',
    12,
    'unknown key "neglect-threshold"; did you mean neglect_threshold?',
  );
  throwsAt(
    load(withBase('neglectThreshold: 0.3')),
    'h.yaml',
    12,
    'unknown key "neglectThreshold"; did you mean neglect_threshold?',
  );
  const part = lines(...base.slice(0, 8), '    wieght: 2', ...base.slice(8));
  throwsAt(load(part), 'h.yaml', 9, 'parts[0]: unknown key "wieght"; did you mean weight?');
  throwsAt(
    load(withBase('bounds:', '  noise: 0.1', '  sample: 10')),
    'h.yaml',
    14,
    'bounds: unknown key "sample"; did you mean samples?',
  );
  throwsAt(
    load(withBase('xyzzy: 1')),
    'h.yaml',
    12,
    /^unknown key "xyzzy"; expected one of \$schema, kind, name, title, description, essay, outcomes, actions, truth, parts, principals, sigma, meta, bounds, alignments, candidates, seed, epsilon, neglect_threshold$/,
  );
  const sigma = lines(...base.slice(0, 10), 'sigma: {rule: borda, option: {}}');
  throwsAt(load(sigma), 'h.yaml', 11, 'sigma: unknown key "option"; did you mean options?');
});

test('wrong types name what was expected and what was found', () => {
  throwsAt(load(withBase('seed: one')), 'h.yaml', 12, 'seed: expected a whole number, got "one"');
  throwsAt(load(withBase('seed: 1.5')), 'h.yaml', 12, 'seed: expected a whole number, got 1.5');
  throwsAt(load(withBase('epsilon: [1]')), 'h.yaml', 12, 'epsilon: expected a number, got a list');
  const weight = lines(...base.slice(0, 8), '    weight: heavy', ...base.slice(8));
  throwsAt(load(weight), 'h.yaml', 9, 'parts[0].weight: expected a weight (a number), got "heavy"');
  const negative = lines(...base.slice(0, 8), '    weight: -1', ...base.slice(8));
  throwsAt(load(negative), 'h.yaml', 9, 'parts[0].weight: expected a non-negative weight, got -1');
  const util = lines(...base.slice(0, 9), '    utility: [0.2, "high", 0.3]', base[10]);
  throwsAt(load(util), 'h.yaml', 10, 'parts[1].utility[1]: expected a number, got "high"');
  const outcomes = lines(base[0], 'outcomes: beach', ...base.slice(2));
  throwsAt(load(outcomes), 'h.yaml', 2, 'outcomes: expected a list, got "beach"');
  const part = lines(...base.slice(0, 10), '  - just-a-name');
  throwsAt(load(part), 'h.yaml', 11, 'parts[2]: expected a part (an object with a name), got "just-a-name"');
  throwsAt(
    load(withBase('kind: sequential')),
    'h.yaml',
    12,
    'kind: this is a sequential scenario; expected a one-shot scenario here',
  );
  throwsAt(
    load(withBase('kind: one-shoot')),
    'h.yaml',
    12,
    'kind: expected "one-shot" or "sequential", got "one-shoot"; did you mean one-shot?',
  );
  const name = lines('name: Holiday Trip', ...base.slice(1));
  throwsAt(
    load(name),
    'h.yaml',
    1,
    'name: expected a kebab-case id such as holiday-assistant, got "Holiday Trip"',
  );
  throwsAt(
    load(withBase('sigma2: 1').replace('sigma: weighted-utilitarian', 'sigma: 3')),
    'h.yaml',
    11,
    'sigma: expected a rule name, or {rule: <name>, options: {...}}, got 3',
  );
  throwsAt(
    load('- a\n- b\n'),
    'h.yaml',
    1,
    'expected a scenario (an object with name, outcomes and parts), got a list',
  );
  throwsAt(
    load('# nothing yet\n'),
    'h.yaml',
    1,
    'empty file; expected a scenario (an object with name, outcomes and parts)',
  );
});

test('missing required keys point at the object that lacks them', () => {
  throwsAt(load(lines(...base.slice(1))), 'h.yaml', 1, 'name: required (a kebab-case id)');
  throwsAt(
    load(lines(...base.slice(0, 6), '  - utility: [1, 0, 0]')),
    'h.yaml',
    7,
    'parts[0].name: required (a part name)',
  );
  throwsAt(load(lines(...base.slice(0, 5), 'sigma: borda')), 'h.yaml', 1, 'parts: required (a list)');
});

test('bad candidates: unknown actions (with the actions or a close one) and duplicates', () => {
  throwsAt(
    load(withBase('candidates: [x]')),
    'h.yaml',
    12,
    'candidates[0]: unknown action "x"; actions are book-beach, gamble',
  );
  throwsAt(
    load(withBase('candidates:', '  - gamble', '  - book-beech')),
    'h.yaml',
    14,
    'candidates[1]: unknown action "book-beech"; did you mean book-beach?',
  );
  throwsAt(
    load(withBase('candidates: [gamble, gamble]')),
    'h.yaml',
    12,
    'candidates[1]: candidate "gamble" appears more than once',
  );
  throwsAt(
    load(withBase('candidates: []')),
    'h.yaml',
    12,
    'candidates: expected at least one action, got an empty list',
  );
});

test('YAML syntax errors and duplicate keys are reported with their line', () => {
  throwsAt(
    load(lines(...base.slice(0, 9), '   utility: [0.2, 0.5, 0.3]', base[10])),
    'h.yaml',
    10,
    /^YAML syntax error: /,
  );
  throwsAt(load(withBase('seed: [1, 2', 'epsilon: 0')), 'h.yaml', 13, /^YAML syntax error: /);
  throwsAt(load(withBase('seed: 1', 'seed: 2')), 'h.yaml', 13, 'duplicate key "seed"');
  const part = lines(...base.slice(0, 8), '    name: again', ...base.slice(8));
  throwsAt(load(part), 'h.yaml', 9, 'parts[0]: duplicate key "name"');
  throwsAt(
    load(withBase('---', 'name: other')),
    'h.yaml',
    12,
    /^YAML syntax error: a scenario file holds one YAML document/,
  );
  throwsAt(load(withBase('seed: *nowhere')), 'h.yaml', 12, 'YAML error: unknown alias *nowhere');
});

test('duplicate names: parts (at any level), outcomes, actions', () => {
  const parts = lines(...base.slice(0, 10), '  - name: companionship', '    utility: [0, 0, 0]');
  throwsAt(load(parts), 'h.yaml', 11, 'parts[2].name: part "companionship" appears more than once');
  const nested = lines(
    ...base,
    'principals:', // 12
    '  team:', // 13
    '    parts:', // 14
    '      - {name: a, utility: [1, 0, 0]}', // 15
    '      - {name: a, utility: [0, 1, 0]}', // 16
  );
  throwsAt(load(nested), 'h.yaml', 16, 'principals.team.parts[1].name: part "a" appears more than once');
  const outcomes = lines(base[0], 'outcomes: [beach, city, beach]', ...base.slice(2));
  throwsAt(load(outcomes), 'h.yaml', 2, 'outcomes[2]: outcome "beach" appears more than once');
  const actions = lines(base[0], base[1], 'actions: [beach, beach]', ...base.slice(5));
  throwsAt(load(actions), 'h.yaml', 3, 'actions[1]: action "beach" appears more than once');
});

test("the principal builder's own errors are mapped back to the file", () => {
  const zero = lines(
    ...base.slice(0, 8),
    '    weight: 0', // 9
    '  - name: independence', // 10
    '    weight: 0', // 11
    '    utility: [0.2, 0.5, 0.3]', // 12
  );
  throwsAt(load(zero), 'h.yaml', 6, 'parts: expected at least one part with a positive weight');
  const nested = lines(
    ...base.slice(0, 10),
    '  - {name: board, principal: company}', // 11
    'principals:', // 12
    '  company:', // 13
    '    parts:', // 14
    '      - {name: a, utility: [1, 0, 0], weight: 0}', // 15
  );
  throwsAt(
    load(nested),
    'h.yaml',
    14,
    'principals.company.parts: expected at least one part with a positive weight',
  );
  const inline = lines(
    ...base.slice(0, 10),
    '  - name: team', // 11
    '    parts: [{name: a, utility: [1, 0, 0], weight: 0}]', // 12
  );
  throwsAt(load(inline), 'h.yaml', 12, 'parts[2].parts: expected at least one part with a positive weight');
});

test('the first mistake in the file is the one reported, whatever kind it is', () => {
  // A shape error (line 12) and an unknown key (line 13): the earlier wins, in either order.
  throwsAt(load(withBase('seed: x', 'titel: T')), 'h.yaml', 12, 'seed: expected a whole number, got "x"');
  throwsAt(load(withBase('titel: T', 'seed: x')), 'h.yaml', 12, 'unknown key "titel"; did you mean title?');
  // Meaning errors too: a bad candidate written before a bad utility.
  const text = lines(
    ...base.slice(0, 2),
    'candidates: [nope]', // 3
    ...base.slice(2, 7), // 4-8
    '    utility: {beach: 1}', // 9
    ...base.slice(8),
  );
  throwsAt(load(text), 'h.yaml', 3, 'candidates[0]: unknown action "nope"; actions are book-beach, gamble');
});

test('JSON files: the same errors, with their lines', () => {
  const json = (body: string) => `{
  "name": "holiday",
  "outcomes": ["beach", "city", "cabin"],
  "actions": {
    "book-beach": "beach",
    "gamble": {"beach": 0.5, "cabin": 0.4}
  },
  ${body}
}
`;
  const parts = '"parts": [{"name": "a", "utility": [1, 0, 0]}]';
  throwsAt(load(json(parts), 'h.json'), 'h.json', 6, 'actions.gamble: probabilities sum to 0.9, expected 1');
  const ok = (body: string) => json(body).replace('0.4', '0.5');
  throwsAt(load(ok(`${parts},\n  "sed": 1`), 'h.json'), 'h.json', 9, 'unknown key "sed"; did you mean seed?');
  throwsAt(load(ok(`${parts},\n  "seed": 1,\n  "seed": 2`), 'h.json'), 'h.json', 10, 'duplicate key "seed"');
  throwsAt(
    load(ok(`${parts},\n  "seed": 1,`), 'h.json'),
    'h.json',
    10,
    'JSON syntax error: unexpected "}"; expected a field name in double quotes (column 1)',
  );
  throwsAt(
    load(ok('"parts": [\n    {"name": "a", "utility": {"beach": 1, "city": 0}}\n  ]'), 'h.json'),
    'h.json',
    9,
    'parts[0].utility: missing outcome "cabin"',
  );
  throwsAt(
    load(
      ok(
        `"parts": [{"name": "b", "principal": "x"}],\n  "principals": {\n    "x": {"parts": [{"name": "y", "principal": "x"}]}\n  }`,
      ),
      'h.json',
    ),
    'h.json',
    10,
    'principals.x.parts[0].principal: cycle x → x',
  );
});
