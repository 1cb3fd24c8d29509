/**
 * Operationalizations f: readings of "A is aligned with H" (DESIGN.md). Each one, given the
 * context of a principal H, names a target (the decision A picks) and scores every action; an
 * action is "accepted as aligned" under f when its score is within ε of f's best.
 *
 * Scores are normalized per reading to [0, 1] over the actions (1 = f's best), so reflexivity gaps
 * and acceptance compare across readings. Readings over lotteries score the target lottery too.
 */
import type { Principal } from '../core/model.js';
import type { Random } from '../core/random.js';
import type { UtilityProblem } from '../core/utility.js';
import type { OptionSpec, Options } from '../sigma/types.js';
import type { Scenario } from '../core/scenario.js';

/** What H does unaided: Σ applied under H's bounds, as a distribution over actions. */
export interface Behaviour {
  /** Probability of each action. Without noise: uniform over Σ's tie set. */
  readonly lottery: Float64Array;
  /** The most likely actions (the tie set), ascending. */
  readonly modes: readonly number[];
  /** Σ's own winners with no bounds (H seeing its parts exactly). */
  readonly unbounded: readonly number[];
}

export interface AlignContext {
  readonly scenario: Scenario;
  readonly h: Principal;
  /** Action names (index = action id). */
  readonly actions: readonly string[];
  /** Top-level part names (index = row of the utility problems). */
  readonly parts: readonly string[];
  /**
   * parts × actions expected utilities with each part's own beliefs: what the parts push for. A
   * nested principal without an explicit utility is seen through its own Σ (its approval of each
   * action, in [0, 1]).
   */
  readonly own: UtilityProblem;
  /** The same under H's shared world model. */
  readonly shared: UtilityProblem;
  /** The same under the true world model (what idealized parts would see). */
  readonly truth: UtilityProblem;
  /** B(H). */
  readonly behaviour: Behaviour;
  /** H's approval of each action as its Σ computes it now, in [0, 1] (1 = Σ's top). */
  readonly approval: Float64Array;
  /** A seeded stream for a named sub-task: the same label gives the same numbers. */
  rng(label: string): Random;
  /**
   * The caller reads the target and the scores, not the notes or details (steerability's re-reads of
   * H, a sweep cell): a reading may leave out work that only feeds them. Its target and scores must
   * be the same as when they are read.
   */
  readonly quiet?: boolean;
}

/** The decision a reading picks: one action (with the tie set it was chosen from) or a lottery. */
export type Target =
  | { readonly kind: 'action'; readonly action: number; readonly ties: readonly number[] }
  | { readonly kind: 'lottery'; readonly lottery: Float64Array };

export interface Reading {
  readonly target: Target;
  /** score_f(H, a) for every action, normalized to [0, 1]. */
  readonly scores: Float64Array;
  /** score_f(H, ·) of a lottery, for readings whose score is not linear in the lottery. */
  readonly scoreLottery?: (lottery: Float64Array) => number;
  /** Anything the reading wants to say (e.g. "B(H) is Pareto-dominated by …"). */
  readonly notes: readonly string[];
  /**
   * The notes that qualify the target itself — it is one answer among several, or a fallback (a
   * bargaining limit that cycles or does not settle, no agreement): also among `notes`. The
   * terminal summary prints them under the reading's row.
   */
  readonly caveats?: readonly string[];
  /** What the reading found beyond its target, as plain JSON data (`details` in `sulab run --json`). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Operationalization {
  /** "family/name", e.g. "boundary/approval". */
  readonly id: string;
  readonly family: 'boundary' | 'parts' | 'whole' | string;
  readonly title: string;
  /** The reading in a sentence or two, in the essay's words where possible. */
  readonly description: string;
  /** Properties promised (and property-tested): 'pareto' = the target is never Pareto-dominated under the parts' own beliefs. */
  readonly claims: readonly 'pareto'[];
  readonly options?: readonly OptionSpec[];
  read(ctx: AlignContext, opts: Options): Reading;
}
