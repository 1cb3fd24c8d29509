/**
 * The mechanism blocks a sequential scenario may declare, resolved to plain data (part order is
 * the scenario's): `bounded:` — the parts split a compute budget between their values and their
 * world model (dynamics/bounded/) — and `evolution:` — H acting by its own Σ while habituation,
 * endorsement and weight drift change its parts (dynamics/evolution/).
 */

/** One part's compute: its value complexity k > 0, its budget c ≥ 0, and what it believes with no model compute. */
export interface DeclaredBoundedPart {
  readonly complexity: number;
  readonly budget: number;
  /** 'uniform': every next state equally likely; 'beliefs': the part's declared beliefs. */
  readonly fallback: 'uniform' | 'beliefs';
}

/** How a part splits its budget (dynamics/bounded/bounded.ts `SplitRule`). */
export type DeclaredSplit =
  | { readonly kind: 'fixed'; readonly fraction: number }
  | { readonly kind: 'precision'; readonly sd: number }
  | {
      readonly kind: 'best-response';
      readonly grid: number;
      readonly rounds: number;
      readonly start: number;
    };

export interface DeclaredBounded {
  /** One per part of H, in part order. */
  readonly parts: readonly DeclaredBoundedPart[];
  /** The split rules to run, each on the same noise draws. */
  readonly splits: readonly DeclaredSplit[];
  /** σ0 (the sd of a value estimate bought with no compute) and h (model compute for half the truth). */
  readonly forms: { readonly sd0: number; readonly halfModel: number };
  /** Noise draws of the value estimates. */
  readonly draws: number;
}

export interface DeclaredEvolution {
  /** Steps H takes by its own Σ while its parts evolve. */
  readonly steps: number;
  readonly habituation: number;
  readonly recovery: number;
  /** The utility of a fully habituated item: one number, or one per part in part order. */
  readonly baseline: number | readonly number[];
  readonly endorsement: number;
  readonly endorsers: 'all' | 'overruled';
  readonly weightDrift: number;
  readonly tieBreak: 'random' | 'lexicographic';
  /** Steps iterated past the run to find a fixed point or cycle (0: not looked for). */
  readonly limit: number;
}
