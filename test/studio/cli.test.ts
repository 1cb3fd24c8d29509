/** `sulab studio` as a user runs it: flags, the printed URL, the file it opens, a clean stop. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/studio.js';
import { UserError } from '../../src/core/errors.js';
import { inProcess, sulab, tempFiles } from '../cli/helpers.js';
import { SULAB } from '../entry.js';

const root = join(import.meta.dirname, '..', '..');

test('bad flags and arguments are one-line errors with exit code 2', () => {
  const r = sulab(['studio', '--no-open', '--port', 'abc']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'sulab: --port: expected an integer ≥ 0, got "abc"\n');
  assert.equal(r.stdout, '');
});

test('each mistake names its flag or file (in process)', async () => {
  const dir = tempFiles({ 'x.duckdb': 'not a database' });
  const cases: [string[], RegExp][] = [
    [['--port=-1'], /^--port: expected an integer ≥ 0, got "-1"$/],
    [['--port', '1.5'], /^--port: expected an integer ≥ 0, got "1.5"$/],
    [['--port', '70000'], /^--port: expected a port from 0 to 65535, got 70000$/],
    [['--bogus'], /^sulab studio: Unknown option '--bogus'/],
    [['a.yaml', 'b.yaml'], /^sulab studio: expected at most one scenario file or store/],
    [['no-such-file.yaml'], /^no-such-file.yaml: no such file$/],
    [[join(root, 'scenarios')], /scenarios: is a directory/],
    [[join(dir, 'x.duckdb')], /x\.duckdb: cannot open the store|x\.duckdb: not a sweep store/],
  ];
  for (const [args, message] of cases)
    await assert.rejects(main(['--no-open', ...args]), (e: unknown) => {
      assert.ok(e instanceof UserError, String(e));
      assert.match((e as Error).message, message);
      assert.doesNotMatch((e as Error).message, /\n/);
      return true;
    });
});

test('--help names the command and its flags', async () => {
  const out = await inProcess(main, ['--help']);
  assert.match(out, /usage: sulab studio \[FILE\|STORE\] \[--port N\] \[--no-open\]/);
});

test('it prints its URL on its own line, serves the file it opened, and stops cleanly on SIGTERM', async () => {
  const dir = tempFiles({
    'mine.yaml': 'name: mine\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, "x"]}\n',
  });
  const child = spawn(process.execPath, [...SULAB, 'studio', join(dir, 'mine.yaml'), '--no-open'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const start = (await (await fetch(`${url}api/start`)).json()) as { file: { name: string; text: string } };
  assert.equal(start.file.name, 'mine.yaml');
  assert.match(start.file.text, /name: mine/);
  // The file's mistake is said on the terminal too, and the studio opens anyway.
  assert.match(stderr, /mine\.yaml:4: parts\[0\]\.utility\[1\]: expected a number, got "x"/);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  assert.equal(code, 0);
});
