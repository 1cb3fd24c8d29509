/**
 * What every built-in experiment shares: its registry entry's shape and the envelope of its
 * result, plus small helpers that turn typed arrays into the plain records the results are made
 * of. The registry itself is registry.ts.
 */

/** A built-in experiment: code-defined, since its parameters are not in the scenario file format. */
export interface Experiment<R extends ExperimentBase = ExperimentBase> {
  /** Kebab-case name, as `sulab run --experiment NAME` takes it. */
  readonly name: string;
  readonly title: string;
  /** How it is modelled and what it shows, including what it does not. */
  readonly description: string;
  /** What the essay claims, quoted. */
  readonly essay: string;
  /** Runs the experiment; the result is plain JSON-able data and depends on the seed alone. */
  run(seed: number): R;
}

/** The envelope of every experiment's result. */
export interface ExperimentBase {
  readonly kind: 'experiment';
  /** The experiment's name. */
  readonly experiment: string;
  readonly title: string;
  readonly seed: number;
  /** One line: the key numbers. */
  readonly summary: string;
}

/** `x` with `d` digits after the point. */
export function fixed(x: number, d = 3): string {
  return x.toFixed(d);
}

/** A weight vector as "(0.6, 0.1, 0.3)", with trailing zeros dropped. */
export function tuple(xs: ArrayLike<number>, d = 3): string {
  return `(${Array.from(xs, (x) => String(Number(x.toFixed(d)))).join(', ')})`;
}

export { byName, runs } from '../core/names.js';
