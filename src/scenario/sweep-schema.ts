/**
 * The sweep file format (`kind: sweep`, what `sulab sweep FILE` reads), YAML or JSON, as one zod
 * schema: the shape only. That each path exists in the base scenario and that each value is one
 * the scenario loader accepts is checked by sweep.ts, which turns the file into a `Sweep`.
 *
 * ```yaml
 * kind: sweep
 * name: holiday-weights
 * seed: 7
 * base: {scenario: holiday.yaml}          # relative to this file
 * grid:                                   # path into the base file's data → values
 *   parts[0].weight: [0.1, 0.3, 0.5]
 *   bounds.noise: [0, 0.1]
 * random:                                 # path → a draw per cell, from the cell's seed
 *   epsilon: {uniform: [0, 0.01]}
 * replicates: 3
 * readings: [boundary/instruction, parts/nash-bargaining]   # replaces the base's alignments
 * measures: [gap, self_aligned]           # default: all
 * ```
 */
import { z } from 'zod';
import { MEASURES } from '../core/sweep.js';
import { name, schemaRef, scenarioName, seed, strict, want } from './schema-common.js';

const anyValue = z.unknown();

/** Where the cells' scenarios come from: a one-shot scenario file, or a principal generator. */
const base = strict(
  {
    scenario: name('scenario file path')
      .optional()
      .describe(
        'A one-shot scenario file (YAML or JSON), relative to the sweep file. The grid and random paths point into its data.',
      ),
    generator: z
      .object({ model: name('principal generator name') })
      .catchall(z.union([z.number(), z.string(), z.array(z.number())], want('an option value')))
      .optional()
      .describe(
        'A principal generator (`sulab generate --principal`) and its options: each cell draws a fresh principal from its own seed. Paths `generator.OPTION` sweep an option; other paths point into the generated scenario.',
      ),
  },
  'a base: {scenario: PATH} or {generator: {model: NAME, …options}}',
).meta({ id: 'SweepBase', description: 'Where each cell’s scenario comes from.' });

const pair = (what: string, item: z.ZodNumber) =>
  z.tuple([item, item], want(`[lo, hi] (two ${what})`)).refine(([lo, hi]) => lo <= hi, {
    message: 'expected lo ≤ hi',
  });

const DRAWS = ['uniform', 'int', 'choice'];

const draw = strict(
  {
    uniform: pair('numbers', z.number()).optional().describe('A float drawn uniformly from [lo, hi).'),
    int: pair('whole numbers', z.int()).optional().describe('A whole number drawn uniformly from lo..hi.'),
    choice: z
      .array(anyValue)
      .min(1, want('at least one value'))
      .optional()
      .describe('One of these values, each as likely.'),
  },
  '{uniform: [lo, hi]}, {int: [lo, hi]} or {choice: [values]}',
)
  .refine((d) => DRAWS.filter((k) => k in d).length === 1, {
    message: 'expected one of uniform: [lo, hi], int: [lo, hi] or choice: [values]',
  })
  .meta({
    id: 'Draw',
    description: 'How a random parameter is drawn in each cell: exactly one of uniform, int, choice.',
  });

export const sweepSchema = strict(
  {
    $schema: schemaRef,
    kind: z.literal('sweep', want('"sweep"')).describe('Says this is a sweep file.'),
    name: scenarioName.describe('Short kebab-case id; the default store is <name>.duckdb.'),
    description: z.string().optional().describe('What the sweep asks.'),
    seed: seed.describe('Seed of the sweep: each cell’s seed derives from it and the cell index. Default 0.'),
    base,
    grid: z
      .record(z.string(), z.array(anyValue).min(1, want('at least one value')))
      .optional()
      .describe(
        'Path into the base file’s data (e.g. parts[0].weight, bounds.noise, sigma) → the values to try. Cells run over the cartesian product; the last key varies fastest.',
      ),
    random: z
      .record(z.string(), draw)
      .optional()
      .describe('Path into the base file’s data → a value drawn in each cell from the cell’s seed.'),
    replicates: z
      .int(want('a whole number'))
      .min(1, want('at least 1 replicate'))
      .default(1)
      .describe('Cells per grid point, each with its own seed. Default 1.'),
    readings: z
      .array(anyValue)
      .min(1, want('at least one reading'))
      .optional()
      .describe('Replaces the base scenario’s alignments (same entries). Default: the base’s.'),
    measures: z
      .array(z.enum(MEASURES, want(`one of ${MEASURES.join(', ')}`)))
      .min(1, want('at least one measure'))
      .optional()
      .describe(
        `What to record of each cell, from ${MEASURES.join(', ')}. Default: all but steerability and manipulation_gain (which read H again per part or per misreport).`,
      ),
  },
  'a sweep (an object with kind: sweep, name and base)',
).meta({
  title: 'sulab sweep',
  description: 'One base scenario, parameters set into it cell by cell, and the measurements to record.',
});

export type SweepFile = z.output<typeof sweepSchema>;

/** The JSON Schema of sweep files (draft 2020-12), for editors. */
export function sweepJsonSchemaText(): string {
  const schema = z.toJSONSchema(sweepSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
