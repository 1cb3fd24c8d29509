/**
 * sulab as a library: the same pieces the CLI composes. Everything here is plain data and pure
 * functions (no Node imports), so it also runs in a browser and in workers.
 */
export { UserError } from './core/errors.js';
export * from './core/model.js';
export * from './core/hierarchy.js';
export { restrictActions } from './core/utility.js';
export { Random } from './core/random.js';
export { Registry } from './core/registry.js';
export { dominates, dominators, paretoFrontier } from './core/pareto.js';
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
export { getRule, normalizeName, rules, sigmaRegistry } from './sigma/registry.js';
export { breakTies, type TieBreak } from './sigma/tiebreak.js';
export { type MarketDetails, marketDetails } from './sigma/market/common.js';
export type * from './sigma/types.js';

export * from './formats/index.js';
export { generatorRegistry, generators, getGenerator } from './generate/registry.js';
export {
  getPrincipalGenerator,
  type PrincipalGenerator,
  principalGeneratorRegistry,
  principalGenerators,
} from './generate/principal-registry.js';

export * from './align/index.js';
export { applySigma, approvalOf, sigmaCall } from './sigma/apply-utilities.js';
export { evaluate, type ScenarioResult } from './run/one-shot.js';
export { type VoteEntry, vote } from './run/vote.js';
export { parseAnyScenario, parseScenario } from './scenario/index.js';
export type { Scenario, SequentialScenario } from './core/scenario.js';

export * as learn from './learn/index.js';

export { EXPERIMENTS, experimentRegistry, getExperiment } from './experiment/registry.js';
export { prepareModel } from './dynamics/model.js';
export type { AgentEntry, DynamicsAgent } from './dynamics/agents.js';
export type { StepRecord } from './dynamics/recorder.js';
export { agentRegistry, agents } from './dynamics/registry.js';
export { runSequential, type SequentialResult } from './run/sequential.js';
export type * from './core/sequential.js';
