/**
 * The registry of profile generators, for the CLI (`sulab generate`) and for sweeps: name →
 * description, options, generate. Names are kebab-case; lookups accept aliases, any case,
 * underscores or spaces for hyphens. Option values may be given as numbers or as the strings a
 * command line holds ("0.5", "2,0,1"); `generate` checks and converts them.
 */
import { UserError } from '../core/errors.js';
import { Registry } from '../core/registry.js';
import type { Random } from '../core/random.js';
import type { Profile } from '../sigma/profile.js';
import {
  euclidean,
  type IacMethod,
  impartialAnonymousCulture,
  impartialCulture,
  mallows,
  normalUtilities,
  type SinglePeakedMethod,
  type SpatialDistribution,
  singlePeaked,
  spatialUtilities,
  uniformUtilities,
  urn,
} from './profiles.js';

export interface GeneratorOption {
  /** kebab-case, e.g. `normalized-phi`. */
  readonly name: string;
  readonly type: 'integer' | 'number' | 'string' | 'number[]';
  readonly default?: number | string;
  readonly description: string;
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
  /** rankings: linear orders; scores: cardinal utilities (their orders ride along). */
  readonly output: 'rankings' | 'scores';
  /** Options besides the numbers of candidates (m) and voters (n). */
  readonly options: readonly GeneratorOption[];
  readonly reference?: string;
  /** n ballots over m candidates; `opts` are checked against `options`. */
  generate(rng: Random, m: number, n: number, opts?: GeneratorOptionValues): Profile;
}

const spatialOptions: readonly GeneratorOption[] = [
  { name: 'dimensions', type: 'integer', default: 2, min: 1, description: 'number of dimensions d' },
  {
    name: 'distribution',
    type: 'string',
    default: 'uniform',
    choices: ['uniform', 'normal'],
    description: 'voters and candidates uniform in [0,1]^d, or standard normal',
  },
];

/** Mallows' φ, or its normalized form (profiles and principals). */
export const mallowsDispersion: readonly GeneratorOption[] = [
  { name: 'phi', type: 'number', default: 0.5, min: 0, max: 1, description: 'dispersion φ' },
  {
    name: 'normalized-phi',
    type: 'number',
    min: 0,
    max: 1,
    description:
      'relative dispersion: expected swap distance = this × k(k−1)/4 for k items ranked (overrides phi)',
  },
];

function entry(
  g: Omit<Generator, 'generate'>,
  run: (rng: Random, m: number, n: number, o: ResolvedOptions) => Profile,
): Generator {
  return { ...g, generate: (rng, m, n, opts = {}) => run(rng, m, n, resolveOptions(g, opts)) };
}

