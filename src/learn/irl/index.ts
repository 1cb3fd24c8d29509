/**
 * Whole-system learning in sequential settings, the one door to this folder: a minimal tabular
 * MDP (mdp.ts), H as a Boltzmann-rational planner (soft.ts), maximum-entropy inverse RL from H's
 * trajectories (maxent.ts), and the Armstrong–Mindermann decompositions of H's behaviour into
 * planner and reward, scored by a simplicity prior (ambiguity.ts).
 */
export * from './ambiguity.js';
export * from './maxent.js';
export * from './mdp.js';
export * from './soft.js';
