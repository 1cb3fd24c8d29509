/**
 * The registry of principal generators, for `sulab generate --principal MODEL` and for sweeps:
 * name → description, options, generate. Entries have the profile generators' shape (registry.ts)
 * and their options are checked by the same `resolveOptions`; every entry takes the options of
 * `PRINCIPAL_OPTIONS` (sizes, world, weights, beliefs, bounds, nesting, Σ) after its own.
 * Definitions: principals.ts.
 */
import type { Random } from '../core/random.js';
import {
  type GeneratedScenario,
  generatePrincipal,
  impartialUtilities,
  mallowsPrincipalUtilities,
  type PositionValues,
  type PrincipalSettings,
  singlePeakedPrincipalUtilities,
  spatialPrincipalUtilities,
  type UtilityModel,
} from './principals.js';
import {
  type Generator,
  type GeneratorOption,
  type GeneratorOptionValues,
  generatorRegistryOf,
  mallowsDispersion,
  type ResolvedOptions,
  resolveOptions,
} from './registry.js';

export interface PrincipalGenerator extends Omit<Generator, 'output' | 'generate'> {
  /** One principal as a scenario file (plain data); `opts` are checked against `options`. */
  generate(rng: Random, opts?: GeneratorOptionValues): GeneratedScenario;
}

/** Sizes past which a generated file stops being something to open and read. */
export const PRINCIPAL_LIMITS = { parts: 1000, actions: 1000, outcomes: 1000, depth: 5 } as const;

/** The options every principal generator takes (after its own). */
export const PRINCIPAL_OPTIONS: readonly GeneratorOption[] = [
  {
    name: 'parts',
    type: 'integer',
    default: 5,
    min: 1,
    max: PRINCIPAL_LIMITS.parts,
    description: 'number of leaf parts n (p1…pn)',
  },
  {
    name: 'actions',
    type: 'integer',
    default: 4,
    min: 1,
    max: PRINCIPAL_LIMITS.actions,
    description: 'number of actions m (a1…am)',
  },
  {
    name: 'world',
    type: 'string',
    default: 'identity',
    choices: ['identity', 'random'],
    description:
      'shared world model: identity (actions are the outcomes) or random (each row uniform on the simplex)',
  },
  {
    name: 'outcomes',
    type: 'integer',
    min: 1,
    max: PRINCIPAL_LIMITS.outcomes,
    description: 'outcomes o1…oK of a random world (default: as many as actions)',
  },
  {
    name: 'weights',
    type: 'string',
    default: 'uniform',
    choices: ['uniform', 'dirichlet'],
    description: 'weights within each principal: all equal, or Dirichlet(α)',
  },
  {
    name: 'alpha',
    type: 'number',
    min: 0.001,
    max: 1000,
    description: 'Dirichlet concentration α of the weights (default 1)',
  },
  {
    name: 'divergence',
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    description: "δ: each part believes (1−δ)·W + δ·R_i, R_i's rows uniform on the simplex",
  },
  {
    name: 'noise',
    type: 'number',
    default: 0,
    min: 0,
    max: 10,
    description: "std. dev. of the noise on H's view of the utilities",
  },
  {
    name: 'samples',
    type: 'integer',
    default: 1000,
    min: 1,
    max: 1_000_000,
    description: 'Monte Carlo draws of B(H) when noise > 0',
  },
  {
    name: 'depth',
    type: 'integer',
    default: 1,
    min: 1,
    max: PRINCIPAL_LIMITS.depth,
    description: 'levels of parts: 1 = flat, 2 = teams of parts, …',
  },
  {
    name: 'team-size',
    type: 'integer',
    default: 3,
    min: 2,
    max: 1000,
    description: 'members per team when depth > 1',
  },
  {
    name: 'sigma',
    type: 'string',
    default: 'weighted-utilitarian',
    description: "H's (and every team's) Σ rule",
  },
];

const positionValues: GeneratorOption = {
  name: 'values',
  type: 'string',
  default: 'borda',
  choices: ['borda', 'random'],
  description: 'utilities from positions: Borda (evenly spaced) or sorted uniform values',
};

function settings(o: ResolvedOptions): PrincipalSettings {
  return {
    parts: o.parts as number,
    actions: o.actions as number,
    world: o.world as PrincipalSettings['world'],
    outcomes: o.outcomes as number | undefined,
    weights: o.weights as PrincipalSettings['weights'],
    alpha: o.alpha as number | undefined,
    divergence: o.divergence as number,
    noise: o.noise as number,
    samples: o.samples as number,
    depth: o.depth as number,
    teamSize: o['team-size'] as number,
    sigma: o.sigma as string,
  };
}

