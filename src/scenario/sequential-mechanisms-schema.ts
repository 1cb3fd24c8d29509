/**
 * The sequential format's mechanism blocks, shape only (sequential-mechanisms.ts checks them
 * against the scenario's parts):
 *
 * ```yaml
 * bounded:                        # the parts split compute between their values and their world model
 *   parts:
 *     plain: {complexity: 1, budget: 8}
 *     refined: {complexity: 4, budget: 8, fallback: uniform}
 *   splits:
 *     - {rule: precision, sd: 0.5}
 *     - {rule: fixed, fraction: 0.5}
 *   forms: {sd0: 1, half_model: 1}
 *   draws: 200
 * evolution:                      # H acts by its own Σ while its parts evolve
 *   steps: 25
 *   habituation: 0.05
 *   recovery: 0.05
 *   baseline: 0.3
 *   endorsement: 0.3
 *   weight_drift: 0.05
 *   tie_break: lexicographic
 * ```
 */
import { z } from 'zod';
import { strict, want } from './schema-common.js';

const nonNegative = (what: string) => z.number(want(what)).min(0, want(what));
const fraction = (what: string) => z.number(want(what)).min(0, want(what)).max(1, want(what));
const whole = (lo: number, hi: number, what: string) => {
  const w = want(`${what} from ${lo} to ${hi}`);
  return z.int(w).min(lo, w).max(hi, w);
};

/** The most noise draws a file may ask for: each draw solves NRL once per split (and per candidate split of a best response). */
export const MAX_DRAWS = 10000;

/**
 * The most NRL solves a `bounded:` block may ask for: draws × (one per fixed or precision split,
 * rounds × parts × (grid + 2) + 1 per best response). A solve of the weather example takes about
 * a millisecond, so this keeps a block to a couple of minutes at worst.
 */
export const MAX_SOLVES = 100000;

/** The most steps of an `evolution:` block, as of a horizon: every step is recorded. */
export const MAX_STEPS = 1000;

const boundedPart = strict(
  {
    complexity: z
      .number(want('a complexity (a number > 0)'))
      .gt(0, want('a complexity > 0'))
      .describe(
        'k > 0: compute per unit of value precision. The sd of the value estimate is σ = σ0/√(1 + c_v/k): complex values need proportionally more compute.',
      ),
    budget: nonNegative('a budget ≥ 0').describe(
      'c ≥ 0: the compute this part splits between its values and its world model.',
    ),
    fallback: z
      .enum(['uniform', 'beliefs'], want('"uniform" or "beliefs"'))
      .optional()
      .describe(
        'What the part believes with no model compute: uniform (every next state equally likely; the default) or beliefs (its declared beliefs). Its beliefs are (1 − m)·fallback + m·truth, m = c_m/(c_m + h).',
      ),
  },
  'an object {complexity, budget, fallback}',
).meta({ id: 'BoundedPart', description: "A part's value complexity and compute budget." });

const split = strict(
  {
    rule: z
      .enum(['fixed', 'precision', 'best-response'], want('a split rule: fixed, precision or best-response'))
      .describe(
        'fixed: every part spends the same fraction on its values; precision: each first buys value precision sd, the rest goes to its world model; best-response: each part picks the fraction (on a grid) that maximizes its own expected true utility given the others, round by round.',
      ),
    fraction: fraction('a fraction in [0, 1]')
      .optional()
      .describe('fixed: the fraction of the budget spent on values.'),
    sd: nonNegative('an sd ≥ 0').optional().describe('precision: the value sd σ* each part buys first.'),
    grid: whole(1, 100, 'a whole number')
      .optional()
      .describe('best-response: fractions 0, 1/grid, …, 1 are tried. Default 10.'),
    rounds: whole(1, 100, 'a whole number')
      .optional()
      .describe('best-response: the most rounds (each part best-responds once a round). Default 5.'),
    start: fraction('a fraction in [0, 1]')
      .optional()
      .describe('best-response: every part’s fraction before round 1. Default 0.5.'),
  },
  'a split rule {rule, …}',
).meta({ id: 'SplitRule', description: 'How each part splits its compute budget.' });

