/**
 * A sweep worker (a piscina task): evaluates a batch of cells. The base file is parsed once per
 * worker and kept while tasks bring the same text. No top-level await: under tsx a .ts worker
 * loads only without one. The default task returns rows with their names spelled out (what a
 * queue job returns as JSON); `packed`, what the local pool runs, returns them interned.
 */
import type { Sweep } from '../core/sweep.js';
import { readSource, type Source } from '../scenario/source.js';
import { type BatchResult, type PackedBatch, runCellsPacked, unpackRows } from './cells.js';

export interface SweepTask {
  readonly sweep: Sweep;
  readonly baseText: string;
  readonly baseFile: string;
  readonly cells: Int32Array;
}

let cached: { text: string; file: string; src: Source } | undefined;

/** A batch's results and the milliseconds the worker spent on it (the runner sizes batches by it). */
export type TaskResult = BatchResult & { readonly ms: number };
export type PackedTaskResult = PackedBatch & { readonly ms: number };

export function packed(task: SweepTask): PackedTaskResult {
  const t = performance.now();
  if (!cached || cached.text !== task.baseText || cached.file !== task.baseFile)
    cached = { text: task.baseText, file: task.baseFile, src: readSource(task.baseText, task.baseFile) };
  return { ...runCellsPacked(task.sweep, cached.src, task.cells), ms: performance.now() - t };
}

export default function runTask(task: SweepTask): TaskResult {
  const r = packed(task);
  return { ...r, rows: unpackRows(r.rows) };
}
