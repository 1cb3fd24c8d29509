/**
 * A sweep worker (a piscina task): evaluates a batch of cells. The base file is parsed once per
 * worker and kept while tasks bring the same text. No top-level await: under tsx a .ts worker
 * loads only without one.
 */
import type { Sweep } from '../core/sweep.js';
import { readSource, type Source } from '../scenario/source.js';
import { type BatchResult, runCells } from './cells.js';

export interface SweepTask {
  readonly sweep: Sweep;
  readonly baseText: string;
  readonly baseFile: string;
  readonly cells: Int32Array;
}

let cached: { text: string; file: string; src: Source } | undefined;

/** A batch's results and the milliseconds the worker spent on it (the runner sizes batches by it). */
export type TaskResult = BatchResult & { readonly ms: number };

export default function runTask(task: SweepTask): TaskResult {
  const t = performance.now();
  if (!cached || cached.text !== task.baseText || cached.file !== task.baseFile)
    cached = { text: task.baseText, file: task.baseFile, src: readSource(task.baseText, task.baseFile) };
  return { ...runCells(task.sweep, cached.src, task.cells), ms: performance.now() - t };
}
