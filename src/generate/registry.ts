/**
 * The registry of profile generators, for the CLI (`sulab generate`) and for sweeps: name →
 * description, options, generate. Names are kebab-case; lookups accept aliases, any case,
 * underscores or spaces for hyphens. The shape of an entry and the checking of its options live in
 * `generator.ts`; the further entries (more ordinal cultures, approval
 * ballots) in `ordinal-entries.ts` and `approval-entries.ts`.
 */
import { approvalGenerators } from './approval-entries.js';
import {
  entry,
  type Generator,
  type GeneratorOption,
  generatorRegistryOf,
  spatialOptions,
} from './generator.js';
import { moreOrdinalGenerators } from './ordinal-entries.js';
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

export {
  entry,
  type Generator,
  type GeneratorOption,
  type GeneratorOptionValues,
  generatorRegistryOf,
  normalizeGeneratorName,
  type ResolvedOptions,
  resolveOptions,
  spatialOptions,
} from './generator.js';

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
  ...moreOrdinalGenerators,
  ...approvalGenerators,
];

export const generatorRegistry = generatorRegistryOf('generator', generators);

/** The generator called `name` (or an alias); a UserError naming close matches otherwise. */
export function getGenerator(name: string, where = 'generator'): Generator {
  return generatorRegistry.get(name, where);
}
