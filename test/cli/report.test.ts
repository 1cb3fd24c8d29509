import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as report } from '../../src/cli/report.js';
import { main as study } from '../../src/cli/study.js';
import { UserError } from '../../src/core/errors.js';
import { inProcess, tempFiles } from './helpers.js';

test('sulab report: every measure against every parameter, means with 95% intervals, in one HTML page', async () => {
  const dir = tempFiles({});
  const store = join(dir, 'bd.duckdb');
  await inProcess(study, ['belief-divergence', '--cells', '3', '--workers', '0', '--store', store]);
  const out = await inProcess(report, [store, '--out', join(dir, 'r')]);
  assert.match(out, /report of belief-divergence \(15 cells\) written to .*index\.html/);
  const html = readFileSync(join(dir, 'r', 'index.html'), 'utf8');
  assert.equal((html.match(/<svg/g) ?? []).length, 1);
  assert.match(html, /worst_off_welfare against generator_divergence/);
  assert.match(html, /95% confidence interval/);
  for (const r of ['boundary/instruction', 'parts/pooled']) assert.ok(html.includes(r), r);
  // A store without parameters, and a file that is no store, are told apart.
  const c = join(dir, 'c.duckdb');
  await inProcess(study, ['condorcet-frequency', '--cells', '3', '--workers', '0', '--store', c]);
  await assert.rejects(
    inProcess(report, [c]),
    (e: unknown) => e instanceof UserError && /swept no parameter/.test(e.message),
  );
  writeFileSync(join(dir, 'x.duckdb'), 'not a database');
  await assert.rejects(inProcess(report, [join(dir, 'x.duckdb')]), UserError);
});
