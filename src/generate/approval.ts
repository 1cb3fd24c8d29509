/**
 * Approval-ballot generators (prefsampling's approval.*). A ballot approves a set of candidates; it
 * is stored as a cardinal ballot of scores 1 (approved) and 0 (not), the way sulab reads a PrefLib
 * .cat file of two categories, so approval rules read `scores` and ordinal rules the induced weak
 * order (approved above the rest).
 *
 * Definitions (p is the approval probability, φ the resampling or noise parameter; a central ballot
 * defaults to the first ⌊p·m⌋ candidates):
 * - impartial(p): each voter approves each candidate independently with probability p; with
 *   rel-num-approvals r, a uniform set of exactly ⌊r·m⌋ candidates instead.
 * - urn(p, α): the urn holds 1 unit of fresh impartial ballots and gains α units per ballot drawn:
 *   voter i (i before) draws a fresh ballot with probability 1/(1 + α·i), else copies a uniformly
 *   chosen earlier voter (α as a multiple of the initial urn, as prefsampling's urn scheme).
 * - resampling(φ, p) (Szufa et al. 2022): each candidate, independently, keeps its central value
 *   with probability 1 − φ, or is resampled (approved with probability p) with probability φ.
 * - disjoint resampling(φ, p, g): g disjoint central ballots of ⌊p·m⌋ consecutive candidates
 *   (p·g ≤ 1); each voter resamples from one chosen uniformly.
 * - moving resampling(φ, p, legs): voter 0 casts the central ballot; each next voter resamples from
 *   the previous voter's ballot, and the walk restarts from the central ballot after every
 *   ⌊n/legs⌋ voters.
 * - noise(φ, p, distance): P(A) ∝ φ^d(A, central) for the Hamming, Jaccard, Zelinka or
 *   Bunke–Shearer distance between sets; sampled by the number of approved candidates inside and
 *   outside the central ballot, then uniform sets of those sizes. Two empty sets are at distance 0
 *   (prefsampling treats Jaccard and Bunke–Shearer between empty sets as infinite).
 * - identity(r): every voter approves the first ⌊r·m⌋ candidates.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { idsFor, namesFor, type Profile } from '../sigma/profile.js';
import { checkSize } from './profiles.js';

function checkProbability(x: number, where: string): number {
  if (!(x >= 0 && x <= 1)) throw new UserError(`expected a number in [0, 1], got ${x}`, where);
  return x;
}

/**
 * The approval profile of n*m 0/1 scores: what profileFromScores builds (approved candidates tied
 * at level 0 above the rest; a ballot approving all or none is one tie), without sorting each row.
 */
export function approvalProfile(m: number, approvals: Float64Array): Profile {
  const n = approvals.length / m;
  const levels = new Int32Array(n * m);
  for (let v = 0; v < n; v++) {
    let k = 0;
    for (let c = 0; c < m; c++) k += approvals[v * m + c];
    if (k === 0 || k === m) continue;
    for (let c = 0; c < m; c++) levels[v * m + c] = 1 - approvals[v * m + c];
  }
  return {
    m,
    ids: idsFor(m),
    names: namesFor(m),
    k: n,
    levels,
    counts: new Float64Array(n).fill(1),
    scores: approvals,
  };
}

/** Approves a uniform k-subset of 0..m−1 in row `o` of `out` (a partial Fisher–Yates shuffle). */
function approveSubset(
  rng: Random,
  m: number,
  k: number,
  out: Float64Array,
  o: number,
  pool: Int32Array,
): void {
  for (let i = 0; i < m; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(m - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
    out[o + pool[i]] = 1;
  }
}

export interface ImpartialApprovalOptions {
  /** Probability of approving each candidate (default 0.5). */
  readonly p?: number;
  /** Approve exactly ⌊r·m⌋ candidates instead (overrides p). */
  readonly relNumApprovals?: number;
}

/** A base sampler writing one fresh ballot at row o. */
type BallotSampler = (out: Float64Array, o: number) => void;

function impartialBallot(rng: Random, m: number, opts: ImpartialApprovalOptions): BallotSampler {
  if (opts.relNumApprovals !== undefined) {
    const k = Math.floor(checkProbability(opts.relNumApprovals, 'rel-num-approvals') * m);
    const pool = new Int32Array(m);
    return (out, o) => approveSubset(rng, m, k, out, o, pool);
  }
  const p = checkProbability(opts.p ?? 0.5, 'p');
  return (out, o) => {
    for (let c = 0; c < m; c++) out[o + c] = rng.float() < p ? 1 : 0;
  };
}

/** Impartial approval ballots: n*m 0/1 scores. */
export function impartialApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: ImpartialApprovalOptions = {},
): Float64Array {
  checkSize(m, n);
  const draw = impartialBallot(rng, m, opts);
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) draw(out, v * m);
  return out;
}

