/**
 * Every kind of mistake in a sequential scenario file is one UserError at `FILE:LINE` naming the
 * path and what was expected. Line numbers below are those of the texts as written (1-based).
 */
import { test } from 'node:test';
import { parseAnyScenario, parseScenario } from '../../src/scenario/index.js';
import { throwsAt } from './helpers.js';
import { agentRegistry } from '../../src/dynamics/registry.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** A valid sequential scenario; tests change lines of it or append to it (its last line is 17). */
const base = [
  'name: productivity', // 1
  'kind: sequential', // 2
  'horizon: 6', // 3
  'states: [morning, afternoon, evening]', // 4
  'actions: [focus-work, hide-friends, call-friend]', // 5
  'start: morning', // 6
  'truth:', // 7
  "  morning: {focus-work: {afternoon: 1}, '*': {afternoon: 0.5, evening: 0.5}}", // 8
  "  '*': {'*': {morning: 1}}", // 9
  'parts:', // 10
  '  - name: work', // 11
  "    reward: {focus-work: 1, '*': 0}", // 12
  '  - name: friends', // 13
  '    weight: 0.5', // 14
  '    reward:', // 15
  '      evening: {call-friend: 1}', // 16
  "      '*': {'*': 0}", // 17
];
const withBase = (...more: string[]) => lines(...base, ...more);
/** The base with line `n` (1-based) replaced by `text` (several lines when given several). */
const edit = (n: number, ...text: string[]) => lines(...base.slice(0, n - 1), ...text, ...base.slice(n));
const load =
  (text: string, file = 'p.yaml') =>
  () =>
    parseAnyScenario(text, file);

test('the base scenario is valid', () => {
  parseAnyScenario(withBase(), 'p.yaml');
});

test('horizon: a whole number from 1 to 1000', () => {
  const msg = (got: string) => `horizon: expected a whole number from 1 to 1000, got ${got}`;
  throwsAt(load(edit(3, 'horizon: 0')), 'p.yaml', 3, msg('0'));
  throwsAt(load(edit(3, 'horizon: 1001')), 'p.yaml', 3, msg('1001'));
  throwsAt(load(edit(3, 'horizon: 2.5')), 'p.yaml', 3, msg('2.5'));
  throwsAt(load(edit(3, 'horizon: forever')), 'p.yaml', 3, msg('"forever"'));
  throwsAt(load(edit(3, 'seed: 1')), 'p.yaml', 1, 'horizon: required (a whole number from 1 to 1000)');
});

test('transition rows must sum to 1, in the truth, in beliefs and in the start', () => {
  throwsAt(
    load(edit(8, "  morning: {focus-work: {afternoon: 0.9}, '*': {afternoon: 0.5, evening: 0.5}}")),
    'p.yaml',
    8,
    'truth.morning.focus-work: probabilities sum to 0.9, expected 1',
  );
  throwsAt(
    load(edit(9, "  '*':", "    '*': {morning: 0.5, evening: 0.25}")),
    'p.yaml',
    10,
    'truth["*"]["*"]: probabilities sum to 0.75, expected 1',
  );
  throwsAt(
    load(withBase('    beliefs:', "      '*':", "        '*': {morning: 0.6, evening: 0.6}")),
    'p.yaml',
    20,
    'parts[1].beliefs["*"]["*"]: probabilities sum to 1.2, expected 1',
  );
  throwsAt(
    load(edit(6, 'start: {morning: 0.5}')),
    'p.yaml',
    6,
    'start: probabilities sum to 0.5, expected 1',
  );
  throwsAt(
    load(edit(6, 'start: {morning: 1.5}')),
    'p.yaml',
    6,
    'start.morning: expected a probability in [0, 1], got 1.5',
  );
  // Within 1e-9 of 1 is 1.
  parseAnyScenario(edit(9, "  '*': {'*': {morning: 0.1, afternoon: 0.2, evening: 0.7}}"), 'p.yaml');
});

