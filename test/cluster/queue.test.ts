import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Queue } from 'bullmq';
import { existsSync } from 'node:fs';
import { executeSweep } from '../../src/cli/sweep.js';
import { queueSweep } from '../../src/cli/sweep-queue.js';
import { UserError } from '../../src/core/errors.js';
import {
  batchFromJson,
  batchToJson,
  checkQueueUrl,
  connect,
  defKey,
  filterBatch,
  queueName,
  statusKey,
  SWEEPS_KEY,
} from '../../src/experiment/queue.js';
import { batchSize } from '../../src/experiment/queue-collect.js';
import { runCells } from '../../src/experiment/cells.js';
import { sweepIdentity } from '../../src/experiment/sweep-run.js';
import { readSource } from '../../src/scenario/source.js';
import { parseSweep } from '../../src/scenario/sweep.js';
import { tempFiles } from '../cli/helpers.js';
import { BASE, CELLS, rows, sweepYaml, TIDY } from '../experiment/sweep-fixtures.js';
import { run, start, until } from './processes.js';
import { testRedis } from './redis.js';

const redis = await testRedis();
const skip = 'skip' in redis ? redis.skip : false;
const url = 'url' in redis ? redis.url : '';

/** A one-line user error: exit 2, `sulab: …`, no stack. */
function userError(r: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, pattern);
}

test('queue: results travel as JSON unchanged (NaN too); batches keep overhead small', () => {
  const { sweep } = parseSweep(sweepYaml('j', 1), 's.yaml');
  const b = runCells(sweep, readSource(BASE, 'base.yaml'), [0, 1, 2]);
  const back = batchFromJson(JSON.parse(JSON.stringify(batchToJson(b))));
  assert.deepEqual(back, b);
  const odd = filterBatch(b, (k) => k !== 1);
  assert.deepEqual(
    odd.cells.map((c) => c.cell),
    [0, 2],
  );
  assert.equal(odd.rows.cell.includes(1), false);
  assert.equal(odd.rows.cell.length, odd.rows.value.length);
  // ≥ 250 ms of work per job (5 ms overhead: ≤ 2%), ~1 s in big sweeps, never more cells than there are.
  assert.equal(batchSize(1, 1_000_000), 1000);
  assert.equal(batchSize(0.01, 1_000_000), 4096);
  assert.equal(batchSize(1, 3200), 250);
  assert.equal(batchSize(1, 8000), 500);
  assert.equal(batchSize(500, 1_000), 2);
  assert.equal(batchSize(1, 30), 30);
});

