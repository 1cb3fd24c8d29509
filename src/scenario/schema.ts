/**
 * The scenario file format (what `sulab run FILE` reads), as one zod schema for YAML and JSON: a
 * union on `kind` of the one-shot format (below; `kind: one-shot`, the default) and the
 * sequential one (sequential-schema.ts, `kind: sequential`).
 *
 * This schema checks the *shape* of a file: keys (strict: an unknown key is an error, with a
 * "did you mean"), types, ranges and defaults. What depends on the rest of the file — outcome and
 * action names, probabilities summing to 1, references between principals, Σ rule and
 * operationalization names — is checked by the loader (load.ts), which turns the file into a
 * `Scenario`. `scenarioJsonSchema()` derives the JSON Schema editors use from this same schema.
 *
 * Shape of a one-shot scenario (see docs in the `describe` texts below):
 *
 * ```yaml
 * name: holiday
 * outcomes: [beach, city, cabin, horrible-place]
 * actions: {book-beach: beach, gamble: {beach: 0.5, cabin: 0.5}}
 * parts:
 *   - {name: companionship, utility: {beach: 0.9, city: 0.6, cabin: 0.7, horrible-place: 0}}
 *   - {name: company, sigma: borda, parts: [...]}          # an inline sub-principal
 *   - {name: board, principal: company}                     # a reference to `principals.company`
 * principals: {company: {sigma: borda, parts: [...]}}
 * sigma: weighted-utilitarian
 * ```
 *
 * A file without `kind` is one-shot.
 */
import { z } from 'zod';
import {
  KEBAB_CASE,
  name,
  options,
  probability,
  schemaRef,
  scenarioName,
  seed,
  sigma,
  strict,
  want,
  weight,
} from './schema-common.js';
import { sequentialScenarioSchema } from './sequential-schema.js';
import { MAX_SAMPLES } from './limits.js';

export { KEBAB_CASE };

/** The operationalizations a scenario reads H with when it names none. */
export const DEFAULT_ALIGNMENTS: readonly string[] = [
  'boundary/instruction',
  'boundary/approval',
  'parts/weighted-utilitarian',
  'parts/nash-bargaining',
  'parts/kalai-smorodinsky',
  'parts/pareto',
  'parts/delegates',
  'parts/idealized',
  'whole/learned',
];

const distribution = z
  .union(
    [
      name('outcome name').describe('Leads to this outcome for sure.'),
      z
        .record(z.string(), probability)
        .describe('Outcome → probability; outcomes left out have probability 0. Must sum to 1.'),
      z
        .array(probability)
        .describe('One probability per outcome, in the order of `outcomes`. Must sum to 1.'),
    ],
    want('an outcome name, an object outcome → probability, or a list of probabilities in outcome order'),
  )
  .meta({ id: 'Lottery', description: 'A lottery over outcomes: what an action leads to.' });

const worldModel = z.record(z.string(), distribution).meta({
  id: 'WorldModel',
  description:
    'A world model: for every action, the lottery over outcomes it leads to (every action needed).',
});

const utility = z
  .union(
    [
      z.record(z.string(), z.number()).describe('Outcome → utility; every outcome needed.'),
      z.array(z.number()).describe('One utility per outcome, in the order of `outcomes`.'),
    ],
    want('an object outcome → utility, or a list of numbers in outcome order'),
  )
  .meta({ id: 'Utility', description: 'Utility of each outcome.' });

