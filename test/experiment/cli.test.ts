import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from '../cli/helpers.js';

test('run --experiment NAME --json: one object with the experiment envelope', () => {
  const r = sulab(['run', '--experiment', 'bounded-compute', '--json', '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.kind, 'experiment');
  assert.equal(out.experiment, 'bounded-compute');
  assert.equal(out.seed, 1);
  for (const k of ['title', 'summary', 'parts', 'precision', 'fixed', 'sweep']) assert.ok(k in out, k);
  for (const k of ['value_compute', 'model_compute', 'expected_weights', 'final_weights', 'utility'])
    assert.ok(k in out.precision, k);
  assert.equal(out.precision.expected_weights.plain.length, 9);
  assert.ok(Math.abs(out.precision.final_weights.plain - 0.8478) < 5e-5);
  assert.equal(out.sweep.length, 5);
});

test('run --experiment: an unknown name is a usage error listing the names, exit 2', () => {
  const r = sulab(['run', '--experiment', 'career', '--no-report']);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr.trim(),
    'sulab: --experiment: unknown experiment "career"; expected one of bounded-compute, career-evolution, meta-preferences, learners, whole-irl',
  );
  assert.equal(r.stdout, '');
});

test('run --experiment is repeatable: an array in the order given, the summary block, the report', () => {
  const dir = tempFiles({});
  const args = ['run', '--experiment', 'meta-preferences', '--experiment', 'career-evolution'];
  const json = sulab([...args, '--experiment', 'meta-preferences', '--json', '--no-report', '--seed', '7']);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.deepEqual(
    out.map((x: { experiment: string; seed: number }) => [x.experiment, x.seed]),
    [
      ['meta-preferences', 7],
      ['career-evolution', 7],
    ],
  );
  assert.equal(out[0].fixed_points[0].frequency, 0.76);
  const text = sulab([...args, '--report', join(dir, 'report')]);
  assert.equal(text.code, 0, text.stderr);
  // What the run shows comes first, then the experiments' table.
  assert.match(text.stdout, /\nbuilt-in experiment +key numbers\n/);
  assert.ok(text.stdout.indexOf('built-in experiment') > 0);
  assert.match(text.stdout, /\nmeta-preferences +2 fixed points from 400 starts/);
  assert.match(text.stdout, /\ncareer-evolution +years 0–18 startup, 19–24 research/);
  const html = readFileSync(join(dir, 'report', 'index.html'), 'utf8');
  assert.match(html, /Built-in experiments/);
  assert.match(html, /id="experiment-career-evolution"/);
});

test('run with FILE arguments runs no experiment; with none it runs them all after the scenarios', () => {
  const files = sulab(['run', 'scenarios/coin-bet.yaml', 'scenarios/holiday.yaml', '--json', '--no-report']);
  assert.equal(files.code, 0, files.stderr);
  assert.ok(JSON.parse(files.stdout).every((x: { kind?: string }) => x.kind !== 'experiment'));
  const all = sulab(['run', '--json', '--no-report']);
  assert.equal(all.code, 0, all.stderr);
  const out = JSON.parse(all.stdout) as { kind?: string; experiment?: string; scenario?: string }[];
  const k = out.findIndex((x) => x.kind === 'experiment');
  assert.ok(k > 0 && out.slice(0, k).every((x) => typeof x.scenario === 'string'));
  assert.deepEqual(
    out.slice(k).map((x) => x.experiment),
    ['bounded-compute', 'career-evolution', 'meta-preferences', 'learners', 'whole-irl'],
  );
});

test('run --help names the experiments', () => {
  const r = sulab(['run', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--experiment/);
  assert.match(r.stdout, /bounded-compute, career-evolution, meta-preferences, learners, whole-irl/);
});
