/**
 * Meta-preferences, the one door to this folder: parts that hold preferences over the weights of
 * the parts, H's Σ aggregating them into the weights it endorses (preferences.ts), the dynamics of
 * that endorsement with its fixed points and basins (iterate.ts), and the built-in example.
 */
export * from './builtins.js';
export * from './iterate.js';
export * from './preferences.js';
