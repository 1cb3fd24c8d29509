/** Scenarios built in code for the readings' tests (the file loader has its own tests). */
import fc from 'fast-check';
import { makePrincipal, type PrincipalSpec } from '../../src/core/model.js';
import type { AlignmentSpec, Scenario } from '../../src/core/scenario.js';

export function scenario(
  spec: PrincipalSpec,
  opts: {
    alignments?: (string | [string, AlignmentSpec['options']])[];
    noise?: number;
    samples?: number;
    truth?: readonly (readonly number[])[];
    candidates?: number[];
    seed?: number;
  } = {},
): Scenario {
  const principal = makePrincipal(spec);
  const truth = opts.truth ? makePrincipal({ ...spec, world: opts.truth }).world : principal.world;
  const alignments = (opts.alignments ?? ['boundary/instruction']).map((a, i) =>
    typeof a === 'string'
      ? { id: a, options: {}, where: `alignments[${i}]` }
      : { id: a[0], options: a[1], where: `alignments[${i}]` },
  );
  return {
    kind: 'one-shot',
    name: 'test',
    title: 'test',
    description: '',
    essay: '',
    principal,
    truth,
    bounds: { noise: opts.noise ?? 0, samples: opts.samples ?? 400 },
    alignments,
    candidates: opts.candidates ?? principal.actions.map((_, a) => a),
    seed: opts.seed ?? 1,
    epsilon: 1e-6,
    neglectThreshold: 0.25,
  };
}

/** Random principals: small integer utilities and weights, H's Σ from `rules`, noise from `noise`. */
export function randomPrincipals(opts: {
  parts: [number, number];
  actions: [number, number];
  rules: readonly string[];
  noise: readonly number[];
}) {
  return fc
    .record({
      parts: fc.integer({ min: opts.parts[0], max: opts.parts[1] }),
      actions: fc.integer({ min: opts.actions[0], max: opts.actions[1] }),
      seed: fc.integer({ min: 0, max: 1e6 }),
      rule: fc.constantFrom(...opts.rules),
      noise: fc.constantFrom(...opts.noise),
    })
    .chain((c) =>
      fc.record({
        c: fc.constant(c),
        u: fc.array(
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: c.actions, maxLength: c.actions }),
          {
            minLength: c.parts,
            maxLength: c.parts,
          },
        ),
        w: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: c.parts, maxLength: c.parts }),
      }),
    );
}
