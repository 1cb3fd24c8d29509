/**
 * Writes schema/scenario.schema.json, the JSON Schema of scenario files (for editors), from the
 * zod schema in src/scenario/schema.ts. Output is deterministic; `--check` only compares and exits
 * 1 when the committed file is stale.
 *
 *   npx tsx scripts/scenario-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchemaText } from '../src/scenario/schema.js';

const out = join(import.meta.dirname, '..', 'schema', 'scenario.schema.json');
const text = scenarioJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error(`${out} is stale: run npx tsx scripts/scenario-schema.ts`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
