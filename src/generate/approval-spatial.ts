/**
 * Spatial approval ballots (prefsampling's approval.euclidean): voters and candidates are points
 * drawn as for the `euclidean` culture (same options, same draws), and a voter approves
 * - threshold(t ≥ 1): every candidate within t times the distance of its nearest one;
 * - VCR(r_v, r_c) (voter–candidate range, Elkind et al. 2017): every candidate c with
 *   distance ≤ r_v + r_c;
 * - constant size(r): its ⌊r·m⌋ nearest candidates (distance ties by index).
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type SpatialOptions, spatialDistances, spatialSample } from './profiles.js';

function distances(rng: Random, m: number, n: number, opts: SpatialOptions): Float64Array {
  return spatialDistances(spatialSample(rng, m, n, opts));
}

/** Threshold approval ballots: n*m 0/1 scores. */
export function thresholdApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: SpatialOptions & { readonly threshold?: number } = {},
): Float64Array {
  const t = opts.threshold ?? 1.5;
  if (!(t >= 1 && Number.isFinite(t))) throw new UserError(`expected a number ≥ 1, got ${t}`, 'threshold');
  const d = distances(rng, m, n, opts);
  const out = new Float64Array(n * m);
  for (let v = 0; v < n; v++) {
    let min = Number.POSITIVE_INFINITY;
    for (let c = 0; c < m; c++) min = Math.min(min, d[v * m + c]);
    for (let c = 0; c < m; c++) out[v * m + c] = d[v * m + c] <= min * t ? 1 : 0;
  }
  return out;
}

/** VCR approval ballots: n*m 0/1 scores. */
export function vcrApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: SpatialOptions & { readonly votersRadius?: number; readonly candidatesRadius?: number } = {},
): Float64Array {
  const rv = opts.votersRadius ?? 0.2;
  const rc = opts.candidatesRadius ?? 0.1;
  if (!(rv >= 0 && Number.isFinite(rv)))
    throw new UserError(`expected a non-negative number, got ${rv}`, 'voters-radius');
  if (!(rc >= 0 && Number.isFinite(rc)))
    throw new UserError(`expected a non-negative number, got ${rc}`, 'candidates-radius');
  const d = distances(rng, m, n, opts);
  const out = new Float64Array(n * m);
  for (let i = 0; i < d.length; i++) out[i] = d[i] <= rv + rc ? 1 : 0;
  return out;
}

/** Constant-size spatial approval ballots: each voter's ⌊r·m⌋ nearest candidates. */
export function nearestApprovals(
  rng: Random,
  m: number,
  n: number,
  opts: SpatialOptions & { readonly relNumApprovals?: number } = {},
): Float64Array {
  const r = opts.relNumApprovals ?? 0.5;
  if (!(r >= 0 && r <= 1)) throw new UserError(`expected a number in [0, 1], got ${r}`, 'rel-num-approvals');
  const k = Math.floor(r * m);
  const d = distances(rng, m, n, opts);
  const out = new Float64Array(n * m);
  const idx = Array.from({ length: m }, (_, i) => i);
  for (let v = 0; v < n; v++) {
    const row = d.subarray(v * m, v * m + m);
    idx.sort((a, b) => row[a] - row[b] || a - b);
    for (let i = 0; i < k; i++) out[v * m + idx[i]] = 1;
  }
  return out;
}
