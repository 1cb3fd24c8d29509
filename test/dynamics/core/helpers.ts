import { Random } from '../../../src/core/random.js';
import { buildEnvironment, buildPrincipal } from '../../../src/dynamics/build.js';
import { type DynamicsModel, prepareModel } from '../../../src/dynamics/model.js';
import { type Objective, objectiveOf } from '../../../src/dynamics/objective.js';

export interface RandomProblemSize {
  readonly S: number;
  readonly A: number;
  readonly n: number;
  readonly L: number;
  readonly H: number;
}

/** A random distribution over k outcomes, with some zeros. */
export function dist(rng: Random, k: number): number[] {
  const x: number[] = Array.from({ length: k }, () => (rng.float() < 0.3 ? 0 : rng.float() + 0.01));
  if (!x.some((v) => v > 0)) x[rng.int(k)] = 1;
  const sum = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / sum);
}

/** A random sequential problem with an internal state that A's actions and the world move. */
export function randomModel(
  seed: number,
  size: RandomProblemSize,
  opts: { ownBeliefs?: boolean } = {},
): DynamicsModel {
  const rng = new Random(seed);
  const { S, A, n, L, H } = size;
  const env = buildEnvironment({
    states: S,
    actions: A,
    truth: Array.from({ length: S }, () => Array.from({ length: A }, () => dist(rng, S))),
    start: dist(rng, S),
    horizon: H,
  });
  const shift = () => rng.int(2 * L - 1) - (L - 1);
  const principal = buildPrincipal(env, {
    parts: Array.from({ length: n }, (_, i) => ({
      name: `p${i}`,
      reward: Array.from({ length: S }, () => Array.from({ length: A }, () => Math.round(rng.float() * 10))),
      weight: 1 + rng.int(3),
      ...(opts.ownBeliefs
        ? { beliefs: Array.from({ length: S }, () => Array.from({ length: A }, () => dist(rng, S))) }
        : {}),
    })),
    internal: {
      levels: L,
      initial: Array.from({ length: n }, () => rng.int(L)),
      gain: Array.from({ length: L }, () => 0.25 + rng.float() * 2),
      actionShift: Array.from({ length: A }, () => Array.from({ length: n }, shift)),
      stateShift: Array.from({ length: S }, () =>
        Array.from({ length: n }, () => (rng.float() < 0.5 ? 0 : shift())),
      ),
    },
  });
  return prepareModel(env, principal, { approval: rng.float() < 0.5 ? 'rank' : 'score' });
}

/** A random non-stationary objective over (t, product state, action), as a table. */
export function randomObjective(seed: number, model: DynamicsModel, H: number): Objective {
  const rng = new Random(seed);
  const N = model.space.size;
  const table = Float64Array.from({ length: H * N * model.A }, () => Math.round(rng.float() * 20) / 4);
  const C = model.space.codes;
  return objectiveOf('random', (t, s, code, a) => table[(t * N + s * C + code) * model.A + a]);
}
