/** `sulab run` on the mechanism blocks of a sequential file: the JSON fields, and a bad value as one line, exit 2. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const career = readFileSync('scenarios/evolution-career.yaml', 'utf8');

test('evolution-career.yaml --json: the evolution block’s findings and numbers; a rate out of range exits 2', () => {
  const r = sulab(['run', 'scenarios/evolution-career.yaml', '--no-report', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.kind, 'sequential');
  assert.deepEqual(out.evolution.choice_runs, ['0–18 startup', '19–24 research']);
  assert.equal(out.evolution.original_welfare_survives, false);
  assert.equal(out.evolution.weights.ambition.length, 26);
  assert.ok(out.evolution.findings.some((f: string) => /weights drift to ambition/.test(f)));

  const dir = tempFiles({ 'c.yaml': career.replace('endorsement: 0.3', 'endorsement: 1.3') });
  const bad = sulab(['run', join(dir, 'c.yaml'), '--no-report']);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /c\.yaml:\d+: evolution\.endorsement: expected a rate in \[0, 1\], got 1\.3/);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});