/** One part of a principal: a leaf with a utility, or itself a principal (inline `parts`, or `principal`). */
export const partSchema = strict(
  {
    name: name('part name').describe('Unique among the parts of its principal.'),
    weight: weight.optional().describe('Influence weight (≥ 0). Default 1.'),
    utility: utility
      .optional()
      .describe(
        "Utility of each outcome. Required for a leaf part; for a part that is a principal, how the team counts as one part (default: the weighted mean of its members' utilities).",
      ),
    beliefs: worldModel
      .optional()
      .describe(
        "This part's own world model (every action needed). Default: its principal's. A part that is itself a principal gives `world` instead.",
      ),
    principal: name('principal name')
      .optional()
      .describe('This part is the named principal defined under `principals` (reuse).'),
    rate: z
      .number(want('a rate (a positive number)'))
      .gt(0, want('a positive rate'))
      .optional()
      .describe(
        "For H's own parts: how fast this part un-bounds — its compute grows as rate × the path's compute (parts/unbounding). Default 1; values that are hard to compute scale slower.",
      ),
    sigma: sigma
      .optional()
      .describe('For an inline sub-principal (`parts`): its Σ. Default: weighted-utilitarian.'),
    world: worldModel
      .optional()
      .describe("For an inline sub-principal (`parts`): its shared world model. Default: its parent's."),
    get parts() {
      return z
        .array(partSchema)
        .min(1, want('at least one part'))
        .optional()
        .describe('This part is itself a principal made of these parts (hierarchy).');
    },
  },
  'a part (an object with a name)',
).meta({ id: 'Part', description: 'A part of a principal.' });

/** A named sub-principal under `principals`, for parts to refer to. */
export const principalSchema = strict(
  {
    sigma: sigma.optional(),
    world: worldModel
      .optional()
      .describe('Its shared world model. Default: that of the principal it is part of.'),
    parts: z.array(partSchema).min(1, want('at least one part')),
  },
  'a principal (an object with parts)',
).meta({ id: 'Principal', description: 'A named principal that parts can be (`principal: <name>`).' });

const alignment = z
  .union(
    [
      name('operationalization id').describe(
        'An operationalization id, e.g. boundary/approval or parts/<Σ rule>.',
      ),
      strict({ id: name('operationalization id'), options: options.optional() }),
    ],
    want('an operationalization id, or {id: <id>, options: {...}}'),
  )
  .meta({ id: 'Alignment', description: 'One reading f of "A is aligned with H".' });

const partShares = z
  .record(z.string(), z.number(want('a share (a number)')))
  .describe('Part name → number, one entry per part of H that matters (the others: 0).');

const metaPreference = strict(
  {
    target: partShares
      .optional()
      .describe(
        'The weight shares this part wants (≥ 0, summing to 1; parts left out get 0). Its meta-utility of a weight vector is minus the distance to them.',
      ),
    say: partShares
      .optional()
      .describe(
        "How much this part wants each part's share to grow (negative: to shrink): “the anxious part should have less say” is {anxious: -1}; endorsement that grows with one's own control is {<itself>: 1}.",
      ),
  },
  'a meta-preference {target, say}',
).meta({ id: 'MetaPreference', description: "One part's preference over the weights of H's parts." });

const meta = strict(
  {
    preferences: z
      .record(z.string(), metaPreference)
      .describe(
        "Part name → its meta-preference over the weights of H's own parts (parts left out are indifferent).",
      ),
    resolution: z
      .int(want('a whole number'))
      .min(1, want('a resolution from 1 to 40'))
      .max(40, want('a resolution from 1 to 40'))
      .default(10)
      .describe(
        'Candidate weight vectors: the shares in multiples of 1/resolution, plus the targets. Default 10.',
      ),
    distance: z
      .enum(['l1', 'l2'], want('"l1" or "l2"'))
      .default('l1')
      .describe('The distance to a target: l1 (default) or l2.'),
    rate: z
      .number(want('a rate in (0, 1]'))
      .gt(0, want('a rate in (0, 1]'))
      .max(1, want('a rate in (0, 1]'))
      .default(0.5)
      .describe('λ of the dynamics w ← (1 − λ) w + λ E(w). Default 0.5.'),
    starts: z
      .int(want('a whole number of starts'))
      .min(1, want('at least 1 start'))
      .max(10000, want('at most 10000 starts'))
      .default(200)
      .describe('Seeded uniform starts of the fixed-point finder. Default 200.'),
  },
  'an object {preferences, resolution, distance, rate, starts}',
).meta({
  id: 'Meta',
  description:
    "Meta-preferences: the parts' preferences over the weights of H's own parts, and the dynamics on the weight simplex (meta/equilibrium, the reflective operator).",
});

