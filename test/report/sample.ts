/**
 * A sample report in the shape `sulab run` produces: the productivity-assistant principal from the
 * essay (parts that care about work, friends and health) read under several operationalizations.
 * The tests render it; run this file to write it to a folder and look at it:
 *
 *   npx tsx test/report/sample.ts /tmp/report-sample
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../src/report/html.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { groupedBarSpec, heatmapSpec, lineChartSpec, scatterSpec } from '../../src/report/plots.js';
import { renderSvg } from '../../src/report/render.js';

export const readings = ['instruction', 'approval', 're-aggregate (Nash)', 'pareto', 'learned (BT)'];
export const parts = ['work', 'friends', 'health'];
export const welfare = [
  [0.8, 0.4, 0.5],
  [1.0, 0.05, 0.3],
  [0.7, 0.75, 0.6],
  [0.85, 0.45, 0.55],
  [0.9, 0.2, Number.NaN],
];
export const behaviours = ['B(H): half days', 'all work', 'weekend trip', 'gym then work'];
export const accepted = [
  [true, false, false, true, true],
  [false, true, false, false, true],
  [false, false, true, true, false],
  [false, false, null, true, false],
];

export async function buildSampleReport(hostile = ''): Promise<Report> {
  const partNames = parts.map((p, i) => (i === 2 ? `${p}${hostile}` : p));
  const bar = await renderSvg(
    groupedBarSpec({
      groups: readings,
      series: partNames,
      values: welfare,
      yDomain: [0, 1],
      xTitle: 'reading of "aligned"',
      yTitle: 'welfare (normalized)',
      seriesTitle: 'part',
    }),
  );
  const heat = await renderSvg(
    heatmapSpec({
      rows: behaviours,
      cols: readings,
      cells: accepted,
      rowTitle: 'behaviour',
      colTitle: 'reading',
      valueTitle: 'accepted as aligned',
    }),
  );
  const t = Array.from({ length: 25 }, (_, i) => i);
  const lines = await renderSvg(
    lineChartSpec({
      series: [
        { name: 'work', x: t, y: t.map((i) => 0.34 + 0.4 * (1 - Math.exp(-i / 8))), facet: 'weights' },
        { name: 'friends', x: t, y: t.map((i) => 0.33 - 0.25 * (1 - Math.exp(-i / 8))), facet: 'weights' },
        { name: partNames[2], x: t, y: t.map((i) => 0.33 - 0.15 * (1 - Math.exp(-i / 8))), facet: 'weights' },
        {
          name: 'approval',
          x: t,
          y: t.map((i) => 0.5 + 0.45 * (1 - Math.exp(-i / 5))),
          facet: 'approval and drift',
        },
        {
          name: 'drift',
          x: t,
          y: t.map((i) => (i === 12 ? Number.NaN : i / 30)),
          facet: 'approval and drift',
        },
      ],
      xTitle: 't',
      yTitle: 'value',
      yDomain: [0, 1],
    }),
  );
  const frontier = await renderSvg(
    scatterSpec({
      points: [
        { x: 0.1, y: 0.95, highlight: true, label: 'weekend trip' },
        { x: 0.55, y: 0.7, highlight: true, label: 'half days' },
        { x: 0.8, y: 0.45, highlight: true },
        { x: 1, y: 0.05, highlight: true, label: 'all work' },
        { x: 0.4, y: 0.4 },
        { x: 0.6, y: 0.2 },
        { x: 0.2, y: 0.5 },
      ],
      xTitle: 'u(work)',
      yTitle: 'u(friends)',
      highlightTitle: 'Pareto frontier',
      xDomain: [0, 1],
      yDomain: [0, 1],
    }),
  );
  return {
    title: `Productivity assistant${hostile}`,
    subtitle: 'One principal, five readings of "A is aligned with H"',
    notes: ["Welfare is each part's utility normalized to [0, 1] over the feasible decisions."],
    meta: { version: '0.1.0', seed: 42, date: '2025-01-01', command: 'sulab run --seed 42' },
    sections: [
      {
        heading: 'Reflexivity',
        paragraphs: [
          'H is self-aligned under a reading when the best decision by that reading scores no better than what H does unaided (gap at most ε).',
        ],
        tables: [
          {
            caption: 'Gap between the best decision and B(H), per reading',
            header: ['reading', 'gap', 'self-aligned', 'override'],
            rowHeaders: true,
            precision: [undefined, 3],
            rows: readings.map((r, i) => [
              r,
              [0, 0.62, 0.31, 0.08, -0][i],
              i === 0 || i === 4 ? { value: 'yes', highlight: 'good' } : { value: 'no', highlight: 'bad' },
              i === 0 ? { value: '—', highlight: 'muted' } : 'yes',
            ]),
            note: 'Blue: self-aligned; orange: not.',
          },
        ],
      },
      {
        heading: 'Welfare of the parts',
        blocks: [
          {
            kind: 'paragraph',
            text: `Each bar is one part under one reading; the ${partNames[2]} part is never the best served.`,
          },
          { kind: 'figure', figure: { svg: bar, caption: 'Per-part welfare under each reading.' } },
          {
            kind: 'table',
            table: {
              header: ['reading', ...partNames, 'worst-off'],
              rowHeaders: true,
              precision: 2,
              rows: readings.map((r, i) => [
                r,
                ...welfare[i].map((w) =>
                  w < 0.25 ? { value: w, highlight: 'bad' as const, title: 'neglected' } : w,
                ),
                partNames[welfare[i].indexOf(Math.min(...welfare[i].filter(Number.isFinite)))],
              ]),
            },
          },
        ],
      },
      {
        heading: 'Interpretation matrix',
        paragraphs: ['Every candidate behaviour is accepted as aligned by at least one reading.'],
        figures: [{ svg: heat, caption: 'Candidate behaviours (rows) × readings (columns).' }],
      },
      {
        heading: 'Dynamics',
        sections: [
          {
            heading: 'Approval maximization',
            figures: [
              {
                svg: lines,
                caption: 'Part weights, approval and drift over time under the approval reading.',
              },
            ],
          },
          {
            heading: 'Pareto frontier',
            figures: [
              { svg: frontier, caption: 'Decisions by the utilities of the work and friends parts.' },
            ],
            blocks: [{ kind: 'code', text: 'sulab run --seed 42 --reading pareto' }],
          },
        ],
      },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? '/tmp/report-sample';
  mkdirSync(dir, { recursive: true });
  buildSampleReport().then((r) => {
    writeFileSync(join(dir, 'index.html'), renderHtmlReport(r));
    console.log(`wrote ${join(dir, 'index.html')}`);
  });
}
