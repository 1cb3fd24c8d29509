import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type GroupedBarData,
  groupedBarSpec,
  type HeatmapData,
  heatmapSpec,
  type LineChartData,
  lineChartSpec,
  type PlotSpec,
  type ScatterData,
  scatterSpec,
} from '../../src/report/plots.js';
import { renderSvg } from '../../src/report/render.js';
import { svgProblem } from '../../src/report/svg.js';
import { addresses, count, nestingProblem } from './markup.js';

/** Renders and asserts what every plot must satisfy; fails on any vega or vega-lite warning. */
async function render(spec: PlotSpec): Promise<string> {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(warnings, []);
  assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
  assert.ok(svg.endsWith('</svg>'));
  assert.equal(nestingProblem(svg), null);
  assert.equal(svgProblem(svg), null);
  assert.ok(!/NaN|Infinity|undefined/.test(svg), 'no NaN, Infinity or undefined in the drawing');
  assert.deepEqual(addresses(svg), []);
  return svg;
}

/** The text drawn in an SVG, unescaped, one entry per <text> element. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

const bar: GroupedBarData = {
  groups: ['instruction', 'approval', 'pareto'],
  series: ['work', 'friends'],
  values: [
    [0.9, 0.2],
    [1, 0],
    [0.6, 0.7],
  ],
  yDomain: [0, 1],
  xTitle: 'reading',
  yTitle: 'welfare',
  seriesTitle: 'part',
};

describe('grouped bars', () => {
  test('draw one bar per value with every group, series and axis title labelled', async () => {
    const svg = await render(groupedBarSpec(bar, { title: 'Per-part welfare' }));
    const drawn = texts(svg);
    for (const label of [...bar.groups, ...bar.series, 'reading', 'welfare', 'part', 'Per-part welfare'])
      assert.ok(drawn.includes(label), `label ${label}`);
    assert.equal(count(svg, 'aria-roledescription="bar"'), 6);
  });

  test('draw no bar for a missing or non-finite value', async () => {
    const svg = await render(
      groupedBarSpec({
        ...bar,
        values: [
          [Number.NaN, 0.2],
          [null, Number.POSITIVE_INFINITY],
          [0.6, 0.7],
        ],
      }),
    );
    assert.equal(count(svg, 'aria-roledescription="bar"'), 3);
  });

  test('size follows width and height', async () => {
    const small = await render(groupedBarSpec(bar, { width: 200, height: 100 }));
    const large = await render(groupedBarSpec(bar, { width: 600, height: 400 }));
    const size = (s: string) => /width="(\d+)" height="(\d+)"/.exec(s)!.slice(1).map(Number);
    assert.ok(size(large)[0] - size(small)[0] >= 400);
    assert.ok(size(large)[1] - size(small)[1] >= 300);
  });

  test('refuse repeated names and ragged values, saying where', () => {
    assert.throws(
      () => groupedBarSpec({ ...bar, series: ['work', 'work'] }),
      /series\[1\]: "work" repeats series\[0\]/,
    );
    assert.throws(
      () => groupedBarSpec({ ...bar, values: [[1, 2], [1], [1, 2]] }),
      /values\[1\]: expected 2 values, got 1/,
    );
  });
});

const matrix: HeatmapData = {
  rows: ['B(H)', 'break-up', 'all work'],
  cols: ['instruction', 'approval', 're-aggregate', 'pareto'],
  cells: [
    [true, true, false, true],
    [false, true, null, false],
    [false, false, true, true],
  ],
  valueTitle: 'accepted',
};

describe('heat map', () => {
  test('a boolean matrix has one cell and one label per (row, column), missing cells included', async () => {
    const svg = await render(heatmapSpec(matrix));
    assert.equal(count(svg, 'aria-roledescription="rect mark"'), 12);
    assert.equal(count(svg, 'aria-roledescription="text mark"'), 12);
    for (const r of matrix.rows)
      for (const c of matrix.cols) assert.ok(svg.includes(`col: ${c}; row: ${r};`), `cell (${r}, ${c})`);
    const drawn = texts(svg);
    for (const label of [...matrix.rows, ...matrix.cols, 'accepted', 'yes', 'no'])
      assert.ok(drawn.includes(label), label);
    assert.equal(drawn.filter((t) => t === 'yes').length, 6 + 1); // six cells and the legend
  });

  test('a numeric matrix is labelled to the precision asked', async () => {
    const svg = await render(
      heatmapSpec({
        rows: ['a', 'b'],
        cols: ['x', 'y', 'z'],
        cells: [
          [0.1, 0.5, 0.987],
          [null, Number.NaN, 1],
        ],
        precision: 1,
      }),
    );
    assert.equal(count(svg, 'aria-roledescription="rect mark"'), 6);
    const drawn = texts(svg);
    for (const label of ['0.1', '0.5', '1.0']) assert.ok(drawn.includes(label), label);
    assert.equal(drawn.filter((t) => t === '–').length, 2);
  });

  test('refuse a mix of booleans and numbers, and a wrong shape', () => {
    assert.throws(
      () => heatmapSpec({ ...matrix, cells: [[true, 1, null, null], ...matrix.cells.slice(1)] }),
      /all booleans or all numbers/,
    );
    assert.throws(
      () => heatmapSpec({ ...matrix, cells: matrix.cells.slice(1) }),
      /cells: expected 3 rows, got 2/,
    );
  });
});

const t = Array.from({ length: 20 }, (_, i) => i);
const series: LineChartData = {
  series: [
    { name: 'work', x: t, y: t.map((i) => 0.5 + i / 40), facet: 'weights' },
    { name: 'friends', x: t, y: Float64Array.from(t, (i) => 0.5 - i / 40), facet: 'weights' },
    {
      name: 'approval',
      x: t,
      y: t.map((i) => (i === 7 ? Number.NaN : Math.sqrt(i / 20))),
      facet: 'approval',
    },
  ],
  xTitle: 'step',
  yTitle: 'value',
  seriesTitle: 'series',
};

describe('line chart', () => {
  test('draws each series, facet headers and axis titles, breaking lines at non-finite values', async () => {
    const svg = await render(lineChartSpec(series));
    const drawn = texts(svg);
    for (const label of ['work', 'friends', 'approval', 'weights', 'step', 'value', 'series'])
      assert.ok(drawn.includes(label), label);
    assert.equal(count(svg, 'aria-roledescription="line mark"'), 3);
    assert.equal(count(svg, 'aria-roledescription="point"'), 59);
  });

  test('without facets it is one panel', async () => {
    const svg = await render(
      lineChartSpec({ series: series.series.map(({ facet: _f, ...s }) => s), points: false }),
    );
    assert.equal(count(svg, 'aria-roledescription="line mark"'), 3);
    assert.equal(count(svg, 'aria-roledescription="point"'), 0);
    assert.equal(count(svg, 'aria-roledescription="axis"'), 2);
  });

  test('refuse series of unequal length and facets given to only some series', () => {
    assert.throws(
      () => lineChartSpec({ series: [{ name: 'drift', x: [0, 1, 2], y: [0, 1] }] }),
      /series\[0\] "drift": x has 3 values, y has 2/,
    );
    assert.throws(
      () => lineChartSpec({ series: [{ ...series.series[0] }, { name: 'b', x: [0], y: [0] }] }),
      /facet to every series or to none/,
    );
  });
});

const points: ScatterData = {
  points: [
    { x: 0.1, y: 0.9, highlight: true, label: 'trip' },
    { x: 0.5, y: 0.6, highlight: true, label: 'half days' },
    { x: 0.9, y: 0.1, highlight: true },
    { x: 0.3, y: 0.3 },
    { x: Number.NaN, y: 0.3 },
  ],
  xTitle: 'u(work)',
  yTitle: 'u(friends)',
  highlightTitle: 'Pareto frontier',
};

describe('scatter / frontier', () => {
  test('draws finite points, the frontier line, labels and a legend', async () => {
    const svg = await render(scatterSpec(points));
    assert.equal(count(svg, 'aria-roledescription="point"'), 4);
    assert.equal(count(svg, 'aria-roledescription="line mark"'), 1);
    const drawn = texts(svg);
    for (const label of ['trip', 'half days', 'u(work)', 'u(friends)', 'Pareto frontier', 'other'])
      assert.ok(drawn.includes(label), label);
  });

  test('colours by group when groups are given, highlight still in the legend', async () => {
    const svg = await render(
      scatterSpec({
        ...points,
        points: points.points.map((p, i) => ({ ...p, group: i % 2 ? 'Nash' : 'leximin' })),
        connectHighlighted: false,
        groupTitle: 'reading',
      }),
    );
    assert.equal(count(svg, 'aria-roledescription="line mark"'), 0);
    const drawn = texts(svg);
    for (const label of ['Nash', 'leximin', 'reading', 'Pareto frontier'])
      assert.ok(drawn.includes(label), label);
  });
});

describe('user text', () => {
  const evil = '<script>alert("x")</script>';
  const odd = ['a.b', 'datum.x', "it's", '&amp;', '[0]'];

  test('comes out as escaped text in every plot, and field-like names are drawn as written', async () => {
    const names = [evil, ...odd];
    const svgs = [
      await render(
        groupedBarSpec(
          {
            groups: ['g'],
            series: names,
            values: [names.map(() => 0.5)],
            xTitle: evil,
            yTitle: evil,
            seriesTitle: evil,
          },
          { title: evil, subtitle: evil },
        ),
      ),
      await render(
        heatmapSpec({
          rows: names,
          cols: [evil],
          cells: names.map(() => [true]),
          rowTitle: evil,
          yesLabel: evil,
        }),
      ),
      await render(
        lineChartSpec({ series: names.map((name) => ({ name, x: [0, 1], y: [0, 1], facet: evil })) }),
      ),
      await render(
        scatterSpec({
          points: names.map((label, i) => ({ x: i, y: i, label, group: label })),
          highlightTitle: evil,
        }),
      ),
    ];
    for (const svg of svgs) {
      assert.ok(!/<script/i.test(svg), 'no script element');
      assert.ok(svg.includes('&lt;script&gt;'), 'the name is shown as text');
      const drawn = texts(svg);
      for (const name of odd) assert.ok(drawn.includes(name), `${name} drawn as written`);
    }
  });
});

describe('renderSvg', () => {
  test('is deterministic: the same spec gives the same string, whatever was drawn before', async () => {
    const spec = heatmapSpec({ rows: ['a'], cols: ['x', 'y'], cells: [[0.2, 0.8]] });
    const first = await render(spec);
    await render(scatterSpec(points));
    await render(lineChartSpec(series));
    assert.equal(await render(spec), first);
    assert.equal(await render(lineChartSpec(series)), await render(lineChartSpec(series)));
  });

  test('element ids take the prefix asked for and references follow them', async () => {
    const spec = heatmapSpec({ rows: ['a'], cols: ['x', 'y'], cells: [[0.2, 0.8]] });
    const svg = await renderSvg(spec, { idPrefix: 'q-' });
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.match(id, /^q-\d+$/);
    for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) assert.ok(ids.includes(ref[1]), ref[1]);
  });

  test('specs are plain JSON data', () => {
    for (const spec of [groupedBarSpec(bar), heatmapSpec(matrix), lineChartSpec(series), scatterSpec(points)])
      assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
  });
});
