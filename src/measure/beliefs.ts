/**
 * Beliefs apart from values: which Pareto principle a decision keeps when the parts disagree about
 * the world (Mongin 1995, "Consistent Bayesian aggregation"; Gilboa, Samet & Schmeidler 2004,
 * "Utilitarian aggregation of beliefs and tastes", whose example is a duel both parties want, each
 * sure he will win).
 *
 * - ex ante: no action gives every part more by the parts' OWN beliefs (each part's expected
 *   utility as it sees the world) — the Pareto principle of aggregating expected utilities.
 * - ex post: no action gives every part more when all are judged under ONE belief, the Bayesian
 *   planner's: the linear pool of the parts' beliefs with their weight shares (as parts/pooled
 *   pools them). A planner who pools beliefs and then aggregates utilities keeps this one.
 *
 * Mongin's impossibility: with diverse beliefs no non-dictatorial Bayesian planner keeps both. The
 * gap shows up as a spurious unanimity: every part prefers a to b by its own beliefs, yet under no
 * common belief sulab reads — neither the scenario's shared world model nor the linear pool — do
 * they all prefer it: they agree only because they disagree about the world.
 */
import { pooledWorld, problemUnder } from '../align/readings/pooled.js';
import type { AlignContext } from '../align/types.js';
import { decisionValues } from '../core/normalize.js';
import { dominators, dominates } from '../core/pareto.js';
import type { UtilityProblem } from '../core/utility.js';

/** The parts' utilities under the linear pool of their beliefs (the Bayesian planner's view). */
export function pooledProblem(ctx: AlignContext): UtilityProblem {
  return problemUnder(ctx, pooledWorld(ctx, 'linear').world);
}

/** Whether some action Pareto-dominates the decision (an action or a lottery) under `p`. */
export function dominatedUnder(p: UtilityProblem, d: number | ArrayLike<number>): boolean {
  if (typeof d === 'number') return dominators(p, d).length > 0;
  const mine = decisionValues(p.u, p.parts, p.actions, d);
  for (let b = 0; b < p.actions; b++)
    if (dominates(decisionValues(p.u, p.parts, p.actions, b), mine, { weights: p.weights, tol: 1e-9 }))
      return true;
  return false;
}

/** Ex-ante and ex-post Pareto of a decision (see the module comment). */
export function beliefPareto(
  own: UtilityProblem,
  pooled: UtilityProblem,
  d: number | ArrayLike<number>,
): { exAnte: boolean; exPost: boolean } {
  return { exAnte: !dominatedUnder(own, d), exPost: !dominatedUnder(pooled, d) };
}

/**
 * For each action a, the actions b that every part prefers a to by its own beliefs (a dominates b
 * ex ante) while neither the shared world model nor the linear pool has a dominate b: a's spurious
 * unanimities. Each problem's dominators are computed once.
 */
export function spuriousUnanimities(
  own: UtilityProblem,
  shared: UtilityProblem,
  pooled: UtilityProblem,
): number[][] {
  const out: number[][] = Array.from({ length: own.actions }, () => []);
  for (let b = 0; b < own.actions; b++) {
    const kept = new Set([...dominators(shared, b), ...dominators(pooled, b)]);
    for (const a of dominators(own, b)) if (!kept.has(a)) out[a].push(b);
  }
  return out;
}

/** Action a's spurious unanimities (see spuriousUnanimities). */
export function spuriousOver(
  own: UtilityProblem,
  shared: UtilityProblem,
  pooled: UtilityProblem,
  a: number,
): number[] {
  return spuriousUnanimities(own, shared, pooled)[a];
}
