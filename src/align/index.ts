/** The alignment layer: readings of "A is aligned with H", their registry and their context. */
export { buildContext } from './context.js';
export {
  getOperationalization,
  operationalizations,
  readingRegistry,
  readings,
  registerOperationalization,
} from './registry.js';
export type { AlignContext, Operationalization, Reading, Target } from './types.js';
