/**
 * Sequential problems: the essay's dynamics. A tabular environment (world states, A's actions,
 * the true dynamics that generate what happens, a horizon), a sequential principal whose parts
 * have rewards and their own beliefs about the dynamics, and H's internal state — the attention
 * or weight of each part — with an influence model saying how A's actions and the world's events
 * move it. Everything is plain data over typed arrays, indexed by integers; names are for output.
 *
 * Layouts: an S×A matrix is `x[s*A + a]`; a transition model is S×A×S, `T[(s*A + a)*S + s2]`
 * (row-stochastic in s2); a per-part S×A matrix list is one Float64Array per part.
 */

export interface Environment {
  readonly states: readonly string[];
  readonly actions: readonly string[];
  /** The true dynamics (S×A×S): what actually happens, and what sampled trajectories follow. */
  readonly truth: Float64Array;
  /** Initial state distribution (length S). */
  readonly start: Float64Array;
  /** Number of decisions A makes (t = 0 … horizon − 1). */
  readonly horizon: number;
}

export interface SeqPart {
  readonly name: string;
  /** Reward of taking action a in state s (S×A), in the part's own units. */
  readonly reward: Float64Array;
  /** The part's own beliefs about the dynamics (S×A×S); absent = the truth. */
  readonly beliefs?: Float64Array;
  /** Declared weight (> 0 for at least one part). */
  readonly weight: number;
}

/**
 * H's internal state: one attention level per part, in 0 … levels − 1. A part's current weight is
 * its declared weight × gain[level]; the weights H's Σ uses are those, normalized to shares.
 * Influence: choosing action a shifts part i's level by actionShift[a*n + i]; arriving in state s2
 * shifts it by stateShift[s2*n + i]; levels are clamped to the lattice. With every shift zero,
 * A cannot reshape H.
 */
export interface InternalModel {
  readonly levels: number;
  /** Level of each part at t = 0 (length n). */
  readonly initial: Int32Array;
  /** Weight multiplier of each level (length `levels`, ≥ 0). */
  readonly gain: Float64Array;
  /** A×n level shifts caused by A's actions. */
  readonly actionShift: Int32Array;
  /** S×n level shifts caused by arriving in a state. */
  readonly stateShift: Int32Array;
}

export interface SequentialPrincipal {
  readonly parts: readonly SeqPart[];
  /** H's Σ over the parts' rewards in the current state (a rule of the Σ registry and its options). */
  readonly sigma: {
    readonly rule: string;
    readonly options: Readonly<Record<string, number | string | boolean | readonly number[]>>;
  };
  readonly internal: InternalModel;
  /**
   * How H's approval is read from Σ: 'score' (Σ's own score on rewards normalized to [0, 1]) or
   * 'rank' (position in Σ's ranking; the top action always gets 1). Absent: prepareModel's
   * `approval` option, else 'rank'. Scenario files default to 'score' for weighted utilitarian.
   */
  readonly approval?: 'score' | 'rank';
  /**
   * Present when H is a hierarchy: H's own parts as a tree whose leaves are `parts` (which then
   * hold every leaf, depth first, each named by its path, e.g. "team/alice"). Absent: every part
   * is a leaf of H itself. Conventions (dynamics/nesting.ts): attention levels belong to the
   * leaves, so `internal` has one level per leaf; a nested principal's weight at its parent is its
   * declared weight; its reward at its parent is its own approval of the action (its Σ over its
   * parts, read by its own `approval`), in [0, 1].
   */
  readonly tree?: readonly SeqNode[];
}

/** A part of a principal in a sequential hierarchy: a leaf of H (`parts[leaf]`) or a nested principal. */
export type SeqNode = SeqLeaf | SeqNested;

export interface SeqLeaf {
  /** Index into `SequentialPrincipal.parts`; the part's weight is its weight at this level. */
  readonly leaf: number;
  /** Its name at this level (the part's own name is its path). */
  readonly name: string;
}

export interface SeqNested {
  readonly name: string;
  /** Its declared weight at its parent (fixed: attention levels belong to leaves). */
  readonly weight: number;
  readonly parts: readonly SeqNode[];
  readonly sigma: SequentialPrincipal['sigma'];
  /** How its Σ is read as its approval, which is its reward at its parent. */
  readonly approval: 'score' | 'rank';
}
