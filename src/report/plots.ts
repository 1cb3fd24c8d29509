/**
 * Plots for sulab reports: small pure functions from plain data to vega-lite specs, and one
 * renderer from a spec to a self-contained SVG string.
 *
 * Every spec keeps user text (part names, reading names, titles) in data values and titles only,
 * never in field names or expressions, so a part called `a.b` or `datum.x` is drawn as written and
 * a part called `<script>` comes out as escaped text. The data rows use fixed field names.
 *
 * Colours: the Okabe–Ito palette (distinguishable under the common colour-vision deficiencies) for
 * up to eight series, vega's `tableau20` beyond that, `viridis` for numeric heat maps.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A vega-lite spec, as the plot functions return it and `renderSvg` takes it. */
export type PlotSpec = TopLevelSpec;

/** Okabe & Ito's colour-blind-safe palette, ordered so that the first colours contrast most. */
export const PALETTE: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#000000', // black
  '#F0E442', // yellow
];

/** Colours with a fixed meaning across sulab's plots. */
export const COLORS = {
  highlight: '#D55E00',
  other: '#8C8C8C',
  yes: '#0072B2',
  no: '#E4E4E4',
  missing: '#F7F7F7',
  ink: '#222222',
} as const;

/** The system font stack: nothing is fetched, and the SVG text matches the HTML report's text. */
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Whose beliefs a welfare plot measures under: a part's welfare of an action depends on the world
 * model that turns the action into outcomes. Welfare titles and captions say which one.
 */
export const WELFARE_BELIEFS = {
  own: 'by each part’s own beliefs',
  shared: 'under H’s shared world model',
  truth: 'under the true world model',
  /** Sequential runs: rewards of the states reached, which follow the true dynamics. */
  reached: 'in the states reached under the true dynamics (no part’s beliefs enter)',
  /** A world that is the identity: an action is its outcome. */
  none: 'where each action is its outcome (no beliefs enter)',
} as const;

/** A welfare plot's subtitle: which beliefs, and the scale. */
export function welfareSubtitle(beliefs: keyof typeof WELFARE_BELIEFS): string {
  return `Welfare ${WELFARE_BELIEFS[beliefs]}; 0 = the part’s worst, 1 = its best.`;
}

/** Options every plot takes. `width` and `height` are the plotting area in pixels (per panel when faceted). */
export interface PlotOptions {
  title?: string;
  /** Shown under the title (only with one). */
  subtitle?: string;
  width?: number;
  height?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

const CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: '#DDDDDD' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: COLORS.ink,
    labelColor: '#333333',
    labelLimit: 180,
    gridColor: '#EBEBEB',
    domainColor: '#888888',
    tickColor: '#888888',
  },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 200 },
  header: { labelFontSize: 12, titleFontSize: 12, labelColor: COLORS.ink },
  title: {
    fontSize: 14,
    fontWeight: 'bold',
    anchor: 'start',
    subtitleFontSize: 11,
    subtitleColor: '#555555',
  },
} as const;

// ---------------------------------------------------------------------------------------------
// helpers

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Throws when a list of names that become categories repeats one (the chart would merge them). */
function assertDistinct(names: readonly string[], where: string): void {
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    if (typeof n !== 'string') throw new TypeError(`${where}[${i}]: expected a string, got ${typeof n}`);
    const j = seen.get(n);
    if (j !== undefined) throw new RangeError(`${where}[${i}]: ${JSON.stringify(n)} repeats ${where}[${j}]`);
    seen.set(n, i);
  });
}

function assertMatrix(m: readonly (readonly unknown[])[], rows: number, cols: number, where: string): void {
  if (m.length !== rows) throw new RangeError(`${where}: expected ${rows} rows, got ${m.length}`);
  m.forEach((r, i) => {
    if (r.length !== cols) throw new RangeError(`${where}[${i}]: expected ${cols} values, got ${r.length}`);
  });
}

