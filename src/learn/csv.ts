/**
 * Comparisons as CSV text, read and written by pure functions (the caller does the file I/O).
 *
 * Format: a header naming the columns, then one comparison per line.
 *
 *   winner,loser,count
 *   apple,pear,3
 *   pear,"fig, dried",1
 *
 * - Columns: `winner` and `loser` (item names) are required; `count` (a non-negative number,
 *   default 1) and `annotator` are optional. Header names are case-insensitive, in any order.
 *   Annotator labels that are all whole numbers (0, 1, 17, …) are the ids; any other labels
 *   become ids 0, 1, … in order of first appearance, and the data keep them as `annotatorNames`.
 * - Items are numbered in order of first appearance, unless the caller fixes the item names.
 * - Blank lines and lines starting with `#` are skipped. Fields may be double-quoted (a quote
 *   inside is written twice); unquoted fields are trimmed. A field cannot span lines.
 *
 * Errors are UserErrors whose `where` is `FILE:LINE` and whose message says what was expected.
 */
import { UserError } from '../core/errors.js';
import { type Comparisons, comparisons } from './data.js';
import { csvField } from '../core/csv.js';

type Column = 'winner' | 'loser' | 'count' | 'annotator';
const COLUMNS: readonly Column[] = ['winner', 'loser', 'count', 'annotator'];
const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Splits one CSV line into fields, or returns why it cannot. */
function splitLine(line: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i < n && line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= n) return 'a quoted field is not closed on this line';
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
      if (i < n && line[i] !== ',') return `expected a comma after the quoted field "${v}"`;
      out.push(v);
    } else {
      let j = i;
      while (j < n && line[j] !== ',') j++;
      const v = line.slice(i, j).trim();
      if (v.includes('"')) return `a quote may only start a field, got ${v}`;
      out.push(v);
      i = j;
    }
    if (i >= n) return out;
    i++; // the comma
  }
}

/**
 * Reads comparisons from CSV text. `file` names the source in errors (default "<input>");
 * `names` fixes the items (a name outside it is an error), else items are named by the file.
 */
export function parseComparisonsCsv(
  text: string,
  opts: { file?: string; names?: readonly string[] } = {},
): Comparisons {
  const file = opts.file ?? '<input>';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const index = new Map<string, number>();
  const names: string[] = [];
  if (opts.names) {
    opts.names.forEach((nm, i) => {
      if (index.has(nm)) throw new UserError(`item name "${nm}" is given twice`, 'names');
      index.set(nm, i);
      names.push(nm);
    });
  }
  const annotatorLabels: string[] = [];
  let columns: Column[] | null = null;
  const recs: { winner: number; loser: number; count?: number; annotator?: number }[] = [];
  const expectedHeader = 'expected a header winner,loser[,count][,annotator]';
  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln];
    const where = `${file}:${ln + 1}`;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const fields = splitLine(raw);
    if (typeof fields === 'string') throw new UserError(fields, where);
    if (!columns) {
      const cols = fields.map((f) => f.toLowerCase()) as Column[];
      const bad = cols.find((c) => !COLUMNS.includes(c));
      const dup = cols.find((c, q) => cols.indexOf(c) !== q);
      if (bad !== undefined || dup !== undefined || !cols.includes('winner') || !cols.includes('loser'))
        throw new UserError(
          `${expectedHeader}, got "${trimmed}"${
            bad !== undefined
              ? ` (unknown column "${bad}")`
              : dup !== undefined
                ? ` (column "${dup}" twice)`
                : ''
          }`,
          where,
        );
      columns = cols;
      continue;
    }
    if (fields.length !== columns.length)
      throw new UserError(
        `expected ${columns.length} fields (${columns.join(',')}), got ${fields.length}`,
        where,
      );
    const rec: { winner: number; loser: number; count?: number; annotator?: number } = {
      winner: -1,
      loser: -1,
    };
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const v = fields[c];
      if (col === 'winner' || col === 'loser') {
        if (v === '') throw new UserError(`${col}: expected an item name, got an empty field`, where);
        let id = index.get(v);
        if (id === undefined) {
          if (opts.names) {
            const shown = names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : '');
            throw new UserError(`${col}: expected one of the items (${shown}), got "${v}"`, where);
          }
          id = names.length;
          index.set(v, id);
          names.push(v);
        }
        rec[col] = id;
      } else if (col === 'count') {
        const x = NUMBER.test(v) ? Number(v) : Number.NaN;
        if (!Number.isFinite(x))
          throw new UserError(`count: expected a non-negative number, got "${v}"`, where);
        rec.count = x;
      } else {
        if (v === '') throw new UserError('annotator: expected a label, got an empty field', where);
        rec.annotator = annotatorLabels.length;
        annotatorLabels.push(v);
      }
    }
    if (rec.winner === rec.loser)
      throw new UserError(`winner and loser must differ, both are "${names[rec.winner]}"`, where);
    recs.push(rec);
  }
  if (!columns)
    throw new UserError(`${expectedHeader}, got an empty file`, `${file}:${Math.max(1, lines.length)}`);
  if (names.length === 0)
    throw new UserError('expected at least one comparison after the header', `${file}:${lines.length}`);
  let annotatorNames: string[] | undefined;
  if (columns.includes('annotator')) {
    const ids = annotatorIds(annotatorLabels);
    for (let r = 0; r < recs.length; r++) recs[r].annotator = ids.ids[r];
    annotatorNames = ids.names;
  }
  return comparisons(names.length, recs, {
    names,
    where: file,
    ...(annotatorNames ? { annotatorNames } : {}),
  });
}

