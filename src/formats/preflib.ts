/**
 * PrefLib files (https://www.preflib.org, FORMAT_SPECIFICATION.md of the PrefLib-Data repository).
 *
 * A file is a header of `# KEY: value` lines followed by one line per distinct preference,
 * `count: preference`. Alternatives are numbered 1..NUMBER ALTERNATIVES and named by
 * `# ALTERNATIVE NAME i: name` lines.
 *
 * - Ordinal types: `soc` (strict, complete), `soi` (strict, possibly truncated), `toc` (ties,
 *   complete), `toi` (ties, possibly truncated). A preference is a comma-separated list, best
 *   first, with tied alternatives grouped in braces: `13: 1,{4,3},2`. Alternatives a truncated
 *   ballot leaves out are unranked (tied at the bottom, flagged in `Profile.unranked`).
 * - Categorical type: `cat`. Each line lists the NUMBER CATEGORIES categories in order, best
 *   first, each a single alternative, `{}` (empty) or `{a,b,…}`: `86: {},1,{2,3}`. Categories are
 *   read as grades: with C categories, an alternative in category j (1 = best) gets the score
 *   C − j, so the best category scores C − 1 and the worst 0 (two categories Yes/No become
 *   approval ballots 1/0; more categories become majority-judgment grades 0..C−1). An
 *   alternative placed in no category is unscored (NaN) and unranked. The ranking each ballot
 *   induces puts higher categories first, with the alternatives of one category tied.
 *
 * Candidate indices are 0..m−1 in alternative-number order; `Profile.ids` are the file's numbers
 * (1..m) and `Profile.names` the ALTERNATIVE NAME values (the number as text when a name is
 * missing). Every error is a UserError whose `where` is `FILE:LINE`.
 */
import { UserError } from '../core/errors.js';
import { type Profile, profileFromRankings, profileFromScores, rankingOf } from '../sigma/profile.js';
import { groupBallots, isCompleteBallot, isStrictBallot, orderKey, show, splitLines } from './common.js';
import { checkBallots, checkCandidates } from './limits.js';

export type PrefLibOrdinalType = 'soc' | 'soi' | 'toc' | 'toi';
export type PrefLibType = PrefLibOrdinalType | 'cat';
export const PREFLIB_TYPES: readonly PrefLibType[] = ['soc', 'soi', 'toc', 'toi', 'cat'];

const DESCRIPTION: Record<PrefLibType, string> = {
  soc: 'strict orders, complete',
  soi: 'strict orders, incomplete',
  toc: 'orders with ties, complete',
  toi: 'orders with ties, incomplete',
  cat: 'categorical preferences',
};

/** A parsed PrefLib file: the profile plus what the header said. */
export interface PrefLibFile {
  readonly profile: Profile;
  readonly type: PrefLibType;
  /** Header values by key (upper case, as in the file), in file order. */
  readonly header: ReadonlyMap<string, string>;
  /** Category names, best first (cat files only; `Category j` where the file names none). */
  readonly categories?: readonly string[];
}

interface HeaderEntry {
  value: string;
  line: number;
}

interface Group {
  members: number[];
  text: string;
}

interface DataLine {
  line: number;
  count: number;
  groups: Group[];
}

function isType(s: string): s is PrefLibType {
  return (PREFLIB_TYPES as readonly string[]).includes(s);
}

/** The PrefLib type named by a file name's extension, if any. */
export function prefLibTypeOfFileName(fileName: string): PrefLibType | undefined {
  const m = /\.([a-z]+)$/i.exec(fileName);
  const ext = m?.[1].toLowerCase();
  return ext !== undefined && isType(ext) ? ext : undefined;
}

/**
 * Parses a PrefLib file. The type comes from `type`, else from the file name's extension, else
 * from the `# DATA TYPE:` line; when two of these disagree the file is refused.
 */
