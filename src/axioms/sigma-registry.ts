/**
 * The registry of Σ axioms, in the order tables list them, and how a registered rule becomes the
 * `Voting` the axioms read. Adding an axiom is one entry in one of the family files plus one line
 * here.
 */
import { UserError } from '../core/errors.js';
import { Registry } from '../core/registry.js';
import { applyRule, type MethodSpec } from '../sigma/apply.js';
import { Summary } from '../sigma/profile.js';
import {
  condorcetLoserAxiom,
  condorcetWinnerAxiom,
  majorityAxiom,
  majorityLoserAxiom,
  paretoAxiom,
  smithAxiom,
} from './dominance.js';
import { type Election, toProfile } from './election.js';
import {
  clonesAxiom,
  homogeneityAxiom,
  neutralityAxiom,
  neutralReversalAxiom,
  resolvabilityAxiom,
  reversalSymmetryAxiom,
} from './invariance.js';
import {
  downwardMonotonicityAxiom,
  monotonicityAxiom,
  weakPositiveResponsivenessAxiom,
} from './monotonicity.js';
import { strategyProofnessAxiom } from './strategic.js';
import type { SigmaAxiom, Voting } from './types.js';
import {
  negativeInvolvementAxiom,
  participationAxiom,
  positiveInvolvementAxiom,
  reinforcementAxiom,
} from './voters.js';

export const sigmaAxioms: readonly SigmaAxiom[] = [
  condorcetWinnerAxiom,
  condorcetLoserAxiom,
  paretoAxiom,
  smithAxiom,
  majorityAxiom,
  majorityLoserAxiom,
  monotonicityAxiom,
  downwardMonotonicityAxiom,
  weakPositiveResponsivenessAxiom,
  positiveInvolvementAxiom,
  negativeInvolvementAxiom,
  participationAxiom,
  reinforcementAxiom,
  clonesAxiom,
  homogeneityAxiom,
  reversalSymmetryAxiom,
  neutralReversalAxiom,
  neutralityAxiom,
  resolvabilityAxiom,
  strategyProofnessAxiom,
];

export const sigmaAxiomRegistry = new Registry<SigmaAxiom>('axiom', sigmaAxioms, {
  expected: () => `expected one of ${sigmaAxioms.map((a) => a.name).join(', ')}`,
});

export function getSigmaAxiom(name: string): SigmaAxiom {
  return sigmaAxiomRegistry.get(name, '--axiom');
}

/** Whether the axioms can read this rule: they search ranking profiles, which utility rules do not read. */
export function checkable(spec: MethodSpec): boolean {
  // The axioms are about single-winner rules: a committee is not a set of tied winners.
  return spec.rule.input !== 'utilities' && spec.rule.family !== 'multiwinner';
}

/** A registered rule (after `prepareRules`) as the axioms read it: its full tie set of winners. */
export function votingOf(spec: MethodSpec): Voting {
  if (!checkable(spec))
    throw new UserError(
      spec.rule.family === 'multiwinner'
        ? `${spec.rule.name} elects a committee; the Σ axioms are about single winners`
        : `${spec.rule.name} aggregates utilities; the Σ axioms are checked on ranking profiles`,
      '--method',
    );
  return {
    name: spec.text,
    winners: (e: Election) => applyRule(spec, new Summary(toProfile(e))).winners,
  };
}
