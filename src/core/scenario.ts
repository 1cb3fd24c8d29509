/**
 * A loaded scenario: what `sulab run FILE` works on. The file format (YAML or JSON, one schema) is
 * described in schema.ts; the loader turns a file into this plain data, with every name resolved
 * to an index and every rule and reading checked against its registry.
 */
import type { Principal, WorldModel } from './model.js';

/** How H's own behaviour B(H) is bounded. */
export interface Bounds {
  /**
   * Noise on H's view of its parts' utilities: each evaluation adds Gaussian noise with this
   * standard deviation, in units of each part's utility range. 0 = H sees its parts exactly.
   */
  readonly noise: number;
  /** Monte Carlo draws used to estimate B(H) when noise > 0. */
  readonly samples: number;
}

/** One operationalization f named in the scenario, with its options. */
export interface AlignmentSpec {
  /** As written, e.g. "parts/nash-bargaining" or "parts/delegates". */
  readonly id: string;
  readonly options: Readonly<Record<string, number | string | boolean | readonly number[]>>;
  /** Where it was written (e.g. "holiday.yaml:74: alignments[4]"), for error messages. */
  readonly where: string;
}

/** One part's declared meta-preference over the weight shares of H's parts (dynamics/meta). */
export interface DeclaredMetaPreference {
  /** The part that holds it (one of `ScenarioMeta.parts`). */
  readonly part: string;
  /** The shares it wants (one per part, on the simplex); its meta-utility falls with the distance to them. */
  readonly target?: readonly number[];
  /** One number per part: how much it wants that part's share to grow (negative: to shrink). */
  readonly say?: readonly number[];
}

/** Meta-preferences as a scenario file declares them: over the weights of H's own (top-level) parts. */
export interface ScenarioMeta {
  /** H's top-level part names, in order: the coordinates of every weight vector here. */
  readonly parts: readonly string[];
  /** Parts without an entry are indifferent to the weights. */
  readonly preferences: readonly DeclaredMetaPreference[];
  /** Candidate weights: the simplex grid with shares in multiples of 1/resolution, plus the targets. */
  readonly resolution: number;
  readonly distance: 'l1' | 'l2';
  /** λ of the dynamics w ← (1 − λ) w + λ E(w). */
  readonly rate: number;
  /** Seeded uniform starts of the fixed-point finder. */
  readonly starts: number;
}

export interface Scenario {
  readonly kind: 'one-shot';
  /** Short id, kebab-case (used in report file names and JSON). */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** What the essay claims about this situation, and where (quoted or paraphrased). */
  readonly essay: string;
  /** H: parts, shared world model, Σ, weights. Actions and outcomes are named in it. */
  readonly principal: Principal;
  /** The true world model (actions × outcomes) that idealized parts see; default H's shared one. */
  readonly truth: WorldModel;
  readonly bounds: Bounds;
  readonly alignments: readonly AlignmentSpec[];
  /** Behaviours to interpret (action indices); default every action. */
  readonly candidates: readonly number[];
  readonly seed: number;
  /** Tolerance for "accepted" and "self-aligned" on normalized scores (default 1e-6). */
  readonly epsilon: number;
  /** A part whose normalized welfare is below this is neglected (default 0.25). */
  readonly neglectThreshold: number;
  /** The parts' meta-preferences over the weights, when the file declares them. */
  readonly meta?: ScenarioMeta;
  /**
   * How fast each of H's own parts un-bounds (part name → rate > 0; parts the file leaves out: 1):
   * its compute grows as rate × the path's compute (align/idealize/unbounding.ts).
   */
  readonly rates?: Readonly<Record<string, number>>;
  /** File the scenario came from, when it came from one. */
  readonly file?: string;
}

/** One agent A named in a sequential scenario, with its options (e.g. {myopic: true}). */
export interface AgentSpec {
  /** boundary/approval, parts/original or critch/nrl. */
  readonly id: string;
  readonly options: Readonly<Record<string, number | string | boolean | readonly number[]>>;
  readonly where: string;
}

/**
 * A sequential scenario (`kind: sequential`): a tabular environment, a principal whose parts have
 * rewards and their own beliefs about the dynamics, H's internal state and how A's actions and
 * the world move it, and the agents to compare. See sequential.ts for the data model.
 */
export interface SequentialScenario {
  readonly kind: 'sequential';
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly essay: string;
  readonly env: import('./sequential.js').Environment;
  readonly principal: import('./sequential.js').SequentialPrincipal;
  readonly agents: readonly AgentSpec[];
  readonly seed: number;
  /** A replayed observation sequence (next states), when the file gives one. */
  readonly observe?: readonly number[];
  /** The parts split compute between their values and their world model (`bounded:`). */
  readonly bounded?: import('./sequential-mechanisms.js').DeclaredBounded;
  /** H's parts evolve under its own choices (`evolution:`). */
  readonly evolution?: import('./sequential-mechanisms.js').DeclaredEvolution;
  readonly file?: string;
}
