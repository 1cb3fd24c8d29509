/**
 * The result store of a sweep: one DuckDB file. The contract scripts rely on (docs/formats.md,
 * "Sweeps"):
 *
 * - `sweep`: one row — name, hash (of the sweep definition and the base file), definition (JSON),
 *   base_file, cells_total, started_at, completed_at (NULL until every cell is stored — every
 *   cell of its shard, for a shard's store), sulab_version, shard_index and shard_count (NULL
 *   for a store of the whole sweep; see shard.ts).
 * - `parameters`: one row per swept parameter — column_name, path, kind (grid, uniform, int, choice).
 * - `cells`: one row per evaluated cell — cell, replicate, seed, one column per parameter (named
 *   as `parameters.column_name`), error (NULL when the cell evaluated).
 * - `measurements`: cell, reading, measure, part, value.
 * - the view `tidy`: cell, replicate, reading, measure, part, value, then the parameter columns.
 *
 * Each batch of cells and its measurements is written in one transaction, so a store holds every
 * cell whole or not at all, whatever happens to the process; `cells.cell` is its primary key.
 */
import { existsSync, linkSync, rmSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../core/errors.js';
import type { Sweep } from '../core/sweep.js';
import { VERSION } from '../core/version.js';
import { type BatchResult, type CellRecord, isPacked, type PackedBatch, packRows } from './cells.js';
import { type Shard, showShard } from './shard.js';

/** A SQL identifier, quoted. */
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A DuckDB error as one line (its first). */
export function sqlMessage(e: unknown): string {
  return ((e as Error)?.message ?? String(e)).split('\n')[0];
}

export interface SweepIdentity {
  readonly hash: string;
  readonly definition: string;
}

function schemaSql(sweep: Sweep, id: SweepIdentity, shard: Shard | undefined): string[] {
  const params = sweep.params.map((p) => `${ident(p.column)} ${p.type}`);
  const paramCols = sweep.params.map((p) => `c.${ident(p.column)}`);
  return [
    `CREATE TABLE sweep (name VARCHAR, hash VARCHAR, definition VARCHAR, base_file VARCHAR,
       cells_total INTEGER, started_at TIMESTAMP, completed_at TIMESTAMP, sulab_version VARCHAR,
       shard_index INTEGER, shard_count INTEGER)`,
    `INSERT INTO sweep VALUES (${literal(sweep.name)}, ${literal(id.hash)}, ${literal(id.definition)},
       ${literal(sweep.base.file)}, ${sweep.cells}, now()::TIMESTAMP, NULL, ${literal(VERSION)},
       ${shard && shard.count > 1 ? `${shard.index}, ${shard.count}` : 'NULL, NULL'})`,
    'CREATE TABLE parameters (column_name VARCHAR, path VARCHAR, kind VARCHAR)',
    ...sweep.params.map(
      (p) =>
        `INSERT INTO parameters VALUES (${literal(p.column)}, ${literal(p.name)}, ${literal(p.source.kind)})`,
    ),
    `CREATE TABLE cells (cell INTEGER PRIMARY KEY, replicate INTEGER, seed UINTEGER${params
      .map((c) => `, ${c}`)
      .join('')}, error VARCHAR)`,
    'CREATE TABLE measurements (cell INTEGER, reading VARCHAR, measure VARCHAR, part VARCHAR, value DOUBLE)',
    `CREATE VIEW tidy AS SELECT m.cell, c.replicate, m.reading, m.measure, m.part, m.value${paramCols
      .map((c) => `, ${c}`)
      .join('')} FROM measurements m JOIN cells c ON c.cell = m.cell`,
  ];
}

export class Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
    private readonly sweep: Sweep,
  ) {}

  /**
   * A new store at `path` (which must not exist): built under a temporary name beside it and
   * moved into place with its tables made, so `path` never names a store without its schema.
   */
  static async create(path: string, sweep: Sweep, id: SweepIdentity, shard?: Shard): Promise<Store> {
    if (existsSync(path)) throw existsError(path);
    if (existsSync(`${path}.wal`))
      throw new UserError(`a DuckDB log ${path}.wal is there without its store; remove it first`, path);
    const tmp = `${path}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    try {
      const inst = await DuckDBInstance.create(tmp);
      const db = await inst.connect();
      for (const sql of schemaSql(sweep, id, shard)) await db.run(sql);
      await db.run('CHECKPOINT');
      db.closeSync();
      inst.closeSync();
      linkSync(tmp, path); // fails if `path` appeared meanwhile: never replace a store
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw existsError(path);
      if (e instanceof UserError) throw e;
      throw new UserError(`cannot create the store (${sqlMessage(e).replaceAll(tmp, path)})`, path);
    } finally {
      rmSync(tmp, { force: true });
      rmSync(`${tmp}.wal`, { force: true });
    }
    return Store.open(path, sweep, id, shard);
  }

  /** An existing store of this same sweep (and shard), for `--resume`. */
  static async open(path: string, sweep: Sweep, id: SweepIdentity, shard?: Shard): Promise<Store> {
    const inst = await openInstance(path, false);
    const db = await inst.connect();
    const refuse = (why: string) => {
      db.closeSync();
      inst.closeSync();
      return new UserError(why, path);
    };
    let row: StoredSweep;
    try {
      row = await readSweepRow(db);
    } catch {
      throw refuse('not a sweep store (it has no sweep table)');
    }
    if (row.hash !== id.hash)
      throw refuse(
        `holds ${row.name === sweep.name ? 'another version of' : `sweep "${row.name}", not`} sweep "${sweep.name}" (its definition or base file differ); give another --store, or run the sweep it holds`,
      );
    const held = row.shard ? showShard(row.shard) : 'all';
    const wanted = shard && shard.count > 1 ? showShard(shard) : 'all';
    if (held !== wanted)
      throw refuse(
        `holds ${held === 'all' ? 'the whole sweep' : `shard ${held}`}, not ${wanted === 'all' ? 'the whole sweep' : `shard ${wanted}`}; give ${held === 'all' ? 'no --shard' : `--shard ${held}`}, or another --store`,
      );
    return new Store(inst, db, sweep);
  }

  /** Sets the bit of every cell already stored in `done` (bit k & 7 of byte k >> 3); returns how many. */
  async doneCells(done: Uint8Array): Promise<number> {
    const result = await this.db.stream('SELECT cell FROM cells');
    let n = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      const col = chunk.getColumnVector(0);
      for (let i = 0; i < chunk.rowCount; i++) {
        const k = col.getItem(i) as number;
        done[k >> 3] |= 1 << (k & 7);
        n++;
      }
    }
    return n;
  }

  /**
   * Writes a batch of cells and their measurements, all or nothing. Rows come packed from the
   * workers (names by index); rows with their names spelled out are packed here first.
   */
  async write(batch: BatchResult | PackedBatch): Promise<void> {
    const rows = isPacked(batch.rows) ? batch.rows : packRows(batch.rows);
    await this.db.run('BEGIN TRANSACTION');
    try {
      await this.appendCells(batch.cells);
      const out = await this.db.createAppender('measurements');
      const { names } = rows;
      for (let i = 0; i < rows.cell.length; i++) {
        out.appendInteger(rows.cell[i]);
        const r = rows.reading[i];
        if (r < 0) out.appendNull();
        else out.appendVarchar(names[r]);
        out.appendVarchar(names[rows.measure[i]]);
        const p = rows.part[i];
        if (p < 0) out.appendNull();
        else out.appendVarchar(names[p]);
        const v = rows.value[i];
        if (Number.isNaN(v)) out.appendNull();
        else out.appendDouble(v);
        out.endRow();
      }
      out.flushSync();
      out.closeSync();
      await this.db.run('COMMIT');
    } catch (e) {
      await this.db.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  private async appendCells(records: readonly CellRecord[]): Promise<void> {
    const { params } = this.sweep;
    const cells = await this.db.createAppender('cells');
    for (const c of records) {
      cells.appendInteger(c.cell);
      cells.appendInteger(c.replicate);
      cells.appendUInteger(c.seed);
      params.forEach((p, j) => {
        const v = c.values[j];
        if (v === null || v === undefined) cells.appendNull();
        else if (p.type === 'DOUBLE') cells.appendDouble(v as number);
        else if (p.type === 'BOOLEAN') cells.appendBoolean(v as boolean);
        else cells.appendVarchar(typeof v === 'string' ? v : JSON.stringify(v));
      });
      if (c.error === null) cells.appendNull();
      else cells.appendVarchar(c.error);
      cells.endRow();
    }
    cells.flushSync();
    cells.closeSync();
  }

  async markComplete(): Promise<void> {
    await this.db.run('UPDATE sweep SET completed_at = now()::TIMESTAMP WHERE completed_at IS NULL');
  }

  async counts(): Promise<{ stored: number; errors: number }> {
    const r = await this.db.runAndReadAll('SELECT count(*)::INTEGER, count(error)::INTEGER FROM cells');
    const [stored, errors] = r.getRowsJS()[0] as number[];
    return { stored, errors };
  }

  /** Writes `tidy` (ordered by cell, reading, measure, part) to a Parquet or CSV file. */
  async export(file: string, format: 'parquet' | 'csv'): Promise<void> {
    const opts = format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER)';
    await this.db.run(
      `COPY (SELECT * FROM tidy ORDER BY cell, reading NULLS FIRST, measure, part NULLS FIRST) TO ${literal(file)} ${opts}`,
    );
  }

  /** Writes every table as Parquet into the new folder `dir` (schema.sql, load.sql, TABLE.parquet). */
  async exportTables(dir: string): Promise<void> {
    await this.db.run(`EXPORT DATABASE ${literal(dir)} (FORMAT parquet)`);
  }

  close(): void {
    this.db.closeSync();
    this.instance.closeSync();
  }
}

/** The `sweep` row of a store, as merge and resume read it. */
export interface StoredSweep {
  readonly name: string;
  readonly hash: string;
  readonly definition: string;
  readonly cellsTotal: number;
  /** NULL in stores written before versions were recorded. */
  readonly version: string | null;
  readonly shard: Shard | null;
}

/** Reads the `sweep` row through `db` (`from` names the table, e.g. `s1.sweep`). */
export async function readSweepRow(db: DuckDBConnection, from = 'sweep'): Promise<StoredSweep> {
  const r = (await db.runAndReadAll(`SELECT * FROM ${from}`)).getRowObjectsJS()[0];
  if (!r) throw new Error('empty sweep table');
  const index = r.shard_index ?? null;
  const count = r.shard_count ?? null;
  return {
    name: String(r.name),
    hash: String(r.hash),
    definition: String(r.definition),
    cellsTotal: Number(r.cells_total),
    version: r.sulab_version === undefined || r.sulab_version === null ? null : String(r.sulab_version),
    shard: index === null || count === null ? null : { index: Number(index), count: Number(count) },
  };
}

function existsError(path: string): UserError {
  return new UserError(
    'a store is already there; add --resume to finish the sweep it holds, or give another --store',
    path,
  );
}

/** Opens a DuckDB file; a file DuckDB cannot open is a UserError naming it. */
export async function openInstance(path: string, readOnly: boolean): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    const why = sqlMessage(e);
    // DuckDB lets one process write a file and no other open it meanwhile.
    const busy = /Conflicting lock/.test(why)
      ? `another process has it open (${/PID \d+/.exec(why)?.[0] ?? 'a running sweep?'}); query it when that run ends or is stopped with Ctrl-C`
      : why;
    throw new UserError(`cannot open the store (${busy})`, path);
  }
}
