/**
 * Merges shard stores into one store of the whole sweep. An input is a store (a DuckDB file) or a
 * shard's tables exported as Parquet (a folder with schema.sql and one .parquet file per table,
 * what `sulab sweep --shard I/N --parquet DIR` writes). Every input must hold the same sweep
 * (the store's hash of the sweep definition and base file) written by the same sulab version.
 *
 * A cell found in several inputs is kept once (from the first input naming it) and counted as
 * doubled; doubled cells whose measurements differ are counted as conflicting, which only a
 * nondeterministic reading can cause. Missing cells are reported: the merged store is then
 * incomplete and `sulab sweep FILE --store OUT --resume` runs just those. The merged store is built
 * under a temporary name and moved into place, so OUT is either whole or absent.
 */
import { existsSync, linkSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UserError } from '../core/errors.js';
import { type Shard, showShard } from './shard.js';
import { readSweepRow, type StoredSweep, sqlMessage } from './store.js';

const TABLES = ['sweep', 'parameters', 'cells', 'measurements'] as const;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface MergeSummary {
  sweep: string;
  out: string;
  inputs: number;
  cells: number;
  stored: number;
  missing: number;
  /** Up to 10 runs of missing cells, [first, last]. */
  missing_ranges: [number, number][];
  /** Shards of the inputs' common count that no input holds (when all inputs are shards of one N). */
  missing_shards: string[];
  doubled: number;
  conflicting: number;
  complete: boolean;
}

/** A Parquet shard folder holds these files. */
function isParquetShard(path: string): boolean {
  return statSync(path).isDirectory();
}

/** Makes input `i` readable as schema `s{i}` (a Parquet folder) or catalog `s{i}` (a store). */
async function attach(db: DuckDBConnection, path: string, i: number): Promise<void> {
  if (!existsSync(path)) throw new UserError('no such store or shard folder', path);
  const s = `s${i}`;
  if (isParquetShard(path)) {
    await db.run(`CREATE SCHEMA ${s}`);
    for (const t of TABLES) {
      const file = join(path, `${t}.parquet`);
      if (!existsSync(file))
        throw new UserError(
          `not a shard folder (it has no ${t}.parquet; expected what --shard … --parquet writes)`,
          path,
        );
      await db.run(`CREATE VIEW ${s}.${t} AS SELECT * FROM read_parquet(${literal(file)})`);
    }
    return;
  }
  try {
    await db.run(`ATTACH ${literal(path)} AS ${s} (READ_ONLY)`);
  } catch (e) {
    throw new UserError(`cannot open the store (${sqlMessage(e)})`, path);
  }
}

