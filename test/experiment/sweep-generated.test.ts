/**
 * A generator sweep's cells built without the loader's passes (experiment/generated.ts): the same
 * scenario, or the same error, as the loader gives, cell by cell; and the same rows end to end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { packRows, runCells, runCellsPacked, unpackRows } from '../../src/experiment/cells.js';
import { GeneratedCells, generatorOnly } from '../../src/experiment/generated.js';
import { parseAnyScenarioSource } from '../../src/scenario/load.js';
import { readSource, type Source } from '../../src/scenario/source.js';
import { cellSource, parseSweep } from '../../src/scenario/sweep.js';

const BASE = readSource('{}', 'generated');

/** A sweep over a generator with these options (no parameters), and optionally its own readings. */
function sweepOf(options: Record<string, unknown>, readings?: readonly string[]) {
  const text = `kind: sweep
name: g
seed: 1
base: {generator: ${JSON.stringify(options)}}
${readings ? `readings: ${JSON.stringify(readings)}\n` : ''}`;
  return parseSweep(text, 'g.yaml').sweep;
}

/** What loading gives: the scenario, or the error's message and place. */
function outcome(load: () => unknown): unknown {
  try {
    return { ok: load() };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { error: e.message, where: e.where };
  }
}

const SIGMAS = ['weighted-utilitarian', 'borda', 'nash-bargaining', 'kemeny-young', 'absolute-majority'];

const options = fc
  .record({
    model: fc.constantFrom('impartial', 'spatial', 'mallows', 'single-peaked'),
    parts: fc.integer({ min: 1, max: 5 }),
    actions: fc.integer({ min: 1, max: 4 }),
    world: fc.constantFrom('identity', 'random'),
    outcomes: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    weights: fc.constantFrom('uniform', 'dirichlet'),
    alpha: fc.option(fc.constantFrom(0.001, 0.5, 3), { nil: undefined }),
    divergence: fc.constantFrom(0, 0.3, 1),
    noise: fc.constantFrom(0, 0.1),
    depth: fc.integer({ min: 1, max: 3 }),
    'team-size': fc.integer({ min: 2, max: 3 }),
    sigma: fc.constantFrom(...SIGMAS),
  })
  .map((o) => {
    // Only the combinations the generator takes: outcomes with a random world, α with Dirichlet.
    const { outcomes, alpha, ...rest } = o;
    return {
      ...rest,
      ...(o.world === 'random' && outcomes !== undefined ? { outcomes } : {}),
      ...(o.weights === 'dirichlet' && alpha !== undefined ? { alpha } : {}),
    };
  });

test('a generator cell built directly is the scenario the loader builds, or the loader’s error', () => {
  let built = 0;
  fc.assert(
    fc.property(
      options,
      fc.option(fc.constantFrom(['boundary/instruction', 'parts/weighted-utilitarian'], ['parts/delegates'])),
      fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 2, maxLength: 4 }),
      (opts, readings, seeds) => {
        const sweep = sweepOf(opts, readings ?? undefined);
        assert.ok(generatorOnly(sweep));
        const cells = new GeneratedCells();
        let loaded = 0;
        for (const seed of seeds) {
          const src = cellSource(BASE, sweep, [], seed);
          const want = outcome(() => parseAnyScenarioSource(src));
          assert.deepStrictEqual(
            outcome(() => cells.load(src, [])),
            want,
          );
          if ((want as { ok?: unknown }).ok) loaded++;
        }
        // Every cell after the template is built directly (when the loader takes them all).
        if (loaded === seeds.length) assert.equal(cells.direct, seeds.length - 1);
        built += cells.direct;
      },
    ),
    { numRuns: 60 },
  );
  assert.ok(built > 30, `${built} cells built directly`);
});

/** A generated cell's data, as the mistakes below change it. */
interface Data {
  parts: {
    name: string;
    weight?: number;
    utility?: number[];
    beliefs?: Record<string, number[]>;
    rate?: number;
  }[];
}

/** Ways a principal's data can be wrong, each set on a cell's data (a deep copy). */
const MISTAKES: Record<string, (d: Data) => void> = {
  'a negative weight': (d) => {
    d.parts[0].weight = -0.5;
  },
  'every weight 0': (d) => {
    for (const p of d.parts) p.weight = 0;
  },
  'a utility that is not finite': (d) => {
    (d.parts[0].utility as number[])[0] = Number.NaN;
  },
  'a utility one number short': (d) => {
    d.parts[0].utility?.pop();
  },
  'a part without a utility': (d) => {
    delete d.parts[0].utility;
  },
  'a belief row summing to 1.01': (d) => {
    const row = Object.values(d.parts[0].beliefs ?? {})[0];
    row[0] += 0.01;
  },
  'a belief row missing': (d) => {
    delete d.parts[0].beliefs?.a1;
  },
  'a part named twice': (d) => {
    d.parts[1].name = d.parts[0].name;
  },
  'a field the template has not': (d) => {
    d.parts[0].rate = 0.5;
  },
  'another part count': (d) => {
    d.parts.pop();
  },
};

