/**
 * The sequential scenario format (`kind: sequential`): a tabular environment (states, A's actions,
 * the true dynamics, a start, a horizon), a principal whose parts have rewards and optionally their
 * own beliefs about the dynamics, H's internal state (attention levels) and what moves it, and the
 * agents A to compare.
 *
 * ```yaml
 * name: productivity
 * kind: sequential
 * states: [morning, afternoon, evening]
 * actions: [focus-work, hide-friends, call-friend]
 * start: morning
 * horizon: 6
 * truth:
 *   morning: {focus-work: afternoon, '*': {afternoon: 0.5, evening: 0.5}}
 *   '*': {'*': morning}
 * parts:
 *   - {name: work, reward: {focus-work: 1, '*': 0}}
 *   - {name: friends, reward: {evening: {call-friend: 1}, '*': {'*': 0}}}
 * internal: {levels: 3, initial: 1, gain: [0.5, 1, 2], actions: {hide-friends: {friends: -1}}}
 * ```
 *
 * `'*'` (quoted in YAML: a bare `*` starts an alias) stands for every state, action or part not
 * given explicitly. In a two-level table (truth, beliefs, a reward by state, level shifts) the
 * entry for (x, y) is the first of `[x][y]`, `[x]['*']`, `['*'][y]`, `['*']['*']` that is
 * written: explicit beats wildcard, and the row of `x` beats the `'*'` row.
 *
 * Like the one-shot schema, this checks shape only; names, sums and coverage are checked by the
 * loader (sequential.ts).
 */
import { z } from 'zod';
import {
  name,
  probability,
  schemaRef,
  scenarioName,
  seed,
  sigma,
  strict,
  want,
  weight,
} from './schema-common.js';
import { level, nestedPartFields, shifts } from './sequential-nesting-schema.js';
import { boundedSchema, evolutionSchema } from './sequential-mechanisms-schema.js';

/**
 * The longest horizon a file may ask for. Every agent is solved by backward induction over
 * horizon × states × actions × states (times the internal levels where an agent plans over them),
 * every step of every run is recorded, and the studio re-solves as the file is edited: a thousand
 * steps keeps that interactive, and is far beyond what the essay's situations need.
 */
export const MAX_HORIZON = 1000;

/** Stands for every state, action or part not given explicitly. */
export const WILDCARD = '*';

const stateDistribution = z
  .union(
    [
      name('state name').describe('This state, for sure.'),
      z
        .record(z.string(), probability)
        .describe('State → probability; states left out have probability 0. Must sum to 1.'),
    ],
    want('a state name, or an object state → probability'),
  )
  .meta({ id: 'StateDistribution', description: 'A distribution over states.' });

const dynamics = z
  .record(
    z.string(),
    z.record(z.string(), stateDistribution, want("an object action → next state ('*' = every other action)")),
    want("an object state → action → next state ('*' = every other state or action)"),
  )
  .meta({
    id: 'Dynamics',
    description:
      "Transition model: state → action → next state (a state name, or {state: probability} summing to 1). '*' stands for every state or action not given; for (s, a) the first of [s][a], [s]['*'], ['*'][a], ['*']['*'] counts. Every (state, action) must be covered.",
  });

const reward = z
  .record(
    z.string(),
    z.union(
      [
        z.number().describe('The reward of this action in every state.'),
        z
          .record(z.string(), z.number(), want("an object action → reward ('*' = every other action)"))
          .describe("For this state: action → reward ('*' = every other action)."),
      ],
      want('a number (the reward of an action), or an object action → reward (for a state)'),
    ),
    want('an object action → reward, or state → action → reward'),
  )
  .meta({
    id: 'Reward',
    description:
      "The part's reward for each (state, action): action → reward (the same in every state), or state → action → reward; not a mix, and a key must not name both a state and an action. '*' stands for every state or action not given. Every (state, action) must be covered.",
  });

/** One part of H in a sequential scenario: a leaf with a reward, or itself a principal (`parts`). */
export const seqPartSchema = strict(
  {
    name: name('part name').describe('Unique among the parts of its principal.'),
    weight: weight.optional().describe('Declared weight (≥ 0; at least one part > 0). Default 1.'),
    reward: reward
      .optional()
      .describe(
        'Required for a leaf part. A part that is itself a principal has none: its reward at its parent is its own approval (its Σ over its parts).',
      ),
    beliefs: dynamics
      .optional()
      .describe(
        "This part's own beliefs about the dynamics, in the shape of truth (every state and action covered). Default: the truth. Leaf parts only.",
      ),
    sigma: nestedPartFields.sigma,
    approval: nestedPartFields.approval,
    internal: nestedPartFields.internal,
    get parts() {
      return z
        .array(seqPartSchema)
        .min(1, want('at least one part'))
        .optional()
        .describe('This part is itself a principal made of these parts (hierarchy; see docs/formats.md).');
    },
  },
  'a part (an object with a name, and a reward or parts)',
).meta({
  id: 'SequentialPart',
  description: 'A part of H: a reward, a weight and its beliefs; or a nested principal with its own parts.',
});

