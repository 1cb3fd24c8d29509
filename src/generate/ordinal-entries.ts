/**
 * Registry entries of the ordinal cultures added after the first nine, each following
 * the definition and parameter names of prefsampling (COMSOC-Community/prefsampling, ordinal.*) or
 * of pref_voting's generate_profiles for the "-R" models. `registry.ts` appends them to its list.
 */
import { entry, type Generator, type GeneratorOption } from './generator.js';
import { groupSeparable, type TreeSampler } from './group-separable.js';
import { circleSinglePeaked, kAxesSinglePeaked } from './peaks.js';
import type { SinglePeakedMethod } from './profiles.js';
import { didi, plackettLuce } from './qualities.js';
import { randomMallows, randomUrn } from './random-parameters.js';
import { singleCrossing, singleCrossingImpartial } from './single-crossing.js';
import { identity, stratification } from './strata.js';

const qualities: GeneratorOption = {
  name: 'alphas',
  type: 'real[]',
  min: 0,
  description: 'one positive quality per candidate (default 1, 1/2, …, 1/m)',
};

const centralOrder: GeneratorOption = {
  name: 'central',
  type: 'number[]',
  description: 'central order, best first (default: a uniform random order per profile)',
};

const list = (o: unknown) => o as readonly number[] | undefined;