test('unknown states and actions, with a "did you mean", wherever states and actions are named', () => {
  throwsAt(
    load(withBase('    beliefs:', '      evenin: {}', "      '*': {'*': morning}")),
    'p.yaml',
    19,
    'parts[1].beliefs.evenin: unknown state "evenin"; did you mean evening?',
  );
  throwsAt(
    load(edit(8, '  morning: {focus-wrk: afternoon}')),
    'p.yaml',
    8,
    'truth.morning.focus-wrk: unknown action "focus-wrk"; did you mean focus-work?',
  );
  throwsAt(
    load(edit(9, "  '*':", "    '*':", '      mornin: 1')),
    'p.yaml',
    11,
    'truth["*"]["*"].mornin: unknown state "mornin"; did you mean morning?',
  );
  throwsAt(
    load(edit(9, "  '*': {'*': evenig}")),
    'p.yaml',
    9,
    'truth["*"]["*"]: unknown state "evenig"; did you mean evening?',
  );
  throwsAt(
    load(edit(6, 'start: noon')),
    'p.yaml',
    6,
    'start: unknown start state "noon"; states are morning, afternoon, evening',
  );
  throwsAt(
    load(edit(12, "    reward: {focus-wrok: 1, '*': 0}")),
    'p.yaml',
    12,
    'parts[0].reward.focus-wrok: unknown action "focus-wrok"; did you mean focus-work?',
  );
  throwsAt(
    load(edit(16, '      evning: {call-friend: 1}')),
    'p.yaml',
    16,
    'parts[1].reward.evning: unknown state "evning"; did you mean evening?',
  );
  throwsAt(
    load(edit(16, '      evening: {call-frend: 1}')),
    'p.yaml',
    16,
    'parts[1].reward.evening.call-frend: unknown action "call-frend"; did you mean call-friend?',
  );
  throwsAt(
    load(withBase('observe: [afternoon, evenign]')),
    'p.yaml',
    18,
    'observe[1]: unknown state "evenign"; did you mean evening?',
  );
});

test('every (state, action) must be covered after expanding "*"', () => {
  throwsAt(
    load(edit(9, '  afternoon: {focus-work: evening}', "  evening: {'*': morning}")),
    'p.yaml',
    9,
    'truth.afternoon: no next state for actions "hide-friends", "call-friend" (give them, or \'*\' for every action not given)',
  );
  throwsAt(
    load(lines(...base.slice(0, 8), ...base.slice(9))),
    'p.yaml',
    7,
    'truth: missing states "afternoon", "evening" (give them, or \'*\' for every state not given)',
  );
  throwsAt(
    load(edit(9, "  '*': {hide-friends: morning, focus-work: morning}")),
    'p.yaml',
    9,
    'truth["*"]: no next state for action "call-friend", needed for states "afternoon", "evening" (give it, or \'*\' for every action not given)',
  );
  throwsAt(
    load(
      withBase(
        '    beliefs:',
        "      morning: {'*': evening}",
        '      afternoon: {focus-work: evening}',
        "      evening: {'*': morning}",
      ),
    ),
    'p.yaml',
    20,
    'parts[1].beliefs.afternoon: no next state for actions "hide-friends", "call-friend" (give them, or \'*\' for every action not given)',
  );
  throwsAt(
    load(withBase("    beliefs: {'*': {focus-work: evening}}")),
    'p.yaml',
    18,
    'parts[1].beliefs["*"]: no next state for actions "hide-friends", "call-friend", needed for states "morning", "afternoon", "evening" (give them, or \'*\' for every action not given)',
  );
  throwsAt(
    load(edit(12, '    reward: {focus-work: 1}')),
    'p.yaml',
    12,
    'parts[0].reward: missing actions "hide-friends", "call-friend" (give them, or \'*\' for every action not given)',
  );
  throwsAt(
    load(lines(...base.slice(0, 16))),
    'p.yaml',
    15,
    'parts[1].reward: missing states "morning", "afternoon" (give them, or \'*\' for every state not given)',
  );
});