export interface ApprovalUrnOptions extends ImpartialApprovalOptions {
  /** Units added to the urn with each draw (default 1). */
  readonly alpha?: number;
}

/** Urn approval ballots: n*m 0/1 scores. */
export function urnApprovals(rng: Random, m: number, n: number, opts: ApprovalUrnOptions = {}): Float64Array {
  checkSize(m, n);
  const alpha = opts.alpha ?? 1;
  if (!(alpha >= 0 && Number.isFinite(alpha)))
    throw new UserError(`expected a non-negative number, got ${alpha}`, 'alpha');
  const draw = impartialBallot(rng, m, opts);
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) {
    if (v === 0 || rng.float() * (1 + alpha * v) < 1) draw(out, v * m);
    else {
      const src = rng.int(v) * m;
      out.copyWithin(v * m, src, src + m);
    }
  }
  return out;
}

/** The central ballot as 0/1 flags: the given candidates, or the first ⌊p·m⌋. */
export function centralBallot(m: number, p: number, central?: readonly number[]): Uint8Array {
  const flags = new Uint8Array(m);
  if (central === undefined) {
    flags.fill(1, 0, Math.floor(p * m));
    return flags;
  }
  for (const c of central) {
    if (!Number.isInteger(c) || c < 0 || c >= m)
      throw new UserError(`candidate ${c} is not one of 0..${m - 1}`, 'central-vote');
    if (flags[c]) throw new UserError(`candidate ${c} appears more than once`, 'central-vote');
    flags[c] = 1;
  }
  return flags;
}

export interface ResamplingOptions {
  /** Probability that a candidate is resampled (default 0.5). */
  readonly phi?: number;
  /** Approval probability of a resampled candidate, and the central ballot's share (default 0.5). */
  readonly p?: number;
  /** The central ballot (default the first ⌊p·m⌋ candidates). */
  readonly centralVote?: readonly number[];
}

function resampleInto(
  rng: Random,
  phi: number,
  p: number,
  from: ArrayLike<number>,
  out: Float64Array,
  o: number,
) {
  for (let c = 0; c < from.length; c++)
    out[o + c] = rng.float() < phi ? (rng.float() < p ? 1 : 0) : from[c] ? 1 : 0;
}

/** Resampling approval ballots: n*m 0/1 scores. */
export function resamplingApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: ResamplingOptions = {},
): Float64Array {
  checkSize(m, n);
  const phi = checkProbability(opts.phi ?? 0.5, 'phi');
  const p = checkProbability(opts.p ?? 0.5, 'p');
  const central = centralBallot(m, p, opts.centralVote);
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) resampleInto(rng, phi, p, central, out, v * m);
  return out;
}

/** Disjoint resampling approval ballots (`groups` central ballots): n*m 0/1 scores. */
export function disjointResamplingApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: Omit<ResamplingOptions, 'centralVote'> & { readonly groups?: number } = {},
): Float64Array {
  checkSize(m, n);
  const phi = checkProbability(opts.phi ?? 0.5, 'phi');
  const p = checkProbability(opts.p ?? 0.5, 'p');
  const g = opts.groups ?? 2;
  if (!Number.isInteger(g) || g < 1)
    throw new UserError(`expected a positive whole number, got ${g}`, 'num-central-votes');
  if (p * g > 1)
    throw new UserError(
      `expected p × num-central-votes ≤ 1 (disjoint central ballots), got ${p} × ${g}`,
      'p',
    );
  const size = Math.floor(p * m);
  const centrals = Array.from({ length: g }, (_, i) => {
    const f = new Uint8Array(m);
    f.fill(1, i * size, (i + 1) * size);
    return f;
  });
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) resampleInto(rng, phi, p, centrals[rng.int(g)], out, v * m);
  return out;
}

