/**
 * The sweep loader: a sweep file's text → a `Sweep` (core/sweep.ts), and what a cell does to its
 * base scenario: set the cell's values at their paths in a copy of the base file's data, keep the
 * base file's line positions, and load that with the scenario loader.
 *
 * Paths are written as `formatPath` prints them: `parts[0].weight`, `bounds.noise`, `sigma.rule`,
 * `utility["horrible place"]`. A list index must exist in the base; a missing object key is added
 * (so `epsilon` or `bounds.noise` may be swept when the base leaves them at their defaults), and
 * the scenario loader then says whether the key is one the format knows.
 *
 * A mistake a cell's scenario makes is reported against the sweep file: at the line of the
 * parameter whose value it is (or of `readings`), with the cell's values.
 *
 * Pure: no Node imports.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import type { Scenario, SequentialScenario } from '../core/scenario.js';
import {
  type ColumnType,
  type DataPath,
  DEFAULT_MEASURES,
  MEASURES,
  measureApplies,
  type ParamSource,
  type Sweep,
  type SweepBase,
  type SweepParam,
} from '../core/sweep.js';
import { getPrincipalGenerator, type PrincipalGenerator } from '../generate/principal-registry.js';
import { fmt } from './checks.js';
import { parseAnyScenarioSource } from './load.js';
import { describeValue, firstProblem, issueMessage, issueProblems, ProblemError } from './problems.js';
import { formatPath, type Path, readSource, type Source } from './source.js';
import { sweepSchema } from './sweep-schema.js';

/** Column names the store uses itself; a parameter's column may not take one. */
export const RESERVED_COLUMNS = ['cell', 'replicate', 'seed', 'error', 'reading', 'measure', 'part', 'value'];

/** Grid points the up-front check loads one by one; past this, each value once (checkSweep). */
const MAX_CHECKS = 5000;

/** The most cells a sweep may have (cell indices are SQL INTEGERs). */
export const MAX_CELLS = 2 ** 31 - 1;

/** `parts[0].weight` → ['parts', 0, 'weight'], or a message saying what is wrong. */
export function parsePath(text: string): DataPath | string {
  const out: (string | number)[] = [];
  let i = 0;
  const ident = /[A-Za-z_$][\w$-]*/y;
  const index = /\[(\d+)\]/y;
  const quoted = /\[("(?:[^"\\]|\\.)*")\]/y;
  while (i < text.length) {
    // A key follows a dot (or starts the path); an index or quoted key follows a bracket.
    const dot = text[i] === '.';
    if (dot && out.length > 0) i++;
    else if (out.length > 0 && text[i] !== '[') return `unexpected ${JSON.stringify(text[i])} at ${i + 1}`;
    ident.lastIndex = index.lastIndex = quoted.lastIndex = i;
    let m: RegExpExecArray | null;
    if ((dot || out.length === 0) && (m = ident.exec(text))) {
      out.push(m[0]);
      i = ident.lastIndex;
    } else if (!dot && (m = index.exec(text))) {
      out.push(Number(m[1]));
      i = index.lastIndex;
    } else if (!dot && (m = quoted.exec(text))) {
      out.push(JSON.parse(m[1]) as string);
      i = quoted.lastIndex;
    } else return `expected a key, [index] or ["key"] at ${i + 1}`;
  }
  return out.length === 0 ? 'empty path' : out;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Sets `value` at `path` in `data` (changed in place). Missing object keys on the way are added
 * as objects; a list index must exist. Returns a message when the path does not fit the data.
 */
export function setPath(data: unknown, path: DataPath, value: unknown): string | undefined {
  let cur: unknown = data;
  for (let k = 0; k < path.length; k++) {
    const seg = path[k];
    const here = formatPath(path.slice(0, k)) || 'the file';
    const last = k === path.length - 1;
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return `${here} is ${describeValue(cur)}, not a list, so it has no [${seg}]`;
      if (seg >= cur.length)
        return `${here} has ${cur.length} item${cur.length === 1 ? '' : 's'}, so no [${seg}]`;
      if (last) cur[seg] = value;
      else cur = cur[seg];
    } else {
      if (!isObject(cur))
        return `${here} is ${describeValue(cur)}, not an object, so it has no key ${JSON.stringify(seg)}`;
      if (last) cur[seg] = value;
      else {
        if (cur[seg] === undefined) cur[seg] = typeof path[k + 1] === 'number' ? [] : {};
        cur = cur[seg];
      }
    }
  }
  return undefined;
}