test('a reward is by action or by state, not a mix, and a key must not name both', () => {
  throwsAt(
    load(edit(12, "    reward: {focus-work: 1, evening: 0, '*': 0}")),
    'p.yaml',
    12,
    'parts[0].reward.evening: "evening" is a state, but this reward is by action (give action → reward, or state → action → reward, not a mix)',
  );
  throwsAt(
    load(edit(17, "      focus-work: {'*': 0}")),
    'p.yaml',
    17,
    'parts[1].reward.focus-work: "focus-work" is an action, but this reward is by state (give action → reward, or state → action → reward, not a mix)',
  );
  throwsAt(
    load(edit(12, "    reward: {focus-work: 1, '*': {'*': 0}}")),
    'p.yaml',
    12,
    'parts[0].reward["*"]: expected a number (this reward is action → reward), got an object',
  );
  throwsAt(
    load(edit(17, "      '*': 0")),
    'p.yaml',
    17,
    'parts[1].reward["*"]: expected an object action → reward (this reward is state → action → reward), got 0',
  );
  const both = edit(5, 'actions: [focus-work, hide-friends, call-friend, evening]');
  throwsAt(
    load(both),
    'p.yaml',
    16,
    'parts[1].reward.evening: "evening" is both a state and an action, so this reward is ambiguous (rename one of them)',
  );
  throwsAt(
    load(edit(12, '    reward: {focus-work: high}')),
    'p.yaml',
    12,
    'parts[0].reward.focus-work: expected a number (the reward of an action), or an object action → reward (for a state), got "high"',
  );
  throwsAt(
    load(edit(16, '      evening: {call-friend: lots}')),
    'p.yaml',
    16,
    'parts[1].reward.evening.call-friend: expected a number, got "lots"',
  );
});

test('internal: gains, levels, initial levels, whole-number shifts, part names', () => {
  throwsAt(
    load(withBase('internal:', '  levels: 3', '  gain: [1, -1, 2]')),
    'p.yaml',
    20,
    'internal.gain[1]: expected a non-negative number, got -1',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [0, 0]')),
    'p.yaml',
    19,
    'internal.gain: expected at least one positive gain',
  );
  throwsAt(
    load(withBase('internal:', '  levels: 3', '  gain: [1, 2]')),
    'p.yaml',
    20,
    'internal.gain: expected 3 numbers (one per level: levels is 3), got 2',
  );
  throwsAt(
    load(withBase('internal:', '  levels: 3', '  initial: 1')),
    'p.yaml',
    19,
    'internal.gain: required with levels: 3 (the weight multiplier of each level, 3 numbers)',
  );
  throwsAt(
    load(withBase('internal:', '  levels: 0')),
    'p.yaml',
    19,
    'internal.levels: expected a whole number of levels, at least 1, got 0',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2, 3]', '  initial: 3')),
    'p.yaml',
    20,
    'internal.initial: expected a level from 0 to 2, got 3',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2]', '  initial:', '    work: 1', '    friends: 2')),
    'p.yaml',
    22,
    'internal.initial.friends: expected a level from 0 to 1, got 2',
  );
  throwsAt(
    load(withBase('internal:', '  initial: -1')),
    'p.yaml',
    19,
    'internal.initial: expected a whole-number level (0 = the first), got -1',
  );
  throwsAt(
    load(withBase('internal:', '  initial: 1')),
    'p.yaml',
    19,
    'internal.initial: expected level 0 (there is one level), got 1',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2]', '  initial: {frends: 1}')),
    'p.yaml',
    20,
    'internal.initial.frends: unknown part "frends"; did you mean friends?',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2]', '  actions:', '    hide-friends: {work: 0.5}')),
    'p.yaml',
    21,
    'internal.actions.hide-friends.work: expected a whole number of levels, got 0.5',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2]', '  actions:', '    hide-frends: {work: 1}')),
    'p.yaml',
    21,
    'internal.actions.hide-frends: unknown action "hide-frends"; did you mean hide-friends?',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1, 2]', '  states:', '    evening: {friend: 1}')),
    'p.yaml',
    21,
    'internal.states.evening.friend: unknown part "friend"; did you mean friends?',
  );
  throwsAt(
    load(withBase('internal:', '  gain: [0, 1]', '  initial: {work: 0}')),
    'p.yaml',
    20,
    "internal.initial: every part's weight is 0 at its initial level (weight × gain); start a part with a positive weight at a level with a positive gain",
  );
  throwsAt(
    load(withBase('internal:', '  gain: [1]', '  level: 1')),
    'p.yaml',
    20,
    'internal: unknown key "level"; did you mean levels?',
  );
});