/** Moving resampling approval ballots: n*m 0/1 scores. */
export function movingResamplingApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: ResamplingOptions & { readonly legs?: number } = {},
): Float64Array {
  checkSize(m, n);
  const phi = checkProbability(opts.phi ?? 0.5, 'phi');
  const p = checkProbability(opts.p ?? 0.5, 'p');
  const legs = opts.legs ?? 1;
  if (!Number.isInteger(legs) || legs < 1)
    throw new UserError(`expected a positive whole number, got ${legs}`, 'num-legs');
  if (legs > Math.max(1, n))
    throw new UserError(`expected at most ${n} legs (one per voter), got ${legs}`, 'num-legs');
  const central = centralBallot(m, p, opts.centralVote);
  const out = new Float64Array(n * m);
  if (n === 0) return out;
  for (let c = 0; c < m; c++) out[c] = central[c];
  const step = Math.floor(n / legs);
  let from = 0; // row the next voter resamples from
  for (let v = 1; v < n; v++) {
    resampleInto(rng, phi, p, out.subarray(from * m, from * m + m), out, v * m);
    from = v;
    // after a break point the walk restarts from the central ballot (voter 0's)
    if (v % step === 0 && v / step < legs) from = 0;
  }
  return out;
}

export type SetDistance = 'hamming' | 'jaccard' | 'zelinka' | 'bunke-shearer';
export const SET_DISTANCES: readonly SetDistance[] = ['hamming', 'jaccard', 'zelinka', 'bunke-shearer'];

/** Distance between sets of sizes a and b sharing i candidates. */
export function setDistance(d: SetDistance, a: number, b: number, i: number): number {
  switch (d) {
    case 'hamming':
      return a + b - 2 * i;
    case 'jaccard':
      return a + b - i === 0 ? 0 : 1 - i / (a + b - i);
    case 'zelinka':
      return Math.max(a, b) - i;
    case 'bunke-shearer':
      return Math.max(a, b) === 0 ? 0 : 1 - i / Math.max(a, b);
  }
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
}

/** Noise-model approval ballots: n*m 0/1 scores. */
export function noiseApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: ResamplingOptions & { readonly distance?: SetDistance } = {},
): Float64Array {
  checkSize(m, n);
  const phi = checkProbability(opts.phi ?? 0.5, 'phi');
  const p = checkProbability(opts.p ?? 0.5, 'p');
  const distance = opts.distance ?? 'hamming';
  if (!SET_DISTANCES.includes(distance))
    throw new UserError(
      `expected one of ${SET_DISTANCES.join(', ')}, got ${JSON.stringify(distance)}`,
      'distance',
    );
  const central = centralBallot(m, p, opts.centralVote);
  const inside: number[] = [];
  const outside: number[] = [];
  for (let c = 0; c < m; c++) (central[c] ? inside : outside).push(c);
  const k = inside.length;
  // buckets (i approved inside, j outside), weight C(k,i)·C(m−k,j)·φ^d, in log space
  const logs: number[] = [];
  for (let i = 0; i <= k; i++)
    for (let j = 0; j <= m - k; j++) {
      const d = setDistance(distance, k, i + j, i);
      const tilt = d === 0 ? 0 : phi === 0 ? Number.NEGATIVE_INFINITY : d * Math.log(phi);
      logs.push(logChoose(k, i) + logChoose(m - k, j) + tilt);
    }
  const top = Math.max(...logs);
  const weights = logs.map((x) => Math.exp(x - top));
  const out = new Float64Array(n * m);
  const pool = new Int32Array(m);
  const rowIn = new Float64Array(k);
  const rowOut = new Float64Array(m - k);
  for (let v = 0; v < n; v++) {
    const b = rng.weighted(weights);
    const i = Math.floor(b / (m - k + 1));
    const j = b % (m - k + 1);
    rowIn.fill(0);
    rowOut.fill(0);
    approveSubset(rng, k, i, rowIn, 0, pool);
    approveSubset(rng, m - k, j, rowOut, 0, pool);
    for (let x = 0; x < k; x++) out[v * m + inside[x]] = rowIn[x];
    for (let x = 0; x < m - k; x++) out[v * m + outside[x]] = rowOut[x];
  }
  return out;
}

/** Identity approval ballots: every voter approves the first ⌊r·m⌋ candidates. */
export function identityApprovals(m: number, n: number, relNumApprovals = 0.5): Float64Array {
  checkSize(m, n);
  const k = Math.floor(checkProbability(relNumApprovals, 'rel-num-approvals') * m);
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) out.fill(1, v * m, v * m + k);
  return out;
}
