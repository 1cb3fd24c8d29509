import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/axioms.js';
import { inProcess, sulab, tempFiles } from './helpers.js';

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

test('axioms --json: one object per (method, axiom); the counterexample is a profile `sulab vote` reads', () => {
  const r = sulab([
    'axioms',
    '--method',
    'borda',
    '--axiom',
    'condorcet-winner',
    '--json',
    '--budget',
    '300',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [row] = lines(r.stdout);
  assert.deepEqual(Object.keys(row), [
    'method',
    'axiom',
    'violated',
    'counterexample',
    'searched',
    'explanation',
  ]);
  assert.equal(row.method, 'borda');
  assert.equal(row.axiom, 'condorcet-winner');
  assert.equal(row.violated, true);
  assert.deepEqual(row.counterexample, {
    candidates: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
    ],
    counts: [2, 1],
  });
  const dir = tempFiles({ 'cx.json': JSON.stringify(row.counterexample) });
  const v = sulab(['vote', '--method', 'borda,condorcet', '--input', join(dir, 'cx.json'), '--json']);
  assert.equal(v.code, 0, v.stderr);
  assert.deepEqual(
    JSON.parse(v.stdout).map((e: { winners: number[] }) => e.winners),
    [[0, 1], [0]],
  );
});

test('axioms: kept within the budget is violated false, counterexample null, searched = budget', async () => {
  const out = await inProcess(main, [
    '--method',
    'schulze,copeland',
    '--axiom',
    'clones',
    '--json',
    '--budget',
    '40',
  ]);
  const [schulze, copeland] = lines(out);
  assert.deepEqual(schulze, {
    method: 'schulze',
    axiom: 'independence-of-clones',
    violated: false,
    counterexample: null,
    searched: 40,
    explanation: null,
  });
  assert.equal(copeland.violated, true);
});

test('axioms: the terminal says kept within N or violated, with the counterexample and why', async () => {
  const out = await inProcess(main, [
    '--method',
    'borda,plurality',
    '--axiom',
    'condorcet-loser',
    '--budget',
    '700',
  ]);
  assert.match(out, /borda: keeps 1 of 1 axioms within 700 profiles/);
  assert.match(out, /condorcet-loser\s+kept\s+700\s+none within 700/);
  assert.match(out, /plurality: keeps 0 of 1/);
  assert.match(out, /violated .*×.* — \d loses to every candidate by majority/);
});

test('axioms --input: checks one profile (Ge et al.’s, under Bradley–Terry)', async () => {
  const dir = tempFiles({
    'ge.json': JSON.stringify({
      candidates: 3,
      rankings: [
        [0, 1, 2],
        [1, 2, 0],
      ],
      counts: [3, 2],
    }),
  });
  const out = await inProcess(main, [
    '--method',
    'bradley-terry',
    '--axiom',
    'condorcet-winner',
    '--input',
    join(dir, 'ge.json'),
    '--json',
  ]);
  const [row] = lines(out);
  assert.equal(row.violated, true);
  assert.equal(row.searched, 1);
  assert.match(row.explanation, /winners are \{1\}/);
});

test('axioms --reading --json: the counterexample is a scenario `sulab run` reads', () => {
  const r = sulab([
    'axioms',
    '--reading',
    'parts/weighted-utilitarian',
    '--axiom',
    'manipulation-proofness',
    '--json',
    '--budget',
    '20',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const [row] = lines(r.stdout);
  assert.equal(row.reading, 'parts/weighted-utilitarian');
  assert.equal(row.violated, true);
  const dir = tempFiles({ 'cx.json': JSON.stringify(row.counterexample) });
  const run = sulab(['run', join(dir, 'cx.json'), '--json']);
  assert.equal(run.code, 0, run.stderr);
});

test('axioms: unknown axiom or rule, a zero budget, a throwing plugin — one line, exit 2', () => {
  const dir = tempFiles({
    'boom.mjs': "export default { id: 'mine/boom', title: 'Boom', read() { throw new Error('kaboom'); } };",
  });
  for (const args of [
    ['--method', 'borda', '--axiom', 'monotonicty'],
    ['--method', 'bordaa'],
    ['--method', 'borda', '--budget', '0'],
    ['--reading', 'mine/boom', '--axiom', 'reflexivity', '--plugin', join(dir, 'boom.mjs'), '--budget', '3'],
  ]) {
    const r = sulab(['axioms', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('axioms --reading --input: checks one principal file (YAML), its counterexample that same principal', async () => {
  const dir = tempFiles({
    'committee.yaml': [
      'name: committee',
      'outcomes: [x, y, z]',
      'parts:',
      '  - {name: loud, weight: 0.4, utility: [1, 0.6, 0]}',
      '  - {name: quiet, weight: 0.35, utility: [0, 0.9, 1]}',
      '  - {name: calm, weight: 0.25, utility: [0, 1, 0.2]}',
      'sigma: plurality',
      '',
    ].join('\n'),
  });
  const out = await inProcess(main, [
    '--reading',
    'parts/weighted-utilitarian,boundary/instruction',
    '--axiom',
    'reflexivity',
    '--input',
    join(dir, 'committee.yaml'),
    '--json',
  ]);
  const [util, instruction] = lines(out);
  assert.equal(util.violated, true);
  assert.equal(util.searched, 1);
  assert.equal(util.counterexample.sigma, 'plurality');
  assert.deepEqual(util.counterexample.alignments, ['parts/weighted-utilitarian']);
  assert.equal(instruction.violated, false);
  assert.equal(instruction.counterexample, null);
});
