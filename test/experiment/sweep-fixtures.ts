/** A small base scenario and sweeps over it, shared by the sweep tests. */
import { DuckDBInstance } from '@duckdb/node-api';

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