test('parts: unique names, at least one positive weight, unknown keys', () => {
  throwsAt(
    load(edit(13, '  - name: work')),
    'p.yaml',
    13,
    'parts[1].name: part "work" appears more than once',
  );
  throwsAt(
    load(
      lines(...base.slice(0, 11), '    weight: 0', ...base.slice(11, 13), '    weight: 0', ...base.slice(14)),
    ),
    'p.yaml',
    10,
    'parts: expected at least one part with a positive weight',
  );
  throwsAt(
    load(edit(14, '    wieght: 0.5')),
    'p.yaml',
    14,
    'parts[1]: unknown key "wieght"; did you mean weight?',
  );
  throwsAt(
    load(lines(...base.slice(0, 12), '    utility: [1, 0, 0]', ...base.slice(12))),
    'p.yaml',
    13,
    'parts[0]: unknown key "utility"; expected one of name, weight, reward, beliefs, sigma, approval, internal, parts',
  );
  throwsAt(
    load(lines(...base.slice(0, 10), '  - name: work')),
    'p.yaml',
    11,
    /^parts\[0\]\.reward: required \(/,
  );
});

test('states and actions: unique, and "*" is not a name', () => {
  throwsAt(
    load(edit(4, 'states: [morning, afternoon, evening, morning]')),
    'p.yaml',
    4,
    'states[3]: state "morning" appears more than once',
  );
  throwsAt(
    load(edit(5, "actions: [focus-work, hide-friends, call-friend, '*']")),
    'p.yaml',
    5,
    'actions[3]: "*" cannot be an action name (it stands for every action not given)',
  );
  throwsAt(
    load(edit(4, 'states: []')),
    'p.yaml',
    4,
    'states: expected at least one state, got an empty list',
  );
});

test('agents: known ids and options, prior weights of critch/nrl, no duplicates', () => {
  throwsAt(
    load(withBase('agents:', '  - parts/original', '  - boundary/aproval')),
    'p.yaml',
    20,
    'agents[1]: unknown agent "boundary/aproval"; did you mean boundary/approval?',
  );
  throwsAt(
    load(withBase('agents: [whole/learned]')),
    'p.yaml',
    18,
    `agents[0]: unknown agent "whole/learned"; agents are ${agentRegistry.list().join(', ')}`,
  );
  throwsAt(
    load(withBase('agents:', '  - id: boundary/approval', '    options: {myopc: true}')),
    'p.yaml',
    20,
    'agents[0].options.myopc: boundary/approval has no option "myopc"; did you mean myopic?',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: parts/original, options: {myopic: "yes"}}')),
    'p.yaml',
    19,
    'agents[0].options.myopic: expected true or false (option myopic of parts/original), got "yes"',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: boundary/approval, options: {prior: [1, 1]}}')),
    'p.yaml',
    19,
    'agents[0].options.prior: boundary/approval has no option "prior"; its options are myopic',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: critch/nrl, options: {prior: [1, 1, 1]}}')),
    'p.yaml',
    19,
    'agents[0].options.prior: expected 2 numbers (one per part: work, friends), got 3',
  );
  throwsAt(
    load(withBase('agents:', '  - id: critch/nrl', '    options:', '      prior: {work: 1, frends: 2}')),
    'p.yaml',
    21,
    'agents[0].options.prior.frends: unknown part "frends"; did you mean friends?',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: critch/nrl, options: {prior: {work: 1}}}')),
    'p.yaml',
    19,
    'agents[0].options.prior: missing part "friends" (give every part\'s prior weight)',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: critch/nrl, options: {prior: [1, -1]}}')),
    'p.yaml',
    19,
    'agents[0].options.prior[1]: expected a non-negative weight, got -1',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: critch/nrl, options: {prior: [0, 0]}}')),
    'p.yaml',
    19,
    'agents[0].options.prior: expected at least one positive prior weight',
  );
  throwsAt(
    load(withBase('agents:', '  - {id: critch/nrl, options: {prior: 2}}')),
    'p.yaml',
    19,
    'agents[0].options.prior: expected a list of weights in part order (work, friends), or an object part → weight, got 2',
  );
  throwsAt(
    load(withBase('agents:', '  - critch/nrl', '  - {id: critch/nrl, options: {}}')),
    'p.yaml',
    20,
    'agents[1]: "critch/nrl" appears more than once (with the same options)',
  );
  throwsAt(
    load(withBase('agents: []')),
    'p.yaml',
    18,
    'agents: expected at least one agent, got an empty list',
  );
  throwsAt(
    load(withBase('agents: [{id: critch/nrl, option: {}}]')),
    'p.yaml',
    18,
    'agents[0]: unknown key "option"; did you mean options?',
  );
});

