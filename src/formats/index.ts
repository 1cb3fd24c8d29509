/**
 * Profile formats: text in, Profile out, and back. `parseProfile` picks the reader from the file
 * name; `formatProfile` writes a named format. Pure functions (no file access): the CLI reads
 * and writes the files.
 *
 * | format       | extension     | what                                                        |
 * |--------------|---------------|-------------------------------------------------------------|
 * | soc soi toc toi | .soc …     | PrefLib ordinal files (preflib.ts)                          |
 * | preflib      | —             | write: the most restrictive of soc/soi/toc/toi; read: by DATA TYPE |
 * | cat          | .cat          | PrefLib categorical preferences, read as grades (preflib.ts)|
 * | json         | .json         | one JSON profile (json.ts)                                  |
 * | jsonl        | .jsonl        | one JSON profile per line (json.ts)                         |
 * | csv          | .csv          | pref_voting's candidate columns of ranks (csv.ts)           |
 * | scores.csv   | .scores.csv   | candidate columns of scores (csv.ts)                        |
 */
import { quoteName } from '../core/registry.js';
import { UserError } from '../core/errors.js';
import type { Profile } from '../sigma/profile.js';
import { formatCsvProfile, parseCsvProfile, parseCsvRows } from './csv.js';
import {
  formatJsonLines,
  formatJsonProfile,
  parseJsonLine,
  parseJsonLines,
  parseJsonProfile,
} from './json.js';
import { findJsonPath } from './json-syntax.js';
import { formatPrefLib, type PrefLibWriteOptions, parsePrefLib, prefLibBallotLine } from './preflib.js';

export * from './csv.js';
export * from './json.js';
export { profileOnLine, scanJsonProfile } from './json-scan.js';
export * from './preflib.js';
export { decodeUtf8 } from './utf8.js';

export type FormatName =
  | 'soc'
  | 'soi'
  | 'toc'
  | 'toi'
  | 'preflib'
  | 'cat'
  | 'json'
  | 'jsonl'
  | 'csv'
  | 'scores.csv';

export interface FormatInfo {
  readonly name: FormatName;
  /** File name ending that selects it when reading (none for `preflib`). */
  readonly extension?: string;
  readonly description: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { name: 'soc', extension: '.soc', description: 'PrefLib strict complete orders' },
  { name: 'soi', extension: '.soi', description: 'PrefLib strict incomplete (truncated) orders' },
  { name: 'toc', extension: '.toc', description: 'PrefLib complete orders with ties' },
  { name: 'toi', extension: '.toi', description: 'PrefLib incomplete orders with ties' },
  {
    name: 'preflib',
    description:
      'PrefLib ordinal file, the most restrictive of soc/soi/toc/toi that fits (write); by DATA TYPE (read)',
  },
  {
    name: 'cat',
    extension: '.cat',
    description: 'PrefLib categorical preferences; C categories read as grades C−1 (best) … 0',
  },
  { name: 'json', extension: '.json', description: 'JSON {"candidates", "rankings" or "scores", "counts"}' },
  { name: 'jsonl', extension: '.jsonl', description: 'JSON Lines: one JSON profile per line' },
  {
    name: 'csv',
    extension: '.csv',
    description: 'CSV: candidate-name columns of ranks (1 = best) and a # count column',
  },
  {
    name: 'scores.csv',
    extension: '.scores.csv',
    description: 'CSV: candidate-name columns of scores and a # count column',
  },
];

const NAMES = FORMATS.map((f) => f.name) as readonly string[];

/** The format a file name selects, by its ending (`.scores.csv` before `.csv`). */
export function formatOfFileName(fileName: string): FormatName | undefined {
  const lower = fileName.toLowerCase();
  let best: FormatInfo | undefined;
  for (const f of FORMATS)
    if (f.extension && lower.endsWith(f.extension) && (!best || f.extension.length > best.extension!.length))
      best = f;
  return best?.name;
}

function resolve(format: string | undefined, fileName: string): FormatName {
  if (format !== undefined) {
    const f = format.toLowerCase().replace(/^\./, '');
    if (!NAMES.includes(f))
      throw new UserError(`unknown format ${quoteName(format)}; expected one of ${NAMES.join(', ')}`);
    return f as FormatName;
  }
  const f = formatOfFileName(fileName);
  if (!f)
    throw new UserError(
      `cannot tell the format from the file name; expected one of ${FORMATS.filter((x) => x.extension)
        .map((x) => x.extension)
        .join(' ')}`,
      fileName,
    );
  return f;
}

/**
 * Reads one profile; the format is `opts.format`, else the file name's ending. A JSON Lines text
 * must hold exactly one profile here (use `parseProfiles` or `parseJsonLine` for streams).
 */