export const moreOrdinalGenerators: readonly Generator[] = [
  entry(
    {
      name: 'plackett-luce',
      aliases: ['pl'],
      title: 'Plackett–Luce model',
      description:
        'Each voter fills its order top down, drawing the next candidate among those left with probability proportional to its quality.',
      output: 'rankings',
      options: [qualities],
      reference: 'Luce 1959; Plackett 1975; prefsampling ordinal.plackett_luce',
    },
    (rng, m, n, o) => plackettLuce(rng, m, n, list(o.alphas)),
  ),
  entry(
    {
      name: 'didi',
      aliases: ['dirichlet'],
      title: 'DiDi (Dirichlet distribution) model',
      description:
        'Each voter draws points for the candidates from a Dirichlet distribution with the qualities as parameters and ranks them by points, most first.',
      output: 'rankings',
      options: [qualities],
      reference: 'prefsampling ordinal.didi (introduced by S. Szufa)',
    },
    (rng, m, n, o) => didi(rng, m, n, list(o.alphas)),
  ),
  entry(
    {
      name: 'single-crossing',
      aliases: ['sc'],
      title: 'Single-crossing profiles',
      description:
        'A random maximal single-crossing domain (adjacent swaps from 0 > 1 > … > m−1, each pair swapped once); voters take uniform positions of it, in order, so every pair of candidates flips at most once along the voters.',
      output: 'rankings',
      options: [],
      reference: 'Szufa et al. 2020; prefsampling ordinal.single_crossing',
    },
    (rng, m, n) => singleCrossing(rng, m, n),
  ),
  entry(
    {
      name: 'single-crossing-impartial',
      aliases: ['impartial-single-crossing', 'isc'],
      title: 'Impartial single-crossing profiles',
      description:
        'Every single-crossing profile that starts with 0 > 1 > … > m−1 and runs along the weak order equally likely (exact; enumerates the m! orders, so m ≤ 7).',
      output: 'rankings',
      options: [],
      reference: 'prefsampling ordinal.single_crossing_impartial (sampler by P. Faliszewski)',
    },
    (rng, m, n) => singleCrossingImpartial(rng, m, n),
  ),
  entry(
    {
      name: 'group-separable',
      aliases: ['gs'],
      title: 'Group-separable profiles',
      description:
        'A decomposition tree over the candidates; each voter reads its leaves after mirroring some internal nodes, so every node’s candidates stay together and its children keep or reverse their order.',
      output: 'rankings',
      options: [
        {
          name: 'tree-sampler',
          type: 'string',
          default: 'schroeder',
          choices: ['schroeder', 'caterpillar', 'balanced'],
          description: 'the tree: uniform random (Schröder, m ≤ 150), caterpillar, or balanced binary',
        },
      ],
      reference: 'Faliszewski, Karpov & Obraztsova 2022; prefsampling ordinal.group_separable',
    },
    (rng, m, n, o) => groupSeparable(rng, m, n, { treeSampler: o['tree-sampler'] as TreeSampler }),
  ),
  entry(
    {
      name: 'single-peaked-circle',
      aliases: ['spoc', 'circle-single-peaked'],
      title: 'Single-peaked on a circle',
      description:
        'A uniform peak, then the next candidate clockwise or counter-clockwise on the circular axis with probability 1/2 each: every top segment is an arc.',
      output: 'rankings',
      options: [{ name: 'axis', type: 'number[]', description: 'the circular axis (default 0,1,…,m−1)' }],
      reference: 'Peters & Lackner 2020; prefsampling ordinal.single_peaked_circle',
    },
    (rng, m, n, o) => circleSinglePeaked(rng, m, n, list(o.axis)),
  ),
  entry(
    {
      name: 'k-axes-single-peaked',
      aliases: ['k-axes'],
      title: 'Single-peaked on k axes',
      description:
        'k distinct random axes (none the reverse of another); each voter picks one with probability proportional to its weight and draws an order single-peaked on it.',
      output: 'rankings',
      options: [
        { name: 'k', type: 'integer', default: 2, min: 1, description: 'number of axes' },
        { name: 'axes-weights', type: 'real[]', min: 0, description: 'one weight per axis (default equal)' },
        {
          name: 'method',
          type: 'string',
          default: 'walsh',
          choices: ['walsh', 'conitzer'],
          description: 'single-peaked sampler on the chosen axis',
        },
      ],
      reference: 'prefsampling ordinal.k_axes_single_peaked',
    },
    (rng, m, n, o) =>
      kAxesSinglePeaked(rng, m, n, {
        k: o.k as number,
        axesWeights: list(o['axes-weights']),
        method: o.method as SinglePeakedMethod,
      }),
  ),
  entry(
    {
      name: 'identity',
      aliases: ['id', 'unanimity'],
      title: 'Identity (unanimity)',
      description: 'Every voter ranks 0 > 1 > … > m−1.',
      output: 'rankings',
      options: [],
      reference: 'prefsampling ordinal.identity',
    },
    (_rng, m, n) => identity(m, n),
  ),
  entry(
    {
      name: 'stratification',
      aliases: [],
      title: 'Stratification',
      description:
        'The first ⌊weight·m⌋ candidates form an upper class every voter ranks above the rest; within each class the order is uniform.',
      output: 'rankings',
      options: [
        {
          name: 'weight',
          type: 'number',
          default: 0.5,
          min: 0,
          max: 1,
          description: 'relative size of the upper class',
        },
      ],
      reference: 'Boehmer et al. 2021; prefsampling ordinal.stratification',
    },
    (rng, m, n, o) => stratification(rng, m, n, o.weight as number),
  ),
  entry(
    {
      name: 'mallows-r',
      aliases: ['mallows-random'],
      title: 'Mallows with a random φ',
      description:
        'φ uniform in [0.001, 0.999] once per profile, and a uniform random central order (unless given); then the Mallows model.',
      output: 'rankings',
      options: [centralOrder],
      reference: 'pref_voting generate_profile MALLOWS-R',
    },
    (rng, m, n, o) => randomMallows(rng, m, n, { central: list(o.central) }),
  ),
  entry(
    {
      name: 'mallows-relphi-r',
      aliases: ['norm-mallows-r'],
      title: 'Mallows with a random normalized φ',
      description:
        'The normalized φ (expected swap distance as a share of m(m−1)/4) uniform in [0.001, 0.999] once per profile, and a uniform random central order (unless given); then the Mallows model.',
      output: 'rankings',
      options: [centralOrder],
      reference: 'pref_voting generate_profile MALLOWS-RELPHI-R; Boehmer et al. 2021 (normalized φ)',
    },
    (rng, m, n, o) => randomMallows(rng, m, n, { normalized: true, central: list(o.central) }),
  ),
  entry(
    {
      name: 'urn-r',
      aliases: ['urn-random'],
      title: 'Urn with a random α',
      description:
        'g ~ Gamma(0.8, 1) once per profile; the Pólya–Eggenberger urn then returns round(g·m!) copies with each draw.',
      output: 'rankings',
      options: [],
      reference: 'Szufa et al. 2020; pref_voting generate_profile URN-R',
    },
    (rng, m, n) => randomUrn(rng, m, n),
  ),
];
