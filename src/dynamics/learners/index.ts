/**
 * Learners that start without the model of H's internal dynamics, the one door to this folder:
 * the learned model and planning in it (learned.ts), PSRL's posterior (posterior.ts), the learning
 * loop and its curve (episodes.ts), the agent wrapper (agent.ts) and the two agents (psrl.ts,
 * q-learning.ts).
 */
export * from './agent.js';
export * from './episodes.js';
export * from './learned.js';
export * from './posterior.js';
export * from './psrl.js';
export * from './q-learning.js';
