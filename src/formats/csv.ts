/**
 * CSV profiles, following pref_voting's CSV conventions (pref_voting.io).
 *
 * - `ranks` (pref_voting's "candidate_columns", the default): a header row of candidate names and
 *   a count column named `#` (or `count`, any case; pref_voting writes `#` last; here it may be
 *   anywhere and may be left out, counts then default to 1). One row per ballot gives each
 *   candidate's rank: a whole number, 1 = best, equal numbers = tied, gaps allowed (ranks 1, 3
 *   read as 1, 2); a blank cell = unranked (a truncated ballot).
 *
 *       Alice,Bob,Carol,#
 *       1,2,3,5
 *       1,1,,2
 *
 * - `scores`: the same layout, with numbers (higher is better; any finite decimal) as cardinal
 *   scores and blank = unscored.
 * - `rank-columns` (pref_voting's "rank_columns"): a header `Rank1,Rank2,…` (plus an optional
 *   count column); each cell is the name of the candidate at that rank, or blank / `skipped` for
 *   none. Strict orders only. Candidates are the names that appear, in order of first appearance.
 *   Read automatically when every header cell (other than the count) is `Rank<number>`.
 *
 * Fields follow RFC 4180: quoted with double quotes when they hold a comma, a quote, a line break
 * or surrounding spaces; `""` is a quote inside a quoted field. Unquoted fields are trimmed. Blank
 * lines are skipped. Errors are UserErrors whose `where` is `FILE:LINE:COLUMN`.
 */
import { UserError } from '../core/errors.js';
import { type Profile, profileFromScores, rankingOf } from '../sigma/profile.js';
import { isStrictBallot, show } from './common.js';
import { checkBallots, checkCandidates } from './limits.js';
import { csvField } from '../core/csv.js';

export type CsvLayout = 'ranks' | 'scores' | 'rank-columns';

interface Field {
  text: string;
  line: number;
  column: number;
  quoted: boolean;
}

interface Row {
  line: number;
  fields: Field[];
}

/** Splits CSV text into rows of fields with their positions (RFC 4180; blank lines dropped). */
export function parseCsvRows(text: string, fileName: string): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  let fields: Field[] = [];
  let rowLine = 1;
  while (i <= n) {
    // one field
    const column = i - lineStart + 1;
    const fline = line;
    let value: string;
    let quoted = false;
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === '"') {
      quoted = true;
      let s = '';
      let k = j + 1;
      for (;;) {
        if (k >= n)
          throw new UserError(
            'unterminated quoted field; expected a closing "',
            `${fileName}:${fline}:${column}`,
          );
        const c = text[k];
        if (c === '"') {
          if (text[k + 1] === '"') {
            s += '"';
            k += 2;
            continue;
          }
          k++;
          break;
        }
        if (c === '\n') {
          line++;
          lineStart = k + 1;
        }
        s += c;
        k++;
      }
      while (k < n && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
      if (k < n && text[k] !== ',' && text[k] !== '\n')
        throw new UserError(
          `expected "," or the end of the line after a closing quote, got ${show(text[k])}`,
          `${fileName}:${line}:${k - lineStart + 1}`,
        );
      value = s;
      i = k;
    } else {
      let k = i;
      while (k < n && text[k] !== ',' && text[k] !== '\n') k++;
      value = text.slice(i, k).trim();
      i = k;
    }
    fields.push({ text: value, line: fline, column, quoted });
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    // end of the row (newline or end of text)
    if (!(fields.length === 1 && fields[0].text === '' && !fields[0].quoted))
      rows.push({ line: rowLine, fields });
    fields = [];
    i++;
    line++;
    lineStart = i;
    rowLine = line;
  }
  return rows;
}