/** A colour scale over `domain` in the given order: Okabe–Ito up to eight entries, tableau20 beyond. */
export function categoricalScale(domain: readonly string[]): {
  domain: string[];
  range?: string[];
  scheme?: string;
} {
  return domain.length <= PALETTE.length
    ? { domain: [...domain], range: PALETTE.slice(0, Math.max(1, domain.length)) }
    : { domain: [...domain], scheme: 'tableau20' };
}

/** The schema, the shared look and the title every spec starts from. */
export function header(opts: PlotOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { $schema: SCHEMA, config: CONFIG };
  if (opts.title !== undefined)
    out.title =
      opts.subtitle === undefined ? { text: opts.title } : { text: opts.title, subtitle: opts.subtitle };
  return out;
}

/** Long category labels on a horizontal axis are turned so that they do not collide. */
function labelAngle(labels: readonly string[]): number {
  return labels.some((l) => l.length > 10) ? -30 : 0;
}

function title(t: string | undefined): string | null {
  return t === undefined || t === '' ? null : t;
}

// ---------------------------------------------------------------------------------------------
// grouped bars

/** Bars grouped along x: one group per `groups` entry, one coloured bar per `series` entry in it. */
export interface GroupedBarData {
  /** Categories along x, e.g. the alignment readings. */
  groups: readonly string[];
  /** Bars inside each group, told apart by colour, e.g. the parts of H. */
  series: readonly string[];
  /** `values[g][s]`: the height of series s in group g; null or non-finite draws no bar. */
  values: readonly (readonly (number | null)[])[];
  xTitle?: string;
  yTitle?: string;
  seriesTitle?: string;
  /** Fixed y range, e.g. [0, 1] for normalized welfare; default: from zero to the data. */
  yDomain?: readonly [number, number];
}

/** Grouped bar chart, e.g. per-part welfare (colour) under each alignment reading (x). */
export function groupedBarSpec(data: GroupedBarData, opts: PlotOptions = {}): PlotSpec {
  assertDistinct(data.groups, 'groups');
  assertDistinct(data.series, 'series');
  assertMatrix(data.values, data.groups.length, data.series.length, 'values');
  const values: { group: string; series: string; value: number }[] = [];
  data.groups.forEach((group, g) => {
    data.series.forEach((series, s) => {
      const v = finite(data.values[g][s]);
      if (v !== null) values.push({ group, series, value: v });
    });
  });
  const step = Math.max(10, Math.min(24, Math.floor(160 / Math.max(1, data.series.length))));
  return {
    ...header(opts),
    data: { values },
    // One step per bar; a chart with very many bars gets a fixed width and thinner bars instead.
    width:
      opts.width ?? (data.groups.length * data.series.length * step <= 720 ? { step, for: 'offset' } : 720),
    height: opts.height ?? 220,
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'group',
        type: 'nominal',
        scale: { domain: [...data.groups], paddingInner: 0.25 },
        title: title(data.xTitle),
        axis: { labelAngle: labelAngle(data.groups) },
      },
      xOffset: { field: 'series', type: 'nominal', scale: { domain: [...data.series] } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: title(data.yTitle),
        ...(data.yDomain ? { scale: { domain: [...data.yDomain], nice: false, clamp: true } } : {}),
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: categoricalScale(data.series),
        title: title(data.seriesTitle),
      },
    },
  } as PlotSpec;
}

// ---------------------------------------------------------------------------------------------
// heat map

/** A matrix drawn cell by cell: booleans as yes/no, numbers on a sequential colour scale. */
export interface HeatmapData {
  /** Row labels, top to bottom, e.g. the candidate behaviours. */
  rows: readonly string[];
  /** Column labels, left to right, e.g. the alignment readings. */
  cols: readonly string[];
  /** `cells[r][c]`: all booleans or all numbers; null (or a non-finite number) is a missing cell. */
  cells: readonly (readonly (number | boolean | null)[])[];
  rowTitle?: string;
  colTitle?: string;
  /** Legend title, e.g. "accepted as aligned". */
  valueTitle?: string;
  /** Numeric colour range; default: the data's range. */
  domain?: readonly [number, number];
  /** Digits after the point in numeric cell labels (default 2). */
  precision?: number;
  /** Words for true and false cells (default "yes" and "no"). */
  yesLabel?: string;
  noLabel?: string;
  /** Write each cell's value in it (default true). */
  cellLabels?: boolean;
}