/** The resolved options as a sentence (written into the generated file's description). */
function describe(options: readonly GeneratorOption[], o: ResolvedOptions): string {
  return options
    .filter((x) => o[x.name] !== undefined)
    .map((x) => {
      const v = o[x.name];
      return `${x.name} ${Array.isArray(v) ? v.join(',') : v}`;
    })
    .join(', ');
}

function entry(
  g: Omit<PrincipalGenerator, 'generate'>,
  model: (o: ResolvedOptions) => UtilityModel,
): PrincipalGenerator {
  const all = { ...g, options: [...g.options, ...PRINCIPAL_OPTIONS] };
  return {
    ...all,
    generate: (rng, opts = {}) => {
      const o = resolveOptions(all, opts);
      return generatePrincipal(rng, settings(o), model(o), {
        name: g.name,
        options: describe(all.options, o),
      });
    },
  };
}

export const principalGenerators: readonly PrincipalGenerator[] = [
  entry(
    {
      name: 'impartial',
      aliases: ['uniform', 'ic'],
      title: 'Impartial utilities',
      description: "Each part's utility of each outcome is i.i.d. uniform, then min–max normalized.",
      options: [],
    },
    () => impartialUtilities,
  ),
  entry(
    {
      name: 'spatial',
      aliases: ['euclidean'],
      title: 'Spatial utilities',
      description:
        "Parts' ideal points and outcomes are points in d dimensions; utility is a decreasing function of the Euclidean distance (−x, −x², or a Gaussian of width w), min–max normalized.",
      options: [
        {
          name: 'dimensions',
          type: 'integer',
          default: 2,
          min: 1,
          max: 100,
          description: 'number of dimensions d',
        },
        {
          name: 'distribution',
          type: 'string',
          default: 'uniform',
          choices: ['uniform', 'normal'],
          description: 'points uniform in [0,1]^d, or standard normal',
        },
        {
          name: 'decay',
          type: 'string',
          default: 'linear',
          choices: ['linear', 'quadratic', 'gaussian'],
          description: 'utility as a function of distance x: −x, −x², or exp(−x²/2w²)',
        },
        {
          name: 'width',
          type: 'number',
          default: 0.5,
          min: 0.01,
          max: 100,
          description: 'width w of the gaussian decay',
        },
      ],
      reference: 'Enelow & Hinich 1984 (the spatial model)',
    },
    (o) =>
      spatialPrincipalUtilities({
        dimensions: o.dimensions as number,
        distribution: o.distribution as 'uniform' | 'normal',
        decay: o.decay as 'linear' | 'quadratic' | 'gaussian',
        width: o.width as number,
      }),
  ),
  entry(
    {
      name: 'mallows',
      aliases: [],
      title: 'Mallows-derived utilities',
      description:
        "Each part's order of the outcomes is drawn from Mallows(φ) around the reference order o1 > o2 > … (a1 > a2 > … in the identity world); utilities from positions (Borda or sorted uniform values). φ = 0: every part has the reference order; φ = 1: impartial orders.",
      options: [...mallowsDispersion, positionValues],
      reference: 'Mallows 1957; Boehmer et al. 2021 (normalized φ)',
    },
    (o) =>
      mallowsPrincipalUtilities({
        phi: o.phi as number,
        normalizedPhi: o['normalized-phi'] as number | undefined,
        values: o.values as PositionValues,
      }),
  ),
  entry(
    {
      name: 'single-peaked',
      aliases: ['sp'],
      title: 'Single-peaked utilities',
      description:
        "The axis is the outcome order; each part's order is single-peaked on it (walsh: uniform over such orders; conitzer: a uniform peak, then left or right by a coin); utilities from positions, so they decrease away from the peak on both sides.",
      options: [
        {
          name: 'method',
          type: 'string',
          default: 'walsh',
          choices: ['walsh', 'conitzer'],
          description: 'sampler of the orders',
        },
        positionValues,
      ],
      reference: 'Black 1948; Walsh 2015 (uniform); Conitzer 2009 (random peak)',
    },
    (o) =>
      singlePeakedPrincipalUtilities({
        method: o.method as 'walsh' | 'conitzer',
        values: o.values as PositionValues,
      }),
  ),
];

export const principalGeneratorRegistry = generatorRegistryOf('principal generator', principalGenerators);

/** The principal generator called `name` (or an alias); a UserError naming close matches otherwise. */
export function getPrincipalGenerator(name: string, where = 'principal'): PrincipalGenerator {
  return principalGeneratorRegistry.get(name, where);
}
