import type { ProfileRule } from '../../types.js';
import { sequentialMajority } from './sequential-majority.js';
import { bracketVoting } from './bracket-voting.js';
import { consensusBuilder } from './consensus-builder.js';

/** Procedural rules (the outcome depends on a procedure such as an agenda), in listing order. */
export const proceduralRules: ProfileRule[] = [sequentialMajority, consensusBuilder, bracketVoting];