/** A parameter's store column: lower case, each run of other characters than [a-z0-9] as `_`. */
export function columnName(path: string): string {
  const c = path
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return c === '' || /^\d/.test(c) ? `p_${c}` : c;
}

function columnType(values: readonly unknown[]): ColumnType {
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'DOUBLE';
  if (values.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  return 'VARCHAR';
}

/** A value as the messages of a sweep show it: numbers without float noise, the rest as JSON. */
export function showValue(v: unknown): string {
  return typeof v === 'number' ? fmt(v) : JSON.stringify(v);
}

/** `parts[0].weight = 0.3, epsilon = 0.001`. */
export function showValues(sweep: Sweep, values: readonly unknown[]): string {
  return sweep.params.map((p, j) => `${p.name} = ${showValue(values[j])}`).join(', ');
}

/**
 * Reads a sweep from the text of a YAML or JSON file. Checks its shape and its paths' syntax;
 * whether the paths and values fit the base scenario is `checkSweep`'s job (it needs the base).
 */
export function parseSweep(text: string, file: string): { sweep: Sweep; definition: unknown } {
  // `definition` is the file's normalized content (defaults filled in), which a store's hash covers.
  const src = readSource(text, file);
  if (src.data === null || src.data === undefined)
    throw new UserError(
      'empty file; expected a sweep (an object with kind: sweep, name and base)',
      `${file}:1`,
    );
  const parsed = sweepSchema.safeParse(src.data, { error: issueMessage });
  if (!parsed.success)
    throw firstProblem(
      src,
      parsed.error.issues.flatMap((i) => issueProblems(i)),
    );
  const f = parsed.data;
  const fail = (path: Path, message: string): never => {
    throw new UserError(`${formatPath(path)}: ${message}`, `${file}:${src.line(path)}`);
  };

  let baseOf: SweepBase;
  if ((f.base.scenario === undefined) === (f.base.generator === undefined))
    return fail(
      ['base'],
      'expected either scenario: PATH or generator: {model: NAME, …}, not both or neither',
    );
  if (f.base.generator !== undefined) {
    const { model, ...options } = f.base.generator;
    let g: PrincipalGenerator;
    try {
      g = getPrincipalGenerator(model, 'model');
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return fail(['base', 'generator', 'model'], e.message.replace(/^model: /, ''));
    }
    baseOf = {
      kind: 'generator',
      file: `generator ${g.name}`,
      model: g.name,
      options,
      line: src.line(['base']),
    };
  } else baseOf = { kind: 'scenario', file: f.base.scenario as string, line: src.line(['base', 'scenario']) };

  const params: SweepParam[] = [];
  const add = (group: 'grid' | 'random', key: string, source: ParamSource, values: readonly unknown[]) => {
    const at: Path = [group, key];
    const path = parsePath(key);
    if (typeof path === 'string') return fail(at, `not a path (${path}); write it like parts[0].weight`);
    if (path.length === 1 && path[0] === 'seed')
      fail(
        at,
        "each cell's seed derives from the sweep's seed and the cell index; use replicates to repeat a point",
      );
    if ((path[0] === 'alignments' || path[0] === 'agents') && f.readings !== undefined)
      fail(at, `readings replaces ${path[0]}; sweep one or the other`);
    if (path[0] === 'generator') {
      if (baseOf.kind !== 'generator') fail(at, 'generator.OPTION paths need a generator base');
      else {
        const names = getPrincipalGenerator(baseOf.model).options.map((o) => o.name);
        if (path.length !== 2 || typeof path[1] !== 'string' || !names.includes(path[1]))
          fail(at, `expected generator.OPTION with an option of ${baseOf.model}: ${names.join(', ')}`);
      }
    }
    const name = formatPath(path);
    for (const p of params) {
      const shorter = Math.min(p.path.length, path.length);
      if (p.path.slice(0, shorter).every((s, k) => s === path[k]))
        fail(at, p.name === name ? `${name} is swept twice` : `${name} overlaps ${p.name}, swept above`);
    }
    const column = columnName(name);
    if (RESERVED_COLUMNS.includes(column))
      fail(at, `its column would be "${column}", which the store uses itself`);
    const clash = params.find((p) => p.column === column);
    if (clash) fail(at, `its column would be "${column}", as ${clash.name}'s is`);
    const type = source.kind === 'uniform' || source.kind === 'int' ? 'DOUBLE' : columnType(values);
    params.push({ name, path, column, type, source, line: src.line(at) });
  };
  if (f.grid)
    for (const key of src.keys(['grid'], f.grid)) {
      const values = f.grid[key];
      add('grid', key, { kind: 'grid', values }, values);
    }
  if (f.random)
    for (const key of src.keys(['random'], f.random)) {
      const d = f.random[key];
      if (d.uniform) add('random', key, { kind: 'uniform', lo: d.uniform[0], hi: d.uniform[1] }, []);
      else if (d.int) add('random', key, { kind: 'int', lo: d.int[0], hi: d.int[1] }, []);
      else if (d.choice) add('random', key, { kind: 'choice', values: d.choice }, d.choice);
    }

  let points = 1;
  for (const p of params) if (p.source.kind === 'grid') points *= p.source.values.length;
  const cells = points * f.replicates;
  if (cells > MAX_CELLS)
    fail(f.grid ? ['grid'] : ['replicates'], `${cells} cells; expected at most ${MAX_CELLS}`);

  const sweep: Sweep = {
    kind: 'sweep',
    name: f.name,
    seed: f.seed,
    base: baseOf,
    params,
    replicates: f.replicates,
    ...(f.readings ? { readings: f.readings, readingsLine: src.line(['readings']) } : {}),
    measures: f.measures ? MEASURES.filter((m) => f.measures?.includes(m)) : [...DEFAULT_MEASURES],
    ...(f.measures ? { measuresLine: src.line(['measures']) } : {}),
    points,
    cells,
    file,
  };
  // What the results depend on: not the schema reference or the description.
  const { $schema: _, description: __, ...definition } = f;
  return { sweep, definition };
}

/**
 * The grid values of grid point `point` (row-major: the last grid parameter varies fastest), in
 * `sweep.params` order; random parameters' slots are left undefined.
 */
export function gridValues(sweep: Sweep, point: number): unknown[] {
  const values = new Array<unknown>(sweep.params.length);
  for (let j = sweep.params.length - 1; j >= 0; j--) {
    const s = sweep.params[j].source;
    if (s.kind !== 'grid') continue;
    values[j] = s.values[point % s.values.length];
    point = Math.floor(point / s.values.length);
  }
  return values;
}

/**
 * A cell's scenario source: the base's data (a generator base: a principal drawn from the cell's
 * seed with the cell's generator options) with the readings, values and seed set; the base's lines.
 */
export function cellSource(base: Source, sweep: Sweep, values: readonly unknown[], seed: number): Source {
  const data = (
    sweep.base.kind === 'generator' ? generated(sweep, values, seed) : structuredClone(base.data)
  ) as Record<string, unknown>;
  // A sequential scenario's readings are its agents A.
  if (sweep.readings)
    data[data.kind === 'sequential' ? 'agents' : 'alignments'] = structuredClone(sweep.readings);
  sweep.params.forEach((p, j) => {
    if (p.path[0] === 'generator' && sweep.base.kind === 'generator') return;
    const bad = setPath(data, p.path, structuredClone(values[j]));
    if (bad)
      throw new UserError(`${p.name}: no such path in the base scenario: ${bad}`, `${sweep.file}:${p.line}`);
  });
  data.seed = seed;
  return { ...base, data };
}

/** A generator base's principal for one cell: its options with the cell's generator.* values. */
function generated(sweep: Sweep, values: readonly unknown[], seed: number): unknown {
  if (sweep.base.kind !== 'generator') throw new Error('not a generator base');
  const options: Record<string, number | string | readonly number[]> = { ...sweep.base.options };
  sweep.params.forEach((p, j) => {
    if (p.path[0] === 'generator') options[p.path[1] as string] = values[j] as number | string;
  });
  try {
    // The principal draws from its own stream of the cell's seed: the scenario keeps the seed.
    return getPrincipalGenerator(sweep.base.model).generate(new Random([seed, 1]), options);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const p = sweep.params.find((q) => q.path[0] === 'generator' && q.path[1] === e.where);
    const j = p ? sweep.params.indexOf(p) : -1;
    const msg = e.message.replace(`${e.where}: `, '');
    throw new UserError(
      p
        ? `${paramPath(p)}: the generator rejects ${p.name} = ${showValue(values[j])}: ${msg} (cell values: ${showValues(sweep, values)})`
        : `generator ${sweep.base.model}: ${e.message}`,
      `${sweep.file}:${p ? p.line : sweep.base.line}`,
    );
  }
}

/** Whether one path is a prefix of the other (a value set at one contains, or is inside, the other). */
function nested(a: DataPath, b: DataPath): boolean {
  const n = Math.min(a.length, b.length);
  return n > 0 && a.slice(0, n).every((s, k) => s === b[k]);
}

/** Where a parameter is written in the sweep file: `grid["parts[0].weight"]`, `random.epsilon`. */
export function paramPath(p: SweepParam): string {
  return formatPath([p.source.kind === 'grid' ? 'grid' : 'random', p.name]);
}

/**
 * A mistake of a cell's scenario as an error about the sweep file: at the line of the parameter
 * (or of `readings`) the mistake is in, with the cell's values; else at the base file's line.
 */
export function cellError(sweep: Sweep, e: UserError, values: readonly unknown[], cell?: number): UserError {
  const which = `${cell === undefined ? 'cell values' : `cell ${cell}`}: ${showValues(sweep, values)}`;
  if (e instanceof ProblemError) {
    const j = sweep.params.findIndex((q) => nested(q.path, e.at));
    if (j >= 0) {
      const p = sweep.params[j];
      const inner = formatPath(e.path);
      return new UserError(
        `${paramPath(p)}: the base scenario rejects ${p.name} = ${showValue(values[j])}: ${
          inner && inner !== p.name ? `${inner}: ` : ''
        }${e.problem} (${which})`,
        `${sweep.file}:${p.line}`,
      );
    }
    if (sweep.readings && (e.path[0] === 'alignments' || e.path[0] === 'agents'))
      return new UserError(
        `${formatPath(['readings', ...e.path.slice(1)])}: ${e.problem} (${which})`,
        `${sweep.file}:${sweep.readingsLine}`,
      );
  }
  return new UserError(
    `the base scenario rejects a cell: ${e.message} (${which})`,
    `${sweep.file}:${sweep.base.line}`,
  );
}

/** The values a parameter is checked with up front: every grid or choice value; a range's ends. */
function checkValues(s: ParamSource): readonly unknown[] {
  return s.kind === 'grid' || s.kind === 'choice' ? s.values : [s.lo, s.hi];
}

/**
 * Checks a sweep against its base cheaply (loading, not evaluating), before any cell runs: every
 * path fits the base's data, and the scenario loader accepts every grid point (when there are at
 * most MAX_CHECKS; else every value of every grid parameter, the others at their first value),
 * and every value of every random parameter (each end of a range). What still fails — values
 * wrong only together with a random draw — is that cell's recorded error when it runs. Returns the
 * scenario of the first values.
 */
export function checkSweep(sweep: Sweep, base: Source): Scenario | SequentialScenario {
  const first = sweep.params.map((p) => checkValues(p.source)[0]);
  const load = (values: readonly unknown[]): Scenario | SequentialScenario => {
    const src = cellSource(base, sweep, values, 0);
    try {
      return parseAnyScenarioSource(src);
    } catch (e) {
      if (e instanceof UserError) throw cellError(sweep, e, values);
      throw e;
    }
  };
  const scenario = load(first);
  const kind = scenario.kind;
  if (sweep.measuresLine !== undefined) {
    const wrong = sweep.measures.filter((m) => !measureApplies(m, kind));
    if (wrong.length > 0)
      throw new UserError(
        `measures: ${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not measured on a ${kind} scenario; expected ${MEASURES.filter((m) => measureApplies(m, kind)).join(', ')}`,
        `${sweep.file}:${sweep.measuresLine}`,
      );
  }
  const varied = (j: number, v: unknown) => {
    const values = [...first];
    values[j] = v;
    load(values);
  };
  const allPoints = sweep.points <= MAX_CHECKS;
  if (allPoints)
    for (let g = 1; g < sweep.points; g++) {
      const grid = gridValues(sweep, g);
      load(first.map((f, j) => (sweep.params[j].source.kind === 'grid' ? grid[j] : f)));
    }
  let loads = 0;
  sweep.params.forEach((p, j) => {
    if (allPoints && p.source.kind === 'grid') return;
    for (const v of checkValues(p.source).slice(1)) if (++loads <= MAX_CHECKS) varied(j, v);
  });
  return scenario;
}
