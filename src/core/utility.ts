/**
 * A cardinal decision problem: what cardinal aggregators (Σ over utilities) read. Built from a
 * principal's parts and world model (see core/model.ts) or from score ballots (voters as parts).
 */
export interface UtilityProblem {
  /** Number of parts (players, voters). */
  readonly parts: number;
  /** Number of actions (candidates, alternatives). */
  readonly actions: number;
  /** parts*actions expected utilities: u[i*actions + a] is part i's utility for action a. */
  readonly u: Float64Array;
  /** Influence weight of each part (non-negative). */
  readonly weights: Float64Array;
  /** Each part's disagreement (status quo) utility, for bargaining rules; absent = each part's minimum over the actions. */
  readonly disagreement?: Float64Array;
}
