/** `sulab studio` as a user runs it: flags, the printed URL, the file it opens, a clean stop. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from '../cli/helpers.js';

const root = join(import.meta.dirname, '..', '..');

test('bad flags and arguments are one-line errors with exit code 2', () => {
  const cases: [string[], RegExp][] = [
    [['--port', 'abc'], /^sulab: --port: expected an integer ≥ 0, got "abc"\n$/],
    [['--port', '70000'], /^sulab: --port: expected a port from 0 to 65535, got 70000\n$/],
    [['--bogus'], /^sulab: sulab studio: Unknown option '--bogus'.*\n$/],
    [['a.yaml', 'b.yaml'], /^sulab: sulab studio: expected at most one scenario file or store/],
    [['no-such-file.yaml'], /^sulab: no-such-file.yaml: no such file\n$/],
    [['scenarios'], /^sulab: scenarios: is a directory/],
  ];
  for (const [args, message] of cases) {
    const r = sulab(['studio', '--no-open', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(r.stdout, '');
  }
});

test('a file that is not a sweep store is refused as one', () => {
  const dir = tempFiles({ 'x.duckdb': 'not a database' });
  const r = sulab(['studio', '--no-open', join(dir, 'x.duckdb')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /x\.duckdb: cannot open the store|x\.duckdb: not a sweep store/);
});

test('--help names the command and its flags', () => {
  const r = sulab(['studio', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /usage: sulab studio \[FILE\|STORE\] \[--port N\] \[--no-open\]/);
});

test('it prints its URL on its own line, serves the file it opened, and stops cleanly on SIGTERM', async () => {
  const dir = tempFiles({
    'mine.yaml': 'name: mine\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, "x"]}\n',
  });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'studio', join(dir, 'mine.yaml'), '--no-open'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
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
