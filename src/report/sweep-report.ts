/**
 * The report of a sweep's store: every measure against every swept parameter — the mean over cells
 * (and parts, for per-part measures) with its 95% confidence interval (mean ± 1.96 standard errors),
 * one line per reading — as vega-lite plots and tables in a self-contained HTML page.
 */
import type { Report, ReportSection } from './html.js';
import { categoricalScale, header, type PlotSpec } from './plots.js';
import { renderSvg } from './render.js';

/** One mean: a reading (or the cell, for cell measures) at one value of a parameter. */
export interface MeanRow {
  readonly measure: string;
  readonly parameter: string;
  readonly x: number | string;
  readonly reading: string;
  readonly n: number;
  readonly mean: number;
  /** Half-width of the 95% interval; null with a single observation. */
  readonly ci: number | null;
}

/** Means with 95% intervals against a numeric parameter: a line per reading and its band. */
export function meanCiSpec(
  rows: readonly MeanRow[],
  title: string,
  xTitle: string,
  yTitle: string,
): PlotSpec {
  const readings = [...new Set(rows.map((r) => r.reading))];
  const values = rows.map((r) => ({
    x: r.x,
    reading: r.reading,
    mean: r.mean,
    lo: r.ci === null ? r.mean : r.mean - r.ci,
    hi: r.ci === null ? r.mean : r.mean + r.ci,
  }));
  const color = { field: 'reading', type: 'nominal', scale: categoricalScale(readings), title: 'reading' };
  const numeric = rows.every((r) => typeof r.x === 'number');
  const x = numeric
    ? { field: 'x', type: 'quantitative', title: xTitle, scale: { zero: false, nice: false } }
    : { field: 'x', type: 'ordinal', title: xTitle };
  return {
    ...header({ title }),
    width: 420,
    height: 220,
    data: { values },
    layer: [
      {
        mark: { type: numeric ? 'area' : 'rule', opacity: 0.15 },
        encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' }, color },
      },
      {
        mark: { type: 'line', point: { size: 20 }, strokeWidth: 1.75 },
        encoding: { x, y: { field: 'mean', type: 'quantitative' }, color },
      },
    ],
  } as PlotSpec;
}

/** The report: a section per measure, a figure per parameter. */
export async function sweepReport(
  meta: { name: string; cells: number; stored: number; parameters: readonly string[]; version: string },
  rows: readonly MeanRow[],
): Promise<Report> {
  const measures = [...new Set(rows.map((r) => r.measure))];
  const sections: ReportSection[] = [];
  for (const measure of measures) {
    const figures = [];
    const tables = [];
    for (const parameter of meta.parameters) {
      const these = rows.filter((r) => r.measure === measure && r.parameter === parameter);
      if (these.length === 0) continue;
      const spec = meanCiSpec(these, `${measure} against ${parameter}`, parameter, `mean ${measure}`);
      figures.push({
        svg: await renderSvg(spec, { idPrefix: `${measure}-${parameter}-`.replace(/[^a-z0-9-]/gi, '-') }),
        caption: `${measure} against ${parameter}: the mean over cells${
          these.some((r) => r.n > 1) ? ' with its 95% confidence interval' : ''
        }, one line per reading.`,
      });
      tables.push({
        caption: `${measure} by ${parameter}`,
        header: ['reading', parameter, 'cells', 'mean', '95% CI ±'],
        rows: these.map((r) => [r.reading, String(r.x), r.n, r.mean, r.ci ?? '–']),
      });
    }
    sections.push({ heading: measure, figures, tables });
  }
  return {
    title: `Sweep ${meta.name}`,
    subtitle: `${meta.stored} of ${meta.cells} cells; every measure against every swept parameter`,
    notes: [
      'Each point is the mean over the cells at that parameter value (and over the parts, for per-part measures), the other parameters varying as the sweep drew them; the band is the 95% confidence interval of that mean (± 1.96 standard errors).',
    ],
    meta: { version: meta.version },
    sections,
  };
}
