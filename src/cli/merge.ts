/** `sulab merge OUT STORE…`: joins the shard stores of one sweep into one store (experiment/merge.ts). */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { type MergeSummary, mergeStores } from '../experiment/merge.js';
import { parseFlags } from './args.js';

const HELP = `usage: sulab merge OUT STORE… [--json]

Merges the stores of a sweep's shards (\`sulab sweep FILE --shard I/N\`) into the new store OUT.
A STORE is a DuckDB store or a shard folder written by --shard I/N --parquet DIR; a quoted glob
('shards/*.duckdb', 'out/shard-*') is expanded here, for shells and schedulers that pass it as
it is. Stores of another sweep, or written by another sulab version, are refused. Missing cells
and cells found in several stores are reported; a merged store with missing cells is finished
by \`sulab sweep FILE --store OUT --resume\`.
  --json  print the summary as JSON`;

/** Expands `*`, `?` and `[…]` in the last component of a path (folders are taken as written). */
export function expandGlob(pattern: string): string[] {
  const name = basename(pattern);
  if (!/[*?[]/.test(name)) return [pattern];
  const dir = dirname(pattern);
  const re = new RegExp(
    `^${name
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  if (!existsSync(dir)) throw new UserError('no such folder for the glob', pattern);
  const found = readdirSync(dir)
    .filter((f) => re.test(f) && !f.endsWith('.wal') && !f.endsWith('.tmp'))
    .sort()
    .map((f) => (dir === '.' && !pattern.startsWith('./') ? f : join(dir, f)));
  if (found.length === 0) throw new UserError('matches no file', pattern);
  return found;
}

function describe(s: MergeSummary): string {
  const lines = [
    `${s.sweep}: merged ${s.inputs} store${s.inputs === 1 ? '' : 's'} into ${s.out}: ${s.stored} of ${s.cells} cells`,
  ];
  if (s.complete && s.doubled === 0) lines.push('no cell missing, none doubled');
  if (s.missing > 0) {
    const ranges = s.missing_ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
    lines.push(
      `${s.missing} cell${s.missing === 1 ? '' : 's'} missing (${ranges}${s.missing_ranges.length === 10 ? ', …' : ''})${
        s.missing_shards.length > 0 ? `: no store holds shard ${s.missing_shards.join(', ')}` : ''
      }; \`sulab sweep FILE --store ${s.out} --resume\` runs them`,
    );
  }
  if (s.doubled > 0)
    lines.push(
      `${s.doubled} cell${s.doubled === 1 ? ' was' : 's were'} in more than one store (kept once)${
        s.conflicting > 0
          ? `; ${s.conflicting} of them with different measurements — a reading is not deterministic`
          : ', with the same measurements'
      }`,
    );
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'merge',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length < 2)
    throw new UserError('expected OUT and at least one STORE (see `sulab merge --help`)', 'sulab merge');
  const [out, ...patterns] = positionals;
  const inputs = [...new Set(patterns.flatMap(expandGlob))];
  const summary = await mergeStores(out, inputs);
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(describe(summary));
}