/** The CREATE statements of the four tables and the tidy view, from input 0. */
async function schemaOf(db: DuckDBConnection, path: string): Promise<string[]> {
  const wanted = (sql: string) =>
    /^CREATE (TABLE|VIEW) "?(sweep|parameters|cells|measurements|tidy)"?[ (]/i.test(sql);
  let statements: string[];
  if (isParquetShard(path)) {
    const file = join(path, 'schema.sql');
    if (!existsSync(file)) throw new UserError('not a shard folder (it has no schema.sql)', path);
    statements = readFileSync(file, 'utf8')
      .split(/;\s*\n/)
      .map((x) => x.replace(/;+\s*$/, '').trim());
  } else {
    const r = await db.runAndReadAll(
      `SELECT sql FROM duckdb_tables() WHERE database_name = 's0'
       UNION ALL SELECT sql FROM duckdb_views() WHERE database_name = 's0' AND NOT internal`,
    );
    statements = r.getRowsJS().map((row) => String(row[0]).replace(/;+\s*$/, ''));
  }
  const kept = statements.filter(wanted);
  if (kept.length !== 5) throw new UserError('not a sweep store (its tables are not those of a sweep)', path);
  // Tables before the view that reads them.
  return kept.sort((a, b) => Number(/^CREATE VIEW/i.test(a)) - Number(/^CREATE VIEW/i.test(b)));
}

/** Checks that every input holds the same sweep from the same sulab version. */
function checkSame(rows: StoredSweep[], inputs: readonly string[]): void {
  const first = rows[0];
  rows.forEach((r, i) => {
    if (r.hash !== first.hash)
      throw new UserError(
        `holds ${r.name === first.name ? 'another version of' : `sweep "${r.name}", not`} sweep "${first.name}" (its definition or base file differ from ${inputs[0]}'s); merge only shards of one sweep`,
        inputs[i],
      );
    if (r.version !== first.version)
      throw new UserError(
        `was written by sulab ${r.version ?? '(unrecorded)'}, ${inputs[0]} by sulab ${first.version ?? '(unrecorded)'}; merge only shards run by one version`,
        inputs[i],
      );
  });
}

async function one(db: DuckDBConnection, sql: string): Promise<number> {
  return Number((await db.runAndReadAll(sql)).getRowsJS()[0][0]);
}

/** Shards of the common count that no input holds, when every input is a shard of one count. */
function missingShards(shards: (Shard | null)[]): string[] {
  const count = shards[0]?.count;
  if (count === undefined || shards.some((s) => s === null || s.count !== count)) return [];
  const held = new Set(shards.map((s) => s?.index));
  const out: string[] = [];
  for (let i = 0; i < count; i++) if (!held.has(i)) out.push(showShard({ index: i, count }));
  return out;
}

export async function mergeStores(out: string, inputs: readonly string[]): Promise<MergeSummary> {
  if (inputs.length === 0) throw new UserError('expected at least one store to merge', 'sulab merge');
  if (existsSync(out))
    throw new UserError(
      'is already there; merge into a new file (nothing is merged into an existing store)',
      out,
    );
  for (const p of inputs) if (p === out) throw new UserError('is both the output and an input', out);
  const tmp = `${out}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  let inst: DuckDBInstance;
  try {
    inst = await DuckDBInstance.create(tmp);
  } catch (e) {
    throw new UserError(`cannot create the store (${sqlMessage(e).replaceAll(tmp, out)})`, out);
  }
  const db = await inst.connect();
  try {
    for (let i = 0; i < inputs.length; i++) await attach(db, inputs[i], i);
    const rows: StoredSweep[] = [];
    for (let i = 0; i < inputs.length; i++)
      try {
        rows.push(await readSweepRow(db, `s${i}.sweep`));
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new UserError('not a sweep store (it has no sweep table)', inputs[i]);
      }
    checkSame(rows, inputs);
    for (const sql of await schemaOf(db, inputs[0])) await db.run(sql);

    const sources = inputs.map((_, i) => `s${i}`);
    // Which input each cell is taken from: the first that has it.
    await db.run(
      `CREATE TEMP TABLE seen AS ${sources.map((s, i) => `SELECT cell, ${i} AS src FROM ${s}.cells`).join(' UNION ALL ')}`,
    );
    await db.run('CREATE TEMP TABLE keep AS SELECT cell, min(src) AS src FROM seen GROUP BY cell');
    const doubled = await one(
      db,
      'SELECT count(*) FROM (SELECT cell FROM seen GROUP BY cell HAVING count(*) > 1)',
    );
    let conflicting = 0;
    if (doubled > 0) {
      // A cell's fingerprint: its measurements, order-free. Copies of a cell should agree.
      const prints = sources
        .map(
          (s, i) =>
            `SELECT m.cell, ${i} AS src, sum(hash(m.reading, m.measure, m.part, m.value)) AS h, count(*) AS n
             FROM ${s}.measurements m WHERE m.cell IN (SELECT cell FROM seen GROUP BY cell HAVING count(*) > 1)
             GROUP BY m.cell`,
        )
        .join(' UNION ALL ');
      conflicting = await one(
        db,
        `SELECT count(*) FROM (SELECT cell FROM (${prints}) GROUP BY cell HAVING count(DISTINCT (h, n)) > 1)`,
      );
    }
    const r0 = rows[0];
    await db.run(`INSERT INTO sweep SELECT * REPLACE (NULL::INTEGER AS shard_index, NULL::INTEGER AS shard_count,
      NULL::TIMESTAMP AS completed_at, (SELECT min(started_at) FROM (${sources.map((s) => `SELECT started_at FROM ${s}.sweep`).join(' UNION ALL ')})) AS started_at)
      FROM s0.sweep`);
    await db.run('INSERT INTO parameters SELECT * FROM s0.parameters');
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      await db.run(
        `INSERT INTO cells SELECT c.* FROM ${s}.cells c JOIN keep k ON k.cell = c.cell AND k.src = ${i}`,
      );
      await db.run(
        `INSERT INTO measurements SELECT m.* FROM ${s}.measurements m JOIN keep k ON k.cell = m.cell AND k.src = ${i}`,
      );
    }
    const stored = await one(db, 'SELECT count(*) FROM cells');
    const total = r0.cellsTotal;
    const ranges = (
      await db.runAndReadAll(
        `SELECT lo, hi FROM (
           SELECT coalesce(lag(cell) OVER (ORDER BY cell), -1) + 1 AS lo, cell - 1 AS hi
           FROM (SELECT cell FROM cells UNION ALL SELECT ${total})
         ) WHERE lo <= hi ORDER BY lo LIMIT 10`,
      )
    )
      .getRowsJS()
      .map((r) => [Number(r[0]), Number(r[1])] as [number, number]);
    const complete = stored === total;
    if (complete) await db.run('UPDATE sweep SET completed_at = now()::TIMESTAMP');
    await db.run('CHECKPOINT');
    db.closeSync();
    inst.closeSync();
    try {
      linkSync(tmp, out);
    } catch (e) {
      throw new UserError(`cannot write (${(e as Error).message.split('\n')[0]})`, out);
    }
    return {
      sweep: r0.name,
      out,
      inputs: inputs.length,
      cells: total,
      stored,
      missing: total - stored,
      missing_ranges: ranges,
      missing_shards: missingShards(rows.map((r) => r.shard)),
      doubled,
      conflicting,
      complete,
    };
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot merge (${sqlMessage(e)})`, out);
  } finally {
    try {
      db.closeSync();
      inst.closeSync();
    } catch {
      // already closed after a successful merge
    }
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
  }
}
