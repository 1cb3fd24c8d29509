/**
 * The registry of agents A that a sequential scenario may name. Adding one is one file (an
 * `AgentEntry`) plus one line in `agents`; its options are checked by the scenario loader and
 * its claims tested from this list.
 */
import { UserError } from '../core/errors.js';
import { Registry } from '../core/registry.js';
import { type AgentEntry, approvalAgent, originalAgent } from './agents.js';
import { psrlEntry, qLearningEntry } from './learners/index.js';
import { nrlEntry } from './nrl/index.js';
import {
  policyApprovalEntry,
  policyBordaEntry,
  policyQuantileEntry,
  policyVetoCoreEntry,
} from './policy-aggregation/index.js';
import { wholeIrlEntry } from './whole/irl.js';

export const agents: readonly AgentEntry[] = [
  approvalAgent,
  originalAgent,
  nrlEntry,
  psrlEntry,
  qLearningEntry,
  policyBordaEntry,
  policyQuantileEntry,
  policyApprovalEntry,
  policyVetoCoreEntry,
  wholeIrlEntry,
];

export const agentRegistry: Registry<AgentEntry> = new Registry<AgentEntry>('agent', agents, {
  names: (a) => [a.id],
  normalize: (id) => id.trim().toLowerCase(),
  check: (a) => {
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(a.id))
      throw new UserError(`an agent id is "family/name" in kebab-case, got "${a.id}"`, 'id');
  },
});
