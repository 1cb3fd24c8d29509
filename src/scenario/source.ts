/**
 * A scenario file's text as data plus positions: YAML or JSON in, plain values out, and for any
 * path into the data (`['parts', 2, 'utility']`) the line it was written on. Both formats are
 * parsed by `yaml` for positions (JSON is YAML); JSON values themselves come from `JSON.parse`, so
 * numbers and strings mean exactly what JSON says. Duplicate keys are errors in both formats.
 *
 * Pure: no Node imports (the studio loads scenarios in the browser).
 */
import {
  type Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { UserError } from '../core/errors.js';
import { findJsonSyntaxError } from '../formats/json-syntax.js';

/** A path into the data: object keys and list indices. */
export type Path = readonly (string | number)[];

export type Format = 'yaml' | 'json';

export interface Source {
  readonly file: string;
  readonly format: Format;
  /** The parsed value (plain objects, arrays, strings, numbers, booleans, null). */
  readonly data: unknown;
  /**
   * 1-based line of the thing at `path`: an object entry's key, a list item. A path that does
   * not exist in the file (a missing key) gives the line of its nearest existing ancestor.
   */
  line(path: Path): number;
  /** Offset in the text of the same position (for ordering errors by where they are). */
  offset(path: Path): number;
  /** The keys of the object at `path` in the order they were written (`value` is that object). */
  keys(path: Path, value: object): string[];
}

/** `parts[2].utility`, `actions.book-beach`, `utility["horrible place"]`. */
export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/** The format of a file: by extension (.yaml, .yml, .json), else by its first character. */
export function detectFormat(text: string, file: string): Format {
  const f = file.toLowerCase();
  if (f.endsWith('.json')) return 'json';
  if (f.endsWith('.yaml') || f.endsWith('.yml')) return 'yaml';
  return /^\s*[{[]/.test(text) && findJsonSyntaxError(text) === undefined ? 'json' : 'yaml';
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The path to the map entry whose key starts at `offset` (for duplicate-key errors). */
function pathToKey(doc: Document, offset: number): Path | undefined {
  const walk = (node: unknown, path: (string | number)[]): Path | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const r = (pair.key as Node | null)?.range;
        if (r && r[0] === offset) return path;
        const found = k === undefined ? undefined : walk(pair.value, [...path, k]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = walk(node.items[i], [...path, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

/** The key written at `offset` (a quoted or plain scalar), for messages. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 200);
  const m = /^"((?:[^"\\\n]|\\.)*)"|^'((?:[^'\n]|'')*)'|^([^:,\n{}[\]#]*)/.exec(rest);
  if (!m) return '';
  if (m[1] !== undefined) {
    try {
      return JSON.parse(`"${m[1]}"`) as string;
    } catch {
      return m[1];
    }
  }
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return m[3].trim();
}

const STAR_HINT = " (write '*' in quotes: a bare * starts a YAML alias)";

/** Whether the line at `offset` has a bare `*` where a key or value goes. */
function bareStar(text: string, offset: number): boolean {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const to = text.indexOf('\n', offset);
  const line = text.slice(from, to < 0 ? text.length : to);
  return /(^|[\s{[,])\*\s*([:,}\]]|$)/.test(line);
}

function syntaxError(file: string, line: number, what: string, message: string): UserError {
  return new UserError(`${what}: ${message}`, `${file}:${line}`);
}

/**
 * Bounds on aliases: `yaml` resolves each alias by a scan of the document (n aliases cost n²), and
 * the checks after parsing walk the data as a tree (nested aliases multiply its size).
 */
const MAX_ALIASES = 1000;
const MAX_ALIAS_VALUES = 100_000;

/**
 * Refuses an alias inside the node it names (the data would contain itself), more than
 * MAX_ALIASES aliases, and aliases that together repeat more than MAX_ALIAS_VALUES values
 * (`&b [*a, *a]`, `&c [*b, *b]`, …: an alias bomb). One pass in document order, where an alias
 * names the last node anchored before it, as in `yaml`.
 */
function checkAliases(doc: Document, file: string, lineOf: (offset: number) => number): void {
  const anchored = new Map<string, Node>();
  const size = new Map<Node, number>(); // values under an anchored node, its aliases expanded
  const open = new Set<Node>();
  let aliases = 0;
  let repeated = 0;
  const walk = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchored.get(node.source);
      if (target === undefined) return 1; // an unknown alias: toJS says so
      const fail = (message: string): never => {
        throw syntaxError(file, lineOf(node.range?.[0] ?? 0), 'YAML error', message);
      };
      if (open.has(target))
        fail(
          `alias *${node.source} is inside the node &${node.source} it names, so the data would contain itself; expected the alias after that node`,
        );
      if (++aliases > MAX_ALIASES) fail(`more than ${MAX_ALIASES} aliases; expected at most ${MAX_ALIASES}`);
      const n = size.get(target) ?? 1;
      repeated += n;
      if (repeated > MAX_ALIAS_VALUES)
        fail(
          `alias *${node.source}: aliases repeat more than ${MAX_ALIAS_VALUES} values (nested aliases multiply); expected at most ${MAX_ALIAS_VALUES}`,
        );
      return n;
    }
    if (!isNode(node)) return 1;
    if (node.anchor) anchored.set(node.anchor, node);
    let n = 1;
    if (isCollection(node)) {
      open.add(node);
      for (const item of node.items) n += isPair(item) ? walk(item.key) + walk(item.value) : walk(item);
      open.delete(node);
    }
    if (node.anchor) size.set(node, n);
    return n;
  };
  walk(doc.contents);
}

/**
 * Parses a scenario file's text. Syntax errors (and duplicate keys) are UserErrors whose `where`
 * is `FILE:LINE`.
 */
export function readSource(text: string, file: string): Source {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const format = detectFormat(text, file);
  let data: unknown;
  if (format === 'json') {
    const bad = findJsonSyntaxError(text);
    if (bad) throw syntaxError(file, bad.line, 'JSON syntax error', `${bad.message} (column ${bad.column})`);
    data = JSON.parse(text);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => lc.linePos(offset).line;
  // The first error by position; for JSON (already known valid) only duplicate keys count.
  const errors = doc.errors
    .filter((e) => format === 'yaml' || e.code === 'DUPLICATE_KEY')
    .sort((a, b) => a.pos[0] - b.pos[0]);
  const first = errors[0];
  if (first) {
    const line = lineOf(first.pos[0]);
    if (first.code === 'DUPLICATE_KEY') {
      const where = pathToKey(doc, first.pos[0]);
      const at = where && where.length > 0 ? `${formatPath(where)}: ` : '';
      throw new UserError(
        `${at}duplicate key ${JSON.stringify(keyAt(text, first.pos[0]))}`,
        `${file}:${line}`,
      );
    }
    const message =
      first.code === 'MULTIPLE_DOCS'
        ? 'a scenario file holds one YAML document (remove the extra "---")'
        : `${first.message.split('\n')[0]}${bareStar(text, first.pos[0]) ? STAR_HINT : ''}`;
    throw syntaxError(file, line, 'YAML syntax error', message);
  }
  if (format === 'yaml') {
    checkAliases(doc, file, lineOf);
    try {
      // checkAliases bounds what aliases cost, exactly; yaml's own bound is a heuristic.
      data = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      let at = 1;
      let alias = '';
      const findAlias = (node: unknown): boolean => {
        if (isAlias(node)) {
          at = lineOf(node.range?.[0] ?? 0);
          alias = node.source;
          return true;
        }
        if (isMap(node)) return node.items.some((p) => findAlias(p.key) || findAlias(p.value));
        if (isSeq(node)) return node.items.some(findAlias);
        return false;
      };
      findAlias(doc.contents);
      const msg = (e as Error).message;
      throw syntaxError(
        file,
        at,
        'YAML error',
        alias && /nresolved/.test(msg) ? `unknown alias *${alias}` : `${msg}${alias === '' ? STAR_HINT : ''}`,
      );
    }
  }

  const offset = (path: Path): number => {
    let node: unknown = doc.contents;
    let pos = (node as Node | null)?.range?.[0] ?? 0;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (!pair) return pos;
        pos = (pair.key as Node | null)?.range?.[0] ?? pos;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        pos = (node as Node | null)?.range?.[0] ?? pos;
      } else return pos;
    }
    return pos;
  };

  const keys = (path: Path, value: object): string[] => {
    const own = Object.keys(value);
    let node: unknown = doc.contents;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) node = node.items.find((p) => keyText(p.key) === String(seg))?.value;
      else if (isSeq(node) && typeof seg === 'number') node = node.items[seg];
      else return own;
    }
    if (isAlias(node)) node = node.resolve(doc);
    if (!isMap(node)) return own;
    const written = node.items.map((p) => keyText(p.key));
    const set = new Set(own);
    return written.length === own.length && written.every((k) => k !== undefined && set.has(k))
      ? (written as string[])
      : own;
  };

  return { file, format, data, line: (path) => lineOf(offset(path)), offset, keys };
}