/**
 * Whole-number labels are kept as ids; otherwise labels are numbered by first appearance and
 * `names` lists them by id.
 */
function annotatorIds(labels: readonly string[]): { ids: number[]; names?: string[] } {
  if (labels.every((v) => /^\d{1,9}$/.test(v))) return { ids: labels.map(Number) };
  const seen = new Map<string, number>();
  const ids = labels.map((v) => {
    let a = seen.get(v);
    if (a === undefined) {
      a = seen.size;
      seen.set(v, a);
    }
    return a;
  });
  return { ids, names: [...seen.keys()] };
}

/**
 * Writes comparisons as CSV text: the header `winner,loser` plus `count` when any count is not 1
 * and `annotator` (the ids) when the records carry annotators; names from `names`, else the
 * data's names, else the item indices. Lines end in "\n". Parsing the text gives the same data.
 */
export function writeComparisonsCsv(data: Comparisons, opts: { names?: readonly string[] } = {}): string {
  const names = opts.names ?? data.names ?? Array.from({ length: data.items }, (_, i) => String(i));
  if (names.length !== data.items)
    throw new UserError(`expected ${data.items} item names, got ${names.length}`, 'names');
  const seen = new Set<string>();
  names.forEach((nm, i) => {
    if (nm === '' || /[\r\n]/.test(nm))
      throw new UserError(
        `expected a non-empty name without line breaks, got ${JSON.stringify(nm)}`,
        `names[${i}]`,
      );
    if (seen.has(nm)) throw new UserError(`item name "${nm}" is given twice`, `names[${i}]`);
    seen.add(nm);
  });
  const withCount = Array.prototype.some.call(data.count, (c: number) => c !== 1);
  const cols = ['winner', 'loser', ...(withCount ? ['count'] : []), ...(data.annotator ? ['annotator'] : [])];
  const out = [cols.join(',')];
  for (let r = 0; r < data.winner.length; r++) {
    const f = [csvField(names[data.winner[r]]), csvField(names[data.loser[r]])];
    if (withCount) f.push(String(data.count[r]));
    if (data.annotator) f.push(String(data.annotator[r]));
    out.push(f.join(','));
  }
  return `${out.join('\n')}\n`;
}
