/** A small base scenario and sweeps over it, shared by the sweep tests. */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SULAB } from '../entry.js';

/** Three parts, three outcomes, Σ = Borda; fast readings only. */
export const BASE = `name: tiny
outcomes: [a, b, c]
parts:
  - name: p1
    weight: 0.5
    utility: {a: 1, b: 0.5, c: 0}
  - name: p2
    weight: 0.3
    utility: {a: 0, b: 0.6, c: 1}
  - name: p3
    utility: [0.2, 1, 0.1]
sigma: borda
alignments: [boundary/instruction, parts/weighted-utilitarian, parts/nash-bargaining]
`;

/** A sweep over BASE (in base.yaml) with `replicates` per grid point: 6 points. */
export function sweepYaml(name: string, replicates: number, extra = ''): string {
  return `kind: sweep
name: ${name}
seed: 11
base: {scenario: base.yaml}
grid:
  parts[0].weight: [0.1, 0.5, 0.9]
  sigma: [borda, plurality]
random:
  parts[1].weight: {uniform: [0, 1]}
replicates: ${replicates}
${extra}`;
}

/** Every row of a query on a store, read-only, as plain JS values. */
export async function rows(store: string, sql: string): Promise<unknown[][]> {
  const inst = await DuckDBInstance.create(store, { access_mode: 'READ_ONLY' });
  const db = await inst.connect();
  try {
    return (await db.runAndReadAll(sql)).getRowsJS();
  } finally {
    db.closeSync();
    inst.closeSync();
  }
}

export const TIDY = 'SELECT * FROM tidy ORDER BY cell, reading NULLS FIRST, measure, part NULLS FIRST';
export const CELLS = 'SELECT * FROM cells ORDER BY cell';

const root = join(import.meta.dirname, '..', '..');

/**
 * Runs `sulab sweep FILE --store STORE --workers N` in a child process and sends it `signal` as
 * soon as a batch is committed (the store's log has something in it). Resolves with the exit
 * code, stderr, and whether the signal was sent before the run ended by itself.
 */
export async function interruptSweep(
  file: string,
  store: string,
  workers: number,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; stderr: string; sent: boolean }> {
  const child = spawn(
    process.execPath,
    [...SULAB, 'sweep', file, '--store', store, '--workers', String(workers)],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (b) => {
    stderr += b;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let sent = false;
  const deadline = Date.now() + 60_000;
  while (!sent && child.exitCode === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    if (existsSync(`${store}.wal`) && statSync(`${store}.wal`).size > 0) sent = child.kill(signal);
  }
  const code = await exited;
  return { code, stderr, sent };
}
