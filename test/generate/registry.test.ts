import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import { generators, getGenerator, resolveOptions } from '../../src/generate/registry.js';
import { isSinglePeaked } from '../../src/generate/profiles.js';

test('the registry lists the named generators and their aliases', () => {
  const names = generators.map((g) => g.name);
  assert.deepEqual(names, [
    'impartial-culture',
    'impartial-anonymous-culture',
    'mallows',
    'urn',
    'euclidean',
    'single-peaked',
    'uniform-utilities',
    'normal-utilities',
    'spatial-utilities',
    'plackett-luce',
    'didi',
    'single-crossing',
    'single-crossing-impartial',
    'group-separable',
    'single-peaked-circle',
    'k-axes-single-peaked',
    'identity',
    'stratification',
    'mallows-r',
    'mallows-relphi-r',
    'urn-r',
    'approval-impartial',
    'approval-urn',
    'approval-resampling',
    'approval-disjoint-resampling',
    'approval-moving-resampling',
    'approval-noise',
    'approval-euclidean-threshold',
    'approval-euclidean-vcr',
    'approval-euclidean-constant-size',
    'approval-identity',
  ]);
  assert.equal(getGenerator('IC').name, 'impartial-culture');
  assert.equal(getGenerator('iac').name, 'impartial-anonymous-culture');
  assert.equal(getGenerator('polya').name, 'urn');
  assert.equal(getGenerator('spatial').name, 'euclidean');
  assert.equal(getGenerator('single_peaked').name, 'single-peaked');
  assert.equal(getGenerator('spatialUtilities').name, 'spatial-utilities');
  assert.throws(
    () => getGenerator('gaussian'),
    /unknown generator "gaussian"; expected one of impartial-culture \(ic\)/,
  );
  for (const g of generators) {
    assert.ok(g.description.length > 20, g.name);
    for (const o of g.options)
      assert.ok(o.description.length > 0 && /^[a-z]+(-[a-z]+)*$/.test(o.name), `${g.name}.${o.name}`);
  }
});

test('every generator added for the breadth of prefsampling cites where its definition comes from', () => {
  for (const g of generators.slice(9)) assert.match(g.reference ?? '', /prefsampling|pref_voting/, g.name);
});

test('every generator runs with its defaults, is reproducible, and gives the promised output', () => {
  for (const g of generators) {
    const a = g.generate(new Random(1), 4, 25);
    const b = g.generate(new Random(1), 4, 25);
    assert.equal(a.m, 4);
    assert.equal(a.k, 25);
    assert.deepEqual(Array.from(a.levels), Array.from(b.levels), g.name);
    assert.equal(a.scores !== undefined, g.output !== 'rankings', g.name);
    if (g.output === 'approvals')
      assert.ok(
        a.scores?.every((x) => x === 0 || x === 1),
        `${g.name}: approval ballots are scores 0 and 1`,
      );
  }
});

test('options arrive as strings from a command line and are checked', () => {
  const mallows = getGenerator('mallows');
  const p = mallows.generate(new Random(1), 4, 50, { phi: '0', central: '3,2,1,0' });
  for (let b = 0; b < p.k; b++)
    assert.deepEqual(Array.from(p.levels.subarray(b * 4, b * 4 + 4)), [3, 2, 1, 0]);
  const sp = getGenerator('sp').generate(new Random(2), 5, 100, {
    method: 'Conitzer',
    axis: [4, 2, 0, 1, 3],
  });
  for (let b = 0; b < sp.k; b++) {
    const order = new Array<number>(5);
    for (let c = 0; c < 5; c++) order[sp.levels[b * 5 + c]] = c;
    assert.ok(isSinglePeaked(order, [4, 2, 0, 1, 3]));
  }
  assert.deepEqual(resolveOptions(mallows, { normalizedPhi: '0.25' }), { phi: 0.5, 'normalized-phi': 0.25 });
  const fails = (f: () => unknown, where: string, message: RegExp) =>
    assert.throws(f, (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(e.where, where);
      assert.match(e.message, message);
      return true;
    });
  fails(
    () => mallows.generate(new Random(1), 3, 5, { phi: '2' }),
    'phi',
    /expected a number ≤ 1 and ≥ 0, got 2/,
  );
  fails(() => mallows.generate(new Random(1), 3, 5, { phi: 'abc' }), 'phi', /expected a number, got "abc"/);
  fails(
    () => mallows.generate(new Random(1), 3, 5, { ph: 0.1 }),
    'ph',
    /unknown option of mallows; expected phi, normalized-phi, central/,
  );
  fails(
    () => getGenerator('ic').generate(new Random(1), 3, 5, { phi: 0.1 }),
    'phi',
    /impartial-culture takes no options/,
  );
  fails(
    () => getGenerator('euclidean').generate(new Random(1), 3, 5, { dimensions: '1.5' }),
    'dimensions',
    /expected a whole number/,
  );
  fails(
    () => getGenerator('euclidean').generate(new Random(1), 3, 5, { distribution: 'cauchy' }),
    'distribution',
    /expected one of uniform, normal, ball, sphere, got "cauchy"/,
  );
  fails(
    () => getGenerator('mallows').generate(new Random(1), 3, 5, { central: '0,1,x' }),
    'central[2]',
    /expected a whole number, got "x"/,
  );
  fails(
    () => getGenerator('iac').generate(new Random(1), 20, 5, { method: 'stars-and-bars' }),
    'method',
    /m ≤ 18/,
  );
});
