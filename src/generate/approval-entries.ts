/**
 * Registry entries of the approval-ballot generators, each following the definition and
 * parameter names of prefsampling (COMSOC-Community/prefsampling, approval.*). A generated ballot
 * is a cardinal ballot of scores 1 (approved) and 0 (not). `registry.ts` appends them to its list.
 */
import type { Random } from '../core/random.js';
import type { Profile } from '../sigma/profile.js';
import {
  approvalProfile,
  disjointResamplingApprovals,
  identityApprovals,
  impartialApprovals,
  movingResamplingApprovals,
  noiseApprovals,
  resamplingApprovals,
  SET_DISTANCES,
  type SetDistance,
  urnApprovals,
} from './approval.js';
import { nearestApprovals, thresholdApprovals, vcrApprovals } from './approval-spatial.js';
import {
  entry,
  type Generator,
  type GeneratorOption,
  type ResolvedOptions,
  spatialOptions,
} from './generator.js';
import type { SpatialDistribution } from './profiles.js';

const p: GeneratorOption = {
  name: 'p',
  type: 'number',
  default: 0.5,
  min: 0,
  max: 1,
  description:
    'probability of approving a (resampled) candidate; the central ballot approves the first ⌊p·m⌋',
};
const relNum: GeneratorOption = {
  name: 'rel-num-approvals',
  type: 'number',
  min: 0,
  max: 1,
  description: 'approve exactly ⌊this·m⌋ candidates',
};
const phi: GeneratorOption = {
  name: 'phi',
  type: 'number',
  default: 0.5,
  min: 0,
  max: 1,
  description: 'resampling probability φ of each candidate',
};
const centralVote: GeneratorOption = {
  name: 'central-vote',
  type: 'number[]',
  description: 'the central ballot, as the approved candidates (default the first ⌊p·m⌋)',
};

const num = (o: ResolvedOptions, k: string) => o[k] as number | undefined;
const spatial = (o: ResolvedOptions) => ({
  dimensions: o.dimensions as number,
  distribution: o.distribution as SpatialDistribution,
});

function approvals(
  g: Omit<Generator, 'generate' | 'output'>,
  run: (rng: Random, m: number, n: number, o: ResolvedOptions) => Float64Array,
): Generator {
  return entry(
    { ...g, output: 'approvals' },
    (rng, m, n, o): Profile => approvalProfile(m, run(rng, m, n, o)),
  );
}

