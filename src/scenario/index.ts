/**
 * Scenario files (YAML or JSON, one schema): `parseScenario` turns a one-shot file's text into a
 * `Scenario`, `parseAnyScenario` reads either kind (a `SequentialScenario` for
 * `kind: sequential`); `anyScenarioSchema` is the zod schema of the format and
 * `scenarioJsonSchema()` its JSON Schema for editors (committed as schema/scenario.schema.json).
 * `parseSweep` reads a sweep file (`kind: sweep`, sweep-schema.ts; schema/sweep.schema.json).
 * Pure: no Node imports.
 */
export {
  isSequential,
  parseAnyScenario,
  parseAnyScenarioSource,
  parseScenario,
  parseScenarioSource,
  TOP_PRINCIPAL,
} from './load.js';
export {
  anyScenarioSchema,
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
export { DEFAULT_AGENTS } from './sequential.js';
export {
  MAX_HORIZON,
  type SequentialFile,
  seqPartSchema,
  sequentialScenarioSchema,
  WILDCARD,
} from './sequential-schema.js';
export { detectFormat, type Format, formatPath, type Path, readSource, type Source } from './source.js';
export { cellError, checkSweep, columnName, parsePath, parseSweep, setPath } from './sweep.js';
export { type SweepFile, sweepJsonSchemaText, sweepSchema } from './sweep-schema.js';
