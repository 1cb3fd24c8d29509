/**
 * Meta-preferences, the one door to this folder: parts that hold preferences over the weights of
 * the parts, H's Σ aggregating them into the weights it endorses, and the dynamics of that
 * endorsement with its fixed points, basins and stability — both in align/idealize/
 * (meta-preferences.ts, meta-dynamics.ts), a floor down, so the meta/equilibrium reading and the
 * `reflective` operator use the same model — and the built-in example.
 */
export * from './builtins.js';
export * from '../../align/idealize/meta-dynamics.js';
export * from '../../align/idealize/meta-preferences.js';
