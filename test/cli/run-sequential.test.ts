import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

test('run on a sequential scenario: every agent carries its trajectory in the documented shape', () => {
  const r = sulab(['run', 'scenarios/productivity.yaml', '--json', '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.scenario, 'productivity');
  assert.equal(out.alignments.length, 3);
  const [farSighted, myopic, original] = out.alignments;
  assert.equal(farSighted.id, 'boundary/approval');
  assert.equal(farSighted.trajectory.length, 28);
  for (const row of farSighted.trajectory)
    for (const k of ['t', 'action', 'observation', 'weights', 'approval', 'welfare', 'drift'])
      assert.ok(k in row, k);
  // The essay's assistant: more approval than the non-manipulating agents, far less original welfare
  // (exact expected totals over 28 days: 14.52 / 7.74 against 14 / 14).
  assert.ok(Math.abs(farSighted.expected.approval - 14.5195) < 1e-3);
  assert.ok(Math.abs(farSighted.expected.original_welfare - 7.7365) < 1e-3);
  for (const a of [myopic, original]) {
    assert.ok(Math.abs(a.expected.approval - 14) < 1e-9);
    assert.ok(Math.abs(a.expected.original_welfare - 14) < 1e-9);
    assert.ok(a.trajectory.every((row: { action: string }) => !/hide|mute|skip/.test(row.action)));
  }
  assert.ok(farSighted.trajectory.some((row: { action: string }) => /hide|mute|skip/.test(row.action)));
});

test('run on a sequential scenario is reproducible from the seed; --observe replays observations', () => {
  const a = sulab(['run', 'scenarios/coin-bet.yaml', '--json', '--no-report', '--seed', '3']);
  const b = sulab(['run', 'scenarios/coin-bet.yaml', '--json', '--no-report', '--seed', '3']);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const obs = ['heads', 'heads', 'tails', 'heads', 'heads', 'heads', 'heads', 'heads'];
  const r = sulab(['run', 'scenarios/coin-bet.yaml', '--json', '--no-report', '--observe', obs.join(',')]);
  assert.equal(r.code, 0, r.stderr);
  const nrl = JSON.parse(r.stdout).alignments[0];
  assert.equal(nrl.id, 'critch/nrl');
  assert.deepEqual(
    nrl.trajectory.map((x: { observation: string }) => x.observation),
    obs,
  );
  // NRL priorities: prior × likelihood. After 7 heads and 1 tails… the last row is before the last
  // observation: 6 heads, 1 tails: w_alice ∝ 0.7^6·0.3, w_bob ∝ 0.3^6·0.7.
  const last = nrl.trajectory.at(-1).weights;
  const ratio = (0.7 ** 6 * 0.3) / (0.3 ** 6 * 0.7);
  assert.ok(Math.abs(last.alice - ratio / (1 + ratio)) < 1e-12);
  const bad = sulab(['run', 'scenarios/coin-bet.yaml', '--no-report', '--observe', 'heads,edge']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--observe: unknown state "edge"/);
});

test('run --csv writes the recorded rows of every agent', () => {
  const dir = tempFiles({});
  const file = join(dir, 'rows.csv');
  const r = sulab(['run', 'scenarios/coin-bet.yaml', '--no-report', '--csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(file));
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  assert.equal(
    lines[0],
    'agent,t,state,action,observation,approval,drift,weight:alice,weight:bob,welfare:alice,welfare:bob,level:alice,level:bob,impossible',
  );
  assert.equal(lines.length, 1 + 2 * 8);
});

test('--observe longer than the horizon, or empty, is a usage error', () => {
  const long = Array.from({ length: 10 }, () => 'heads').join(',');
  for (const obs of [long, '']) {
    const r = sulab(['run', 'scenarios/coin-bet.yaml', '--no-report', '--observe', obs]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--observe: expected 1 to 8 observations/);
  }
});

test('critch/nrl replays an observation no model allows, and flags it', () => {
  const r = sulab([
    'run',
    'scenarios/coin-bet.yaml',
    '--no-report',
    '--json',
    '--observe',
    'heads,ready,heads',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.recorded_steps, 3);
  assert.equal(out.horizon, 8);
  for (const a of out.alignments) {
    assert.equal(a.error, undefined, a.error);
    assert.equal(a.trajectory[1].impossible, true);
  }
});
