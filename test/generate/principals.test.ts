import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { totalVariation } from '../../src/core/distance.js';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import {
  getPrincipalGenerator,
  PRINCIPAL_OPTIONS,
  principalGenerators,
} from '../../src/generate/principal-registry.js';
import type { GeneratedPart, GeneratedScenario } from '../../src/generate/principals.js';
import type { GeneratorOptionValues } from '../../src/generate/registry.js';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';

const load = (g: GeneratedScenario) => parseScenario(JSON.stringify(g), `${g.name}.json`);
const draw = (model: string, opts: GeneratorOptionValues, seed = 1, i = 0) =>
  getPrincipalGenerator(model).generate(new Random(seed).split(i), opts);

/** The leaf parts, depth first, with their depth (H's parts are at depth 1). */
function leaves(parts: readonly GeneratedPart[], depth = 1): { part: GeneratedPart; depth: number }[] {
  return parts.flatMap((p) => (p.parts ? leaves(p.parts, depth + 1) : [{ part: p, depth }]));
}

test('the registry lists the principal models, their aliases and options', () => {
  assert.deepEqual(
    principalGenerators.map((g) => g.name),
    ['impartial', 'spatial', 'mallows', 'single-peaked'],
  );
  assert.equal(getPrincipalGenerator('euclidean').name, 'spatial');
  assert.equal(getPrincipalGenerator('Single_Peaked').name, 'single-peaked');
  assert.throws(
    () => getPrincipalGenerator('malows'),
    /unknown principal generator "malows"; did you mean mallows/,
  );
  for (const g of principalGenerators) {
    assert.ok(g.description.length > 20, g.name);
    for (const o of PRINCIPAL_OPTIONS) assert.ok(g.options.includes(o), `${g.name} takes ${o.name}`);
    for (const o of g.options) assert.match(o.name, /^[a-z]+(-[a-z]+)*$/);
  }
});

// Each line exercises some options; every model is drawn with every line.
const grid: GeneratorOptionValues[] = [
  {},
  { parts: 1, actions: 1 },
  { parts: 2, actions: 2, weights: 'dirichlet', alpha: 0.5 },
  { parts: 4, actions: 3, divergence: 0.4, world: 'random', outcomes: 5 },
  { parts: 5, actions: 3, depth: 3, 'team-size': 2, weights: 'dirichlet', divergence: 1 },
  { parts: 3, actions: 4, noise: 0.1, samples: 50, sigma: 'borda' },
  { parts: 4, actions: 3, depth: 2, sigma: 'nash-bargaining', world: 'random' },
];
const own: Record<string, GeneratorOptionValues[]> = {
  impartial: [],
  spatial: [
    { dimensions: 1, decay: 'quadratic' },
    { dimensions: 3, distribution: 'normal', decay: 'gaussian', width: 0.2 },
  ],
  mallows: [{ phi: 0, values: 'random' }, { 'normalized-phi': 0.3 }, { phi: 1 }],
  'single-peaked': [{ method: 'conitzer', values: 'random' }],
};

test('every model, over a grid of options, gives files the loader reads and evaluate runs', () => {
  for (const g of principalGenerators)
    for (const opts of [...grid, ...own[g.name].map((o) => ({ parts: 4, actions: 4, ...o }))]) {
      const what = `${g.name} ${JSON.stringify(opts)}`;
      const file = g.generate(new Random(3).split(2), opts);
      const s = load(file);
      assert.equal(leaves(file.parts).length, (opts.parts as number | undefined) ?? 5, what);
      assert.equal(s.principal.actions.length, (opts.actions as number | undefined) ?? 4, what);
      const r = evaluate(s);
      assert.equal(r.alignments.length, 9, what);
    }
});

test('the same stream gives the same file; another index another one', () => {
  for (const g of principalGenerators) {
    const opts = { parts: 6, actions: 3, divergence: 0.3, weights: 'dirichlet', depth: 2 };
    const a = JSON.stringify(g.generate(new Random(9).split(4), opts));
    assert.equal(JSON.stringify(g.generate(new Random(9).split(4), opts)), a, g.name);
    assert.notEqual(JSON.stringify(g.generate(new Random(9).split(5), opts)), a, g.name);
  }
});

