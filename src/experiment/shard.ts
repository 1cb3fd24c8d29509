/**
 * Shards: the fixed partition of a sweep's cells that batch schedulers run one piece of per task.
 * Shard I of N (I counted from 0, as Slurm's `--array=0-(N-1)` and Kubernetes' completion index
 * count) holds the cells k with k mod N = I. Striding rather than cutting into blocks keeps the
 * shards equally heavy when cost varies along the grid (a slow parameter value is a run of cells).
 */
import { UserError } from '../core/errors.js';
import { quoteName } from '../core/registry.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The whole sweep as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** A `--shard I/N` value. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(text.trim());
  if (!m)
    throw new UserError(
      `expected I/N with 0 ≤ I < N (shard I of N, counted from 0), got ${quoteName(text)}`,
      '--shard',
    );
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count)
    throw new UserError(
      `expected I/N with 0 ≤ I < N (shards are counted from 0), got ${index}/${count}`,
      '--shard',
    );
  return { index, count };
}

export const showShard = (s: Shard) => `${s.index}/${s.count}`;

/** Whether cell k is in shard s. */
export const inShard = (s: Shard, k: number) => k % s.count === s.index;

/** How many of `total` cells shard s holds. */
export function shardSize(s: Shard, total: number): number {
  return s.index < total ? Math.floor((total - 1 - s.index) / s.count) + 1 : 0;
}
