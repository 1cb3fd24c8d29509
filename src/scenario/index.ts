/**
 * Scenario files (YAML or JSON, one schema): `parseScenario` turns a file's text into a
 * `Scenario`; `scenarioSchema` is the zod schema of the format and `scenarioJsonSchema()` its JSON
 * Schema for editors (committed as schema/scenario.schema.json). Pure: no Node imports.
 */
export { parseScenario, TOP_PRINCIPAL } from './load.js';
export {
  DEFAULT_ALIGNMENTS,
  type PartFile,
  type PrincipalFile,
  partSchema,
  principalSchema,
  type ScenarioFile,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
  scenarioSchema,
} from './schema.js';
export { detectFormat, type Format, formatPath, type Path } from './source.js';
export type { AlignmentSpec, Bounds, Scenario } from './types.js';