const bounds = strict(
  {
    noise: z
      .number()
      .min(0, want('a non-negative noise'))
      .default(0)
      .describe(
        "Std. dev. of the noise on H's view of each part's utility, in units of its range. Default 0.",
      ),
    samples: z
      .int(want('a whole number of samples'))
      .min(1, want('at least 1 sample'))
      .max(MAX_SAMPLES, want(`at most ${MAX_SAMPLES.toLocaleString('en-US')} samples`))
      .default(1000)
      .describe(`Monte Carlo draws estimating B(H) when noise > 0. Default 1000, at most ${MAX_SAMPLES}.`),
  },
  'an object {noise, samples}',
).describe("How H's own behaviour B(H) is bounded.");

/** The one-shot scenario format (`kind: one-shot`, the default). */
export const scenarioSchema = strict(
  {
    $schema: schemaRef,
    kind: z
      .literal('one-shot', want('"one-shot" or "sequential"'))
      .default('one-shot')
      .describe('The kind of scenario: one-shot (the default) or sequential.'),
    name: scenarioName,
    title: z.string().optional().describe('Human title. Default: the name.'),
    description: z.string().optional().describe('What the scenario is about.'),
    essay: z.string().optional().describe('What the essay claims about this situation.'),
    outcomes: z
      .array(name('outcome name'))
      .min(1, want('at least one outcome'))
      .describe('The outcomes, in order.'),
    actions: z
      .union(
        [
          z.record(z.string(), distribution).describe('Action → the lottery over outcomes it leads to.'),
          z.array(name('outcome name')).describe('Sure actions named after these outcomes.'),
        ],
        want('an object action → outcome lottery, or a list of outcome names'),
      )
      .optional()
      .describe('The actions and the shared world model. Default: one sure action per outcome, same names.'),
    truth: worldModel
      .optional()
      .describe('The true world model (every action needed). Default: the shared one.'),
    parts: z.array(partSchema).min(1, want('at least one part')).describe('The parts of H.'),
    principals: z
      .record(z.string(), principalSchema)
      .optional()
      .describe('Named sub-principals that parts refer to with `principal: <name>`.'),
    sigma: sigma.optional(),
    meta: meta.optional(),
    bounds: bounds.optional(),
    alignments: z
      .array(alignment)
      .min(1, want('at least one operationalization'))
      .optional()
      .describe(`The operationalizations to read H with. Default: ${DEFAULT_ALIGNMENTS.join(', ')}.`),
    candidates: z
      .array(name('action name'))
      .min(1, want('at least one action'))
      .optional()
      .describe('Behaviours (actions) to interpret. Default: every action.'),
    seed,
    epsilon: z
      .number()
      .min(0, want('a non-negative tolerance'))
      .default(1e-6)
      .describe('Tolerance for "accepted" and "self-aligned" on normalized scores. Default 1e-6.'),
    neglect_threshold: z
      .number()
      .min(0, want('a number in [0, 1]'))
      .max(1, want('a number in [0, 1]'))
      .default(0.25)
      .describe('A part whose normalized welfare is below this is neglected. Default 0.25.'),
  },
  'a scenario (an object with name, outcomes and parts)',
).meta({
  title: 'One-shot scenario',
  description:
    'A principal H that is not self-aligned choosing once among actions, and the readings of "A is aligned with H" to apply.',
});

/** Every kind of scenario file: one-shot (no `kind`, or `kind: one-shot`) or `kind: sequential`. */
export const anyScenarioSchema = z
  .discriminatedUnion('kind', [scenarioSchema, sequentialScenarioSchema])
  .meta({
    title: 'sulab scenario',
    description:
      'A principal H that is not self-aligned, and the ways of aligning an AI system with it to compare: one-shot (the default) or sequential (kind: sequential).',
  });

/** A scenario file after the shape check (defaults applied, names not yet resolved). */
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type PartFile = z.output<typeof partSchema>;
export type PrincipalFile = z.output<typeof principalSchema>;
export type DistributionFile = z.output<typeof distribution>;
export type WorldFile = z.output<typeof worldModel>;
export type MetaFile = z.output<typeof meta>;
export type { SigmaFile } from './schema-common.js';

/** The JSON Schema of the scenario format, every kind (draft 2020-12), for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(anyScenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

/** `scenarioJsonSchema()` as the text of schema/scenario.schema.json (stable, newline-terminated). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
