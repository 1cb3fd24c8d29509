/**
 * `sulab sweep FILE`: runs every cell of a sweep file on a pool of worker threads into a DuckDB
 * store (default `<sweep name>.duckdb` here), resumable after any interruption; optionally exports
 * the `tidy` view to Parquet or CSV.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { UserError } from '../core/errors.js';
import type { Sweep } from '../core/sweep.js';
import { parseShard, type Shard, shardSize, showShard } from '../experiment/shard.js';
import { Store, type SweepIdentity } from '../experiment/store.js';
import { preflight, runSweep, sweepIdentity } from '../experiment/sweep-run.js';
import { readSource } from '../scenario/source.js';
import { parseSweep } from '../scenario/sweep.js';
import { intFlag, parseFlags } from './args.js';
import { readText } from './files.js';

const HELP = `usage: sulab sweep FILE [--workers N] [--store PATH] [--resume] [--shard I/N] [--parquet DIR] [--csv FILE] [--json]
       sulab sweep FILE --queue redis://HOST:PORT[/DB] [--store PATH] [--resume] [--status]

Runs a sweep (a YAML or JSON file with kind: sweep; see docs/formats.md#sweeps): a base scenario
with parameters set into it cell by cell — a grid, random draws, replicates — every cell read under
the sweep's readings, and the chosen measurements stored in a DuckDB file. The answers are SQL
away: sulab query STORE "SELECT … FROM tidy …". Every path and value is checked, and the first
cell evaluated, before anything is written.
  --workers  worker threads (default: every core, here ${availableParallelism()}); 0 evaluates the
             cells in this thread, with no pool (for debugging, and sweeps of a few cells)
  --store    the DuckDB file (default: <sweep name>.duckdb in this folder); it must not exist,
             unless --resume
  --resume   finish the sweep the store holds: run only the cells it lacks (a store of another
             sweep is refused; without a store, start one)
  --shard    run only shard I of N (I from 0 to N − 1): the cells k with k mod N = I, for batch
             schedulers (Slurm arrays, Kubernetes Indexed Jobs); \`sulab merge\` joins the shards
  --queue    put the cells on a Redis work queue (BullMQ) for \`sulab worker\` processes on any
             machine, and collect their results into the store as they come; run again with
             --resume to restart a stopped collector (docs/cluster.md)
  --status   with --queue: print the progress of the sweep on that queue and exit
  --parquet  after the run, write the tidy view to DIR/tidy.parquet (with --shard: the shard's
             tables to DIR/shard-I-of-N/, which \`sulab merge\` reads)
  --csv      after the run, write the tidy view to FILE
  --json     print the summary as JSON

Ctrl-C stops dispatching cells, commits the ones under way and exits with 130; --resume finishes.
A killed run loses at most the cells under way: each batch of cells is committed whole.`;

export interface Summary {
  sweep: string;
  store: string;
  cells: number;
  stored: number;
  errors: number;
  resumed_from: number;
  seconds: number;
  complete: boolean;
  exports: string[];
  /** The shard run ("I/N"), or null for the whole sweep. */
  shard: string | null;
}

/** Writes through a temporary name beside `target`, renamed into place when done. */
async function exportTo(store: Store, target: string, format: 'parquet' | 'csv'): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    await store.export(tmp, format);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write (${(e as Error).message.split('\n')[0]})`, target);
  }
}

/** Writes a store's tables as Parquet into the folder `target`, replacing an older export whole. */
async function exportTablesTo(store: Store, target: string): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  const old = `${target}.${process.pid}.old`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    await store.exportTables(tmp);
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(`cannot write (${(e as Error).message.split('\n')[0]})`, target);
  }
}

export function progressBar(name: string, total: number, start: number) {
  const began = Date.now();
  const bar = new SingleBar({
    format: `${name} [{bar}] {value}/{total} cells | {rate} cells/s | ETA {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 5000,
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(total, start, { rate: '0' });
  return {
    update(stored: number) {
      const s = (Date.now() - began) / 1000;
      bar.update(stored, { rate: s > 0 ? ((stored - start) / s).toFixed(1) : '0' });
    },
    stop: () => bar.stop(),
  };
}

/** The flags every sweep run takes (`sulab sweep`, `sulab study`). */
export interface SweepFlags {
  workers?: string;
  store?: string;
  resume?: boolean;
  shard?: string;
  parquet?: string;
  csv?: string;
  /** Where a relative base scenario path is found (default: the sweep file's folder). */
  baseDir?: string;
}

/** A sweep file read and checked: its cells, base, identity — what every mode starts from. */
export interface PreparedSweep {
  readonly sweep: Sweep;
  readonly text: string;
  readonly file: string;
  readonly baseText: string;
  readonly baseFile: string;
  readonly id: SweepIdentity;
}

/** Reads the base, checks every parameter value and evaluates cell 0 (unless `check` is false). */
export function prepareSweep(
  text: string,
  file: string,
  check = true,
  baseDir = dirname(file),
): PreparedSweep {
  const { sweep, definition } = parseSweep(text, file);
  // A generator base has no file: its cells' scenarios are drawn, so the base data is empty.
  const baseFile =
    sweep.base.kind === 'generator'
      ? `${file} (${sweep.base.file})`
      : isAbsolute(sweep.base.file)
        ? sweep.base.file
        : join(baseDir, sweep.base.file);
  let baseText = '{}';
  if (sweep.base.kind === 'scenario')
    try {
      baseText = readText(baseFile);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(`base.scenario: ${e.message}`, `${file}:${sweep.base.line}`);
    }
  if (check) preflight(sweep, readSource(baseText, baseFile));
  return { sweep, text, file, baseText, baseFile, id: sweepIdentity(definition, baseText) };
}