/** Text drawn for a missing cell. */
export const MISSING = '–';

/**
 * Heat map with one rectangle per (row, column), in the given orders, columns labelled on top.
 * Boolean matrices (the interpretation matrix) use two colours; numeric ones use viridis.
 */
export function heatmapSpec(data: HeatmapData, opts: PlotOptions = {}): PlotSpec {
  assertDistinct(data.rows, 'rows');
  assertDistinct(data.cols, 'cols');
  assertMatrix(data.cells, data.rows.length, data.cols.length, 'cells');
  const flat = data.cells.flatMap((r) => r.filter((v) => v !== null && v !== undefined));
  const boolean = flat.length > 0 && flat.every((v) => typeof v === 'boolean');
  if (!boolean && !flat.every((v) => typeof v === 'number'))
    throw new TypeError('cells: expected all booleans or all numbers (null for missing), got a mix');
  const yes = data.yesLabel ?? 'yes';
  const no = data.noLabel ?? 'no';
  if (boolean && yes === no) throw new RangeError(`yesLabel and noLabel are both ${JSON.stringify(yes)}`);
  const precision = data.precision ?? 2;

  const nums = boolean ? [] : (flat as number[]).filter((v) => Number.isFinite(v));
  let [lo, hi] = data.domain ?? [nums.length ? Math.min(...nums) : 0, nums.length ? Math.max(...nums) : 1];
  if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5];

  let missingSeen = false;
  const values: { row: string; col: string; value: number | null; label: string; ink: string }[] = [];
  data.rows.forEach((row, r) => {
    data.cols.forEach((col, c) => {
      const v = data.cells[r][c];
      if (boolean && typeof v === 'boolean') {
        values.push({ row, col, value: null, label: v ? yes : no, ink: v ? 'white' : COLORS.ink });
      } else if (!boolean && finite(v) !== null) {
        const x = v as number;
        const t = (Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo);
        values.push({ row, col, value: x, label: x.toFixed(precision), ink: t < 0.6 ? 'white' : COLORS.ink });
      } else {
        missingSeen = true;
        values.push({ row, col, value: null, label: MISSING, ink: '#999999' });
      }
    });
  });

  const color = boolean
    ? {
        field: 'label',
        type: 'nominal',
        title: title(data.valueTitle),
        scale: {
          domain: missingSeen ? [yes, no, MISSING] : [yes, no],
          range: missingSeen ? [COLORS.yes, COLORS.no, COLORS.missing] : [COLORS.yes, COLORS.no],
        },
      }
    : {
        field: 'value',
        type: 'quantitative',
        title: title(data.valueTitle),
        scale: { scheme: 'viridis', domain: [lo, hi], clamp: true },
      };
  const cellW = Math.max(40, 10 + 7 * (boolean ? Math.max(yes.length, no.length) : precision + 3));
  const encoding = {
    x: {
      field: 'col',
      type: 'nominal',
      scale: { domain: [...data.cols] },
      title: title(data.colTitle),
      axis: {
        orient: 'top',
        labelAngle: labelAngle(data.cols),
        domain: false,
        ticks: false,
      },
    },
    y: {
      field: 'row',
      type: 'nominal',
      scale: { domain: [...data.rows] },
      title: title(data.rowTitle),
      axis: { domain: false, ticks: false },
    },
  };
  const layers: unknown[] = [
    { mark: { type: 'rect', stroke: 'white', strokeWidth: 1.5 }, encoding: { color } },
  ];
  if (data.cellLabels ?? true)
    layers.push({
      mark: { type: 'text', fontSize: 11 },
      encoding: {
        text: { field: 'label', type: 'nominal' },
        color: { field: 'ink', type: 'nominal', scale: null },
      },
    });
  return {
    ...header(opts),
    data: { values },
    width: opts.width ?? { step: cellW },
    height: opts.height ?? { step: 26 },
    encoding,
    layer: layers,
    // Missing cells keep their rectangle, in a pale grey, instead of being filtered out.
    config: { ...CONFIG, view: { stroke: null }, scale: { invalid: { color: { value: COLORS.missing } } } },
  } as PlotSpec;
}

