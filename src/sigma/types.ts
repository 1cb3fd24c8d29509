/**
 * What an aggregator (Σ) is: one small function plus the metadata the registry shows.
 * Rules work on candidate indices 0..m-1 (actions 0..A-1 for cardinal rules); the CLI maps them
 * to the input's own ids. Every rule returns the full tie set; breaking ties is a separate step
 * (see tiebreak.ts).
 */
import type { UtilityProblem } from '../core/utility.js';
import type { Summary } from './profile.js';

/** Properties a rule guarantees; property tests check each one the rule claims. */
export type Axiom =
  | 'anonymity'
  | 'neutrality'
  | 'pareto'
  | 'condorcet-winner'
  | 'condorcet-loser'
  | 'smith'
  | 'monotonicity'
  | 'unanimity';

export interface RuleResult {
  /** The winning candidates (or actions), ascending: the full tie set. */
  winners: number[];
  /** A welfare ordering, best first, as groups of tied candidates, where the rule defines one. */
  ranking?: number[][];
  /** One score per candidate (in the rule's own units), where the rule has scores. */
  scores?: number[];
  /** A probability per candidate, for rules whose output is a lottery. */
  lottery?: number[];
  /** Rule-specific facts beyond the choice, as plain data (e.g. a market's payments and shares). */
  details?: Readonly<Record<string, unknown>>;
}

export type Options = Readonly<Record<string, number | string | boolean | readonly number[]>>;

export interface OptionSpec {
  readonly name: string;
  readonly type: 'number' | 'string' | 'boolean' | 'number[]';
  readonly default?: number | string | boolean | readonly number[];
  readonly description: string;
  /** Checks a value of the right type further: what is wrong with it (one line), or undefined. */
  readonly check?: (value: number | string | boolean | readonly number[]) => string | undefined;
  /** A list with one entry per part (or one number for every part): loaders check its length. */
  readonly perPart?: boolean;
}

interface RuleBase {
  /** Canonical kebab-case name. */
  readonly name: string;
  /** Other names it answers to (kebab-case). */
  readonly aliases: readonly string[];
  /** Human title, e.g. "Instant runoff". */
  readonly title: string;
  /** The definition in one or two sentences. */
  readonly description: string;
  readonly family:
    | 'positional'
    | 'elimination'
    | 'pairwise'
    | 'tournament'
    | 'exact'
    | 'procedural'
    | 'score'
    | 'probabilistic'
    | 'cardinal'
    | 'market'
    | 'multiwinner';
  /** What the rule returns: a set of winners, a full ranking (and its winners), or a lottery. */
  readonly output: 'set' | 'ranking' | 'lottery';
  /** Its tie convention (stated, following pref_voting where it has one). */
  readonly ties: string;
  readonly axioms: readonly Axiom[];
  /** When the rule may elect no one (its winners the empty set), stated; absent: never. */
  readonly empty?: string;
  readonly options?: readonly OptionSpec[];
  /** Exact rules refuse (with a UserError) past this many candidates rather than hang. */
  readonly maxCandidates?: number;
  /**
   * Rules that follow every order of equal margins refuse past this many majority wins with equal
   * margins whose order matters (the size that drives their search, not the candidate count).
   */
  readonly maxTiedWins?: number;
  /** Literature reference, where one defines the rule. */
  readonly reference?: string;
  /**
   * Loads what the rule needs before `run` can be called synchronously (e.g. the WebAssembly MIP
   * solver of the exact rules). Callers await it once; rules without it are ready at once.
   */
  prepare?(): Promise<void>;
}

/** A rule over a profile. `cands` restricts it to a subset of candidates (pref_voting's curr_cands). */
export interface ProfileRule extends RuleBase {
  /** 'rankings': reads weak orders; 'scores': reads cardinal ballots (from rankings by a stated convention when absent). */
  readonly input: 'rankings' | 'scores';
  run(s: Summary, cands?: readonly number[], opts?: Options): RuleResult;
}

/** A rule over utilities (parts × actions), with weights and a disagreement point. */
export interface UtilityRule extends RuleBase {
  readonly input: 'utilities';
  run(p: UtilityProblem, opts?: Options): RuleResult;
}

export type Rule = ProfileRule | UtilityRule;
