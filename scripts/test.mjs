#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner. Node 20's --test expands no globs
// and `node --test test/` silently runs nothing, so the file list is built here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// The longest files start first, so none of them is left running alone at the end (the runner
// starts files in the order given); the rest follow in path order.
const LONGEST = [
  'test/studio/browser.test.ts',
  'test/align/negotiation/pinned.test.ts',
  'test/cluster/queue.test.ts',
  'test/experiment/studies.test.ts',
  'test/experiment/sweep-run.test.ts',
  'test/cli/run.test.ts',
  'test/experiment/cli.test.ts',
  'test/cli/run-output.test.ts',
];
const filter = process.argv.slice(2);
let files = walk('test');
files = [...LONGEST.filter((f) => files.includes(f)), ...files.filter((f) => !LONGEST.includes(f))];
if (filter.length > 0) files = files.filter((f) => filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Three files at a time on two cores: much of a file's time is starting Node and tsx or waiting on
// child processes (CLI runs, queue workers), and the test files are independent (each writes only
// in its own temporary folder, and the queue tests use sweeps of their own).
const concurrency = process.env.TEST_CONCURRENCY ?? '3';
const r = spawnSync(
  process.execPath,
  // No --test-force-exit: with several files at a time it can drop the verdicts of a file's last
  // tests from the report and still pass (nodejs/node#64833); every test closes what it opens.
  ['--import', 'tsx', '--import', './test/setup.ts', '--test', `--test-concurrency=${concurrency}`, ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
