/**
 * A real Redis for the queue tests: the one `.ci/run` starts (SULAB_TEST_REDIS), else a
 * redis-server started here on a free port and stopped with the process; where neither is
 * possible, the tests skip with the reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../src/experiment/queue.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis URL, or the reason there is none. */
export async function testRedis(): Promise<{ url: string } | { skip: string }> {
  const given = process.env.SULAB_TEST_REDIS;
  if (given) return { url: given };
  if (spawnSync('redis-server', ['--version']).status !== 0)
    return {
      skip: 'no Redis: redis-server is not installed and SULAB_TEST_REDIS is not set (.ci/run sets both up)',
    };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sulab-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  process.on('exit', () => child.kill('SIGKILL'));
  child.unref();
  const url = `redis://127.0.0.1:${port}/0`;
  for (let i = 0; i < 100; i++) {
    try {
      (await connect(url)).disconnect();
      return { url };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill('SIGKILL');
  return { skip: `redis-server did not answer on port ${port}` };
}