export function parsePrefLib(
  text: string,
  fileName: string,
  type?: PrefLibType,
  maxCandidates?: number,
): PrefLibFile {
  const at = (line: number) => `${fileName}:${line}`;
  const header = new Map<string, HeaderEntry>();
  const altNames = new Map<number, HeaderEntry>();
  const catNames = new Map<number, HeaderEntry>();
  const raw: { line: number; text: string }[] = [];

  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const no = i + 1;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      if (raw.length > 0)
        throw new UserError(
          'header line after the preferences; every "# KEY: value" line must come first',
          at(no),
        );
      const mm = /^#\s*([^:]*?)\s*:([\s\S]*)$/.exec(line);
      if (!mm) continue; // a comment without a key
      const key = mm[1].toUpperCase().replace(/\s+/g, ' ');
      const value = mm[2].trim();
      const named = /^(ALTERNATIVE|CATEGORY) NAME (\d+)$/.exec(key);
      if (named) {
        const table = named[1] === 'ALTERNATIVE' ? altNames : catNames;
        const n = Number(named[2]);
        const prev = table.get(n);
        if (prev)
          throw new UserError(
            `${named[1].toLowerCase()} ${n} is named twice (first on line ${prev.line})`,
            at(no),
          );
        table.set(n, { value, line: no });
        continue;
      }
      const prev = header.get(key);
      if (prev) throw new UserError(`header ${key} appears twice (first on line ${prev.line})`, at(no));
      header.set(key, { value, line: no });
      continue;
    }
    raw.push({ line: no, text: line });
  }

  // The data type: argument, file name, DATA TYPE line.
  const given = type ?? prefLibTypeOfFileName(fileName);
  const declaredEntry = header.get('DATA TYPE');
  const declared = declaredEntry?.value.toLowerCase() || undefined;
  if (declaredEntry && declared !== undefined && !isType(declared))
    throw new UserError(
      declared === 'wmd'
        ? 'DATA TYPE wmd (weighted matching) is not a profile; expected soc, soi, toc, toi or cat'
        : `unknown DATA TYPE ${show(declared)}; expected soc, soi, toc, toi or cat`,
      at(declaredEntry.line),
    );
  if (given && declared && given !== declared)
    throw new UserError(
      `DATA TYPE is ${declared} but the file is read as ${given}; expected them to agree`,
      at(declaredEntry!.line),
    );
  const kind = (given ?? declared) as PrefLibType | undefined;
  if (!kind)
    throw new UserError(
      'cannot tell the PrefLib data type: expected a .soc, .soi, .toc, .toi or .cat file name or a "# DATA TYPE:" line',
      fileName,
    );

  const int = (key: string): number | undefined => {
    const e = header.get(key);
    if (!e || e.value === '') return undefined;
    if (!/^\d+$/.test(e.value))
      throw new UserError(`${key}: expected a whole number, got ${show(e.value)}`, at(e.line));
    return Number(e.value);
  };

  // Tokenize the data lines.
  const data: DataLine[] = raw.map(({ line, text }) => parseDataLine(text, kind, at(line), line));

  // Number of alternatives: the header, else the names, else the data.
  let m = int('NUMBER ALTERNATIVES');
  const mEntry = header.get('NUMBER ALTERNATIVES');
  if (m === undefined) {
    m = Math.max(0, ...altNames.keys());
    for (const d of data) for (const g of d.groups) for (const a of g.members) m = Math.max(m, a);
  }
  if (m < 1)
    throw new UserError(
      'expected at least one alternative (a "# NUMBER ALTERNATIVES:" line)',
      mEntry ? at(mEntry.line) : fileName,
    );
  checkCandidates(m, maxCandidates, mEntry ? at(mEntry.line) : fileName, 'NUMBER ALTERNATIVES');
  checkBallots(data.length, m, fileName);
  for (const [n, e] of altNames)
    if (n < 1 || n > m)
      throw new UserError(
        `alternative ${n} does not exist; expected a number in 1..${m} (NUMBER ALTERNATIVES)`,
        at(e.line),
      );

  // Number of categories (cat): the header, else the names, else the first line.
  let categories: number | undefined;
  if (kind === 'cat') {
    categories = int('NUMBER CATEGORIES');
    const cEntry = header.get('NUMBER CATEGORIES');
    if (categories === undefined)
      categories = catNames.size > 0 ? Math.max(...catNames.keys()) : data[0]?.groups.length;
    if (categories === undefined || categories < 1)
      throw new UserError(
        'expected at least one category (a "# NUMBER CATEGORIES:" line)',
        cEntry ? at(cEntry.line) : fileName,
      );
    for (const [n, e] of catNames)
      if (n < 1 || n > categories)
        throw new UserError(
          `category ${n} does not exist; expected a number in 1..${categories} (NUMBER CATEGORIES)`,
          at(e.line),
        );
  }

  // Validate each line against the type and the alternatives.
  const seenOrders = new Map<string, number>();
  const seen = new Uint8Array(m + 1);
  let voters = 0;
  for (const d of data) {
    const where = at(d.line);
    seen.fill(0);
    if (kind === 'cat' && d.groups.length !== categories)
      throw new UserError(
        `expected ${categories} categories (NUMBER CATEGORIES), got ${d.groups.length}`,
        where,
      );
    for (const g of d.groups) {
      if (kind !== 'cat') {
        if (g.members.length === 0)
          throw new UserError('empty tie group {}; expected alternatives inside the braces', where);
        if (g.members.length > 1 && (kind === 'soc' || kind === 'soi'))
          throw new UserError(
            `expected a strict order (${kind} allows no ties), got the tie ${g.text}`,
            where,
          );
      }
      for (const a of g.members) {
        if (a < 1 || a > m)
          throw new UserError(`alternative ${a} does not exist; expected a number in 1..${m}`, where);
        if (seen[a]) throw new UserError(`alternative ${a} appears more than once`, where);
        seen[a] = 1;
      }
    }
    if (kind === 'soc' || kind === 'toc') {
      const missing: number[] = [];
      for (let a = 1; a <= m; a++) if (!seen[a]) missing.push(a);
      if (missing.length > 0)
        throw new UserError(
          `expected all ${m} alternatives (${kind} orders are complete); missing ${missing.join(', ')}`,
          where,
        );
    }
    const key = d.groups.map((g) => [...g.members].sort((x, y) => x - y).join(',')).join('|');
    const first = seenOrders.get(key);
    if (first !== undefined)
      throw new UserError(
        `this ${kind === 'cat' ? 'preference' : 'order'} repeats line ${first}; PrefLib lists each once, with its count`,
        where,
      );
    seenOrders.set(key, d.line);
    voters += d.count;
  }

  // Header counts must agree with the data.
  const nv = int('NUMBER VOTERS');
  if (nv !== undefined && nv !== voters)
    throw new UserError(
      `NUMBER VOTERS is ${nv} but the counts add up to ${voters} voters`,
      at(header.get('NUMBER VOTERS')!.line),
    );
  const uniqueKey = kind === 'cat' ? 'NUMBER UNIQUE PREFERENCES' : 'NUMBER UNIQUE ORDERS';
  const nu = int(uniqueKey);
  if (nu !== undefined && nu !== data.length)
    throw new UserError(
      `${uniqueKey} is ${nu} but there are ${data.length} ${kind === 'cat' ? 'preference' : 'order'} lines`,
      at(header.get(uniqueKey)!.line),
    );

  const ids = Array.from({ length: m }, (_, i) => i + 1);
  const names = ids.map((n) => altNames.get(n)?.value ?? String(n));
  const counts = data.map((d) => d.count);
  let profile: Profile;
  let categoryNames: string[] | undefined;
  if (kind === 'cat') {
    const C = categories!;
    const scores = new Float64Array(data.length * m).fill(Number.NaN);
    data.forEach((d, b) => {
      d.groups.forEach((g, j) => {
        for (const a of g.members) scores[b * m + a - 1] = C - 1 - j;
      });
    });
    profile = profileFromScores(m, scores, Float64Array.from(counts), { ids, names });
    categoryNames = Array.from({ length: C }, (_, j) => catNames.get(j + 1)?.value ?? `Category ${j + 1}`);
  } else {
    const rankings = data.map((d) => d.groups.map((g) => g.members.map((a) => a - 1)));
    profile = profileFromRankings(m, rankings, counts, { ids, names, where: fileName });
  }
  const entries: [string, HeaderEntry][] = [
    ...header.entries(),
    ...[...catNames].map(([n, e]): [string, HeaderEntry] => [`CATEGORY NAME ${n}`, e]),
    ...[...altNames].map(([n, e]): [string, HeaderEntry] => [`ALTERNATIVE NAME ${n}`, e]),
  ];
  entries.sort((x, y) => x[1].line - y[1].line);
  const flat = new Map(entries.map(([k, e]) => [k, e.value]));
  return { profile, type: kind, header: flat, categories: categoryNames };
}

