/**
 * Finds where a JSON text first goes wrong. `JSON.parse` says what but not always where; this
 * small scanner walks the grammar (RFC 8259) and reports the line and column of the first error.
 */

export interface JsonSyntaxError {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly message: string;
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  class Stop extends Error {}
  let found: { pos: number; message: string } | undefined;
  const fail = (message: string, pos = i): never => {
    found = { pos, message };
    throw new Stop();
  };
  const what = () => (i >= n ? 'the end of the text' : JSON.stringify(text[i]));
  const ws = () => {
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${what()}; expected a value`);
  };
  const string = () => {
    const start = i;
    i++; // opening quote
    for (;;) {
      if (i >= n) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('unescaped control character in a string');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('bad \\u escape: expected 4 hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`bad escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail(`unexpected ${what()}; expected a value`);
    i += m![0].length;
  };
  const value = (depth: number) => {
    if (depth > 2000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`unexpected ${what()}; expected a field name in double quotes`);
        string();
        ws();
        if (text[i] !== ':') fail(`unexpected ${what()}; expected ":"`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`unexpected ${what()}; expected "," or "}"`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`unexpected ${what()}; expected "," or "]"`);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail(`unexpected ${what()}; expected a value`);
  };
  try {
    value(0);
    ws();
    if (i < n) fail(`unexpected ${what()} after the end of the value`);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (!found) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let j = 0; j < found.pos && j < n; j++)
    if (text[j] === '\n') {
      line++;
      lineStart = j + 1;
    }
  return { line, column: found.pos - lineStart + 1, message: found.message };
}

/**
 * The offset in a valid JSON `text` of the value at `path` (object keys, array indices), or
 * undefined when there is none. Of duplicate keys the last counts, as in `JSON.parse`.
 */
export function findJsonPath(text: string, path: readonly (string | number)[]): number | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    for (i++; i < n && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
  };
  // Past one value: brackets are counted, strings skipped whole (they may hold brackets).
  const skip = () => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') string();
      else {
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
        i++;
      }
    } while (i < n && (depth > 0 || (text[i] !== ',' && text[i] !== '}' && text[i] !== ']')));
  };
  for (const seg of path) {
    ws();
    const open = text[i];
    if (open === '{' && typeof seg === 'string') {
      let found: number | undefined;
      for (i++, ws(); text[i] === '"'; i++, ws()) {
        const start = i;
        string();
        const key = JSON.parse(text.slice(start, i)) as string;
        ws();
        i++; // ':'
        ws();
        if (key === seg) found = i;
        skip();
        ws();
        if (text[i] !== ',') break;
      }
      if (found === undefined) return undefined;
      i = found;
    } else if (open === '[' && typeof seg === 'number') {
      i++;
      for (let j = 0; j < seg; j++) {
        ws();
        if (text[i] === ']') return undefined;
        skip();
        ws();
        if (text[i] !== ',') return undefined;
        i++;
      }
      ws();
      if (text[i] === ']') return undefined;
    } else return undefined;
  }
  ws();
  return i < n ? i : undefined;
}