test('utilities are normalized to [0, 1], each part spanning it', () => {
  for (const g of principalGenerators)
    for (let i = 0; i < 20; i++)
      for (const { part } of leaves(draw(g.name, { parts: 5, actions: 4 }, 2, i).parts)) {
        const u = part.utility as number[];
        assert.ok(
          u.every((x) => x >= 0 && x <= 1),
          g.name,
        );
        assert.equal(Math.min(...u), 0, g.name);
        assert.equal(Math.max(...u), 1, g.name);
      }
});

test('Dirichlet weights have means 1/n and sum to 1; uniform weights are left to the default', () => {
  const n = 4;
  const sums = new Array<number>(n).fill(0);
  const draws = 400;
  for (let i = 0; i < draws; i++) {
    const f = draw('impartial', { parts: n, actions: 2, weights: 'dirichlet', alpha: 1 }, 5, i);
    const w = f.parts.map((p) => p.weight as number);
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    w.forEach((x, k) => {
      sums[k] += x;
    });
  }
  for (const s of sums) assert.ok(Math.abs(s / draws - 1 / n) < 0.05, `${s / draws}`);
  assert.ok(draw('impartial', {}).parts.every((p) => p.weight === undefined));
  // Teams draw their own: every principal's weights sum to 1.
  const nested = draw('spatial', { parts: 7, depth: 2, weights: 'dirichlet', alpha: 2 });
  for (const team of [nested.parts, ...nested.parts.map((t) => t.parts ?? [])])
    assert.ok(Math.abs(team.reduce((a, p) => a + (p.weight as number), 0) - 1) < 1e-12);
});

function meanTv(f: GeneratedScenario): number {
  const s = load(f);
  let total = 0;
  let rows = 0;
  const W = s.principal.world;
  for (const part of s.principal.parts) {
    const B = part.beliefs;
    assert.ok(B !== undefined);
    for (let a = 0; a < W.actions; a++) {
      const row = (m: typeof W) => m.p.subarray(a * m.outcomes, (a + 1) * m.outcomes);
      total += totalVariation(row(B), row(W));
      rows++;
    }
  }
  return total / rows;
}

test('divergence: δ = 0 shares the world model; the mean total variation is δ·E[TV(R, W)]', () => {
  const zero = draw('impartial', { parts: 6, actions: 4, divergence: 0 });
  assert.ok(leaves(zero.parts).every(({ part }) => part.beliefs === undefined));
  assert.ok(load(zero).principal.parts.every((p) => p.beliefs === undefined));
  const O = 4;
  const deltas = [0.1, 0.3, 0.6, 1];
  const tv = deltas.map((d) => meanTv(draw('impartial', { parts: 20, actions: O, divergence: d }, 11)));
  for (let k = 1; k < tv.length; k++) assert.ok(tv[k] > tv[k - 1], `${tv}`);
  // The same seed draws the same directions R_i: TV is exactly proportional to δ.
  for (let k = 0; k < tv.length; k++) assert.ok(Math.abs(tv[k] / deltas[k] - tv[3]) < 1e-9);
  // Identity world: E[TV(R, e_a)] = 1 − E[R_a] = 1 − 1/O.
  assert.ok(Math.abs(tv[3] - (1 - 1 / O)) < 0.1, `${tv[3]}`);
  // A random world too: TV grows with δ.
  const random = [0.2, 0.8].map((d) =>
    meanTv(draw('mallows', { parts: 10, actions: 3, world: 'random', outcomes: 5, divergence: d }, 4)),
  );
  assert.ok(random[1] > random[0] && random[0] > 0);
});

test('single-peaked utilities decrease away from the peak along the outcome axis', () => {
  for (const method of ['walsh', 'conitzer'])
    for (const values of ['borda', 'random'])
      for (let i = 0; i < 10; i++)
        for (const { part } of leaves(draw('sp', { parts: 8, actions: 6, method, values }, 6, i).parts)) {
          const u = part.utility as number[];
          const peak = u.indexOf(1);
          for (let k = 0; k < u.length; k++) {
            if (k < peak) assert.ok(u[k] < u[k + 1], `${method} ${values} ${u}`);
            if (k > peak) assert.ok(u[k] < u[k - 1], `${method} ${values} ${u}`);
          }
        }
});

