/**
 * What the studio shows of a sweep store (experiment/store.ts): its identity, swept parameters,
 * readings and measures, and one measure's means against one parameter. Only these fixed queries
 * run, read-only, with names checked against the store's own tables: the page sends no SQL.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../core/errors.js';
import { ident, openInstance, sqlMessage } from '../experiment/store.js';

export interface StoreSummary {
  readonly file: string;
  readonly name: string;
  readonly cellsTotal: number;
  readonly cellsStored: number;
  readonly complete: boolean;
  readonly parameters: readonly { column: string; path: string; kind: string }[];
  readonly readings: readonly string[];
  readonly measures: readonly string[];
}

export interface SeriesRow {
  readonly x: number | string | boolean | null;
  readonly reading: string | null;
  readonly part: string | null;
  readonly mean: number;
  readonly sd: number | null;
  readonly n: number;
}

export interface StoreApi {
  summary(): StoreSummary;
  /** The mean of `measure` per value of parameter `x`, per reading and part. */
  series(x: string, measure: string): Promise<SeriesRow[]>;
  close(): void;
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A DuckDB value as plain JSON: whole numbers from BIGINT as numbers. */
function plain(v: unknown): number | string | boolean | null {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

async function all(db: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await db.runAndReadAll(sql)).getRowsJS() as unknown[][];
}

/** Opens a sweep store read-only; a file that is not one is a UserError naming it. */
export async function openStoreApi(path: string): Promise<StoreApi> {
  const instance: DuckDBInstance = await openInstance(path, true);
  const db = await instance.connect();
  const close = () => {
    db.closeSync();
    instance.closeSync();
  };
  let summary: StoreSummary;
  try {
    const [sweep] = await all(db, 'SELECT name, cells_total::INTEGER, completed_at IS NOT NULL FROM sweep');
    const params = await all(db, 'SELECT column_name, path, kind FROM parameters ORDER BY rowid');
    const [[stored]] = await all(db, 'SELECT count(*)::INTEGER FROM cells');
    const readings = await all(
      db,
      'SELECT DISTINCT reading FROM measurements WHERE reading IS NOT NULL ORDER BY 1',
    );
    const measures = await all(db, 'SELECT DISTINCT measure FROM measurements ORDER BY 1');
    summary = {
      file: path,
      name: String(sweep?.[0] ?? ''),
      cellsTotal: Number(sweep?.[1] ?? 0),
      cellsStored: Number(stored),
      complete: sweep?.[2] === true,
      parameters: params.map(([c, p, k]) => ({ column: String(c), path: String(p), kind: String(k) })),
      readings: readings.map(([r]) => String(r)),
      measures: measures.map(([m]) => String(m)),
    };
  } catch (e) {
    close();
    throw new UserError(`not a sweep store (${sqlMessage(e)})`, path);
  }
  return {
    summary: () => summary,
    async series(x, measure) {
      if (!summary.parameters.some((p) => p.column === x))
        throw new UserError(`no parameter ${JSON.stringify(x)} in this store`, 'x');
      if (!summary.measures.includes(measure))
        throw new UserError(`no measure ${JSON.stringify(measure)} in this store`, 'measure');
      const rows = await all(
        db,
        `SELECT ${ident(x)}, reading, part, avg(value), stddev_samp(value), count(*)::INTEGER
         FROM tidy WHERE measure = ${literal(measure)} AND value IS NOT NULL
         GROUP BY ALL ORDER BY ALL`,
      );
      return rows.map(([xv, reading, part, mean, sd, n]) => ({
        x: plain(xv),
        reading: reading === null ? null : String(reading),
        part: part === null ? null : String(part),
        mean: Number(mean),
        sd: sd === null ? null : Number(sd),
        n: Number(n),
      }));
    },
    close,
  };
}
