import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCells } from '../../src/experiment/cells.js';
import { Store } from '../../src/experiment/store.js';
import { sweepIdentity } from '../../src/experiment/sweep-run.js';
import { readSource } from '../../src/scenario/source.js';
import { parseSweep } from '../../src/scenario/sweep.js';
import { BASE, interruptSweep, rows, sweepYaml } from '../experiment/sweep-fixtures.js';
import { main as query } from '../../src/cli/query.js';
import { main as sweepCmd } from '../../src/cli/sweep.js';
import { type CliResult, inProcess, tempFiles } from './helpers.js';
import { SULAB } from '../entry.js';

const root = join(import.meta.dirname, '..', '..');

/** `sulab ARGS` in a child process, without blocking: several run at once. */
function sulab(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...SULAB, ...args], {
      cwd: root,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => {
      stdout += b;
    });
    child.stderr.on('data', (b) => {
      stderr += b;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A one-line user error: exit 2, `sulab: …` on stderr, no stack, nothing on stdout. */
function userError(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^sulab: /);
  assert.match(r.stderr, pattern);
}

test('sulab sweep and query: user errors exit 2 with one line; query answers in SQL', async () => {
  const dir = tempFiles({
    'base.yaml': BASE,
    's.yaml': sweepYaml('s', 1),
    'other.yaml': sweepYaml('s', 2),
    'bad.yaml': sweepYaml('bad', 1).replace('[0.1, 0.5, 0.9]', '[0.1, true]'),
    'nobase.yaml': sweepYaml('nobase', 1).replace('base.yaml', 'missing.yaml'),
  });
  // A store of s.yaml with its first cells, written in this process.
  const store = join(dir, 's.duckdb');
  const { sweep, definition } = parseSweep(sweepYaml('s', 1), 's.yaml');
  const s = await Store.create(store, sweep, sweepIdentity(definition, BASE));
  await s.write(runCells(sweep, readSource(BASE, 'base.yaml'), [0, 1, 2]));
  s.close();
  const before = statSync(store).mtimeMs;

  const [bad, nobase, other, fresh, unwritable, badSql] = await Promise.all([
    sulab(['sweep', join(dir, 'bad.yaml'), '--store', join(dir, 'bad.duckdb')]),
    sulab(['sweep', join(dir, 'nobase.yaml'), '--store', join(dir, 'nobase.duckdb')]),
    sulab(['sweep', join(dir, 'other.yaml'), '--store', store, '--resume']),
    sulab(['sweep', join(dir, 's.yaml'), '--store', store]),
    sulab(['sweep', join(dir, 's.yaml'), '--store', join(dir, 'no', 'such', 'dir', 'x.duckdb')]),
    sulab(['query', store, 'SELECT nope FROM cells']),
  ]);
  userError(
    bad,
    /bad\.yaml:6: grid\["parts\[0\]\.weight"\]: the base scenario rejects parts\[0\]\.weight = true: expected a weight/,
  );
  userError(nobase, /nobase\.yaml:4: base\.scenario: .*missing\.yaml: no such file/);
  userError(other, /s\.duckdb: holds another version of sweep "s"/);
  userError(fresh, /s\.duckdb: a store is already there; add --resume/);
  userError(unwritable, /x\.duckdb: cannot create the store/);
  assert.equal(statSync(store).mtimeMs, before, 'the store is untouched');

  userError(badSql, /^sulab: sulab query: .*nope/);
});

test('sulab query: a table, --json, --csv; sweep --help and query --help', async () => {
  const dir = tempFiles({});
  const store = join(dir, 's.duckdb');
  const { sweep, definition } = parseSweep(sweepYaml('s', 1), 's.yaml');
  const s = await Store.create(store, sweep, sweepIdentity(definition, BASE));
  await s.write(runCells(sweep, readSource(BASE, 'base.yaml'), [0, 1, 2]));
  s.close();
  const q = (sql: string, ...flags: string[]) => inProcess(query, [store, sql, ...flags]);
  const rows = JSON.parse(
    await q(
      "SELECT cell, measure, part, value FROM tidy WHERE reading = 'boundary/instruction' AND measure = 'target_welfare' ORDER BY cell, part",
      '--json',
    ),
  );
  assert.equal(rows.length, 9);
  assert.deepEqual(Object.keys(rows[0]), ['cell', 'measure', 'part', 'value']);
  assert.deepEqual(
    rows.slice(0, 3).map((r: { part: string }) => r.part),
    ['p1', 'p2', 'p3'],
  );
  assert.equal(
    await q('SELECT cell, parts_0_weight, sigma, error FROM cells ORDER BY cell', '--csv'),
    'cell,parts_0_weight,sigma,error\n0,0.1,borda,\n1,0.1,plurality,\n2,0.5,borda,\n',
  );
  // count(*) is a BIGINT: printed as a number.
  assert.equal(
    await q('SELECT count(*) AS n, count(DISTINCT seed) AS seeds FROM cells'),
    'n  seeds\n-  -----\n3  3\n',
  );
  assert.deepEqual(JSON.parse(await q('SELECT count(*) AS n FROM cells', '--json')), [{ n: 3 }]);
  await assert.rejects(q('SELECT nope FROM cells'), /nope/);
  assert.match(await inProcess(sweepCmd, ['--help']), /usage: sulab sweep FILE/);
  assert.match(await inProcess(query, ['--help']), /usage: sulab query STORE "SQL"/);
});

test('sulab sweep: Ctrl-C (SIGINT) commits the cells under way, says how many are stored, exits 130', async (t) => {
  const dir = tempFiles({ 'base.yaml': BASE, 'big.yaml': sweepYaml('big', 100) }); // 600 cells
  const store = join(dir, 'big.duckdb');
  const { code, stderr, sent } = await interruptSweep(join(dir, 'big.yaml'), store, 1, 'SIGINT');
  if (!sent || code === 0) return t.skip('the sweep finished before Ctrl-C');
  assert.equal(code, 130, stderr);
  const m =
    /interrupted: (\d+) of 600 cells stored in .*big\.duckdb; `sulab sweep .*big\.yaml --store .*big\.duckdb --resume` finishes/.exec(
      stderr,
    );
  assert.ok(m, stderr);
  const [[n]] = (await rows(store, 'SELECT count(*)::INTEGER FROM cells')) as number[][];
  assert.equal(n, Number(m[1]));
  assert.ok(n > 0 && n < 600);
});
