/**
 * The sequential format's hierarchy (sequential-schema.ts): a part may itself be a principal, in
 * the one-shot format's shape — `parts` (its own parts), `sigma` (its Σ) — plus what a sequential
 * principal has: `approval` (how its Σ is read as its approval, its reward at its parent) and an
 * `internal` block saying how A's actions and the world move its own parts' attention levels
 * (downward influence; the levels and gains are H's, given in the top-level `internal`).
 *
 * ```yaml
 * parts:
 *   - {name: management, reward: {ship-it: 1, '*': 0}}
 *   - name: team
 *     sigma: weighted-utilitarian
 *     parts:
 *       - {name: alice, reward: {crunch: 1, '*': 0.5}}
 *       - {name: bob, reward: {crunch: 0, '*': 1}}
 *     internal: {initial: 1, actions: {praise-overtime: {alice: 1, bob: -1}}}
 * internal: {levels: 3, gain: [0.25, 1, 4], initial: 1}
 * ```
 *
 * Shape only; names, coverage and depth are checked by the loader (sequential-nesting.ts).
 */
import { z } from 'zod';
import { sigma, strict, want } from './schema-common.js';

/** An attention level (0 = the first). */
export const level = z
  .int(want('a whole-number level (0 = the first)'))
  .min(0, want('a whole-number level (0 = the first)'));

/** Level shifts keyed by action or state, then part. */
export const shifts = (key: string) =>
  z
    .record(
      z.string(),
      z.record(
        z.string(),
        z.int(want('a whole number of levels')),
        want("an object part → level shift ('*' = every other part)"),
      ),
      want(`an object ${key} → part → level shift`),
    )
    .describe(
      `Level shifts: ${key} → part → whole number of levels (clamped to the levels). '*' stands for every ${key} or part not given. Default 0.`,
    );

const nestedInternal = strict(
  {
    initial: z
      .union(
        [level, z.record(z.string(), level)],
        want("a level for every part, or an object part → level ('*' = every other part)"),
      )
      .optional()
      .describe('Level of each of its leaf parts at the start (one level, or part → level). Default 0.'),
    actions: shifts('action')
      .optional()
      .describe("How A's actions shift its leaf parts' levels: action → part → shift. Default: no shift."),
    states: shifts('state')
      .optional()
      .describe(
        'How arriving in a state shifts its leaf parts’ levels: state → part → shift. Default: no shift.',
      ),
  },
  'an object {initial, actions, states} (levels and gain are given once, in the top-level internal)',
).describe(
  "Downward influence: how A's actions and the world move the attention levels of this principal's own leaf parts, i.e. how much each counts inside it. Levels and gains are H's (the top-level internal).",
);

/** The fields a part has when it is itself a principal (with `parts`, added by sequential-schema.ts). */
export const nestedPartFields = {
  sigma: sigma
    .optional()
    .describe('For a part that is itself a principal (`parts`): its Σ. Default: weighted-utilitarian.'),
  approval: z
    .enum(['score', 'rank'], want('score or rank'))
    .optional()
    .describe(
      'For a part that is itself a principal: how its Σ is read as its approval, its reward at its parent (score or rank, as for H). Default: score for weighted-utilitarian, else rank.',
    ),
  internal: nestedInternal.optional(),
};

export type NestedInternalFile = z.output<typeof nestedInternal>;