/** The store a run writes: `--store`, or the sweep's name (and shard) here. */
export function storePathOf(sweep: Sweep, store: string | undefined, shard?: Shard): string {
  if (store !== undefined) return store;
  return shard && shard.count > 1
    ? `${sweep.name}.shard-${shard.index}-of-${shard.count}.duckdb`
    : `${sweep.name}.duckdb`;
}

/** Opens the store to resume, or creates it. */
export async function openStore(
  p: PreparedSweep,
  path: string,
  resume: boolean,
  shard?: Shard,
): Promise<Store> {
  return resume && existsSync(path)
    ? await Store.open(path, p.sweep, p.id, shard)
    : await Store.create(path, p.sweep, p.id, shard);
}

/** Ctrl-C once: stop dispatching and commit what is under way; twice: quit now (the store is safe). */
export function onCtrlC(command: string, what: string): { stopping: () => boolean; release: () => void } {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\nsulab ${command}: stopping — ${what} (Ctrl-C again to quit now)\n`);
  };
  process.on('SIGINT', handler);
  return { stopping: () => stopping, release: () => process.off('SIGINT', handler) };
}

/** Writes the exports a complete run asked for; returns the files written. */
async function writeExports(store: Store, values: SweepFlags, shard: Shard | undefined): Promise<string[]> {
  const exports: string[] = [];
  if (values.parquet !== undefined) {
    if (shard && shard.count > 1) {
      const target = join(values.parquet, `shard-${shard.index}-of-${shard.count}`);
      await exportTablesTo(store, target);
      exports.push(target);
    } else {
      const target = join(values.parquet, 'tidy.parquet');
      await exportTo(store, target, 'parquet');
      exports.push(target);
    }
  }
  if (values.csv !== undefined) {
    await exportTo(store, values.csv, 'csv');
    exports.push(values.csv);
  }
  return exports;
}

/**
 * Runs the sweep in `text` (named `file`) into its store: checks, then the worker pool, then the
 * exports. Returns the summary; an interrupted run's summary says `complete: false`.
 */
export async function executeSweep(text: string, file: string, values: SweepFlags): Promise<Summary> {
  const workers = intFlag(values.workers, 'workers', availableParallelism(), 0);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const p = prepareSweep(text, file, true, values.baseDir);
  const { sweep } = p;
  const storePath = storePathOf(sweep, values.store, shard);
  const store = await openStore(p, storePath, values.resume === true, shard);
  const ctrlC = onCtrlC('sweep', 'committing the cells under way');
  const began = Date.now();
  let summary: Summary;
  try {
    const before = await store.counts();
    const cells = shard ? shardSize(shard, sweep.cells) : sweep.cells;
    const bar = progressBar(sweep.name, cells, before.stored);
    let outcome: Awaited<ReturnType<typeof runSweep>>;
    try {
      outcome = await runSweep({
        sweep,
        baseText: p.baseText,
        baseFile: p.baseFile,
        store,
        workers,
        shard,
        onProgress: bar.update,
        stopped: ctrlC.stopping,
      });
    } finally {
      bar.stop();
    }
    const complete = !outcome.interrupted;
    if (complete) await store.markComplete();
    const exports = complete ? await writeExports(store, values, shard) : [];
    const { stored, errors } = await store.counts();
    summary = {
      sweep: sweep.name,
      store: storePath,
      cells,
      stored,
      errors,
      resumed_from: outcome.before,
      seconds: (Date.now() - began) / 1000,
      complete,
      exports,
      shard: shard && shard.count > 1 ? showShard(shard) : null,
    };
  } finally {
    store.close();
    ctrlC.release();
  }
  return summary;
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      workers: { type: 'string' },
      store: { type: 'string' },
      resume: { type: 'boolean' },
      shard: { type: 'string' },
      queue: { type: 'string' },
      status: { type: 'boolean' },
      parquet: { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    'sweep',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length !== 1)
    throw new UserError('expected one sweep file (see `sulab sweep --help`)', 'sulab sweep');
  const file = positionals[0];
  if (values.queue !== undefined) {
    for (const flag of ['shard', 'workers', 'parquet', 'csv'] as const)
      if (values[flag] !== undefined)
        throw new UserError(
          `--${flag} does not go with --queue (workers are \`sulab worker\` processes)`,
          'sulab sweep',
        );
    const { queueSweep } = await import('./sweep-queue.js');
    return queueSweep(readText(file), file, values.queue, values);
  }
  if (values.status) throw new UserError('--status goes with --queue URL', 'sulab sweep');
  // Everything is read and checked before the store is touched.
  const summary = await executeSweep(readText(file), file, values);
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else if (summary.complete)
    console.log(
      `${summary.sweep}${summary.shard ? ` shard ${summary.shard}` : ''}: ${summary.cells} cells stored in ${summary.store}${
        summary.errors > 0 ? ` (${summary.errors} with an error: see cells.error)` : ''
      }; ${summary.stored - summary.resumed_from} evaluated in ${summary.seconds.toFixed(1)} s${summary.exports.map((f) => `\nwrote ${f}`).join('')}`,
    );
  if (!summary.complete) {
    process.stderr.write(
      `sulab sweep: interrupted: ${summary.stored} of ${summary.cells} cells stored in ${summary.store}; \`sulab sweep ${file}${summary.shard ? ` --shard ${summary.shard}` : ''} --store ${summary.store} --resume\` finishes\n`,
    );
    process.exit(130);
  }
}
