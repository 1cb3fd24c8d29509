/**
 * Writes the JSON Schemas of sulab's input files (for editors) from their zod schemas:
 * schema/scenario.schema.json (src/scenario/schema.ts) and schema/sweep.schema.json
 * (src/scenario/sweep-schema.ts). Output is deterministic; `--check` only compares and exits 1
 * when a committed file is stale.
 *
 *   npx tsx scripts/scenario-schema.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchemaText } from '../src/scenario/schema.js';
import { sweepJsonSchemaText } from '../src/scenario/sweep-schema.js';

const dir = join(import.meta.dirname, '..', 'schema');
const files: [string, string][] = [
  [join(dir, 'scenario.schema.json'), scenarioJsonSchemaText()],
  [join(dir, 'sweep.schema.json'), sweepJsonSchemaText()],
];

for (const [out, text] of files) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${out} is stale: run npx tsx scripts/scenario-schema.ts`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
