/**
 * `npm run fuzz -- [--budget N] [--cli M] [--seed S] [--timeout SECONDS]`: feeds N mutated scenario
 * files and profiles (test/fuzz/mutate.ts) to the parsers, `evaluate` and `vote` in this process,
 * then M of them (default min(N, 40)) to the real CLI (`sulab run … --json`, `sulab vote … --json`).
 *
 * A failure is: in process, any error that is not a UserError, or an input slower than the time
 * limit; through the CLI, an exit code other than 0 or 2, a stack trace or "internal error" on
 * standard error, an error that is not one line, output that is not JSON under --json, or a run
 * killed at the time limit. Failures are printed with the seed and index that reproduce them; the
 * exit code is 1 when there was any.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { check, type FuzzInput, fuzzInput } from '../test/fuzz/mutate.js';

const { values } = parseArgs({
  options: {
    budget: { type: 'string' },
    cli: { type: 'string' },
    seed: { type: 'string' },
    timeout: { type: 'string' },
  },
});
const budget = Number(values.budget ?? 500);
const cliRuns = Number(values.cli ?? Math.min(budget, 40));
const seed = Number(values.seed ?? 1);
const timeoutMs = 1000 * Number(values.timeout ?? 60);
for (const [k, v] of [
  ['--budget', budget],
  ['--cli', cliRuns],
  ['--seed', seed],
  ['--timeout', timeoutMs],
] as const)
  if (!Number.isInteger(v) || v < 0) {
    console.error(`fuzz: ${k}: expected a whole number ≥ 0`);
    process.exit(2);
  }

const root = join(import.meta.dirname, '..');
const failures: string[] = [];
const fail = (i: number, input: FuzzInput, what: string) => {
  const line = `seed ${seed} input ${i} (${input.name}; ${input.mutations.join(', ')}): ${what}`;
  failures.push(line);
  console.error(`FAIL ${line}`);
};

// In process: every input.
const counts = { fine: 0, user: 0, failure: 0 };
const started = Date.now();
for (let i = 0; i < budget; i++) {
  const input = fuzzInput(seed, i);
  const t0 = Date.now();
  const out = check(input);
  const ms = Date.now() - t0;
  counts[out.kind]++;
  if (out.kind === 'failure') {
    const e = out.error as Error;
    fail(
      i,
      input,
      `${e?.name ?? 'error'}: ${String(e?.stack ?? e)
        .split('\n')
        .slice(0, 4)
        .join(' | ')}`,
    );
  } else if (ms > timeoutMs) fail(i, input, `took ${ms} ms (limit ${timeoutMs} ms)`);
}
const inProcessMs = Date.now() - started;

// Through the CLI: an evenly spread sample of the same inputs.
const dir = mkdtempSync(join(tmpdir(), 'sulab-fuzz-'));
let cliDone = 0;
try {
  for (let j = 0; j < cliRuns; j++) {
    const i = Math.floor((j * budget) / Math.max(1, cliRuns));
    const input = fuzzInput(seed, i);
    const file = join(dir, input.name);
    writeFileSync(file, input.bytes);
    const args =
      input.kind === 'scenario'
        ? ['run', file, '--no-report', '--json']
        : ['vote', '-m', 'plurality,borda,copeland,river,approval', '-i', file, '--json'];
    if (input.name.endsWith('.jsonl') && j % 2 === 0) args.push('--on-error', 'skip');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 256 * 1024 * 1024,
    });
    cliDone++;
    rmSync(file, { force: true });
    if (r.error || r.status === null) {
      fail(i, input, `CLI killed after ${timeoutMs} ms (${r.signal ?? r.error?.message})`);
      continue;
    }
    if (r.status !== 0 && r.status !== 2)
      fail(i, input, `CLI exit code ${r.status}: ${r.stderr.slice(0, 300)}`);
    if (/internal error|\n\s+at /.test(r.stderr)) fail(i, input, `stack trace: ${r.stderr.slice(0, 300)}`);
    if (r.status === 2 && !/^sulab: [^\n]*\n$/.test(r.stderr))
      fail(i, input, `not one line: ${r.stderr.slice(0, 300)}`);
    // Under --json, whatever reached standard output is JSON (one value, or one per line for .jsonl).
    const out = r.stdout.trim();
    if (out !== '') {
      const docs = input.name.endsWith('.jsonl') ? out.split('\n') : [out];
      for (const d of docs)
        try {
          JSON.parse(d);
        } catch {
          fail(i, input, `output is not JSON: ${d.slice(0, 120)}`);
          break;
        }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(
  `fuzz: seed ${seed}: ${budget} inputs in process (${counts.fine} fine, ${counts.user} refused with a UserError, ` +
    `${counts.failure} failures; ${(inProcessMs / 1000).toFixed(1)} s), ${cliDone} through the CLI; ` +
    `${failures.length} failure${failures.length === 1 ? '' : 's'} in all`,
);
process.exit(failures.length > 0 ? 1 : 0);
