import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const pairs =
  'winner,loser,count\napple,pear,3\npear,apple,1\npear,fig,2\nfig,pear,1\napple,fig,4\nfig,apple,1\n';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

test('fit: Bradley–Terry scores, ordering and argmax from a CSV of comparisons', () => {
  const dir = tempFiles({ 'p.csv': pairs });
  for (const [flags, lambda] of [[[], 0.1] as const, [['--prior', '0'], 0] as const]) {
    const r = sulab(['fit', '--model', 'bradley-terry', '--input', join(dir, 'p.csv'), '--json', ...flags]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.ordering, [['apple'], ['pear'], ['fig']]);
    assert.deepEqual(out.argmax, ['apple']);
    assert.equal(out.converged, true);
    assert.equal(out.status, 'converged');
    assert.equal(out.prior, lambda);
    assert.deepEqual(out.one_way, []);
    const s = Object.values(out.scores as Record<string, number>);
    assert.ok(Math.abs(s.reduce((a, b) => a + b, 0)) < 1e-9);
    // At the optimum, observed minus expected wins is λ·s for every item (0 at the MLE).
    const { apple, pear, fig } = out.scores;
    const expectedAppleWins = 4 * sig(apple - pear) + 5 * sig(apple - fig);
    assert.ok(Math.abs(7 - expectedAppleWins - lambda * apple) < 1e-6);
  }
});

test('fit: separable data are fitted under the default prior and named; with --prior 0 a clear error', () => {
  const dir = tempFiles({ 'p.csv': 'winner,loser\na,b\nb,c\n' });
  const file = join(dir, 'p.csv');
  const r = sulab(['fit', '--input', file, '--prior', '0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /p\.csv: .*do not exist.*prior/);
  const fit = sulab(['fit', '--input', file]);
  assert.equal(fit.code, 0, fit.stderr);
  assert.match(
    fit.stdout,
    /separated: a never lost to b; b never lost to c\n.*prior λ = 0\.1 keeps them finite/,
  );
  assert.match(fit.stdout, /converged, prior λ = 0\.1/);
  const out = JSON.parse(sulab(['fit', '--input', file, '--json']).stdout);
  assert.deepEqual(out.one_way, [
    ['a', 'b'],
    ['b', 'c'],
  ]);
  // Finite: the prior balances each one-way comparison.
  assert.ok(out.scores.a - out.scores.b > 1 && out.scores.a - out.scores.b < 5);
});

// alice orders a > b > c, bob c > b > a, carol is torn about a and b but puts c first.
const annotated =
  'winner,loser,count,annotator\na,b,2,alice\nb,c,2,alice\na,c,1,alice\nc,b,2,bob\nb,a,1,bob\nc,a,2,bob\n' +
  'a,b,1,carol\nb,a,1,carol\nc,b,1,carol\n';

test('fit: a mixture says which annotator went to which type, and keeps separated types finite', () => {
  const file = join(tempFiles({ 'm.csv': annotated }), 'm.csv');
  const out = JSON.parse(sulab(['fit', '--model', 'mixture', '--input', file, '--json']).stdout);
  assert.equal(out.status, 'converged');
  assert.equal(out.prior, 0.1);
  const who = Object.fromEntries(
    (out.assignment as { annotator: string; type: number; responsibilities: number[] }[]).map((a) => {
      assert.ok(Math.abs(a.responsibilities.reduce((x, y) => x + y, 0) - 1) < 1e-9);
      assert.equal(a.responsibilities[a.type - 1], Math.max(...a.responsibilities));
      return [a.annotator, a.type];
    }),
  );
  // Types are numbered by decreasing weight: bob and carol (c on top) are type 1, alice type 2.
  assert.deepEqual(who, { alice: 2, bob: 1, carol: 1 });
  assert.deepEqual(out.separated, [
    {
      type: 1,
      annotators: ['bob', 'carol'],
      one_way: [
        ['c', 'a'],
        ['c', 'b'],
      ],
    },
    {
      type: 2,
      annotators: ['alice'],
      one_way: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    },
  ]);
  for (const t of out.types)
    for (const x of Object.values(t as Record<string, number>)) assert.ok(Math.abs(x) < 5);
  const text = sulab(['fit', '--model', 'mixture', '--input', file]).stdout;
  assert.match(text, /annotator +type +P\(type 1\) +P\(type 2\)\n[- ]+\nalice +2 +0\.0000 +1\.0000\n/);
  assert.match(text, /separated: type 2 \(alice\): a never lost to b, c; b never lost to c/);
  assert.match(text, /, converged, prior λ = 0\.1, grouping by annotator/);
});

test('fit: a mixture with --prior 0 reports separation, not convergence', () => {
  const file = join(tempFiles({ 'm.csv': annotated }), 'm.csv');
  const r = sulab(['fit', '--model', 'mixture', '--input', file, '--prior', '0']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /maximum-likelihood mixture does not exist/);
  assert.match(r.stdout, /NOT converged \(separated\), no prior/);
  const out = JSON.parse(
    sulab(['fit', '--model', 'mixture', '--input', file, '--prior', '0', '--json']).stdout,
  );
  assert.equal(out.status, 'separated');
  assert.equal(out.converged, false);
});

test('fit: without annotators each comparison gets its own type', () => {
  const file = join(tempFiles({ 'p.csv': pairs }), 'p.csv');
  const out = JSON.parse(sulab(['fit', '--model', 'mixture', '--input', file, '--json']).stdout);
  assert.equal(out.grouping, 'record');
  assert.deepEqual(
    out.assignment.map((a: { comparison: string[] }) => a.comparison),
    [
      ['apple', 'pear'],
      ['apple', 'fig'],
      ['pear', 'apple'],
      ['pear', 'fig'],
      ['fig', 'apple'],
      ['fig', 'pear'],
    ],
  );
});

test('fit: a malformed CSV line is named by file and line', () => {
  const dir = tempFiles({ 'p.csv': 'winner,loser,count\na,b,1\na,b,x\n' });
  const r = sulab(['fit', '--input', join(dir, 'p.csv')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /p\.csv:3/);
});
