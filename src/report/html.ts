/**
 * Self-contained HTML reports: a report is plain data (title, metadata, sections of paragraphs,
 * tables and figures) and `renderHtmlReport` turns it into one HTML string with its stylesheet
 * inline. Researchers open the file offline: it loads nothing — no scripts, no fonts, no images
 * from elsewhere — and its Content-Security-Policy forbids it to.
 *
 * Pure: the output depends on the report alone (the date and version are passed in), so the same
 * report gives the same bytes. Writing files is the caller's business.
 */
import { renameSvgIds, svgProblem } from './svg.js';

/** How a table cell is marked: a tint for good / bad / warn, grey text for muted, bold for strong. */
export type CellHighlight = 'good' | 'bad' | 'warn' | 'muted' | 'strong';

const HIGHLIGHTS: ReadonlySet<string> = new Set<CellHighlight>(['good', 'bad', 'warn', 'muted', 'strong']);

/** A table cell: text, a number (formatted to the table's precision), empty (null), or one of those marked. */
export type Cell =
  | string
  | number
  | null
  | {
      value: string | number | null;
      highlight?: CellHighlight;
      /** Shown when the pointer rests on the cell. */
      title?: string;
      /** Digits after the point for this cell, overriding the column's. */
      precision?: number;
    };

export interface ReportTable {
  /** Tables with a caption are numbered ("Table 2."). */
  caption?: string;
  header: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Digits after the point for numbers: one for the whole table or one per column (default 3). */
  precision?: number | readonly (number | undefined)[];
  /** The first cell of each row names the row (drawn as a row header). */
  rowHeaders?: boolean;
  /** A line under the table, e.g. what the highlights mean. */
  note?: string;
}

export interface ReportFigure {
  /** A rendered chart (`renderSvg`): one `<svg>` element of drawing elements only. */
  svg: string;
  /** Figures with a caption are numbered ("Figure 1.") and get the anchor `figure-1`. */
  caption?: string;
  /** Text alternative for screen readers. */
  alt?: string;
}

/** Content in the order given, for sections that mix text, tables and figures. */
export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'code'; text: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'figure'; figure: ReportFigure };

/**
 * A section: its paragraphs, then its tables, then its figures, then its blocks (in their own
 * order), then its subsections.
 */
export interface ReportSection {
  heading: string;
  /** Anchor for links; default: made from the heading. */
  id?: string;
  paragraphs?: readonly string[];
  tables?: readonly ReportTable[];
  figures?: readonly ReportFigure[];
  blocks?: readonly ReportBlock[];
  sections?: readonly ReportSection[];
}

/** How the report was made; shown under the title and in the footer. */
export interface ReportMeta {
  /** sulab's version string, e.g. "0.1.0". */
  version: string;
  /** When the report was generated, as the caller wants it shown (e.g. an ISO date). */
  date?: string;
  seed?: number | string;
  /** The command line that produced the report. */
  command?: string;
  /** More label / value pairs, e.g. ["scenario", "holiday.yaml"]. */
  extra?: readonly (readonly [string, string])[];
}

