/**
 * The shape of a generator (of profiles, of principals): its metadata, its options and how option
 * values are checked. Option values may be given as numbers or as the strings a command line
 * holds ("0.5", "2,0,1"); `resolveOptions` checks and converts them.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { Registry } from '../core/registry.js';
import type { Profile } from '../sigma/profile.js';

export interface GeneratorOption {
  /** kebab-case, e.g. `normalized-phi`. */
  readonly name: string;
  /** `number[]`: whole numbers (candidates, orders); `real[]`: any numbers (weights, qualities). */
  readonly type: 'integer' | 'number' | 'string' | 'number[]' | 'real[]';
  readonly default?: number | string;
  readonly description: string;
  /** Bounds of a number, or of every entry of a `real[]`. */
  readonly min?: number;
  readonly max?: number;
  /** The allowed values of a string option. */
  readonly choices?: readonly string[];
}

/** Option values: numbers, strings, or lists of numbers; strings are parsed for numeric options. */
export type GeneratorOptionValues = Readonly<Record<string, number | string | readonly number[] | undefined>>;

/** Checked option values, defaults filled in. */
export type ResolvedOptions = Readonly<Record<string, number | string | readonly number[] | undefined>>;

export interface Generator {
  /** Canonical kebab-case name. */
  readonly name: string;
  readonly aliases: readonly string[];
  readonly title: string;
  /** The definition in a sentence or two. */
  readonly description: string;
  /**
   * rankings: linear orders; scores: cardinal utilities (their orders ride along); approvals:
   * approval ballots, stored as scores 1 (approved) and 0 (not), as a PrefLib .cat file reads.
   */
  readonly output: 'rankings' | 'scores' | 'approvals';
  /** Options besides the numbers of candidates (m) and voters (n). */
  readonly options: readonly GeneratorOption[];
  readonly reference?: string;
  /** n ballots over m candidates; `opts` are checked against `options`. */
  generate(rng: Random, m: number, n: number, opts?: GeneratorOptionValues): Profile;
}

/** Positions of voters and candidates in d dimensions (spatial rankings, utilities, approvals). */
export const spatialOptions: readonly GeneratorOption[] = [
  { name: 'dimensions', type: 'integer', default: 2, min: 1, description: 'number of dimensions d' },
  {
    name: 'distribution',
    type: 'string',
    default: 'uniform',
    choices: ['uniform', 'normal', 'ball', 'sphere'],
    description:
      'voters and candidates uniform in [0,1]^d, standard normal, uniform in the ball of radius 1/2, or uniform on its sphere',
  },
];

export function entry(
  g: Omit<Generator, 'generate'>,
  run: (rng: Random, m: number, n: number, o: ResolvedOptions) => Profile,
): Generator {
  return { ...g, generate: (rng, m, n, opts = {}) => run(rng, m, n, resolveOptions(g, opts)) };
}

/** Lower case, camelCase and underscores/spaces to kebab-case. */
export function normalizeGeneratorName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

/** A registry of generators (of profiles, of principals): kebab-case names, every name listed when none is close. */
export function generatorRegistryOf<T extends Pick<Generator, 'name' | 'aliases'>>(
  kind: string,
  list: readonly T[],
): Registry<T> {
  return new Registry<T>(kind, list, {
    normalize: normalizeGeneratorName,
    expected: () =>
      `expected one of ${list
        .map((x) => (x.aliases.length > 0 ? `${x.name} (${x.aliases.join(', ')})` : x.name))
        .join(', ')}`,
  });
}

function parseNumber(raw: unknown, where: string, integer: boolean): number {
  const x = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
    throw new UserError(
      `expected ${integer ? 'a whole number' : 'a number'}, got ${JSON.stringify(raw)}`,
      where,
    );
  return x;
}

function inRange(spec: GeneratorOption, x: number, name: string): number {
  if (spec.min !== undefined && x < spec.min)
    throw new UserError(
      `expected a number ≥ ${spec.min}${spec.max !== undefined ? ` and ≤ ${spec.max}` : ''}, got ${x}`,
      name,
    );
  if (spec.max !== undefined && x > spec.max)
    throw new UserError(
      `expected a number ≤ ${spec.max}${spec.min !== undefined ? ` and ≥ ${spec.min}` : ''}, got ${x}`,
      name,
    );
  return x;
}

/**
 * Checks option values against a generator's options: unknown names, types, ranges, choices.
 * Fills in defaults. Names may be camelCase or kebab-case.
 */
export function resolveOptions(
  g: Pick<Generator, 'name' | 'options'>,
  values: GeneratorOptionValues,
): ResolvedOptions {
  const out: Record<string, number | string | readonly number[] | undefined> = {};
  const specs = new Map(g.options.map((o) => [o.name, o]));
  for (const [rawName, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    const name = normalizeGeneratorName(rawName);
    const spec = specs.get(name);
    if (!spec)
      throw new UserError(
        g.options.length === 0
          ? `${g.name} takes no options`
          : `unknown option of ${g.name}; expected ${g.options.map((o) => o.name).join(', ')}`,
        rawName,
      );
    if (spec.type === 'string') {
      if (typeof raw !== 'string')
        throw new UserError(`expected one of ${spec.choices?.join(', ')}, got ${JSON.stringify(raw)}`, name);
      const v = raw.trim().toLowerCase();
      if (spec.choices && !spec.choices.includes(v))
        throw new UserError(`expected one of ${spec.choices.join(', ')}, got ${JSON.stringify(raw)}`, name);
      out[name] = v;
    } else if (spec.type === 'number[]' || spec.type === 'real[]') {
      const list =
        typeof raw === 'string'
          ? raw.split(/[\s,]+/).filter((s) => s !== '')
          : Array.isArray(raw)
            ? raw
            : [raw];
      out[name] = list.map((x, i) =>
        inRange(spec, parseNumber(x, `${name}[${i}]`, spec.type === 'number[]'), `${name}[${i}]`),
      );
    } else out[name] = inRange(spec, parseNumber(raw, name, spec.type === 'integer'), name);
  }
  for (const o of g.options)
    if (out[o.name] === undefined && o.default !== undefined) out[o.name] = o.default;
  return out;
}