/**
 * The 1-based line of ballot `b` of a PrefLib file's text: its b-th preference line (as
 * `parsePrefLib` reads them: neither blank nor a `#` line), or undefined past the last.
 */
export function prefLibBallotLine(text: string, b: number): number | undefined {
  const lines = splitLines(text);
  for (let i = 0, seen = 0; i < lines.length; i++)
    if (lines[i].trim() !== '' && !lines[i].startsWith('#') && seen++ === b) return i + 1;
  return undefined;
}

function parseDataLine(text: string, kind: PrefLibType, where: string, line: number): DataLine {
  const colon = text.indexOf(':');
  const example = kind === 'cat' ? '"3: {1,2},{},3"' : '"3: 1,{2,3},4"';
  if (colon < 0)
    throw new UserError(
      `expected "count: ${kind === 'cat' ? 'categories' : 'order'}" (e.g. ${example}), got ${show(text)}`,
      where,
    );
  const countText = text.slice(0, colon).trim();
  if (!/^\d+$/.test(countText) || Number(countText) < 1)
    throw new UserError(
      `expected a positive whole number of voters before ":", got ${show(countText)}`,
      where,
    );
  const groups = parseGroups(text.slice(colon + 1), where);
  return { line, count: Number(countText), groups };
}

/** Parses `1,{2,3},4` (or `{},1,{2,3}`) into groups. */
function parseGroups(s: string, where: string): Group[] {
  const groups: Group[] = [];
  const n = s.length;
  let i = 0;
  const fail = (msg: string): never => {
    throw new UserError(msg, where);
  };
  const next = () => (i < n ? show(s.slice(i, i + 12)) : 'the end of the line');
  const skip = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const readNumber = (): number => {
    const start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    if (i === start) fail(`expected an alternative number, got ${next()}`);
    return Number(s.slice(start, i));
  };
  skip();
  if (i === n) return groups; // an empty (fully truncated) ballot
  for (;;) {
    skip();
    const start = i;
    if (s[i] === '{') {
      i++;
      const members: number[] = [];
      skip();
      if (s[i] === '}') i++;
      else
        for (;;) {
          skip();
          members.push(readNumber());
          skip();
          if (s[i] === ',') {
            i++;
            continue;
          }
          if (s[i] === '}') {
            i++;
            break;
          }
          fail(`expected "," or "}" inside the braces, got ${next()}`);
        }
      groups.push({ members, text: s.slice(start, i) });
    } else {
      const a = readNumber();
      groups.push({ members: [a], text: String(a) });
    }
    skip();
    if (i === n) break;
    if (s[i] !== ',') fail(`expected "," between alternatives, got ${next()}`);
    i++;
  }
  return groups;
}