export const generators: readonly Generator[] = [
  entry(
    {
      name: 'impartial-culture',
      aliases: ['ic'],
      title: 'Impartial culture',
      description: 'Each voter draws a linear order uniformly at random from the m! orders, independently.',
      output: 'rankings',
      options: [],
    },
    (rng, m, n) => impartialCulture(rng, m, n),
  ),
  entry(
    {
      name: 'impartial-anonymous-culture',
      aliases: ['iac'],
      title: 'Impartial anonymous culture',
      description:
        'Every anonymous profile (multiset of n orders) is equally likely. Method urn: the Pólya urn with α = 1 (exact); stars-and-bars: exact composition sampling (m ≤ 18).',
      output: 'rankings',
      options: [
        {
          name: 'method',
          type: 'string',
          default: 'urn',
          choices: ['urn', 'stars-and-bars'],
          description: 'sampler (both exact)',
        },
      ],
    },
    (rng, m, n, o) => impartialAnonymousCulture(rng, m, n, o.method as IacMethod),
  ),
  entry(
    {
      name: 'mallows',
      aliases: [],
      title: 'Mallows model',
      description:
        'P(order) ∝ φ^(swap distance to the central order), by the repeated insertion model. φ = 0: only the central order; φ = 1: impartial culture.',
      output: 'rankings',
      options: [
        ...mallowsDispersion,
        { name: 'central', type: 'number[]', description: 'central order, best first (default 0,1,…,m−1)' },
      ],
      reference:
        'Mallows 1957; Doignon, Pekeč & Regenwetter 2004 (repeated insertion); Boehmer et al. 2021 (normalized φ)',
    },
    (rng, m, n, o) =>
      mallows(rng, m, n, {
        phi: o.phi as number,
        normalizedPhi: o['normalized-phi'] as number | undefined,
        central: o.central as readonly number[] | undefined,
      }),
  ),
  entry(
    {
      name: 'urn',
      aliases: ['polya', 'polya-eggenberger'],
      title: 'Pólya–Eggenberger urn',
      description:
        'The urn starts with one copy of each order; each voter draws one and returns it with α more copies. α = 0: impartial culture; α = 1: impartial anonymous culture.',
      output: 'rankings',
      options: [
        {
          name: 'alpha',
          type: 'number',
          default: 1,
          min: 0,
          description: 'copies α returned with each draw',
        },
        {
          name: 'normalized-alpha',
          type: 'number',
          min: 0,
          description: 'copies as a multiple of m! (overrides alpha)',
        },
      ],
      reference: 'Berg 1985',
    },
    (rng, m, n, o) =>
      urn(rng, m, n, {
        alpha: o.alpha as number,
        normalizedAlpha: o['normalized-alpha'] as number | undefined,
      }),
  ),
  entry(
    {
      name: 'euclidean',
      aliases: ['spatial'],
      title: 'Euclidean (spatial) model',
      description:
        'Voters and candidates are random points in d dimensions; each voter ranks candidates by distance, nearest first.',
      output: 'rankings',
      options: spatialOptions,
    },
    (rng, m, n, o) =>
      euclidean(rng, m, n, {
        dimensions: o.dimensions as number,
        distribution: o.distribution as SpatialDistribution,
      }),
  ),
  entry(
    {
      name: 'single-peaked',
      aliases: ['sp'],
      title: 'Single-peaked orders',
      description:
        'Orders single-peaked on an axis. Method walsh: uniform over the 2^(m−1) single-peaked orders; conitzer: a uniform random peak, then left or right with probability 1/2.',
      output: 'rankings',
      options: [
        {
          name: 'method',
          type: 'string',
          default: 'walsh',
          choices: ['walsh', 'conitzer'],
          description: 'sampler',
        },
        { name: 'axis', type: 'number[]', description: 'the axis, left to right (default 0,1,…,m−1)' },
      ],
      reference: 'Walsh 2015 (uniform); Conitzer 2009 (random peak)',
    },
    (rng, m, n, o) =>
      singlePeaked(rng, m, n, {
        method: o.method as SinglePeakedMethod,
        axis: o.axis as readonly number[] | undefined,
      }),
  ),
  entry(
    {
      name: 'uniform-utilities',
      aliases: [],
      title: 'Uniform utilities',
      description: 'Each voter gives each candidate an independent utility uniform in [0, 1).',
      output: 'scores',
      options: [],
    },
    (rng, m, n) => uniformUtilities(rng, m, n),
  ),
  entry(
    {
      name: 'normal-utilities',
      aliases: [],
      title: 'Normal utilities',
      description: 'Each voter gives each candidate an independent normal utility N(mean, sd²).',
      output: 'scores',
      options: [
        { name: 'mean', type: 'number', default: 0, description: 'mean' },
        { name: 'sd', type: 'number', default: 1, min: 0, description: 'standard deviation (positive)' },
      ],
    },
    (rng, m, n, o) => normalUtilities(rng, m, n, { mean: o.mean as number, sd: o.sd as number }),
  ),
  entry(
    {
      name: 'spatial-utilities',
      aliases: ['euclidean-utilities'],
      title: 'Spatial utilities',
      description:
        'Utility = minus the Euclidean distance between voter and candidate (same positions, and same draws, as the euclidean generator).',
      output: 'scores',
      options: spatialOptions,
    },
    (rng, m, n, o) =>
      spatialUtilities(rng, m, n, {
        dimensions: o.dimensions as number,
        distribution: o.distribution as SpatialDistribution,
      }),
  ),
];

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

export const generatorRegistry = generatorRegistryOf('generator', generators);

/** The generator called `name` (or an alias); a UserError naming close matches otherwise. */
export function getGenerator(name: string, where = 'generator'): Generator {
  return generatorRegistry.get(name, where);
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
    } else if (spec.type === 'number[]') {
      const list =
        typeof raw === 'string'
          ? raw.split(/[\s,]+/).filter((s) => s !== '')
          : Array.isArray(raw)
            ? raw
            : [raw];
      out[name] = list.map((x, i) => parseNumber(x, `${name}[${i}]`, true));
    } else {
      const x = parseNumber(raw, name, spec.type === 'integer');
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
      out[name] = x;
    }
  }
  for (const o of g.options)
    if (out[o.name] === undefined && o.default !== undefined) out[o.name] = o.default;
  return out;
}
