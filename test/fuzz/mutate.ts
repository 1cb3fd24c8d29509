/**
 * A seeded generator of malformed inputs for the fuzz suite (test/fuzz/fuzz.test.ts, scripts/fuzz.ts):
 * scenario files and profiles from a small corpus, each mutated 1–3 times — lines deleted,
 * duplicated, swapped or cut; numbers made extreme; deep nesting, YAML alias chains, odd keys
 * (`__proto__`, `constructor`), very long names and bytes that are not UTF-8; or one value of the
 * parsed data replaced by a value of another shape. Input i of seed s is the same on every run.
 *
 * `check` runs one input in this process the way the CLI does (decode, parse, evaluate or vote)
 * and classifies it: fine, a UserError, or anything else, which is a failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import { parseProfileFile, parseProfileLine } from '../../src/formats/index.js';
import { decodeUtf8 } from '../../src/formats/utf8.js';
import { evaluate } from '../../src/run/one-shot.js';
import { runSequential } from '../../src/run/sequential.js';
import { tieBreakFrom, vote } from '../../src/run/vote.js';
import { parseAnyScenario } from '../../src/scenario/index.js';
import { isSequential } from '../../src/scenario/load.js';
import { parseMethodList } from '../../src/sigma/apply.js';

export interface FuzzInput {
  /** The file name (its extension picks the reader). */
  name: string;
  kind: 'scenario' | 'profile';
  bytes: Buffer;
  /** What was done to the seed, for reproducing a failure. */
  mutations: string[];
}

const root = join(import.meta.dirname, '..', '..');

const PROFILES: [string, string][] = [
  ['p.soc', '# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 5\n3: 1,2,3\n2: 3,2,1\n'],
  ['p.toi', '# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n2: 1,{2,3}\n1: 4,1\n1: {1,2,3,4}\n'],
  [
    'p.cat',
    '# DATA TYPE: cat\n# NUMBER ALTERNATIVES: 3\n# NUMBER CATEGORIES: 2\n2: {1,2},{3}\n1: {3},{1,2}\n',
  ],
  ['p.json', '{"candidates": ["a", "b", "c"], "rankings": [[0, 1, 2], [[1, 2], 0]], "counts": [3, 2]}\n'],
  ['s.json', '{"candidates": 3, "scores": [[5, 3, null], [1, 4, 2]]}\n'],
  [
    'p.jsonl',
    '{"candidates": 3, "rankings": [[0, 1, 2]]}\n\n{"candidates": ["x", "y"], "rankings": [[1], [0, 1]], "counts": [1, 2.5]}\n',
  ],
  ['p.csv', 'a,b,c,#\n1,2,3,4\n3,1,2,2\n1,1,,1\n'],
  ['r.csv', 'Rank1,Rank2,Rank3\na,b,c\nc,a,b\n'],
  ['p.scores.csv', 'a,b,c\n5,3,\n1,4,2\n'],
];

function scenarioCorpus(): [string, string][] {
  const dir = join(root, 'scenarios');
  const files: [string, string][] = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
  // A small JSON one too, so JSON-specific paths are reached.
  files.push([
    'tiny.json',
    JSON.stringify({
      name: 'tiny',
      outcomes: ['x', 'y'],
      parts: [
        { name: 'a', utility: [1, 0] },
        { name: 'b', utility: { x: 0, y: 1 } },
      ],
    }),
  ]);
  return files;
}

let corpus: [string, string][] | undefined;

const EXTREME = [
  '0',
  '-1',
  '1e308',
  '-1e308',
  '1e-320',
  '9007199254740993',
  '4294967296',
  '1000000',
  '99999999999',
  '0.5',
  'NaN',
  '.inf',
  '-.inf',
  '2.5e9',
  '1000',
];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '*', '', '"'];
const ODD_BYTES = [
  [0x00],
  [0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xef, 0xbb, 0xbf],
  [0x09],
  [0x0d],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xed, 0xa0, 0x80],
];

const pick = <T>(r: Random, xs: readonly T[]): T => xs[r.int(xs.length)];

function deep(r: Random): string {
  const d = pick(r, [20, 60, 120, 600, 3000]);
  return `${'['.repeat(d)}0${']'.repeat(d)}`;
}

/** A random value of some other shape, for structural mutations. */
function oddValue(r: Random): unknown {
  switch (r.int(10)) {
    case 0:
      return null;
    case 1:
      return Number(pick(r, EXTREME)) || 1e308;
    case 2:
      return 'x'.repeat(pick(r, [0, 1, 300, 5000]));
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return Array.from({ length: pick(r, [2, 50, 1000]) }, (_, i) => i);
    case 6: {
      let v: unknown = 0;
      for (let i = 0; i < pick(r, [10, 200, 1500]); i++) v = [v];
      return v;
    }
    case 7:
      return JSON.parse(`{${JSON.stringify(pick(r, ODD_KEYS))}: 1}`);
    case 8:
      return true;
    default:
      return -1;
  }
}

