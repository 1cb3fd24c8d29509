/**
 * The work queue shared by a sweep's collector (`sulab sweep FILE --queue URL`) and any number of
 * workers (`sulab worker --queue URL`): BullMQ on Redis. What lives in Redis:
 *
 * - `sulab:sweeps`: the set of sweep hashes with work on the queue (workers watch it);
 * - `sulab:sweep:<hash>`: the sweep's definition (its file's text, the base file's text, the
 *   sulab version, the batch size) — workers read the sweep from here, never from their disk;
 * - `sulab:status:<hash>`: the collector's heartbeat (cells stored, total, time), for --status;
 * - the BullMQ queue `sulab-<hash16>`: one job per batch of cells [lo, hi), job id `<hash16>-<b>`,
 *   so enqueueing a batch twice (a restarted collector) is a no-op.
 *
 * Results travel as each job's return value and are written to the store by the collector alone,
 * skipping cells the store already holds: a batch run twice (a worker killed mid-job, its job
 * retried) lands once.
 */
import { Redis } from 'ioredis';
import { UserError } from '../core/errors.js';
import { quoteName } from '../core/registry.js';
import type { BatchResult, CellRecord } from './cells.js';

export const SWEEPS_KEY = 'sulab:sweeps';
export const defKey = (hash: string) => `sulab:sweep:${hash}`;
export const statusKey = (hash: string) => `sulab:status:${hash}`;
export const queueName = (hash: string) => `sulab-${hash.slice(0, 16)}`;
export const jobId = (hash: string, batch: number) => `${hash.slice(0, 16)}-${batch}`;

/** What a worker needs to run a sweep's cells, as the collector leaves it in Redis. */
export interface QueuedSweep {
  readonly version: string;
  readonly name: string;
  readonly hash: string;
  /** The sweep file's text and name. */
  readonly text: string;
  readonly file: string;
  readonly baseText: string;
  readonly baseFile: string;
  readonly cells: number;
  /** Cells per job: job b runs cells [b·batch, min((b+1)·batch, cells)). */
  readonly batch: number;
}

/** A job: one batch of one sweep. */
export interface BatchJob {
  readonly hash: string;
  readonly version: string;
  readonly lo: number;
  readonly hi: number;
}

/** A batch result as JSON carries it (typed arrays as arrays, NaN as null). */
export interface BatchJson {
  readonly cells: readonly CellRecord[];
  readonly rows: {
    readonly cell: number[];
    readonly reading: (string | null)[];
    readonly measure: string[];
    readonly part: (string | null)[];
    readonly value: (number | null)[];
  };
}

export function batchToJson(b: BatchResult): BatchJson {
  const r = b.rows;
  return {
    cells: b.cells,
    rows: {
      cell: Array.from(r.cell),
      reading: [...r.reading],
      measure: [...r.measure],
      part: [...r.part],
      value: Array.from(r.value, (v) => (Number.isNaN(v) ? null : v)),
    },
  };
}

export function batchFromJson(j: BatchJson): BatchResult {
  const r = j.rows;
  return {
    cells: j.cells,
    rows: {
      cell: Int32Array.from(r.cell),
      reading: r.reading,
      measure: r.measure,
      part: r.part,
      value: Float64Array.from(r.value, (v) => (v === null ? Number.NaN : v)),
    },
  };
}

/** Keeps the cells (and their rows) for which `keep` holds. */
export function filterBatch(b: BatchResult, keep: (cell: number) => boolean): BatchResult {
  if (b.cells.every((c) => keep(c.cell))) return b;
  const idx: number[] = [];
  for (let i = 0; i < b.rows.cell.length; i++) if (keep(b.rows.cell[i])) idx.push(i);
  const r = b.rows;
  return {
    cells: b.cells.filter((c) => keep(c.cell)),
    rows: {
      cell: Int32Array.from(idx, (i) => r.cell[i]),
      reading: idx.map((i) => r.reading[i]),
      measure: idx.map((i) => r.measure[i]),
      part: idx.map((i) => r.part[i]),
      value: Float64Array.from(idx, (i) => r.value[i]),
    },
  };
}

/** A `--queue` URL, checked: redis:// or rediss://, a host, optionally a port and a database. */
export function checkQueueUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`expected redis://HOST:PORT[/DB], got ${quoteName(url)}`, '--queue');
  }
  if ((u.protocol !== 'redis:' && u.protocol !== 'rediss:') || u.hostname === '')
    throw new UserError(`expected redis://HOST:PORT[/DB], got ${quoteName(url)}`, '--queue');
  if (u.pathname !== '' && u.pathname !== '/' && !/^\/\d{1,2}$/.test(u.pathname))
    throw new UserError(
      `expected a database number after the port (/0 … /15), got ${quoteName(url)}`,
      '--queue',
    );
  return url;
}

/** The URL as messages show it: without a password. */
export function showUrl(url: string): string {
  const u = new URL(url);
  if (u.password !== '') u.password = '***';
  return u.toString();
}

/**
 * A connection to the queue's Redis, or a one-line UserError within a few seconds when it cannot
 * be reached. Once connected, a lost connection is retried (a Redis restart pauses the work).
 */
export async function connect(url: string): Promise<Redis> {
  checkQueueUrl(url);
  let connected = false;
  let last: Error | undefined;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: null, // BullMQ's workers block on this connection
    connectTimeout: 3000,
    retryStrategy: (n) => (connected ? Math.min(200 * n, 2000) : null),
  });
  redis.on('error', (e: Error) => {
    last = e;
  });
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
  } catch (e) {
    redis.disconnect();
    const why = (last ?? (e as Error)).message.split('\n')[0];
    throw new UserError(`cannot reach Redis at ${showUrl(url)} (${why})`, '--queue');
  }
  return redis;
}

/** The sweep a hash names on this queue, or undefined when it is not (or no longer) there. */
export async function readQueued(redis: Redis, hash: string): Promise<QueuedSweep | undefined> {
  const text = await redis.get(defKey(hash));
  return text === null ? undefined : (JSON.parse(text) as QueuedSweep);
}