// ---------------------------------------------------------------------------------------------
// lines

/** One series of a line chart: y against x (time steps), both the same length. */
export interface LineSeries {
  name: string;
  x: ArrayLike<number>;
  /** Non-finite values break the line. */
  y: ArrayLike<number>;
  /** Panel this series is drawn in; give it to all series or to none. */
  facet?: string;
}

export interface LineChartData {
  series: readonly LineSeries[];
  xTitle?: string;
  yTitle?: string;
  seriesTitle?: string;
  /** Fixed y range for every panel; default: from the data. */
  yDomain?: readonly [number, number];
  /** Panels per row when faceted (default 2). */
  facetColumns?: number;
  /** Give each panel its own y scale (default false: shared). */
  independentY?: boolean;
  /** Draw a dot at each point (default: only when a series has at most 40 points). */
  points?: boolean;
}

/**
 * Line chart with several series, e.g. the weights of H's parts over t; with `facet` set on the
 * series, one panel per facet (weights, approval, drift) sharing the colour of same-named series.
 */
export function lineChartSpec(data: LineChartData, opts: PlotOptions = {}): PlotSpec {
  const faceted = data.series.some((s) => s.facet !== undefined);
  if (faceted && data.series.some((s) => s.facet === undefined))
    throw new RangeError('series: give a facet to every series or to none');
  assertDistinct(
    data.series.map((s) => (faceted ? `${s.facet} / ${s.name}` : s.name)),
    'series',
  );
  const names: string[] = [];
  const facets: string[] = [];
  const values: { facet: string; series: string; x: number; y: number | null }[] = [];
  let longest = 0;
  data.series.forEach((s, i) => {
    if (s.x.length !== s.y.length)
      throw new RangeError(
        `series[${i}] ${JSON.stringify(s.name)}: x has ${s.x.length} values, y has ${s.y.length}`,
      );
    if (!names.includes(s.name)) names.push(s.name);
    const facet = s.facet ?? '';
    if (!facets.includes(facet)) facets.push(facet);
    longest = Math.max(longest, s.x.length);
    for (let k = 0; k < s.x.length; k++) {
      const x = finite(s.x[k]);
      if (x !== null) values.push({ facet, series: s.name, x, y: finite(s.y[k]) });
    }
  });
  const points = data.points ?? longest <= 40;
  const single = {
    width: opts.width ?? (faceted ? 260 : 420),
    height: opts.height ?? (faceted ? 160 : 220),
    mark: { type: 'line', point: points ? { size: 18 } : false, strokeWidth: 1.75, interpolate: 'linear' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: title(data.xTitle), scale: { nice: false, zero: false } },
      y: {
        field: 'y',
        type: 'quantitative',
        title: title(data.yTitle),
        ...(data.yDomain
          ? { scale: { domain: [...data.yDomain], nice: false, clamp: true } }
          : { scale: { zero: false } }),
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: categoricalScale(names),
        title: title(data.seriesTitle),
      },
      order: { field: 'x', type: 'quantitative' },
    },
  };
  if (!faceted) return { ...header(opts), data: { values }, ...single } as PlotSpec;
  return {
    ...header(opts),
    data: { values },
    facet: { field: 'facet', type: 'nominal', sort: facets, title: null, header: { labelAnchor: 'start' } },
    columns: Math.max(1, Math.floor(data.facetColumns ?? 2)),
    spec: single,
    resolve: { scale: { y: data.independentY ? 'independent' : 'shared' } },
  } as PlotSpec;
}

// ---------------------------------------------------------------------------------------------
// scatter / frontier

