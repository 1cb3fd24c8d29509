/**
 * What an axiom is: one checker on one instance (an election for Σ, a principal for a reading)
 * that returns the violation it finds, with a readable explanation, or null; plus the metadata the
 * registry shows. Searches for counterexamples live in search.ts and reading-search.ts.
 */
import type { Election } from './election.js';

export interface Violation {
  /** What goes wrong, in a sentence, naming candidates by index and ballots as "0>1>2". */
  readonly explanation: string;
}

/** A Σ rule as the axioms see it: the winners (a set, possibly empty) of an election. */
export interface Voting {
  /** The method spec as written (e.g. "borda", "approval:k=2"). */
  readonly name: string;
  winners(e: Election): number[];
}

export interface SigmaAxiom {
  /** Canonical kebab-case name. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly title: string;
  /** The definition, including how sets of winners are treated (pref_voting's convention). */
  readonly description: string;
  /** Fewest candidates on which the axiom can be violated at all. */
  readonly minCandidates: number;
  check(rule: Voting, e: Election): Violation | null;
}