/** The most restrictive ordinal PrefLib type that holds every ballot of positive weight. */
export function prefLibTypeOf(p: Profile): PrefLibOrdinalType {
  let strict = true;
  let complete = true;
  for (let b = 0; b < p.k; b++) {
    if (p.counts[b] === 0) continue;
    if (strict && !isStrictBallot(p, b)) strict = false;
    if (complete && !isCompleteBallot(p, b)) complete = false;
  }
  return strict ? (complete ? 'soc' : 'soi') : complete ? 'toc' : 'toi';
}

export interface PrefLibWriteOptions {
  /** The data type to write; default: the most restrictive ordinal type the profile fits. */
  readonly type?: PrefLibType;
  readonly fileName?: string;
  readonly title?: string;
  readonly description?: string;
  /** original | induced | imbued | synthetic (default original: only converted into PrefLib form). */
  readonly modificationType?: string;
  readonly relatesTo?: string;
  readonly relatedFiles?: string;
  readonly publicationDate?: string;
  readonly modificationDate?: string;
  /**
   * cat only: the number of categories or their names, best first. Default: one more than the
   * highest score (scores must be whole numbers 0..C−1; see the module notes), named `Category j`.
   */
  readonly categories?: number | readonly string[];
}

function oneLine(what: string, v: string): string {
  if (/[\r\n]/.test(v))
    throw new UserError(`${what} contains a line break, which a PrefLib header cannot hold`);
  return v;
}