test('Σ, observations, and keys of the top level', () => {
  throwsAt(
    load(withBase('sigma: bordaa')),
    'p.yaml',
    18,
    'sigma: unknown method "bordaa"; did you mean borda?',
  );
  throwsAt(
    load(withBase('observe: [morning, morning, morning, morning, morning, morning, morning]')),
    'p.yaml',
    18,
    'observe: expected at most 6 observations (one per step: horizon is 6), got 7',
  );
  throwsAt(load(withBase('horizn: 6')), 'p.yaml', 18, 'unknown key "horizn"; did you mean horizon?');
  throwsAt(load(withBase('outcomes: [a, b]')), 'p.yaml', 18, /^unknown key "outcomes"/);
  throwsAt(
    load(edit(8, '  morning: 3')),
    'p.yaml',
    8,
    "truth.morning: expected an object action → next state ('*' = every other action), got 3",
  );
});

test('kind: sequential files are not one-shot files, and a kind must be a kind', () => {
  throwsAt(
    () => parseScenario(withBase(), 'p.yaml'),
    'p.yaml',
    2,
    'kind: this is a sequential scenario; expected a one-shot scenario here',
  );
  throwsAt(
    load(edit(2, 'kind: seqential')),
    'p.yaml',
    2,
    'kind: expected "one-shot" or "sequential", got "seqential"; did you mean sequential?',
  );
  throwsAt(
    () => parseScenario(edit(2, 'kind: 2'), 'p.yaml'),
    'p.yaml',
    2,
    'kind: expected "one-shot" or "sequential", got 2',
  );
});

test('a bare * in YAML is explained', () => {
  throwsAt(
    load(edit(9, "  *: {'*': {morning: 1}}")),
    'p.yaml',
    9,
    /\(write '\*' in quotes: a bare \* starts a YAML alias\)$/,
  );
  throwsAt(
    load(edit(9, "  '*': {*: morning}")),
    'p.yaml',
    9,
    /\(write '\*' in quotes: a bare \* starts a YAML alias\)$/,
  );
});

test('JSON files: the same errors, with their lines', () => {
  const json = (truth: string, more = '') => `{
  "name": "productivity",
  "kind": "sequential",
  "horizon": 6,
  "states": ["morning", "afternoon", "evening"],
  "actions": ["focus-work", "hide-friends", "call-friend"],
  "truth": {
${truth}
  },
  "parts": [
    {"name": "work", "reward": {"focus-work": 1, "*": 0}}
  ]${more}
}
`;
  const ok = '    "*": {"*": "morning"}';
  parseAnyScenario(json(ok), 'p.json');
  throwsAt(
    load(json('    "morning": {"focus-work": {"afternoon": 0.9}},\n    "*": {"*": "morning"}'), 'p.json'),
    'p.json',
    8,
    'truth.morning.focus-work: probabilities sum to 0.9, expected 1',
  );
  throwsAt(load(json(ok, ',\n  "horizon": 7'), 'p.json'), 'p.json', 13, 'duplicate key "horizon"');
  throwsAt(
    load(json(ok, ',\n  "agents": [\n    "critch/nrl",\n    {"id": "critch/nlr"}\n  ]'), 'p.json'),
    'p.json',
    15,
    'agents[1].id: unknown agent "critch/nlr"; did you mean critch/nrl?',
  );
  throwsAt(
    load(json(ok).replace('"horizon": 6', '"horizon": 0'), 'p.json'),
    'p.json',
    4,
    'horizon: expected a whole number from 1 to 1000, got 0',
  );
});

test('the first mistake in the file is the one reported, whatever kind it is', () => {
  // A coverage problem (line 12) and a bad horizon (line 3): the horizon wins by position.
  throwsAt(
    load(edit(12, '    reward: {focus-work: 1}').replace('horizon: 6', 'horizon: 0')),
    'p.yaml',
    3,
    'horizon: expected a whole number from 1 to 1000, got 0',
  );
  // Meaning errors in order of position: an unknown agent before a bad reward.
  throwsAt(
    load(
      lines(
        ...base.slice(0, 3),
        'agents: [nope]',
        ...base.slice(3, 11),
        '    reward: {focus-work: 1}',
        ...base.slice(12),
      ),
    ),
    'p.yaml',
    4,
    `agents[0]: unknown agent "nope"; agents are ${agentRegistry.list().join(', ')}`,
  );
});
