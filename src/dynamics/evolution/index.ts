/**
 * Preference evolution, the one door to this folder: H acting on its own over time, its parts'
 * utilities and weights adapting to what it chose and what happened (model.ts states the rules;
 * updates.ts takes one step, run.ts records a run, limit.ts finds where it ends; builtins.ts holds
 * the career example).
 */
export * from './builtins.js';
export { evolutionLimit, type EvolutionLimit, stateDistance } from './limit.js';
export * from './model.js';
export { type EvolutionRecord, type EvolutionRun, runEvolution } from './run.js';
export * from './summary.js';
export {
  actionUtilities,
  currentUtilities,
  type EvolutionStep,
  evolutionStep,
  initialState,
  sigmaOn,
} from './updates.js';
