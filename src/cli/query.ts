/** `sulab query STORE "SQL"`: runs SQL on a sweep's store, read-only; a table, JSON or CSV out. */
import { existsSync } from 'node:fs';
import { csvField, csvLine } from '../core/csv.js';
import { UserError } from '../core/errors.js';
import { openInstance, sqlMessage } from '../experiment/store.js';
import { renderTable } from '../report/table.js';
import { parseFlags } from './args.js';

const HELP = `usage: sulab query STORE "SQL" [--json | --csv]

Runs SQL on a sweep's DuckDB store (read-only) and prints the answer as a table. The store has
the tables sweep, parameters, cells (one row per cell: cell, replicate, seed, the swept
parameters, error) and measurements, and the view tidy (cell, replicate, reading, measure, part,
value, the swept parameters); see docs/formats.md#sweeps. Example:

  sulab query holiday-weights.duckdb "SELECT parts_0_weight, reading, avg(value) AS gap
    FROM tidy WHERE measure = 'gap' GROUP BY ALL ORDER BY ALL"

  --json  print the rows as a JSON array of objects
  --csv   print the rows as CSV with a header`;

/** A DuckDB value as plain JSON: big integers as numbers when exact, else as text. */
function plain(x: unknown): unknown {
  if (typeof x === 'bigint') return Number.isSafeInteger(Number(x)) ? Number(x) : String(x);
  if (Array.isArray(x)) return x.map(plain);
  if (x instanceof Date) return x.toISOString();
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}

const text = (x: unknown): string =>
  x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    { json: { type: 'boolean' }, csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'query',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length !== 2)
    throw new UserError('expected a store and one SQL text (see `sulab query --help`)', 'sulab query');
  if (values.json && values.csv) throw new UserError('give --json or --csv, not both', 'sulab query');
  const [path, sql] = positionals;
  if (!existsSync(path)) throw new UserError('no such file', path);
  const instance = await openInstance(path, true);
  const db = await instance.connect();
  let columns: string[];
  let rows: unknown[][];
  try {
    const r = await db.runAndReadAll(sql);
    columns = r.columnNames();
    rows = r.getRowsJS().map((row) => row.map(plain));
  } catch (e) {
    throw new UserError(sqlMessage(e), 'sulab query');
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  if (values.json)
    console.log(
      JSON.stringify(
        rows.map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j]]))),
        null,
        2,
      ),
    );
  else if (values.csv) {
    // NULL is an empty field; an empty string is quoted ("").
    const line = (r: unknown[]) => r.map((x) => (x === null ? '' : csvField(text(x)))).join(',');
    console.log([csvLine(columns), ...rows.map(line)].join('\n'));
  } else
    console.log(
      renderTable(
        columns,
        rows.map((r) => r.map(text)),
      ),
    );
}
