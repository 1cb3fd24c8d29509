/** Small principals for the preference-evolution tests. */
import { makePrincipal, type PrincipalSpec } from '../../../src/core/model.js';
import { type EvolutionModel, evolutionFromPrincipal } from '../../../src/dynamics/evolution/index.js';

export function model(spec: PrincipalSpec): EvolutionModel {
  return evolutionFromPrincipal(makePrincipal(spec));
}

/** One part, outcomes x and y valued 1 and 0.8: habituation alone decides what happens. */
export const novelty = (y = 0.8) => model({ outcomes: ['x', 'y'], parts: [{ name: 'p', utility: [1, y] }] });

/** Two parts at odds: a wants x, b wants y; a is heavier, so the utilitarian Σ takes x. */
export const duel = () =>
  model({
    outcomes: ['x', 'y'],
    parts: [
      { name: 'a', utility: [1, 0], weight: 0.6 },
      { name: 'b', utility: [0, 1], weight: 0.4 },
    ],
  });

/** Float arrays compared to plain numbers within 1e-12. */
export function close(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-12): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (!(Math.abs(actual[i] - expected[i]) <= tol)) return false;
  return true;
}

export function assertClose(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-12): void {
  if (!close(actual, expected, tol))
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(Array.from(actual))}`);
}