const internal = strict(
  {
    levels: z
      .int(want('a whole number of levels, at least 1'))
      .min(1, want('a whole number of levels, at least 1'))
      .max(
        1000,
        want(
          'a whole number of levels, at most 1000 (the internal state is a lattice of levels^parts points)',
        ),
      )
      .optional()
      .describe('Number of attention levels of each part. Default: the length of gain, else 1.'),
    initial: z
      .union(
        [level, z.record(z.string(), level)],
        want("a level for every part, or an object part → level ('*' = every other part)"),
      )
      .optional()
      .describe(
        "Level of each part at the start: one level for every part, or part → level ('*' = every other part). Default 0.",
      ),
    gain: z
      .array(
        z.number(want('a non-negative number')).min(0, want('a non-negative number')),
        want('a list of numbers, one per level'),
      )
      .min(1, want('at least one level'))
      .optional()
      .describe(
        "Weight multiplier of each level (≥ 0, at least one > 0): a part's weight is its declared weight × gain[level]. Required with more than one level.",
      ),
    actions: shifts('action')
      .optional()
      .describe("How A's actions shift the parts' levels: action → part → shift. Default: no shift."),
    states: shifts('state')
      .optional()
      .describe('How arriving in a state shifts the levels: state → part → shift. Default: no shift.'),
  },
  'an object {levels, initial, gain, actions, states}',
).describe(
  "H's internal state (one attention level per part) and what moves it. Default: one level, nothing moves.",
);

const agentOptions = z
  .record(
    z.string(),
    z.union(
      [z.number(), z.string(), z.boolean(), z.array(z.number()), z.record(z.string(), z.number())],
      want('a number, a string, a boolean, a list of numbers or an object part → number'),
    ),
  )
  .meta({
    id: 'AgentOptions',
    description:
      "An agent's options: myopic (true or false) for boundary/approval and parts/original; prior (a list of weights in part order, or {part: weight}) for critch/nrl; episodes and seed for learner/psrl (also dirichlet, reward-sd) and learner/q-learning (also epsilon).",
  });

const agent = z
  .union(
    [
      name('agent id').describe(
        'boundary/approval, parts/original, critch/nrl, learner/psrl or learner/q-learning.',
      ),
      strict({ id: name('agent id'), options: agentOptions.optional() }),
    ],
    want('an agent id, or {id: <id>, options: {...}}'),
  )
  .meta({ id: 'Agent', description: 'An agent A to run on the scenario.' });

/** The sequential scenario format (`kind: sequential`). */
export const sequentialScenarioSchema = strict(
  {
    $schema: schemaRef,
    kind: z
      .literal('sequential', want('"sequential"'))
      .describe('The kind of scenario: sequential (one-shot when left out).'),
    name: scenarioName,
    title: z.string().optional().describe('Human title. Default: the name.'),
    description: z.string().optional().describe('What the scenario is about.'),
    essay: z.string().optional().describe('What the essay claims about this situation.'),
    states: z
      .array(name('state name'))
      .min(1, want('at least one state'))
      .describe('The world states, in order.'),
    actions: z
      .array(name('action name'))
      .min(1, want('at least one action'))
      .describe("A's actions, in order."),
    start: stateDistribution
      .optional()
      .describe('The initial state: a state name, or {state: probability}. Default: the first state.'),
    horizon: z
      .int(want(`a whole number from 1 to ${MAX_HORIZON}`))
      .min(1, want(`a whole number from 1 to ${MAX_HORIZON}`))
      .max(MAX_HORIZON, want(`a whole number from 1 to ${MAX_HORIZON}`))
      .describe(
        `Number of decisions A makes. At most ${MAX_HORIZON}: solving is horizon × states × actions × states work per policy for every agent, every step is recorded, and the studio re-solves as you edit.`,
      ),
    truth: dynamics.describe('The true dynamics: what actually happens.'),
    parts: z.array(seqPartSchema).min(1, want('at least one part')).describe('The parts of H.'),
    internal: internal.optional(),
    sigma: sigma
      .optional()
      .describe("H's Σ over the parts' rewards in the current state. Default: weighted-utilitarian."),
    approval: z
      .enum(['score', 'rank'], want('score or rank'))
      .optional()
      .describe(
        "How H's approval of an action is read from Σ: score (Σ's own score on rewards normalized to [0, 1], e.g. the weighted mean for the utilitarian rule; the default for weighted-utilitarian) or rank (the default for every other rule) (position in Σ's ranking, where the top action always gets 1, so approval can never be raised by reshaping H).",
      ),
    agents: z
      .array(agent)
      .min(1, want('at least one agent'))
      .optional()
      .describe('The agents A to compare. Default: boundary/approval, parts/original, critch/nrl.'),
    observe: z
      .array(name('state name'))
      .optional()
      .describe('A replayed observation sequence: the next state after each step (at most horizon of them).'),
    bounded: boundedSchema.optional(),
    evolution: evolutionSchema.optional(),
    seed,
  },
  'a sequential scenario (an object with name, states, actions, horizon, truth and parts)',
).meta({
  title: 'Sequential scenario',
  description:
    'A principal H acting over time through an AI system A: what each agent does to the world, to H and to each of its parts.',
});

/** A sequential scenario file after the shape check (defaults applied, names not yet resolved). */
export type SequentialFile = z.output<typeof sequentialScenarioSchema>;
export type SeqPartFile = z.output<typeof seqPartSchema>;
export type DynamicsFile = z.output<typeof dynamics>;
export type RewardFile = z.output<typeof reward>;
export type StateDistributionFile = z.output<typeof stateDistribution>;
export type ShiftsFile = Readonly<Record<string, Readonly<Record<string, number>>>>;
export type AgentOptionsFile = z.output<typeof agentOptions>;
