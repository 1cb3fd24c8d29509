import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cellParams, runCells } from '../../src/experiment/cells.js';
import { preflight } from '../../src/experiment/sweep-run.js';
import { readSource } from '../../src/scenario/source.js';
import { sweepJsonSchemaText } from '../../src/scenario/sweep-schema.js';
import { columnName, parsePath, parseSweep, setPath } from '../../src/scenario/sweep.js';
import { BASE, sweepYaml } from '../experiment/sweep-fixtures.js';

const base = readSource(BASE, 'base.yaml');

/** The one-line error a sweep text gives (parsed, then checked against BASE), or 'ok'. */
function error(text: string): string {
  try {
    preflight(parseSweep(text, 'sw.yaml').sweep, base);
    return 'ok';
  } catch (e) {
    assert.equal((e as Error).name, 'UserError', (e as Error).stack);
    return (e as Error).message;
  }
}

const S = sweepYaml('s', 2);

test('sweep files: mistakes name the sweep file line, the path, and for values the cell', () => {
  const cases: [string, string][] = [
    [S, 'ok'],
    [
      S.replace('parts[0].weight', 'parts[5].weight'),
      'sw.yaml:6: parts[5].weight: no such path in the base scenario: parts has 3 items, so no [5]',
    ],
    [
      S.replace('[0.1, 0.5, 0.9]', '[0.1, -2, 0.9]'),
      'sw.yaml:6: grid["parts[0].weight"]: the base scenario rejects parts[0].weight = -2: expected a non-negative weight, got -2 (cell values: parts[0].weight = -2, sigma = "borda", parts[1].weight = 0)',
    ],
    [
      S.replace('[borda, plurality]', '[borda, plurallity]'),
      'sw.yaml:7: grid.sigma: the base scenario rejects sigma = "plurallity": unknown method "plurallity"; did you mean plurality? (cell values: parts[0].weight = 0.1, sigma = "plurallity", parts[1].weight = 0)',
    ],
    [
      S.replace('sigma: [', 'sigmaa: ['),
      'sw.yaml:7: grid.sigmaa: the base scenario rejects sigmaa = "borda": unknown key "sigmaa"; did you mean sigma? (cell values: parts[0].weight = 0.1, sigmaa = "borda", parts[1].weight = 0)',
    ],
    [
      S.replace('{uniform: [0, 1]}', '{uniform: [-1, 0]}'),
      'sw.yaml:9: random["parts[1].weight"]: the base scenario rejects parts[1].weight = -1: expected a non-negative weight, got -1 (cell values: parts[0].weight = 0.1, sigma = "borda", parts[1].weight = -1)',
    ],
    [
      S.replace('sigma: [borda, plurality]', 'sigma.rule: [borda]'),
      'sw.yaml:7: sigma.rule: no such path in the base scenario: sigma is "borda", not an object, so it has no key "rule"',
    ],
    [
      `${S}readings: [boundary/instruction, parts/nash-bargainin]\n`,
      'sw.yaml:11: readings[1]: unknown operationalization "parts/nash-bargainin"; did you mean parts/nash-bargaining? (cell values: parts[0].weight = 0.1, sigma = "borda", parts[1].weight = 0)',
    ],
    [
      S.replace('replicates: 2', 'replicates: two'),
      'sw.yaml:10: replicates: expected a whole number, got "two"',
    ],
    [S.replace('[borda, plurality]', 'borda'), 'sw.yaml:7: grid.sigma: expected a list, got "borda"'],
    [
      S.replace('[borda, plurality]', '[]'),
      'sw.yaml:7: grid.sigma: expected at least one value, got an empty list',
    ],
    [
      S.replace('{uniform: [0, 1]}', '{uniform: [1, 0]}'),
      'sw.yaml:9: random["parts[1].weight"].uniform: expected lo ≤ hi',
    ],
    [
      S.replace('{uniform: [0, 1]}', '{normal: [0, 1]}'),
      'sw.yaml:9: random["parts[1].weight"]: expected one of uniform: [lo, hi], int: [lo, hi] or choice: [values]',
    ],
    [
      S.replace('{uniform: [0, 1]}', '{uniform: [0, 1], int: [0, 1]}'),
      'sw.yaml:9: random["parts[1].weight"]: expected one of uniform: [lo, hi], int: [lo, hi] or choice: [values]',
    ],
    [S.replace('kind: sweep', 'kind: sweeep'), 'sw.yaml:1: kind: expected "sweep", got "sweeep"'],
    [
      S.replace('base: {scenario: base.yaml}', 'base: {}'),
      'sw.yaml:4: base: expected either scenario: PATH or generator: {model: NAME, …}, not both or neither',
    ],
    [`${S}repliactes: 3\n`, 'sw.yaml:11: unknown key "repliactes"; did you mean replicates?'],
    [
      S.replace('sigma: [', 'seed: [1, 2]\n  sigma: ['),
      "sw.yaml:7: grid.seed: each cell's seed derives from the sweep's seed and the cell index; use replicates to repeat a point",
    ],
    [
      S.replace('sigma: [', 'parts[0]: [{}]\n  sigma: ['),
      'sw.yaml:7: grid["parts[0]"]: parts[0] overlaps parts[0].weight, swept above',
    ],
    [
      S.replace('parts[0].weight', 'parts[0]..weight'),
      'sw.yaml:6: grid["parts[0]..weight"]: not a path (expected a key, [index] or ["key"] at 10); write it like parts[0].weight',
    ],
    [
      `${S}measures: [gap, welfare]\n`,
      'sw.yaml:11: measures[1]: expected one of self_aligned, gap, target_welfare, worst_off_welfare, neglected_count, override, pareto_dominated, accepted_by_some, behaviour_welfare, behaviour_worst_off_welfare, condorcet_winner, overton_coverage, steerability, distributional_fit, jury_welfare, distortion, manipulation_gain, approval, original_welfare, drift, bounded_weight, bounded_utility, evolved_weight, evolved_original_welfare, got "welfare"',
    ],
  ];
  for (const [text, want] of cases) assert.equal(error(text), want);
  // Every grid point is loaded up front: values wrong only together are found too.
  const together = S.replace(
    'sigma: [borda, plurality]',
    'parts[1].weight: [0.3, 0]\n  parts[2].weight: [1, 0]',
  )
    .replace('[0.1, 0.5, 0.9]', '[0.1, 0]')
    .replace(/random:\n.*\n/, '');
  assert.equal(
    error(together),
    'sw.yaml:6: grid["parts[0].weight"]: the base scenario rejects parts[0].weight = 0: parts: expected at least one part with a positive weight (cell values: parts[0].weight = 0, parts[1].weight = 0, parts[2].weight = 0)',
  );
  // JSON sweep files name their lines too.
  const json = JSON.stringify(
    { kind: 'sweep', name: 'j', base: { scenario: 'b.yaml' }, grid: { epsilon: [-1] } },
    null,
    2,
  );
  assert.equal(
    error(json.replace('"j"', '"j"')).replace(/\(cell values.*$/, ''),
    'sw.yaml:8: grid.epsilon: the base scenario rejects epsilon = -1: expected a non-negative tolerance, got -1 ',
  );
});

test('sweep paths: written as scenario errors print them; columns are SQL-friendly', () => {
  assert.deepEqual(parsePath('parts[0].weight'), ['parts', 0, 'weight']);
  assert.deepEqual(parsePath('actions.book-beach'), ['actions', 'book-beach']);
  assert.deepEqual(parsePath('utility["horrible place"]'), ['utility', 'horrible place']);
  assert.equal(typeof parsePath('parts.[0]'), 'string');
  assert.equal(typeof parsePath('[0]'), 'object');
  assert.equal(columnName('parts[0].weight'), 'parts_0_weight');
  assert.equal(columnName('utility["Horrible place"]'), 'utility_horrible_place');
  assert.equal(columnName('[0]'), 'p_0');
  const data = { a: [{ b: 1 }] };
  assert.equal(setPath(data, ['a', 0, 'c', 'd'], 2), undefined);
  assert.deepEqual(data, { a: [{ b: 1, c: { d: 2 } }] });
  assert.match(setPath(data, ['a', 1, 'b'], 2) ?? '', /a has 1 item, so no \[1\]/);
});

test('cells: row-major over the grid (last key fastest), replicates innermost; seeds from (sweep seed, cell) only', () => {
  const { sweep } = parseSweep(S, 'sw.yaml');
  assert.equal(sweep.points, 6);
  assert.equal(sweep.cells, 12);
  const cells = Array.from({ length: 12 }, (_, k) => cellParams(sweep, k));
  assert.deepEqual(
    cells.map((c) => [c.values[0], c.values[1], c.replicate]),
    [0.1, 0.5, 0.9].flatMap((w) => ['borda', 'plurality'].flatMap((s) => [0, 1].map((r) => [w, s, r]))),
  );
  assert.equal(new Set(cells.map((c) => c.seed)).size, 12);
  for (const c of cells) assert.ok((c.values[2] as number) >= 0 && (c.values[2] as number) < 1);
  // The same cell, asked in another order or from another sweep object, is the same.
  assert.deepEqual(cellParams(parseSweep(S, 'other.yaml').sweep, 7), cells[7]);
  const reseeded = parseSweep(S.replace('seed: 11', 'seed: 12'), 'sw.yaml').sweep;
  assert.notEqual(cellParams(reseeded, 7).seed, cells[7].seed);
});

test('cells: a cell the loader rejects is an error of that cell, not an abort; measures pick the rows', () => {
  const { sweep } = parseSweep(
    S.replace('[0.1, 0.5, 0.9]', '[0.1, -2]').concat('measures: [gap, target_welfare, accepted_by_some]\n'),
    'sw.yaml',
  );
  const out = runCells(sweep, base, [0, 4]);
  assert.equal(out.cells[0].error, null);
  assert.equal(out.cells[1].error, 'base.yaml:5: parts[0].weight: expected a non-negative weight, got -2');
  // Cell 0 alone has rows: per reading a gap and a welfare per part, then accepted_by_some.
  assert.deepEqual([...new Set(out.rows.cell)], [0]);
  assert.deepEqual(
    out.rows.measure.map((m, i) => `${out.rows.reading[i]}|${m}|${out.rows.part[i]}`).slice(0, 5),
    [
      'boundary/instruction|gap|null',
      'boundary/instruction|target_welfare|p1',
      'boundary/instruction|target_welfare|p2',
      'boundary/instruction|target_welfare|p3',
      'parts/weighted-utilitarian|gap|null',
    ],
  );
  assert.equal(out.rows.measure.at(-1), 'accepted_by_some');
  assert.equal(out.rows.reading.at(-1), null);
});

test('schema/sweep.schema.json is the generated schema (run npx tsx scripts/scenario-schema.ts)', () => {
  const committed = join(import.meta.dirname, '..', '..', 'schema', 'sweep.schema.json');
  assert.equal(readFileSync(committed, 'utf8'), sweepJsonSchemaText());
});
