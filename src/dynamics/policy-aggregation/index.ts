/**
 * Policies aggregated whole (Alamdari, Ebadian & Procaccia, "Policy Aggregation", NeurIPS 2024),
 * the one door to this folder: the occupancy polytope of the scenario's world (polytope.ts), its
 * volumes by a seeded uniform sample (sample.ts), the parts' rankings of policies as shares of that
 * volume (profile.ts), the rules — Borda, quantile fairness, α-approval, the proportional veto core
 * (rules.ts) — and the agents a sequential scenario names (agent.ts).
 */
export * from './agent.js';
export * from './polytope.js';
export * from './profile.js';
export * from './rules.js';
export * from './sample.js';
