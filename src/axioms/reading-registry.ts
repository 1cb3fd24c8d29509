/**
 * The registry of reading axioms, in the order tables list them (one line per axiom).
 */
import { Registry } from '../core/registry.js';
import {
  anonymityAxiom,
  levelConsistencyAxiom,
  majorityConsistencyAxiom,
  manipulationProofnessAxiom,
  overrideFreedomAxiom,
  type ReadingAxiom,
  readingNeutralityAxiom,
  readingParetoAxiom,
  reflexivityAxiom,
  unboundingStabilityAxiom,
} from './reading-axioms.js';

export const readingAxioms: readonly ReadingAxiom[] = [
  reflexivityAxiom,
  readingParetoAxiom,
  majorityConsistencyAxiom,
  overrideFreedomAxiom,
  anonymityAxiom,
  readingNeutralityAxiom,
  manipulationProofnessAxiom,
  levelConsistencyAxiom,
  unboundingStabilityAxiom,
];

export const readingAxiomRegistry = new Registry<ReadingAxiom>('axiom', readingAxioms, {
  expected: () => `expected one of ${readingAxioms.map((a) => a.name).join(', ')} (axioms for readings)`,
});

export function getReadingAxiom(name: string): ReadingAxiom {
  return readingAxiomRegistry.get(name, '--axiom');
}
