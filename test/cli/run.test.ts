import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const committee = `name: committee
outcomes: [x, y, z]
parts:
  - {name: loud, utility: [1, 0.6, 0], weight: 0.4}
  - {name: quiet, utility: [0, 0.9, 1], weight: 0.35}
  - {name: calm, utility: [0, 1, 0.2], weight: 0.25}
sigma: plurality
alignments: [boundary/instruction, parts/weighted-utilitarian, parts/pareto]
`;

test('run FILE --json follows the documented shape', () => {
  const dir = tempFiles({ 'c.yaml': committee });
  const r = sulab(['run', join(dir, 'c.yaml'), '--json', '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  for (const k of ['scenario', 'behaviour', 'alignments', 'metrics', 'interpretation'])
    assert.ok(k in out, k);
  assert.equal(out.scenario, 'committee');
  assert.equal(out.behaviour, 'x');
  const util = out.alignments[1];
  for (const k of [
    'id',
    'target',
    'target_utility',
    'scores',
    'reflexivity_gap',
    'self_aligned',
    'neglected',
  ])
    assert.ok(k in util, k);
  assert.equal(util.id, 'parts/weighted-utilitarian');
  assert.equal(util.target, 'y');
  assert.equal(util.self_aligned, false);
  assert.deepEqual(util.target_utility, { loud: 0.6, quiet: 0.9, calm: 1 });
  for (const k of ['utility', 'welfare', 'worst_off', 'pareto_dominated', 'sigma_rank', 'override'])
    assert.ok(k in out.metrics.x, k);
  // x is loud's favourite, hence Pareto-efficient: the Pareto reading keeps H's own choice.
  assert.deepEqual(out.interpretation.x, ['boundary/instruction', 'parts/pareto']);
  assert.deepEqual(out.interpretation.y, ['parts/weighted-utilitarian']);
});

test('run writes a self-contained HTML report', () => {
  const dir = tempFiles({ 'c.yaml': committee });
  const report = join(dir, 'out');
  const r = sulab(['run', join(dir, 'c.yaml'), '--report', report]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^committee: B\(H\) = x;/m);
  assert.match(r.stdout, /^parts\/weighted-utilitarian\s+y\s+no/m);
  const html = readFileSync(join(report, 'index.html'), 'utf8');
  assert.match(html, /<svg/);
  assert.match(html, /Interpretation matrix/);
  assert.doesNotMatch(html, /<script/);
});

test('run with no arguments reads every built-in scenario', () => {
  const dir = tempFiles({});
  const r = sulab(['run', '--report', join(dir, 'report')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /holiday/);
  assert.ok(existsSync(join(dir, 'report', 'index.html')));
});

test('a bad scenario file is one line with file and line, exit 2', () => {
  const dir = tempFiles({ 'c.yaml': committee.replace('sigma: plurality', 'sigma: pluralty') });
  const r = sulab(['run', join(dir, 'c.yaml'), '--no-report']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /c\.yaml:7: sigma: unknown method "pluralty"/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('plugins: a user reading is registered; one that throws is reported and the others go on', () => {
  const plugin = `export default [
  {
    id: 'mine/loudest',
    title: 'Mine: the loudest part decides',
    read(ctx) {
      let best = 0;
      ctx.own.weights.forEach((w, i) => { if (w > ctx.own.weights[best]) best = i; });
      const row = Array.from(ctx.own.u.subarray(best * ctx.own.actions, (best + 1) * ctx.own.actions));
      const top = Math.max(...row);
      const a = row.indexOf(top);
      return { target: { kind: 'action', action: a, ties: [a] }, scores: Float64Array.from(row, (x) => (x === top ? 1 : 0)), notes: [] };
    },
  },
  { id: 'mine/broken', title: 'Mine: broken', read() { throw new Error('plugin bug'); } },
];
`;
  const dir = tempFiles({
    'p.mjs': plugin,
    'c.yaml': committee.replace(
      'alignments: [boundary/instruction, parts/weighted-utilitarian, parts/pareto]',
      'alignments: [mine/loudest, mine/broken, boundary/instruction]',
    ),
  });
  const r = sulab(['run', join(dir, 'c.yaml'), '--plugin', join(dir, 'p.mjs'), '--json', '--no-report']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.alignments[0].target, 'x');
  assert.match(out.alignments[1].error, /plugin bug/);
  assert.equal(out.alignments[2].target, 'x');
  const missing = sulab(['run', join(dir, 'c.yaml'), '--plugin', join(dir, 'nope.mjs')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.mjs: no such file/);
});
