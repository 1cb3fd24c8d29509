/**
 * Bounded parts under negotiable RL, the one door to this folder: parts splitting compute between
 * their values and their world model (bounded.ts) and the weather example (builtins.ts).
 */
export * from './bounded.js';
export * from './builtins.js';
