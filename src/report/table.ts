/**
 * Plain-text tables for the terminal: columns padded to their widest cell, a rule under the header.
 * Given a line width, the columns allowed to shrink are narrowed (the widest first) until the table
 * fits, and their cells wrap onto more lines; a `{ span }` row is one line of text across the table
 * (a group heading).
 */

/** A row of cells, or text spanning the whole table. */
export type TableRow = readonly string[] | { readonly span: string };

export interface TableLayout {
  /** The most columns a line may take; default: no limit. */
  width?: number;
  /** Columns that may shrink, by index, with the fewest columns each keeps. */
  shrink?: Readonly<Record<number, number>>;
  /** Cells are lists ("a 0.37, b 0.63", "x → y"): wrap between their items. */
  lists?: boolean;
}

/** Where a long word may break: after - / , and before { or (. */
function pieces(word: string): string[] {
  return word.split(/(?<=[-/,])|(?=[{(])/).filter((p) => p !== '');
}

/** In a list, a number stays with the name before it ("a 0.37,") and an arrow with its step ("x →"). */
function listItems(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words)
    if (out.length > 0 && (w === '→' || /^-?[\d.]+[,;]?$/.test(w))) out[out.length - 1] += ` ${w}`;
    else out.push(w);
  return out;
}

/**
 * `text` in lines of at most `width` columns: broken at spaces, a word longer than a line at its
 * hyphens, slashes, commas or braces, and cut only when it has none. With `lists`, the items of a
 * list (see listItems) are not broken at their inner space.
 */
export function wrapText(text: string, width: number, lists = false): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ');
  for (const word of lists ? listItems(words) : words) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (joined.length <= w) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const p of pieces(word)) {
      if (line.length + p.length <= w) {
        line += p;
        continue;
      }
      if (line !== '') lines.push(line);
      line = p;
      while (line.length > w) {
        lines.push(line.slice(0, w));
        line = line.slice(w);
      }
    }
  }
  lines.push(line);
  return lines;
}

/** `text` wrapped to `width`, its first line after `first` and the rest after as many spaces. */
export function hangingIndent(first: string, text: string, width: number): string[] {
  const pad = ' '.repeat(first.length);
  return wrapText(text, width - first.length).map((l, k) => `${k === 0 ? first : pad}${l}`.trimEnd());
}

/**
 * Column widths: natural when the table fits; else the shrinkable columns first wrap their headers
 * (down to the body's width or the header's longest word), then come down to one level, widest
 * first, until it fits.
 */
function columnWidths(
  header: readonly string[],
  body: readonly (readonly string[])[],
  layout: TableLayout,
): number[] {
  const { width, shrink = {} } = layout;
  const cellsWidth = (j: number) => Math.max(0, ...body.map((r) => (r[j] ?? '').length));
  const natural = header.map((h, j) => Math.max(h.length, cellsWidth(j)));
  const gaps = 2 * (natural.length - 1);
  const total = (ws: readonly number[]) => ws.reduce((s, x) => s + x, gaps);
  if (width === undefined || total(natural) <= width) return natural;
  const wrapped = natural.map((n, j) =>
    shrink[j] === undefined
      ? n
      : Math.max(cellsWidth(j), shrink[j], ...header[j].split(' ').map((w) => w.length)),
  );
  const at = (level: number) =>
    wrapped.map((n, j) => (shrink[j] === undefined ? n : Math.min(n, Math.max(level, shrink[j]))));
  for (let level = Math.max(...wrapped); level > 0; level--) {
    const ws = at(level);
    if (total(ws) <= width) return ws;
  }
  return at(0);
}

export function renderTable(
  header: readonly string[],
  rows: readonly TableRow[],
  layout: TableLayout = {},
): string {
  const cells = rows.filter((r): r is readonly string[] => Array.isArray(r));
  const widths = columnWidths(header, cells, layout);
  const spanWidth = layout.width ?? Number.POSITIVE_INFINITY;
  const block = (row: readonly string[]): string[] => {
    const wrapped = widths.map((w, j) => wrapText(row[j] ?? '', w, layout.lists));
    const height = Math.max(...wrapped.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped
        .map((c, j) => (c[k] ?? '').padEnd(widths[j]))
        .join('  ')
        .trimEnd(),
    );
  };
  return [
    ...block(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.flatMap((r) => (Array.isArray(r) ? block(r) : wrapText((r as { span: string }).span, spanWidth))),
  ].join('\n');
}
