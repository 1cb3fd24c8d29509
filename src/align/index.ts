/**
 * The built-in operationalizations, registered on import. `parts/<rule>` resolves any Σ rule;
 * parts/delegates lives with the negotiation protocols.
 */
import { registerOperationalization, setReaggregation } from './registry.js';
import { boundaryApproval, boundaryInstruction } from './readings/boundary.js';
import { delegates } from './readings/delegates.js';
import { idealized } from './readings/idealized.js';
import { learned } from './readings/learned.js';
import { paretoSteps } from './readings/pareto.js';
import { reaggregation } from './readings/reaggregate.js';

for (const op of [boundaryInstruction, boundaryApproval, paretoSteps, delegates, idealized, learned])
  registerOperationalization(op);
setReaggregation(reaggregation);

export { buildContext } from './context.js';
export { getOperationalization, operationalizations, registerOperationalization } from './registry.js';
export type { AlignContext, Operationalization, Reading, Target } from './types.js';