export function parseProfile(
  text: string,
  fileName: string,
  opts: { format?: string; maxCandidates?: number } = {},
): Profile {
  const format = resolve(opts.format, fileName);
  const max = opts.maxCandidates;
  switch (format) {
    case 'soc':
    case 'soi':
    case 'toc':
    case 'toi':
    case 'cat':
      return parsePrefLib(text, fileName, format, max).profile;
    case 'preflib':
      return parsePrefLib(text, fileName, undefined, max).profile;
    case 'json':
      return parseJsonProfile(text, fileName, max);
    case 'jsonl': {
      const ps = parseJsonLines(text, fileName, max);
      if (ps.length !== 1)
        throw new UserError(
          `expected one profile, got ${ps.length} lines of profiles; read them one at a time`,
          fileName,
        );
      return ps[0];
    }
    case 'csv':
      return parseCsvProfile(text, fileName, { maxCandidates: max });
    case 'scores.csv':
      return parseCsvProfile(text, fileName, { layout: 'scores', maxCandidates: max });
  }
}

/** `parseProfile` under the name the CLI uses. */
export function parseProfileFile(
  text: string,
  fileName: string,
  opts: { format?: string; maxCandidates?: number } = {},
): Profile {
  return parseProfile(text, fileName, opts);
}

/**
 * Reads one line of a JSON Lines stream (1-based `lineNumber`; errors say `FILE:LINE`). Callers
 * skip blank lines; a blank line here is an error.
 */
export function parseProfileLine(
  line: string,
  lineNumber: number,
  fileName: string,
  maxCandidates?: number,
): Profile {
  const p = parseJsonLine(line, lineNumber, fileName, maxCandidates);
  if (!p) throw new UserError('expected a JSON profile, got a blank line', `${fileName}:${lineNumber}`);
  return p;
}

/** Reads every profile of a text: one per line for JSON Lines, else the one profile. */
export function parseProfiles(text: string, fileName: string, opts: { format?: string } = {}): Profile[] {
  const format = resolve(opts.format, fileName);
  return format === 'jsonl' ? parseJsonLines(text, fileName) : [parseProfile(text, fileName, { format })];
}

/**
 * The 1-based line of `text` that holds what `path` names in the profile `parseProfile` reads from
 * it: a ballot's field path as rules give it in errors, `rankings[3]`, `scores[3][1]` or
 * `counts[3]` (ballot 3, 0-based). Undefined when `path` is no such path.
 */
export function ballotLine(
  text: string,
  fileName: string,
  path: string,
  opts: { format?: string } = {},
): number | undefined {
  const m = /^(rankings|scores|counts)((?:\[\d+\])+)$/.exec(path);
  if (!m) return undefined;
  const index = m[2].slice(1, -1).split('][').map(Number);
  const b = index[0];
  switch (resolve(opts.format, fileName)) {
    case 'json': {
      // Rules name rankings[b] also for a profile written as scores: that ballot's line.
      const other = m[1] === 'counts' ? undefined : m[1] === 'rankings' ? 'scores' : 'rankings';
      const at = findJsonPath(text, [m[1], ...index]) ?? (other && findJsonPath(text, [other, b]));
      return at === undefined ? undefined : text.slice(0, at).split('\n').length;
    }
    case 'jsonl': {
      // The one profile's line (parseProfile refuses more).
      const line = text.split('\n').findIndex((l) => l.trim() !== '');
      return line < 0 ? undefined : line + 1;
    }
    case 'csv':
    case 'scores.csv':
      return parseCsvRows(text, fileName)[b + 1]?.line;
    default:
      return prefLibBallotLine(text, b);
  }
}

/**
 * A rule's UserError about one ballot of the profile read from `text` (its `where` a path such as
 * `rankings[14]`) re-raised at that ballot's line, `FILE:LINE`: JSON keeps the path in the message
 * (`rankings[14]: …`); in PrefLib and CSV the line is the ballot. Other errors are returned as
 * they are.
 */
export function atBallotLine(
  e: unknown,
  text: string,
  fileName: string,
  opts: { format?: string } = {},
): unknown {
  if (!(e instanceof UserError) || e.where === undefined) return e;
  const line = ballotLine(text, fileName, e.where, opts);
  if (line === undefined) return e;
  const what = e.message.slice(e.where.length + 2); // UserError's message is `${where}: ${what}`
  const json = resolve(opts.format, fileName).startsWith('json');
  return new UserError(json ? `${e.where}: ${what}` : what, `${fileName}:${line}`);
}

/** Writes a profile in a named format (PrefLib header fields through `preflib`). */
export function formatProfile(
  p: Profile,
  format: string,
  opts: { preflib?: PrefLibWriteOptions } = {},
): string {
  const f = resolve(format, '');
  switch (f) {
    case 'soc':
    case 'soi':
    case 'toc':
    case 'toi':
    case 'cat':
      return formatPrefLib(p, { ...opts.preflib, type: f });
    case 'preflib':
      return formatPrefLib(p, opts.preflib);
    case 'json':
      return formatJsonProfile(p);
    case 'jsonl':
      return formatJsonLines([p]);
    case 'csv':
      return formatCsvProfile(p, { layout: 'ranks' });
    case 'scores.csv':
      return formatCsvProfile(p, { layout: 'scores' });
  }
}
