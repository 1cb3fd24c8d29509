/**
 * What a policy of A sees and returns. A policy is a function of the moment — the step t, the world
 * state, H's internal state (levels and their code) and the history so far — to an action. Markov
 * policies (the solvers' plans) read (t, state, code); history-dependent ones (negotiable RL, which
 * re-weights parts by how well their beliefs predicted the observations) read `history`.
 *
 * Policies are pure functions of the moment: a run calls them once per step, in order, and may
 * call them again for another run, so anything a policy remembers must be derivable from the
 * history it is given.
 */

/** What happened before step t. */
export interface History {
  /** World states s_0 … s_t (t + 1 entries: the last is the current state). */
  readonly states: readonly number[];
  /** A's actions a_0 … a_{t−1}. */
  readonly actions: readonly number[];
}

export interface Moment {
  readonly t: number;
  /** The world state now. */
  readonly state: number;
  /** H's internal state now (one level per part); do not modify. */
  readonly levels: Int32Array;
  /** Its mixed-radix code (space.ts). */
  readonly code: number;
  readonly history: History;
}

export type Policy = (m: Moment) => number;

/**
 * A policy from decisions over state sequences: decisions[t][code], code = Σ_k s_k · S^(t−k) over
 * the history s_0 … s_t (s_0 most significant) — the layout of a history-dependent solver's table
 * (nrl/'s HistoryPolicy). A −1 entry (a history the table never reaches) falls back to `fallback`.
 */
export function stateSequencePolicy(
  S: number,
  decisions: readonly ArrayLike<number>[],
  fallback: Policy = () => 0,
): Policy {
  return (m) => {
    let code = 0;
    for (const s of m.history.states) code = code * S + s;
    const a = decisions[m.t]?.[code];
    return a === undefined || a < 0 ? fallback(m) : a;
  };
}