export const approvalGenerators: readonly Generator[] = [
  approvals(
    {
      name: 'approval-impartial',
      aliases: ['approval-ic', 'impartial-approval'],
      title: 'Impartial approval culture',
      description:
        'Each voter approves each candidate independently with probability p (or a uniform set of exactly ⌊rel-num-approvals·m⌋ candidates).',
      options: [
        p,
        { ...relNum, description: `${relNum.description} (a uniform set of that size; overrides p)` },
      ],
      reference: 'prefsampling approval.impartial, approval.impartial_constant_size',
    },
    (rng, m, n, o) =>
      impartialApprovals(rng, m, n, { p: num(o, 'p'), relNumApprovals: num(o, 'rel-num-approvals') }),
  ),
  approvals(
    {
      name: 'approval-urn',
      aliases: ['urn-approval'],
      title: 'Approval urn',
      description:
        'Voter i draws a fresh impartial ballot with probability 1/(1 + α·i), else copies a uniformly chosen earlier voter.',
      options: [
        p,
        { ...relNum, description: `${relNum.description} in a fresh ballot (overrides p)` },
        { name: 'alpha', type: 'number', default: 1, min: 0, description: 'urn growth α per draw' },
      ],
      reference: 'prefsampling approval.urn, approval.urn_constant_size',
    },
    (rng, m, n, o) =>
      urnApprovals(rng, m, n, {
        p: num(o, 'p'),
        relNumApprovals: num(o, 'rel-num-approvals'),
        alpha: num(o, 'alpha'),
      }),
  ),
  approvals(
    {
      name: 'approval-resampling',
      aliases: ['resampling'],
      title: 'Resampling model',
      description:
        'Each candidate keeps its value in the central ballot with probability 1 − φ, or is resampled (approved with probability p) with probability φ.',
      options: [phi, p, centralVote],
      reference: 'Szufa et al. 2022 (approval map of elections); prefsampling approval.resampling',
    },
    (rng, m, n, o) =>
      resamplingApprovals(rng, m, n, {
        phi: num(o, 'phi'),
        p: num(o, 'p'),
        centralVote: o['central-vote'] as readonly number[] | undefined,
      }),
  ),
  approvals(
    {
      name: 'approval-disjoint-resampling',
      aliases: ['disjoint-resampling'],
      title: 'Disjoint resampling model',
      description:
        'g disjoint central ballots of ⌊p·m⌋ consecutive candidates (p·g ≤ 1); each voter resamples from one chosen uniformly.',
      options: [
        phi,
        p,
        {
          name: 'num-central-votes',
          type: 'integer',
          default: 2,
          min: 1,
          description: 'number g of central ballots',
        },
      ],
      reference: 'prefsampling approval.disjoint_resampling',
    },
    (rng, m, n, o) =>
      disjointResamplingApprovals(rng, m, n, {
        phi: num(o, 'phi'),
        p: num(o, 'p'),
        groups: num(o, 'num-central-votes'),
      }),
  ),
  approvals(
    {
      name: 'approval-moving-resampling',
      aliases: ['moving-resampling'],
      title: 'Moving resampling model',
      description:
        'Voter 0 casts the central ballot; each next voter resamples from the previous one, and the walk restarts from the central ballot every ⌊n/legs⌋ voters.',
      options: [
        phi,
        p,
        {
          name: 'num-legs',
          type: 'integer',
          default: 1,
          min: 1,
          description: 'number of walks from the central ballot',
        },
        centralVote,
      ],
      reference: 'prefsampling approval.moving_resampling',
    },
    (rng, m, n, o) =>
      movingResamplingApprovals(rng, m, n, {
        phi: num(o, 'phi'),
        p: num(o, 'p'),
        legs: num(o, 'num-legs'),
        centralVote: o['central-vote'] as readonly number[] | undefined,
      }),
  ),
  approvals(
    {
      name: 'approval-noise',
      aliases: ['noise'],
      title: 'Noise model',
      description:
        'A ballot A has probability ∝ φ^d(A, central ballot), for the Hamming, Jaccard, Zelinka or Bunke–Shearer distance between sets.',
      options: [
        phi,
        p,
        {
          name: 'distance',
          type: 'string',
          default: 'hamming',
          choices: SET_DISTANCES,
          description: 'distance between sets',
        },
        centralVote,
      ],
      reference: 'Szufa et al. 2022; prefsampling approval.noise',
    },
    (rng, m, n, o) =>
      noiseApprovals(rng, m, n, {
        phi: num(o, 'phi'),
        p: num(o, 'p'),
        distance: o.distance as SetDistance,
        centralVote: o['central-vote'] as readonly number[] | undefined,
      }),
  ),
  approvals(
    {
      name: 'approval-euclidean-threshold',
      aliases: ['euclidean-threshold'],
      title: 'Euclidean threshold approvals',
      description:
        'Voters and candidates are random points; a voter approves every candidate within threshold × the distance of its nearest one.',
      options: [
        {
          name: 'threshold',
          type: 'number',
          default: 1.5,
          min: 1,
          description: 'multiple t ≥ 1 of the nearest distance',
        },
        ...spatialOptions,
      ],
      reference: 'prefsampling approval.euclidean_threshold',
    },
    (rng, m, n, o) => thresholdApprovals(rng, m, n, { ...spatial(o), threshold: num(o, 'threshold') }),
  ),
  approvals(
    {
      name: 'approval-euclidean-vcr',
      aliases: ['vcr', 'euclidean-vcr'],
      title: 'Voter–candidate range (VCR) approvals',
      description:
        'Voters and candidates are random points with radii; a voter approves a candidate when their distance is at most the sum of their radii.',
      options: [
        { name: 'voters-radius', type: 'number', default: 0.2, min: 0, description: 'radius of every voter' },
        {
          name: 'candidates-radius',
          type: 'number',
          default: 0.1,
          min: 0,
          description: 'radius of every candidate',
        },
        ...spatialOptions,
      ],
      reference:
        'Elkind, Faliszewski, Laslier, Skowron, Slinko & Talmon 2017; prefsampling approval.euclidean_vcr',
    },
    (rng, m, n, o) =>
      vcrApprovals(rng, m, n, {
        ...spatial(o),
        votersRadius: num(o, 'voters-radius'),
        candidatesRadius: num(o, 'candidates-radius'),
      }),
  ),
  approvals(
    {
      name: 'approval-euclidean-constant-size',
      aliases: ['euclidean-constant-size'],
      title: 'Euclidean nearest-candidates approvals',
      description:
        'Voters and candidates are random points; a voter approves its ⌊rel-num-approvals·m⌋ nearest candidates.',
      options: [{ ...relNum, default: 0.5 }, ...spatialOptions],
      reference: 'prefsampling approval.euclidean_constant_size',
    },
    (rng, m, n, o) =>
      nearestApprovals(rng, m, n, { ...spatial(o), relNumApprovals: num(o, 'rel-num-approvals') }),
  ),
  approvals(
    {
      name: 'approval-identity',
      aliases: [],
      title: 'Identity approvals',
      description: 'Every voter approves the first ⌊rel-num-approvals·m⌋ candidates.',
      options: [{ ...relNum, default: 0.5 }],
      reference: 'prefsampling approval.identity',
    },
    (_rng, m, n, o) => identityApprovals(m, n, num(o, 'rel-num-approvals')),
  ),
];