const COUNT_HEADER = /^(#|count)$/i;
const RANK_HEADER = /^rank\s*(\d+)$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function where(fileName: string, f: Field): string {
  return `${fileName}:${f.line}:${f.column}`;
}

/**
 * Reads a CSV profile. The layout is `opts.layout`, else `rank-columns` when the header is
 * `Rank1,Rank2,…`, else `ranks`.
 */
export function parseCsvProfile(
  text: string,
  fileName: string,
  opts: { layout?: CsvLayout; maxCandidates?: number } = {},
): Profile {
  const rows = parseCsvRows(text, fileName);
  if (rows.length === 0) throw new UserError('empty CSV; expected a header row of candidate names', fileName);
  const header = rows[0];
  const countCol = header.fields.findIndex((f) => COUNT_HEADER.test(f.text));
  const others = header.fields.filter((_, i) => i !== countCol);
  const layout =
    opts.layout ??
    (others.length > 0 && others.every((f) => RANK_HEADER.test(f.text)) ? 'rank-columns' : 'ranks');
  const body = rows.slice(1);
  const width = header.fields.length;
  for (const r of body)
    if (r.fields.length !== width)
      throw new UserError(
        `expected ${width} fields (as in the header), got ${r.fields.length}`,
        `${fileName}:${r.line}`,
      );
  const counts = new Float64Array(body.length).fill(1);
  if (countCol >= 0)
    body.forEach((r, b) => {
      const f = r.fields[countCol];
      if (!NUMBER.test(f.text) || Number(f.text) < 0 || !Number.isFinite(Number(f.text)))
        throw new UserError(
          `expected a count (a non-negative number) in column "${header.fields[countCol].text}", got ${show(f.text)}`,
          where(fileName, f),
        );
      counts[b] = Number(f.text);
    });

  if (layout === 'rank-columns')
    return readRankColumns(fileName, header, countCol, body, counts, opts.maxCandidates);

  const names: string[] = [];
  const columns: number[] = [];
  const seen = new Map<string, number>();
  header.fields.forEach((f, i) => {
    if (i === countCol) return;
    if (f.text === '')
      throw new UserError('expected a candidate name, got a blank header cell', where(fileName, f));
    const prev = seen.get(f.text);
    if (prev !== undefined)
      throw new UserError(
        `candidate name ${show(f.text)} is already used by column ${prev + 1}`,
        where(fileName, f),
      );
    seen.set(f.text, i);
    names.push(f.text);
    columns.push(i);
  });
  const m = names.length;
  if (m === 0)
    throw new UserError('expected at least one candidate column in the header', `${fileName}:${header.line}`);
  const k = body.length;
  checkCandidates(m, opts.maxCandidates, fileName);
  checkBallots(k, m, fileName);
  const ids = Array.from({ length: m }, (_, i) => i);

  if (layout === 'scores') {
    const scores = new Float64Array(k * m);
    body.forEach((r, b) => {
      columns.forEach((col, c) => {
        const f = r.fields[col];
        if (f.text === '') scores[b * m + c] = Number.NaN;
        else if (NUMBER.test(f.text)) scores[b * m + c] = Number(f.text);
        else
          throw new UserError(
            `expected a score (a number) or a blank for ${show(names[c])}, got ${show(f.text)}`,
            where(fileName, f),
          );
        if (!Number.isFinite(scores[b * m + c]) && f.text !== '')
          throw new UserError(`score ${f.text} for ${show(names[c])} is too large`, where(fileName, f));
      });
    });
    return profileFromScores(m, scores, counts, { ids, names });
  }

  const levels = new Int32Array(k * m);
  let unranked: Uint8Array | undefined;
  const rank = new Float64Array(m);
  body.forEach((r, b) => {
    columns.forEach((col, c) => {
      const f = r.fields[col];
      if (f.text === '') rank[c] = Number.NaN;
      else if (/^\+?\d+$/.test(f.text) && Number(f.text) >= 1) rank[c] = Number(f.text);
      else
        throw new UserError(
          `expected a rank (a whole number, 1 = best) or a blank for ${show(names[c])}, got ${show(f.text)}`,
          where(fileName, f),
        );
    });
    const distinct = [...new Set(Array.from(rank).filter((x) => !Number.isNaN(x)))].sort((x, y) => x - y);
    for (let c = 0; c < m; c++) {
      if (Number.isNaN(rank[c])) {
        unranked ??= new Uint8Array(k * m);
        unranked[b * m + c] = 1;
        levels[b * m + c] = distinct.length;
      } else levels[b * m + c] = distinct.indexOf(rank[c]);
    }
  });
  return { m, ids, names, k, levels, counts, unranked };
}

function readRankColumns(
  fileName: string,
  header: Row,
  countCol: number,
  body: Row[],
  counts: Float64Array,
  maxCandidates: number | undefined,
): Profile {
  const rankCols: { col: number; rank: number }[] = [];
  const ranksSeen = new Set<number>();
  header.fields.forEach((f, i) => {
    if (i === countCol) return;
    const mm = RANK_HEADER.exec(f.text);
    if (!mm)
      throw new UserError(
        `expected a rank column header (Rank1, Rank2, …), got ${show(f.text)}`,
        where(fileName, f),
      );
    const r = Number(mm[1]);
    if (ranksSeen.has(r)) throw new UserError(`rank ${r} has two columns`, where(fileName, f));
    ranksSeen.add(r);
    rankCols.push({ col: i, rank: r });
  });
  rankCols.sort((a, b) => a.rank - b.rank);
  const index = new Map<string, number>();
  const names: string[] = [];
  const ballots: number[][] = body.map((r) => {
    const order: number[] = [];
    const inBallot = new Set<number>();
    for (const { col } of rankCols) {
      const f = r.fields[col];
      if (f.text === '' || f.text.toLowerCase() === 'skipped') continue;
      let c = index.get(f.text);
      if (c === undefined) {
        c = names.length;
        index.set(f.text, c);
        names.push(f.text);
      }
      if (inBallot.has(c))
        throw new UserError(`candidate ${show(f.text)} appears more than once`, where(fileName, f));
      inBallot.add(c);
      order.push(c);
    }
    return order;
  });
  const m = names.length;
  if (m === 0) throw new UserError('no candidate is ranked on any row', fileName);
  const k = ballots.length;
  checkCandidates(m, maxCandidates, fileName);
  checkBallots(k, m, fileName);
  const levels = new Int32Array(k * m);
  let unranked: Uint8Array | undefined;
  ballots.forEach((order, b) => {
    const placed = new Uint8Array(m);
    order.forEach((c, i) => {
      levels[b * m + c] = i;
      placed[c] = 1;
    });
    for (let c = 0; c < m; c++)
      if (!placed[c]) {
        unranked ??= new Uint8Array(k * m);
        unranked[b * m + c] = 1;
        levels[b * m + c] = order.length;
      }
  });
  return { m, ids: Array.from({ length: m }, (_, i) => i), names, k, levels, counts, unranked };
}

/**
 * Writes a profile as CSV: `ranks` (default) or `scores` with a `#` count column last, or
 * `rank-columns` (strict ballots only). Ballots are written as they are, one row each (not merged).
 */
export function formatCsvProfile(p: Profile, opts: { layout?: CsvLayout } = {}): string {
  const layout = opts.layout ?? 'ranks';
  const { m, k } = p;
  const lines: string[] = [];
  if (layout === 'rank-columns') {
    lines.push([...Array.from({ length: m }, (_, i) => `Rank${i + 1}`), '#'].join(','));
    for (let b = 0; b < k; b++) {
      if (!isStrictBallot(p, b))
        throw new UserError(`cannot write ballot ${b} in rank columns: it has ties; use the ranks layout`);
      const order = rankingOf(p, b).map((g) => csvField(p.names[g[0]]));
      while (order.length < m) order.push('skipped');
      lines.push([...order, String(p.counts[b])].join(','));
    }
    return `${lines.join('\n')}\n`;
  }
  const seen = new Set<string>();
  for (let c = 0; c < m; c++) {
    const name = p.names[c];
    if (COUNT_HEADER.test(name.trim()))
      throw new UserError(`candidate name ${show(name)} would be read as the count column; rename it`);
    if (name.trim() === '')
      throw new UserError(`candidate ${c} has a blank name, which a CSV header cannot hold`);
    if (RANK_HEADER.test(name.trim()) && p.names.every((x) => RANK_HEADER.test(x.trim())))
      throw new UserError(
        'candidate names Rank1, Rank2, … would be read as the rank-columns layout; rename them',
      );
    if (seen.has(name))
      throw new UserError(`candidate name ${show(name)} is used twice; CSV columns need distinct names`);
    seen.add(name);
  }
  lines.push([...p.names.map(csvField), '#'].join(','));
  if (layout === 'scores' && !p.scores)
    throw new UserError('the profile has no scores; write it in the ranks layout');
  for (let b = 0; b < k; b++) {
    const cells: string[] = [];
    for (let c = 0; c < m; c++) {
      const i = b * m + c;
      if (layout === 'scores') {
        const s = p.scores![i];
        if (!Number.isNaN(s) && !Number.isFinite(s))
          throw new UserError(`ballot ${b}: score ${s} cannot be written as CSV`);
        cells.push(Number.isNaN(s) ? '' : String(s));
      } else cells.push(p.unranked?.[i] ? '' : String(p.levels[i] + 1));
    }
    cells.push(String(p.counts[b]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}
