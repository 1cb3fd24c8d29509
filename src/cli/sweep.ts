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
import { Store } from '../experiment/store.js';
import { preflight, runSweep, sweepIdentity } from '../experiment/sweep-run.js';
import { readSource } from '../scenario/source.js';
import { parseSweep } from '../scenario/sweep.js';
import { intFlag, parseFlags } from './args.js';
import { readText } from './files.js';

const HELP = `usage: sulab sweep FILE [--workers N] [--store PATH] [--resume] [--parquet DIR] [--csv FILE] [--json]

Runs a sweep (a YAML or JSON file with kind: sweep; see docs/formats.md#sweeps): a base scenario
with parameters set into it cell by cell — a grid, random draws, replicates — every cell read under
the sweep's readings, and the chosen measurements stored in a DuckDB file. The answers are SQL
away: sulab query STORE "SELECT … FROM tidy …". Every path and value is checked, and the first
cell evaluated, before anything is written.
  --workers  worker threads (default: every core, here ${availableParallelism()})
  --store    the DuckDB file (default: <sweep name>.duckdb in this folder); it must not exist,
             unless --resume
  --resume   finish the sweep the store holds: run only the cells it lacks (a store of another
             sweep is refused; without a store, start one)
  --parquet  after the run, write the tidy view to DIR/tidy.parquet
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

function progressBar(name: string, total: number, start: number) {
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
  parquet?: string;
  csv?: string;
}

/**
 * Runs the sweep in `text` (named `file`) into its store: checks, then the worker pool, then the
 * exports. Returns the summary; an interrupted run's summary says `complete: false`.
 */
export async function executeSweep(text: string, file: string, values: SweepFlags): Promise<Summary> {
  const workers = intFlag(values.workers, 'workers', availableParallelism(), 1);
  const { sweep, definition } = parseSweep(text, file);
  // A generator base has no file: its cells' scenarios are drawn, so the base data is empty.
  const baseFile =
    sweep.base.kind === 'generator'
      ? `${file} (${sweep.base.file})`
      : isAbsolute(sweep.base.file)
        ? sweep.base.file
        : join(dirname(file), sweep.base.file);
  let baseText = '{}';
  if (sweep.base.kind === 'scenario')
    try {
      baseText = readText(baseFile);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw new UserError(`base.scenario: ${e.message}`, `${file}:${sweep.base.line}`);
    }
  const base = readSource(baseText, baseFile);
  preflight(sweep, base);
  const id = sweepIdentity(definition, baseText);

  const storePath = values.store ?? `${sweep.name}.duckdb`;
  const store =
    values.resume && existsSync(storePath)
      ? await Store.open(storePath, sweep, id)
      : await Store.create(storePath, sweep, id);

  let stopping = false;
  const onSigint = () => {
    if (stopping) process.exit(130); // a second Ctrl-C: the store is safe at any instant
    stopping = true;
    process.stderr.write(
      '\nsulab sweep: stopping — committing the cells under way (Ctrl-C again to quit now)\n',
    );
  };
  process.on('SIGINT', onSigint);
  const began = Date.now();
  let summary: Summary;
  try {
    const before = await store.counts();
    const bar = progressBar(sweep.name, sweep.cells, before.stored);
    let outcome: Awaited<ReturnType<typeof runSweep>>;
    try {
      outcome = await runSweep({
        sweep,
        baseText,
        baseFile,
        store,
        workers,
        onProgress: bar.update,
        stopped: () => stopping,
      });
    } finally {
      bar.stop();
    }
    const complete = !outcome.interrupted;
    if (complete) await store.markComplete();
    const exports: string[] = [];
    if (complete && values.parquet !== undefined) {
      const target = join(values.parquet, 'tidy.parquet');
      await exportTo(store, target, 'parquet');
      exports.push(target);
    }
    if (complete && values.csv !== undefined) {
      await exportTo(store, values.csv, 'csv');
      exports.push(values.csv);
    }
    const { stored, errors } = await store.counts();
    summary = {
      sweep: sweep.name,
      store: storePath,
      cells: sweep.cells,
      stored,
      errors,
      resumed_from: outcome.before,
      seconds: (Date.now() - began) / 1000,
      complete,
      exports,
    };
  } finally {
    store.close();
    process.off('SIGINT', onSigint);
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
  // Everything is read and checked before the store is touched.
  const summary = await executeSweep(readText(file), file, values);
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else if (summary.complete)
    console.log(
      `${summary.sweep}: ${summary.cells} cells stored in ${summary.store}${
        summary.errors > 0 ? ` (${summary.errors} with an error: see cells.error)` : ''
      }; ${summary.stored - summary.resumed_from} evaluated in ${summary.seconds.toFixed(1)} s${summary.exports.map((f) => `\nwrote ${f}`).join('')}`,
    );
  if (!summary.complete) {
    process.stderr.write(
      `sulab sweep: interrupted: ${summary.stored} of ${summary.cells} cells stored in ${summary.store}; \`sulab sweep ${file} --store ${summary.store} --resume\` finishes\n`,
    );
    process.exit(130);
  }
}
