/**
 * A small fuzz budget on every `npm test`: seeded mutations of scenario files and profiles
 * (mutate.ts) through the readers, `evaluate` and `vote` in this process — each must be fine or a
 * UserError — and a handful through the real CLI, which must exit 0 or 2 with one line and no stack
 * trace, and print JSON under --json. `npm run fuzz -- --budget N` runs a longer campaign.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab } from '../cli/helpers.js';
import { check, fuzzInput } from './mutate.js';

const SEED = 20261206;

test('150 mutated inputs in process: each fine or a UserError', () => {
  const kinds = { fine: 0, user: 0 };
  for (let i = 0; i < 150; i++) {
    const input = fuzzInput(SEED, i);
    const out = check(input);
    if (out.kind === 'failure')
      assert.fail(
        `input ${i} (${input.name}; ${input.mutations.join(', ')}): ${(out.error as Error)?.stack ?? out.error}`,
      );
    kinds[out.kind]++;
    if (out.kind === 'user')
      assert.ok(!out.message.includes('\n'), `input ${i}: a message of more than one line`);
  }
  // The generator reaches both sides.
  assert.ok(kinds.fine > 0 && kinds.user > 0, JSON.stringify(kinds));
});

test('the generator is seeded: input i of a seed is the same bytes every time', () => {
  for (const i of [0, 7, 42]) assert.deepEqual(fuzzInput(SEED, i), fuzzInput(SEED, i));
});

test('one scenario and one profile through the CLI: exit 0 or 2, one line, JSON on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-fuzz-'));
  let ran = { scenario: 0, profile: 0 };
  for (let i = 0; ran.scenario + ran.profile < 2 && i < 100; i++) {
    const input = fuzzInput(SEED, i);
    if (ran[input.kind] >= 1) continue;
    ran = { ...ran, [input.kind]: ran[input.kind] + 1 };
    const file = join(dir, `${i}-${input.name}`);
    writeFileSync(file, input.bytes);
    const r =
      input.kind === 'scenario'
        ? sulab(['run', file, '--no-report', '--json'])
        : sulab([
            'vote',
            '-m',
            'borda,river',
            '-i',
            file,
            '--json',
            ...(file.endsWith('.jsonl') ? ['--on-error', 'skip'] : []),
          ]);
    const what = `input ${i} (${input.mutations.join(', ')}): ${r.stderr}`;
    assert.ok(r.code === 0 || r.code === 2, what);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, what);
    if (r.code === 2) assert.match(r.stderr, /^sulab: [^\n]*\n$/, what);
    for (const line of r.code === 0 || file.endsWith('.jsonl')
      ? r.stdout.trim().split('\n').filter(Boolean)
      : [])
      assert.doesNotThrow(() => JSON.parse(line), what);
  }
});