test('a cell whose data is wrong gets the loader’s error (or scenario), not the direct build’s', () => {
  const sweep = sweepOf({ model: 'impartial', parts: 3, actions: 3, weights: 'dirichlet', divergence: 0.2 });
  for (const [what, spoil] of Object.entries(MISTAKES)) {
    const cells = new GeneratedCells();
    cells.load(cellSource(BASE, sweep, [], 1), []); // the template
    const src = cellSource(BASE, sweep, [], 2);
    const bad: Source = { ...src, data: structuredClone(src.data) };
    spoil(bad.data as Data);
    const want = outcome(() => parseAnyScenarioSource(bad));
    assert.deepStrictEqual(
      outcome(() => cells.load(bad, [])),
      want,
      what,
    );
    assert.equal(cells.direct, 0, what);
  }
  // The mistakes the loader itself refuses are refused.
  const cells = new GeneratedCells();
  cells.load(cellSource(BASE, sweep, [], 1), []);
  const src = cellSource(BASE, sweep, [], 2);
  const bad: Source = { ...src, data: structuredClone(src.data) };
  MISTAKES['a negative weight'](bad.data as Data);
  assert.throws(() => cells.load(bad, []), /parts\[0\]\.weight/);
});

test('a generator sweep stores the same rows and errors whether its cells are built directly or loaded', () => {
  const sweepOf = (extra: string) =>
    parseSweep(
      `kind: sweep
name: d
seed: 5
base: {generator: {model: impartial, parts: 4, actions: 3, outcomes: 3, weights: dirichlet, divergence: 0.3, depth: 2, team-size: 2}}
grid:
  generator.sigma: [weighted-utilitarian, borda]
  generator.world: [random, identity]
${extra}replicates: 3
`,
      'd.yaml',
    ).sweep;
  const direct = sweepOf('');
  // The same cells with a parameter that is not a generator option (epsilon at its default): loaded.
  const loaded = sweepOf('random:\n  epsilon: {choice: [0.000001]}\n');
  assert.ok(generatorOnly(direct));
  assert.ok(!generatorOnly(loaded));
  // Cells 3–5 and 9–11 have an identity world with its own outcomes: the generator refuses them.
  const ks = Array.from({ length: 12 }, (_, k) => k);
  // Which GeneratedCells the run used (evaluating the template's cell must not spoil its check).
  const load = GeneratedCells.prototype.load;
  let used: GeneratedCells | undefined;
  GeneratedCells.prototype.load = function (this: GeneratedCells, ...args) {
    used = this;
    return load.apply(this, args);
  };
  let a: ReturnType<typeof runCells>;
  try {
    a = runCells(direct, BASE, ks);
  } finally {
    GeneratedCells.prototype.load = load;
  }
  // Two templates (one per Σ, random worlds), the four other cells of random worlds built directly.
  assert.equal(used?.direct, 4);
  const b = runCells(loaded, BASE, ks);
  assert.ok(a.rows.cell.length > 6 * 50);
  assert.deepEqual(
    a.cells.map((c) => c.error !== null),
    ks.map((k) => k % 6 >= 3),
  );
  assert.match(a.cells[3].error ?? '', /^d\.yaml:4: generator impartial: outcomes: only a random world/);
  assert.deepEqual(
    a.cells.map((c) => [c.cell, c.seed, c.error]),
    b.cells.map((c) => [c.cell, c.seed, c.error]),
  );
  assert.deepStrictEqual(a.rows, b.rows);
});

test('packed rows: every name once, and unpacking gives the rows back', () => {
  const name = fc.constantFrom('parts/a', 'parts/b', 'gap', 'p1', 'p2', 'x');
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          cell: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          reading: fc.option(name),
          measure: name,
          part: fc.option(name),
          value: fc.double(),
        }),
        { maxLength: 40 },
      ),
      (rs) => {
        const rows = {
          cell: Int32Array.from(rs, (r) => r.cell),
          reading: rs.map((r) => r.reading),
          measure: rs.map((r) => r.measure),
          part: rs.map((r) => r.part),
          value: Float64Array.from(rs, (r) => r.value),
        };
        const p = packRows(rows);
        assert.equal(new Set(p.names).size, p.names.length);
        for (const k of [...p.reading, ...p.measure, ...p.part]) assert.ok(k >= -1 && k < p.names.length);
        assert.deepStrictEqual(unpackRows(p), rows);
      },
    ),
  );
  const sweep = sweepOf({ model: 'impartial', parts: 2, actions: 2 });
  assert.deepStrictEqual(
    unpackRows(runCellsPacked(sweep, BASE, [0, 1]).rows),
    runCells(sweep, BASE, [0, 1]).rows,
  );
});
