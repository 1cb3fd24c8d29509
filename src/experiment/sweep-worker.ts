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

export default function runTask(task: SweepTask): BatchResult {
  if (!cached || cached.text !== task.baseText || cached.file !== task.baseFile)
    cached = { text: task.baseText, file: task.baseFile, src: readSource(task.baseText, task.baseFile) };
  return runCells(task.sweep, cached.src, task.cells);
}
