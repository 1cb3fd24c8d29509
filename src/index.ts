/**
 * sulab as a library: the same pieces the CLI composes. Everything here is plain data and pure
 * functions (no Node imports), so it also runs in a browser and in workers.
 */
export { UserError } from './core/errors.js';
export * from './core/model.js';
export { Random } from './core/random.js';
export type { UtilityProblem } from './core/utility.js';

export {
  applicable,
  applyRule,
  type MethodSpec,
  parseMethodList,
  parseMethodSpec,
  prepareRules,
} from './sigma/apply.js';
export * from './sigma/majority.js';
export * from './sigma/profile.js';
export { getRule, normalizeName, rules } from './sigma/registry.js';
export { breakTies, type TieBreak } from './sigma/tiebreak.js';
export type * from './sigma/types.js';

export * from './formats/index.js';
export { generators, getGenerator } from './experiment/generator-registry.js';

export * from './align/index.js';
export { applySigma, approvalOf, sigmaCall } from './align/sigma.js';
export { evaluate, type ScenarioResult } from './measure/evaluate.js';
export { parseAnyScenario, parseScenario } from './scenario/index.js';
export type { Scenario, SequentialScenario } from './scenario/types.js';

export * as learn from './learn/index.js';

export { EXPERIMENTS, getExperiment } from './dynamics/experiments.js';
export { prepareModel } from './dynamics/model.js';
export { runSequential, type SequentialResult } from './dynamics/run-sequential.js';
export type * from './dynamics/types.js';