export interface Report {
  title: string;
  subtitle?: string;
  /** Paragraphs shown before the sections, e.g. caveats. */
  notes?: readonly string[];
  meta: ReportMeta;
  sections: readonly ReportSection[];
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number with `precision` digits after the point; no "-0.000"; NaN and infinities spelled out. */
export function formatNumber(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return '∞';
  if (x === Number.NEGATIVE_INFINITY) return '−∞';
  const p = Math.max(0, Math.min(20, Math.floor(precision)));
  const s = x.toFixed(p);
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** The report's stylesheet: compact, print-friendly, system fonts only. */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1f2328;--muted:#5f6670;--rule:#d5d9de;--alt:#f6f7f9;
--good:#dcebf8;--good-ink:#08457a;--bad:#fbe2d3;--bad-ink:#8a3300;--warn:#fbf1c7;--warn-ink:#5c4a00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:64rem;padding:2rem 1.5rem 3rem;color:var(--ink);background:#fff;
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header h1{font-size:1.75rem;line-height:1.2;margin:0 0 .3rem}
.subtitle{font-size:1.05rem;color:var(--muted);margin:0 0 .75rem}
.meta{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:.5rem 0 0;font-size:.85rem;color:var(--muted)}
.meta div{display:flex;gap:.4rem}
.meta dt{font-weight:600}
.meta dd{margin:0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.notes{margin:1rem 0;padding:.5rem 1rem;border-left:3px solid var(--rule);background:var(--alt)}
.notes p{margin:.3rem 0}
nav.toc{margin:1.25rem 0 0;font-size:.9rem}
nav.toc h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border:0;margin:0 0 .3rem;padding:0}
nav.toc ol{margin:0;padding-left:1.4rem}
nav.toc ol ol{padding-left:1.1rem}
nav.toc a{color:inherit;text-decoration:none}
nav.toc a:hover{text-decoration:underline}
section{margin:0}
h2{font-size:1.3rem;line-height:1.3;margin:2.25rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.1rem;margin:1.6rem 0 .5rem}
h4,h5,h6{font-size:1rem;margin:1.25rem 0 .4rem}
p,ul{margin:.5rem 0;max-width:48rem}
pre{margin:.6rem 0;padding:.5rem .75rem;background:var(--alt);border:1px solid var(--rule);border-radius:3px;
font:.85rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:.75rem 0 1.25rem}
table{border-collapse:collapse;font-size:.85rem;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;padding:0 0 .35rem;font-size:.85rem;color:var(--muted)}
th,td{padding:.28rem .6rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
thead th{border-bottom:1.5px solid var(--ink);font-weight:600;vertical-align:bottom}
tbody tr:nth-child(even){background:var(--alt)}
tbody th{font-weight:500}
.num{text-align:right;white-space:nowrap}
td.good{background:var(--good);color:var(--good-ink)}
td.bad{background:var(--bad);color:var(--bad-ink)}
td.warn{background:var(--warn);color:var(--warn-ink)}
td.muted,td.empty{color:var(--muted)}
td.strong{font-weight:700}
.table-note{font-size:.8rem;color:var(--muted);margin:.3rem 0 0}
figure{margin:1rem 0 1.5rem}
figure svg{display:block;max-width:100%;height:auto}
figcaption,caption{max-width:48rem}
figcaption{font-size:.85rem;color:var(--muted);margin-top:.4rem}
.label{font-weight:600;color:var(--ink)}
footer{margin-top:3rem;padding-top:.6rem;border-top:1px solid var(--rule);font-size:.8rem;color:var(--muted)}
@media print{
@page{margin:15mm}
body{max-width:none;padding:0;font-size:10pt}
nav.toc{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
h2,h3,h4{break-after:avoid}
figure,tr,pre{break-inside:avoid}
.table-wrap{overflow:visible}
a{color:inherit;text-decoration:none}
}
`.trim();

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Numbers tables and figures across the whole report and hands out unique anchors. */
class Context {
  /** Captioned tables so far: they are numbered. */
  tables = 0;
  /** All figures so far: their SVG ids are prefixed by this count. */
  figures = 0;
  /** Captioned figures so far: they are numbered. */
  captioned = 0;
  private ids = new Set<string>();

  anchor(wanted: string): string {
    const base = wanted || 'section';
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}-${k}`;
    this.ids.add(id);
    return id;
  }
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function cellParts(c: Cell): {
  value: string | number | null;
  highlight?: string;
  title?: string;
  precision?: number;
} {
  return c !== null && typeof c === 'object' ? c : { value: c };
}

function renderTable(t: ReportTable, ctx: Context, where: string): string {
  if (!Array.isArray(t.header)) throw new TypeError(`${where}.header: expected an array of strings`);
  const width = t.header.length;
  const precisionOf = (j: number): number =>
    typeof t.precision === 'number' ? t.precision : (t.precision?.[j] ?? 3);
  const out: string[] = ['<div class="table-wrap"><table>'];
  if (t.caption !== undefined)
    out.push(`<caption><span class="label">Table ${++ctx.tables}.</span> ${escapeHtml(t.caption)}</caption>`);
  const numericColumn = t.header.map((_, j) =>
    t.rows.some((r) => typeof cellParts(r[j] ?? null).value === 'number'),
  );
  out.push(
    `<thead><tr>${t.header
      .map((h, j) => `<th scope="col"${numericColumn[j] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`)
      .join('')}</tr></thead>`,
  );
  out.push('<tbody>');
  t.rows.forEach((row, i) => {
    if (row.length > width)
      throw new RangeError(
        `${where}.rows[${i}]: expected at most ${width} cells (the header's), got ${row.length}`,
      );
    const cells: string[] = [];
    for (let j = 0; j < width; j++) {
      const { value, highlight, title, precision } = cellParts(row[j] ?? null);
      const classes: string[] = [];
      if (typeof value === 'number') classes.push('num');
      if (value === null) classes.push('empty');
      if (highlight !== undefined) {
        if (!HIGHLIGHTS.has(highlight))
          throw new RangeError(
            `${where}.rows[${i}][${j}].highlight: expected one of ${[...HIGHLIGHTS].join(', ')}, got ${JSON.stringify(highlight)}`,
          );
        classes.push(highlight);
      }
      const text =
        value === null
          ? ''
          : typeof value === 'number'
            ? formatNumber(value, precision ?? precisionOf(j))
            : String(value);
      const tag = j === 0 && t.rowHeaders ? 'th' : 'td';
      const attrs =
        (tag === 'th' ? ' scope="row"' : '') +
        (classes.length ? ` class="${classes.join(' ')}"` : '') +
        (title !== undefined ? ` title="${escapeHtml(title)}"` : '');
      cells.push(`<${tag}${attrs}>${escapeHtml(text)}</${tag}>`);
    }
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody></table></div>');
  if (t.note !== undefined) out.push(`<p class="table-note">${escapeHtml(t.note)}</p>`);
  return out.join('\n');
}

function renderFigure(f: ReportFigure, ctx: Context, where: string): string {
  if (typeof f.svg !== 'string') throw new TypeError(`${where}.svg: expected an SVG string`);
  const problem = svgProblem(f.svg);
  if (problem) throw new Error(`${where}.svg: ${problem}`);
  const n = ++ctx.figures;
  const svg = renameSvgIds(f.svg.trim(), `fig${n}-`);
  const caption =
    f.caption !== undefined
      ? `\n<figcaption><span class="label">Figure ${++ctx.captioned}.</span> ${escapeHtml(f.caption)}</figcaption>`
      : '';
  const id = f.caption !== undefined ? ctx.anchor(`figure-${ctx.captioned}`) : ctx.anchor(`fig-${n}`);
  const alt = f.alt !== undefined ? ` aria-label="${escapeHtml(f.alt)}"` : '';
  return `<figure id="${id}"${alt}>\n${svg}${caption}\n</figure>`;
}

function renderBlock(b: ReportBlock, ctx: Context, where: string): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((it) => `<li>${escapeHtml(it)}</li>`).join('')}</ul>`;
    case 'code':
      return `<pre>${escapeHtml(b.text)}</pre>`;
    case 'table':
      return renderTable(b.table, ctx, `${where}.table`);
    case 'figure':
      return renderFigure(b.figure, ctx, `${where}.figure`);
    default:
      throw new RangeError(
        `${where}.kind: expected paragraph, list, code, table or figure, got ${JSON.stringify((b as { kind: unknown }).kind)}`,
      );
  }
}

interface TocEntry {
  id: string;
  heading: string;
  children: TocEntry[];
}

function renderSection(
  s: ReportSection,
  depth: number,
  ctx: Context,
  where: string,
  toc: TocEntry[],
): string {
  if (typeof s.heading !== 'string') throw new TypeError(`${where}.heading: expected a string`);
  const id = ctx.anchor(s.id !== undefined ? slug(s.id) : slug(s.heading));
  const entry: TocEntry = { id, heading: s.heading, children: [] };
  toc.push(entry);
  const h = `h${Math.min(6, depth + 2)}`;
  const out: string[] = [`<section id="${id}">`, `<${h}>${escapeHtml(s.heading)}</${h}>`];
  for (const p of s.paragraphs ?? []) out.push(`<p>${escapeHtml(p)}</p>`);
  (s.tables ?? []).forEach((t, i) => {
    out.push(renderTable(t, ctx, `${where}.tables[${i}]`));
  });
  (s.figures ?? []).forEach((f, i) => {
    out.push(renderFigure(f, ctx, `${where}.figures[${i}]`));
  });
  (s.blocks ?? []).forEach((b, i) => {
    out.push(renderBlock(b, ctx, `${where}.blocks[${i}]`));
  });
  (s.sections ?? []).forEach((sub, i) => {
    out.push(renderSection(sub, depth + 1, ctx, `${where}.sections[${i}]`, entry.children));
  });
  out.push('</section>');
  return out.join('\n');
}

function renderToc(entries: readonly TocEntry[]): string {
  if (entries.length === 0) return '';
  return `<ol>${entries
    .map((e) => `<li><a href="#${e.id}">${escapeHtml(e.heading)}</a>${renderToc(e.children)}</li>`)
    .join('')}</ol>`;
}

function metaItems(meta: ReportMeta): [string, string][] {
  const items: [string, string][] = [['sulab', meta.version]];
  if (meta.seed !== undefined) items.push(['seed', String(meta.seed)]);
  if (meta.date !== undefined) items.push(['generated', meta.date]);
  if (meta.command !== undefined) items.push(['command', meta.command]);
  for (const [k, v] of meta.extra ?? []) items.push([k, v]);
  return items;
}

/** Renders a report to one self-contained HTML document. Throws, naming the place, on malformed input. */
export function renderHtmlReport(report: Report): string {
  if (typeof report.title !== 'string') throw new TypeError('title: expected a string');
  if (typeof report.meta?.version !== 'string') throw new TypeError('meta.version: expected a string');
  const ctx = new Context();
  ctx.anchor('contents');
  const toc: TocEntry[] = [];
  const body = report.sections.map((s, i) => renderSection(s, 0, ctx, `sections[${i}]`, toc));
  const meta = metaItems(report.meta);
  const generator = `sulab ${report.meta.version}`;
  const footer = [`Generated by sulab ${report.meta.version}`];
  if (report.meta.seed !== undefined) footer.push(`seed ${report.meta.seed}`);
  if (report.meta.date !== undefined) footer.push(report.meta.date);

  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="generator" content="${escapeHtml(generator)}">`,
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    report.subtitle !== undefined ? `<p class="subtitle">${escapeHtml(report.subtitle)}</p>` : '',
    `<dl class="meta">${meta
      .map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`)
      .join('')}</dl>`,
    report.notes?.length
      ? `<div class="notes">${report.notes.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>`
      : '',
    toc.length > 1 || toc.some((e) => e.children.length)
      ? `<nav class="toc" id="contents" aria-label="Contents"><h2>Contents</h2>${renderToc(toc)}</nav>`
      : '',
    '</header>',
    '<main>',
    ...body,
    '</main>',
    `<footer>${escapeHtml(footer.join(' · '))}</footer>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')}\n`;
}