/** The `bounded:` block. */
export const boundedSchema = strict(
  {
    parts: z
      .record(z.string(), boundedPart, want("an object part → {complexity, budget} ('*' = every other part)"))
      .describe(
        "Part name → its complexity and budget; '*' stands for every part not given. Every part must be covered.",
      ),
    splits: z
      .array(split, want('a list of split rules'))
      .min(1, want('at least one split rule'))
      .describe('The split rules to run, each on the same noise draws.'),
    forms: strict(
      {
        sd0: nonNegative('σ0 ≥ 0')
          .optional()
          .describe('σ0: the sd of a value estimate with no compute on values. Default 1.'),
        half_model: z
          .number(want('h > 0'))
          .gt(0, want('h > 0'))
          .optional()
          .describe('h: the model compute at which half of a part’s beliefs is the truth. Default 1.'),
      },
      'an object {sd0, half_model}',
    )
      .optional()
      .describe('The functional forms σ = σ0/√(1 + c_v/k) and m = c_m/(c_m + h).'),
    draws: whole(1, MAX_DRAWS, 'a whole number of draws')
      .optional()
      .describe('Seeded noise draws of the value estimates (common to every split). Default 32.'),
  },
  'an object {parts, splits, forms, draws}',
).meta({
  id: 'Bounded',
  description:
    'Bounded parts: each splits a compute budget between its values (a noisier reward estimate when complex) and its world model (closer to the truth with more compute); negotiable RL (critch/nrl) then serves them.',
});

const rate = (what: string) => fraction('a rate in [0, 1]').optional().describe(`${what} Default 0.`);

/** The `evolution:` block. */
export const evolutionSchema = strict(
  {
    steps: whole(0, MAX_STEPS, 'a whole number of steps')
      .optional()
      .describe('Steps H takes by its own Σ while its parts evolve. Default: the horizon.'),
    habituation: rate('η_h in [0, 1]: how far an experienced (state, action) moves towards the baseline.'),
    recovery: rate('ρ in [0, 1]: how fast habituation wears off for what was not experienced.'),
    baseline: z
      .union(
        [z.number(), z.record(z.string(), z.number(want('a number')))],
        want("a number, or an object part → number ('*' = every other part)"),
      )
      .optional()
      .describe(
        "b: the utility of a fully habituated item, one number or part → number ('*' = every other part). Default 0.",
      ),
    endorsement: rate(
      'η_e in [0, 1]: how far the chosen action’s value climbs towards the endorsing part’s original best.',
    ),
    endorsers: z
      .enum(['overruled', 'all'], want('"overruled" or "all"'))
      .optional()
      .describe('Which parts endorse what H chose: the parts it overruled (default), or all.'),
    weight_drift: nonNegative('a rate ≥ 0')
      .optional()
      .describe(
        'η_w ≥ 0: parts whose best reachable (state, action) happened gain weight by the factor 1 + η_w (then shares). Default 0.',
      ),
    tie_break: z
      .enum(['random', 'lexicographic'], want('"random" or "lexicographic"'))
      .optional()
      .describe('How ties among Σ winners are broken: seeded random (default) or the first action.'),
    limit: whole(0, 100000, 'a whole number of steps')
      .optional()
      .describe(
        'Iterate on past the run, up to this many steps, to find a fixed point or cycle of the whole state (0: do not). Default 5000.',
      ),
  },
  'an object {steps, habituation, recovery, baseline, endorsement, endorsers, weight_drift, tie_break, limit}',
).meta({
  id: 'Evolution',
  description:
    'Preference evolution: H acts by its own Σ, step after step, and what it chose and what happened change its parts — habituation, endorsement of what H chose, weight drift towards the parts that got their way.',
});

export type BoundedFile = z.output<typeof boundedSchema>;
export type EvolutionFile = z.output<typeof evolutionSchema>;