test('queue: an unreachable Redis or a bad URL is a one-line error (exit 2), and no store is left behind', async () => {
  const dir = tempFiles({ 'base.yaml': BASE, 's.yaml': sweepYaml('u', 1) });
  const store = join(dir, 'u.duckdb');
  await assert.rejects(
    queueSweep(sweepYaml('u', 1), join(dir, 's.yaml'), 'redis://127.0.0.1:1/0', { store }),
    (e: Error) =>
      e instanceof UserError &&
      /^--queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(.*ECONNREFUSED/.test(e.message),
  );
  assert.equal(existsSync(store), false, 'no store is left behind');
  assert.throws(() => checkQueueUrl('http://127.0.0.1:6379'), /expected redis:\/\/HOST:PORT\[\/DB\]/);
  assert.throws(() => checkQueueUrl('redis://127.0.0.1:6379/x'), /database number/);
  // End to end: the worker's exit code and its one line.
  userError(
    await run(['worker', '--queue', 'redis://127.0.0.1:1'], 30_000),
    /^sulab: --queue: cannot reach Redis/,
  );
});

test('queue: two workers give the tidy rows of a local run; --status reports progress', {
  skip,
}, async (t) => {
  const dir = tempFiles({ 'base.yaml': BASE, 's.yaml': sweepYaml('q2', 10) });
  const file = join(dir, 's.yaml');
  await executeSweep(sweepYaml('q2', 10), file, { store: join(dir, 'local.duckdb'), workers: '0' });
  // A sweep queued by another sulab version sits beside it: workers refuse it and say so.
  const r = await connect(url);
  t.after(() => r.disconnect()); // whatever fails below, the connection does not keep the file alive
  const stranger = { version: '0.0.0-other', name: 'stranger', hash: 'f'.repeat(64), cells: 1, batch: 1 };
  await r.set(defKey(stranger.hash), JSON.stringify(stranger));
  await r.sadd(SWEEPS_KEY, stranger.hash);
  const collector = start(['sweep', file, '--queue', url, '--store', join(dir, 'q.duckdb'), '--json']);
  // Workers with --idle-exit start once the sweep is queued (else a slow start could see them idle out).
  const { definition } = parseSweep(sweepYaml('q2', 10), file);
  const { hash } = sweepIdentity(definition, BASE);
  assert.ok(await until(async () => (await r.sismember(SWEEPS_KEY, hash)) === 1), 'the sweep is queued');
  const workers = [1, 2].map(() =>
    start(['worker', '--queue', url, '--concurrency', '1', '--idle-exit', '3', '--stall-seconds', '2']),
  );
  const c = await collector.done;
  assert.equal(c.code, 0, c.stderr);
  assert.equal(JSON.parse(c.stdout).stored, 60);
  const status = await run(['sweep', file, '--queue', url, '--status', '--json']);
  assert.equal(status.code, 0, status.stderr);
  assert.deepEqual(
    { stored: JSON.parse(status.stdout).stored, complete: JSON.parse(status.stdout).complete },
    { stored: 60, complete: true },
  );
  await r.srem(SWEEPS_KEY, stranger.hash); // idle now: the workers exit
  for (const w of workers) {
    const done = await w.done;
    assert.equal(done.code, 0);
    assert.match(
      done.stderr,
      /refusing sweep "stranger": it was queued by sulab 0\.0\.0-other, this worker is sulab/,
    );
  }
  assert.deepEqual(await rows(join(dir, 'q.duckdb'), TIDY), await rows(join(dir, 'local.duckdb'), TIDY));
  assert.deepEqual(await rows(join(dir, 'q.duckdb'), CELLS), await rows(join(dir, 'local.duckdb'), CELLS));
});

test('queue: a worker and the collector killed mid-run — restarted, every cell lands once, as a local run', {
  skip,
}, async () => {
  const text = sweepYaml('qk', 100); // 600 cells, several jobs
  const dir = tempFiles({ 'base.yaml': BASE, 's.yaml': text });
  const file = join(dir, 's.yaml');
  const store = join(dir, 'q.duckdb');
  const { sweep, definition } = parseSweep(text, file);
  const { hash } = sweepIdentity(definition, BASE);
  const r = await connect(url);
  const queue = new Queue(queueName(hash), { connection: r });
  try {
    const collector = start(['sweep', file, '--queue', url, '--store', store]);
    const first = start(['worker', '--queue', url, '--concurrency', '1', '--stall-seconds', '1']);
    // Kill the worker while it holds a job, after some cells were stored.
    const busy = await until(
      async () =>
        Number((await r.hget(statusKey(hash), 'stored')) ?? 0) > 0 && (await queue.getActiveCount()) > 0,
    );
    assert.ok(busy, 'the worker started a job');
    first.child.kill('SIGKILL');
    collector.child.kill('SIGKILL');
    await Promise.all([first.done, collector.done]);
    const stored = Number(await r.hget(statusKey(hash), 'stored'));
    assert.ok(stored < sweep.cells, 'killed before the end');

    const again = start(['sweep', file, '--queue', url, '--store', store, '--resume', '--json']);
    const second = start([
      'worker',
      '--queue',
      url,
      '--concurrency',
      '2',
      '--stall-seconds',
      '1',
      '--idle-exit',
      '2',
    ]);
    const c = await again.done;
    assert.equal(c.code, 0, c.stderr);
    assert.ok(JSON.parse(c.stdout).resumed_from > 0);
    assert.equal((await second.done).code, 0);
  } finally {
    await queue.close();
    r.disconnect();
  }
  await executeSweep(text, file, { store: join(dir, 'local.duckdb'), workers: '0' });
  assert.deepEqual(await rows(store, 'SELECT count(*)::INTEGER, count(DISTINCT cell)::INTEGER FROM cells'), [
    [600, 600],
  ]);
  assert.deepEqual(await rows(store, TIDY), await rows(join(dir, 'local.duckdb'), TIDY));
});