/** Replaces one node of the parsed data (or adds an odd key to an object). */
function structural(r: Random, text: string, name: string): { text: string; name: string } | undefined {
  let data: unknown;
  try {
    data = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'error' });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  // Walk down a random path, then replace the value there.
  let node = data as Record<string | number, unknown>;
  for (let depth = 0; depth < 8; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = pick(r, keys);
    const child = node[k];
    if (typeof child === 'object' && child !== null && r.float() < 0.7) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (r.float() < 0.2)
      Object.defineProperty(node, pick(r, ODD_KEYS), { value: oddValue(r), enumerable: true });
    else node[k] = oddValue(r);
    break;
  }
  const asJson = r.float() < 0.5 || name.endsWith('.json');
  const base = name.replace(/\.(ya?ml|json)$/, '');
  return asJson
    ? { text: JSON.stringify(data), name: `${base}.json` }
    : { text: stringifyYaml(data), name: `${base}.yaml` };
}

function textMutation(r: Random, text: string, kind: FuzzInput['kind']): [string, string] {
  const lines = text.split('\n');
  const at = r.int(Math.max(1, lines.length));
  switch (r.int(10)) {
    case 0:
      lines.splice(at, 1);
      return [lines.join('\n'), 'delete-line'];
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      return [lines.join('\n'), 'duplicate-line'];
    case 2: {
      const b = r.int(lines.length);
      [lines[at], lines[b]] = [lines[b], lines[at]];
      return [lines.join('\n'), 'swap-lines'];
    }
    case 3:
      return [text.slice(0, r.int(text.length + 1)), 'truncate'];
    case 4: {
      const nums = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      if (nums.length === 0) return [text, 'no-number'];
      const m = pick(r, nums);
      const x = pick(r, EXTREME);
      return [text.slice(0, m.index) + x + text.slice((m.index ?? 0) + m[0].length), `number:${x}`];
    }
    case 5: {
      const pos = r.int(text.length + 1);
      return [text.slice(0, pos) + deep(r) + text.slice(pos), 'deep-nesting'];
    }
    case 6: {
      if (kind !== 'scenario') return [`${text}\n${deep(r)}`, 'deep-line'];
      const n = pick(r, [3, 10, 30]);
      const bomb = ['bomb0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < n; i++)
        bomb.push(
          `bomb${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      return [`${text}\n${bomb.join('\n')}\n`, `alias-chain:${n}`];
    }
    case 7: {
      const indent = /^\s*(- )?/.exec(lines[at] ?? '')?.[0].replace('- ', '  ') ?? '';
      const key = pick(r, ODD_KEYS);
      lines.splice(at, 0, `${indent}${key === '' ? '""' : key}: 1`);
      return [lines.join('\n'), `odd-key:${key}`];
    }
    case 8: {
      const words = [...text.matchAll(/[A-Za-z][\w-]{2,}/g)];
      if (words.length === 0) return [text, 'no-word'];
      const m = pick(r, words);
      const long = 'n'.repeat(pick(r, [200, 5000]));
      return [text.slice(0, m.index) + long + text.slice((m.index ?? 0) + m[0].length), 'long-name'];
    }
    default:
      return [text, 'bytes'];
  }
}

/** Input `i` of the stream `seed`. */
export function fuzzInput(seed: number, i: number): FuzzInput {
  const r = new Random([seed, i]);
  corpus ??= scenarioCorpus();
  const kind: FuzzInput['kind'] = r.float() < 0.5 ? 'scenario' : 'profile';
  let [name, text] = kind === 'scenario' ? pick(r, corpus) : pick(r, PROFILES);
  const mutations: string[] = [];
  let oddBytes: number[] | undefined;
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    if (r.float() < 0.25) {
      const s = structural(r, text, name);
      if (s) {
        if (kind === 'scenario') name = s.name;
        if (kind === 'scenario' || name.endsWith('.json')) text = s.text;
        mutations.push('structural');
        continue;
      }
    }
    const [t, what] = textMutation(r, text, kind);
    text = t;
    mutations.push(what);
    if (what === 'bytes') oddBytes = pick(r, ODD_BYTES);
  }
  let bytes = Buffer.from(text, 'utf8');
  if (oddBytes) {
    const pos = r.int(bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, pos), Buffer.from(oddBytes), bytes.subarray(pos)]);
  }
  return { name, kind, bytes, mutations };
}

export type Outcome =
  | { kind: 'fine' }
  | { kind: 'user'; message: string }
  | { kind: 'failure'; error: unknown };

const methods = parseMethodList('plurality,borda,copeland,ranked-pairs,river,instant-runoff,approval');
const tb = tieBreakFrom('none', 0);

/** Runs one input in this process as the CLI would and classifies what happened. */
export function check(input: FuzzInput): Outcome {
  try {
    const text = decodeUtf8(input.bytes, input.name);
    if (input.kind === 'scenario') {
      const s = parseAnyScenario(text, input.name);
      if (isSequential(s)) runSequential(s);
      else evaluate(s);
    } else if (input.name.endsWith('.jsonl')) {
      text.split('\n').forEach((line, k) => {
        if (line.trim() !== '') vote(parseProfileLine(line, k + 1, input.name), methods, tb, true);
      });
    } else vote(parseProfileFile(text, input.name), methods, tb, true);
    return { kind: 'fine' };
  } catch (e) {
    if (e instanceof UserError) return { kind: 'user', message: e.message };
    return { kind: 'failure', error: e };
  }
}