/**
 * Writes a profile as a PrefLib file. Identical ballots are merged (PrefLib lists each order
 * once, with its count), in order of first appearance; ballots of weight 0 are left out; counts
 * must be whole numbers. Alternatives are numbered 1..m by candidate index and carry the
 * profile's names. Ordinal types write the rankings (scores, if any, are not written); `cat`
 * writes scores as categories (see the module notes), or tie levels when the profile has no
 * scores (level 0 = the first category).
 */
export function formatPrefLib(p: Profile, opts: PrefLibWriteOptions = {}): string {
  const type = opts.type ?? prefLibTypeOf(p);
  const { m } = p;
  const body: string[] = [];
  let voters = 0;
  const checkCount = (w: number, b: number) => {
    if (!Number.isInteger(w))
      throw new UserError(`PrefLib counts are whole numbers of voters; ballot ${b} has weight ${w}`);
    voters += w;
  };
  const categoryHeader: string[] = [];
  if (type === 'cat') {
    let C: number;
    let catNames: readonly string[] | undefined;
    if (typeof opts.categories === 'number') C = opts.categories;
    else if (opts.categories) {
      catNames = opts.categories;
      C = catNames.length;
    } else {
      let top = 0;
      for (let i = 0; i < p.k * m; i++) {
        const v = p.scores ? p.scores[i] : p.unranked?.[i] ? Number.NaN : p.levels[i];
        if (!Number.isNaN(v)) top = Math.max(top, v);
      }
      C = Math.floor(top) + 1;
    }
    if (!Number.isInteger(C) || C < 1)
      throw new UserError(`expected a positive whole number of categories, got ${C}`);
    // category[b*m+c]: 0-based category (0 = best) or -1 for none.
    const category = new Int32Array(p.k * m);
    for (let b = 0; b < p.k; b++)
      for (let c = 0; c < m; c++) {
        const i = b * m + c;
        if (p.scores) {
          const s = p.scores[i];
          if (Number.isNaN(s)) category[i] = -1;
          else if (Number.isInteger(s) && s >= 0 && s < C) category[i] = C - 1 - s;
          else
            throw new UserError(
              `cannot write ballot ${b} as ${C} categories: candidate ${c} has score ${s}, expected a whole number in 0..${C - 1}`,
            );
        } else if (p.unranked?.[i]) category[i] = -1;
        else if (p.levels[i] < C) category[i] = p.levels[i];
        else
          throw new UserError(
            `cannot write ballot ${b} as ${C} categories: it has ${p.levels[i] + 1} or more tie levels`,
          );
      }
    const { first, counts } = groupBallots(p, (b) => category.subarray(b * m, (b + 1) * m).join(','));
    first.forEach((b, i) => {
      checkCount(counts[i], b);
      const groups: number[][] = Array.from({ length: C }, () => []);
      for (let c = 0; c < m; c++) {
        const j = category[b * m + c];
        if (j >= 0) groups[j].push(c + 1);
      }
      body.push(
        `${counts[i]}: ${groups.map((g) => (g.length === 1 ? String(g[0]) : `{${g.join(',')}}`)).join(',')}`,
      );
    });
    categoryHeader.push(`# NUMBER UNIQUE PREFERENCES: ${first.length}`, `# NUMBER CATEGORIES: ${C}`);
    for (let j = 0; j < C; j++)
      categoryHeader.push(
        `# CATEGORY NAME ${j + 1}: ${oneLine(`category name ${j + 1}`, catNames?.[j] ?? `Category ${j + 1}`)}`,
      );
  } else {
    const strict = type === 'soc' || type === 'soi';
    const complete = type === 'soc' || type === 'toc';
    const { first, counts } = groupBallots(p, (b) => orderKey(p, b));
    first.forEach((b, i) => {
      if (strict && !isStrictBallot(p, b))
        throw new UserError(
          `cannot write ballot ${b} as ${type} (${DESCRIPTION[type]}): it has ties; use toc or toi`,
        );
      if (complete && !isCompleteBallot(p, b))
        throw new UserError(
          `cannot write ballot ${b} as ${type} (${DESCRIPTION[type]}): it leaves candidates unranked; use soi or toi`,
        );
      checkCount(counts[i], b);
      const groups = rankingOf(p, b);
      body.push(
        `${counts[i]}: ${groups.map((g) => (g.length === 1 ? String(g[0] + 1) : `{${g.map((c) => c + 1).join(',')}}`)).join(',')}`,
      );
    });
    categoryHeader.push(`# NUMBER UNIQUE ORDERS: ${first.length}`);
  }
  const head = [
    `# FILE NAME: ${oneLine('file name', opts.fileName ?? '')}`,
    `# TITLE: ${oneLine('title', opts.title ?? '')}`,
    `# DESCRIPTION: ${oneLine('description', opts.description ?? '')}`,
    `# DATA TYPE: ${type}`,
    `# MODIFICATION TYPE: ${oneLine('modification type', opts.modificationType ?? 'original')}`,
    `# RELATES TO: ${oneLine('relates to', opts.relatesTo ?? '')}`,
    `# RELATED FILES: ${oneLine('related files', opts.relatedFiles ?? '')}`,
    `# PUBLICATION DATE: ${oneLine('publication date', opts.publicationDate ?? '')}`,
    `# MODIFICATION DATE: ${oneLine('modification date', opts.modificationDate ?? '')}`,
    `# NUMBER ALTERNATIVES: ${m}`,
    `# NUMBER VOTERS: ${voters}`,
    ...categoryHeader,
  ];
  for (let c = 0; c < m; c++)
    head.push(`# ALTERNATIVE NAME ${c + 1}: ${oneLine(`name of candidate ${c}`, p.names[c])}`);
  return `${[...head, ...body].join('\n')}\n`;
}

/** Write options that carry a parsed file's header over (for converting a PrefLib file and back). */
export function prefLibWriteOptionsFromHeader(file: PrefLibFile): PrefLibWriteOptions {
  const h = file.header;
  return {
    type: file.type,
    fileName: h.get('FILE NAME'),
    title: h.get('TITLE'),
    description: h.get('DESCRIPTION'),
    modificationType: h.get('MODIFICATION TYPE'),
    relatesTo: h.get('RELATES TO'),
    relatedFiles: h.get('RELATED FILES'),
    publicationDate: h.get('PUBLICATION DATE'),
    modificationDate: h.get('MODIFICATION DATE'),
    categories: file.categories,
  };
}
