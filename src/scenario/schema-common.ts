/**
 * Pieces of the scenario format shared by every kind of scenario (one-shot and sequential): strict
 * objects whose unknown keys get a "did you mean", messages in the format's own words, names, Σ
 * and options.
 */
import { quoteName } from '../core/registry.js';
import { z } from 'zod';
import { describeValue } from './problems.js';
import { hint } from '../core/names.js';

/** Kebab-case ids: lower-case letters and digits in words joined by single hyphens. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A strict object: unknown keys are errors that name the closest known key. */
export function strict<S extends z.core.$ZodLooseShape>(shape: S, what?: string) {
  const known = Object.keys(shape);
  const type = what === undefined ? undefined : want(what).error;
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown key ${quoteName(iss.keys[0])}${hint(iss.keys[0], known)}`
        : iss.code === 'invalid_type' && type
          ? type(iss)
          : undefined,
  });
}

/** A custom message: `expected <what>, got <value>` (`required (<what>)` when missing). */
export function want(what: string) {
  return {
    error: (iss: { input?: unknown }) =>
      iss.input === undefined ? `required (${what})` : `expected ${what}, got ${describeValue(iss.input)}`,
  };
}

/** A name (non-empty string); `what` is e.g. "outcome name". */
export const name = (what: string) =>
  z.string(want(`${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`)).min(1, want(`a non-empty ${what}`));

/** The scenario's short id. */
export const scenarioName = z
  .string(want('a kebab-case id'))
  .regex(KEBAB_CASE, want('a kebab-case id such as holiday-assistant'))
  .describe('Short kebab-case id, used in report file names.');

export const probability = z
  .number()
  .min(0, want('a probability in [0, 1]'))
  .max(1, want('a probability in [0, 1]'));

export const optionValue = z.union(
  [z.number(), z.string(), z.boolean(), z.array(z.number())],
  want('a number, a string, a boolean or a list of numbers'),
);

export const options = z
  .record(z.string(), optionValue)
  .meta({ id: 'Options', description: "Options, checked against the rule's or reading's declared options." });

export const sigma = z
  .union(
    [
      name('rule name').describe('A rule of the Σ registry (`sulab methods`), by name or alias.'),
      strict({ rule: name('rule name'), options: options.optional() }),
    ],
    want('a rule name, or {rule: <name>, options: {...}}'),
  )
  .meta({ id: 'Sigma', description: 'The aggregation mechanism Σ. Default: weighted-utilitarian.' });

export const weight = z.number(want('a weight (a number)')).min(0, want('a non-negative weight'));

export const seed = z
  .int(want('a whole number'))
  .min(0, want('a non-negative seed'))
  .default(0)
  .describe('Seed of every random draw. Default 0.');

export const schemaRef = z.string().optional().describe('The JSON Schema this file follows (ignored).');

export type SigmaFile = z.output<typeof sigma>;
