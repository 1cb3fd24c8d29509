/**
 * Negotiable reinforcement learning (the essay's "Critch's theorem"), the one door to this folder:
 * the problem and its theorem (problem.ts), the weights (weights.ts), policies on the tree of
 * histories (policies.ts), the exact solver (solver.ts), the fixed-weight baseline it improves on
 * (baselines.ts), Pareto checks by enumeration (pareto.ts), the simulation agent (agent.ts) and the
 * coin-bet example (builtins.ts).
 */
export * from './agent.js';
export * from './baselines.js';
export * from './builtins.js';
export * from './pareto.js';
export * from './policies.js';
export * from './problem.js';
export * from './solver.js';
export * from './weights.js';
