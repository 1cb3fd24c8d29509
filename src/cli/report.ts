/**
 * `sulab report STORE [--out DIR]`: the report of a sweep's store — every measure against every
 * swept parameter, means with 95% confidence intervals by reading, as plots and tables in a
 * self-contained HTML page (DIR/index.html, default <store name>-report/).
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { ident, openInstance, sqlMessage } from '../experiment/store.js';
import { renderHtmlReport } from '../report/html.js';
import { type MeanRow, sweepReport } from '../report/sweep-report.js';
import { parseFlags } from './args.js';
import { writeAtomic } from './files.js';
import { VERSION } from '../core/version.js';

const HELP = `usage: sulab report STORE [--out DIR]

Writes the report of a sweep's store (made by sulab sweep or sulab study): for every measure and
every swept parameter, the mean over cells (and parts, for per-part measures) by reading, with its
95% confidence interval, as plots and tables in DIR/index.html (default: <store>-report/).`;

const plain = (x: unknown) => (typeof x === 'bigint' ? Number(x) : x);

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    'report',
  );
  if (values.help) return void console.log(HELP);
  if (positionals.length !== 1) throw new UserError('expected one store (a .duckdb file)', 'sulab report');
  const store = positionals[0];
  const instance = await openInstance(store, true);
  const db = await instance.connect();
  let rows: MeanRow[] = [];
  let meta: { name: string; cells: number; stored: number; parameters: string[] };
  try {
    const q = async (sql: string) => {
      try {
        return (await db.runAndReadAll(sql)).getRowsJS().map((r) => r.map(plain));
      } catch (e) {
        throw new UserError(`not a sweep's store (${sqlMessage(e)})`, store);
      }
    };
    const [[name, cells]] = await q('SELECT name, cells_total FROM sweep');
    const [[stored]] = await q('SELECT count(*) FROM cells');
    const params = (await q('SELECT column_name FROM parameters')).map((r) => String(r[0]));
    meta = { name: String(name), cells: Number(cells), stored: Number(stored), parameters: params };
    for (const p of params) {
      const col = ident(p);
      const got = await q(
        `SELECT measure, ${col}, coalesce(reading, 'the cell'), count(value), avg(value),
                1.96 * stddev_samp(value) / sqrt(count(value))
         FROM tidy WHERE value IS NOT NULL AND ${col} IS NOT NULL
         GROUP BY ALL ORDER BY 1, 3, 2`,
      );
      rows = rows.concat(
        got.map(([measure, x, reading, n, mean, ci]) => ({
          measure: String(measure),
          parameter: p,
          x: typeof x === 'number' ? x : String(x),
          reading: String(reading),
          n: Number(n),
          mean: Number(mean),
          ci: ci === null || Number.isNaN(Number(ci)) ? null : Number(ci),
        })),
      );
    }
  } finally {
    db.closeSync();
    instance.closeSync();
  }
  if (meta.parameters.length === 0)
    throw new UserError('the sweep swept no parameter: query it with sulab query instead', store);
  const report = await sweepReport({ ...meta, version: VERSION }, rows);
  const dir = values.out ?? `${basename(store).replace(/\.duckdb$/, '')}-report`;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create the report directory (${(e as NodeJS.ErrnoException).code})`, dir);
  }
  const file = join(dir, 'index.html');
  writeAtomic(file, renderHtmlReport(report));
  console.log(`report of ${meta.name} (${meta.stored} cells) written to ${file}`);
}