/** One point of a scatter plot, e.g. a decision placed by the utilities of two parts. */
export interface ScatterPoint {
  x: number;
  y: number;
  /** Written next to the point. */
  label?: string;
  /** Colour group, e.g. the reading that chose this decision. */
  group?: string;
  /** Member of the highlighted subset, e.g. the Pareto frontier. */
  highlight?: boolean;
}

export interface ScatterData {
  /** Points with a non-finite coordinate are left out. */
  points: readonly ScatterPoint[];
  xTitle?: string;
  yTitle?: string;
  /** Legend entry of highlighted points (default "highlighted"). */
  highlightTitle?: string;
  /** Legend entry of the other points (default "other"). */
  otherTitle?: string;
  groupTitle?: string;
  /** Join the highlighted points by a line in order of x, e.g. to draw a frontier (default true). */
  connectHighlighted?: boolean;
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
}

/**
 * Scatter plot with a highlighted subset, e.g. decisions by the utilities of two parts with the
 * Pareto frontier marked (larger diamonds joined by a line). Highlighting is shown by shape and
 * size as well as colour.
 */
export function scatterSpec(data: ScatterData, opts: PlotOptions = {}): PlotSpec {
  const hi = data.highlightTitle ?? 'highlighted';
  const lo = data.otherTitle ?? 'other';
  if (hi === lo) throw new RangeError(`highlightTitle and otherTitle are both ${JSON.stringify(hi)}`);
  const values = data.points
    .filter((p) => finite(p.x) !== null && finite(p.y) !== null)
    .map((p) => ({
      x: p.x,
      y: p.y,
      label: p.label ?? '',
      group: p.group ?? '',
      status: p.highlight ? hi : lo,
    }));
  const groups: string[] = [];
  for (const p of data.points) if (p.group !== undefined && !groups.includes(p.group)) groups.push(p.group);
  // Only the statuses present get a legend entry, with their colour, shape and size.
  const present = [hi, lo].filter((st) => values.some((v) => v.status === st));
  const statusDomain = present.length ? present : [lo];
  const pick = <T>(h: T, o: T) => statusDomain.map((st) => (st === hi ? h : o));
  const axis = (field: 'x' | 'y', t: string | undefined, domain: readonly [number, number] | undefined) => ({
    field,
    type: 'quantitative',
    title: title(t),
    scale: domain ? { domain: [...domain], nice: false, clamp: true } : { zero: false },
  });
  const x = axis('x', data.xTitle, data.xDomain);
  const y = axis('y', data.yTitle, data.yDomain);
  const layers: unknown[] = [];
  if ((data.connectHighlighted ?? true) && values.some((v) => v.status === hi))
    layers.push({
      transform: [{ filter: { field: 'status', equal: hi } }],
      mark: { type: 'line', color: COLORS.highlight, strokeWidth: 1.25, opacity: 0.7 },
      encoding: { x, y, order: { field: 'x', type: 'quantitative' } },
    });
  layers.push({
    mark: { type: 'point', filled: true, opacity: 0.9 },
    encoding: {
      x,
      y,
      color: groups.length
        ? { field: 'group', type: 'nominal', scale: categoricalScale(groups), title: title(data.groupTitle) }
        : {
            field: 'status',
            type: 'nominal',
            scale: { domain: statusDomain, range: pick(COLORS.highlight, COLORS.other) },
            title: null,
          },
      shape: {
        field: 'status',
        type: 'nominal',
        scale: { domain: statusDomain, range: pick('diamond', 'circle') },
        title: null,
      },
      // A conditional value, not a scale: a size scale on the same field would take the legend away.
      size: { condition: { test: { field: 'status', equal: hi }, value: 110 }, value: 45 },
    },
  });
  if (values.some((v) => v.label !== ''))
    layers.push({
      transform: [{ filter: "datum.label != ''" }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 7, fontSize: 10, color: '#333333' },
      encoding: { x, y, text: { field: 'label', type: 'nominal' } },
    });
  return {
    ...header(opts),
    data: { values },
    width: opts.width ?? 320,
    height: opts.height ?? 320,
    layer: layers,
  } as PlotSpec;
}