test('Mallows with φ = 0 gives every part the reference order a1 > a2 > …', () => {
  const borda = draw('mallows', { parts: 10, actions: 5, phi: 0 });
  for (const { part } of leaves(borda.parts)) assert.deepEqual(part.utility, [1, 0.75, 0.5, 0.25, 0]);
  const random = draw('mallows', { parts: 10, actions: 5, phi: 0, values: 'random', world: 'random' });
  for (const { part } of leaves(random.parts)) {
    const u = part.utility as number[];
    for (let k = 1; k < u.length; k++) assert.ok(u[k] < u[k - 1], `${u}`);
  }
  // φ = 1 (impartial orders): the parts disagree.
  const spread = draw('mallows', { parts: 10, actions: 5, phi: 1 });
  assert.ok(new Set(leaves(spread.parts).map(({ part }) => JSON.stringify(part.utility))).size > 1);
});

test('nesting: depth levels of teams of team-size, leaves p1…pn in order, teams t1, t1-1, …', () => {
  const f = draw('impartial', { parts: 9, actions: 2, depth: 3, 'team-size': 2 });
  const l = leaves(f.parts);
  assert.deepEqual(
    l.map(({ part }) => part.name),
    ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9'],
  );
  assert.ok(l.every(({ depth }) => depth === 3));
  assert.deepEqual(
    f.parts.map((p) => p.name),
    ['t1', 't2', 't3'],
  );
  assert.deepEqual(
    f.parts[0].parts?.map((p) => p.name),
    ['t1-1', 't1-2'],
  );
  assert.ok(f.parts.every((t) => t.sigma === 'weighted-utilitarian' && (t.parts?.length ?? 0) <= 2));
  const s = load(f);
  assert.equal(s.principal.parts[0].principal?.parts[1].principal?.parts[0].name, 'p3');
});

test('mistakes are UserErrors that name the option', () => {
  const cases: [string, GeneratorOptionValues, string][] = [
    ['impartial', { parts: 1001 }, 'parts'],
    ['impartial', { actions: 0 }, 'actions'],
    ['impartial', { depth: 6 }, 'depth'],
    ['impartial', { alpha: 2 }, 'alpha'],
    ['impartial', { outcomes: 3 }, 'outcomes'],
    ['impartial', { divergence: 1.5 }, 'divergence'],
    ['impartial', { parts: 1000, actions: 1000, divergence: 0.1 }, 'divergence'],
    ['impartial', { sigma: 'bordaa' }, 'sigma'],
    ['impartial', { phi: 0.5 }, 'phi'],
    ['spatial', { decay: 'cubic' }, 'decay'],
  ];
  for (const [model, opts, where] of cases)
    assert.throws(
      () => draw(model, opts),
      (e: unknown) => e instanceof UserError && e.where === where,
      `${model} ${JSON.stringify(opts)}`,
    );
});

test('property: any options in range give a valid principal', () => {
  const arb = fc.record({
    model: fc.constantFrom(...principalGenerators.map((g) => g.name)),
    seed: fc.nat(1000),
    parts: fc.integer({ min: 1, max: 8 }),
    actions: fc.integer({ min: 1, max: 6 }),
    random: fc.boolean(),
    outcomes: fc.integer({ min: 1, max: 6 }),
    dirichlet: fc.boolean(),
    alpha: fc.double({ min: 0.001, max: 1000, noNaN: true }),
    divergence: fc.double({ min: 0, max: 1, noNaN: true }),
    noise: fc.double({ min: 0, max: 10, noNaN: true }),
    depth: fc.integer({ min: 1, max: 5 }),
    teamSize: fc.integer({ min: 2, max: 4 }),
  });
  fc.assert(
    fc.property(arb, (o) => {
      const f = draw(
        o.model,
        {
          parts: o.parts,
          actions: o.actions,
          divergence: o.divergence,
          noise: o.noise,
          depth: o.depth,
          'team-size': o.teamSize,
          ...(o.random ? { world: 'random', outcomes: o.outcomes } : {}),
          ...(o.dirichlet ? { weights: 'dirichlet', alpha: o.alpha } : {}),
        },
        o.seed,
      );
      const s = load(f);
      const l = leaves(f.parts);
      assert.equal(l.length, o.parts);
      assert.ok(l.every(({ depth }) => depth === o.depth || o.depth === 1));
      for (const { part } of l) assert.ok((part.utility as number[]).every((x) => x >= 0 && x <= 1));
      assert.equal(s.principal.outcomes.length, o.random ? o.outcomes : o.actions);
      assert.equal(s.bounds.noise, o.noise);
    }),
    { numRuns: 150, seed: 42 },
  );
});
