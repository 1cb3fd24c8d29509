/**
 * The policy-aggregation rules of Alamdari, Ebadian & Procaccia (2024) over a `PolicyProfile`: each
 * part ranks whole policies by its own return, and a policy's standing with part i is the share of
 * the polytope's volume that i ranks at or below it (its level, profile.ts). Each rule returns a
 * point of the occupancy polytope (a stochastic policy) and what it guarantees.
 *
 * - quantile fairness (§5): the largest q such that some policy lies in every part's top 1 − q,
 *   i.e. level_i ≥ q for all i — binary search over the sample's quantiles, one LP each; then the
 *   completion objective on that set. Grünbaum's theorem (every halfspace through the centroid of a
 *   convex body holds at least 1/e of its volume) puts the centroid at level ≥ 1/e for every part,
 *   so q ≥ 1/e whatever the parts want.
 * - α-approval (§4): part i approves the policies in its top α share (level_i ≥ 1 − α); the rule
 *   takes the largest set of parts some policy satisfies together (every subset, largest first, one
 *   LP each), then the completion objective on what they all approve.
 * - Borda (§4): maximizes Σ_i level_i(x), each part's expected rank of the policy against one drawn
 *   uniformly from the polytope. The paper maximizes over the CDFs' concave portion; here the
 *   concave majorant of each part's empirical CDF is added as cutting planes (an LP each round)
 *   until the LP's point meets them all — the LP's value is then an upper bound on the sampled
 *   Borda score. That point, and the best sampled point lifted to the Pareto frontier, are scored
 *   by the sample; the better one is returned with the bound.
 * - the proportional veto core (§6, after Moulin 1981 and the sequential veto of Ianovski &
 *   Kondratev): in part order, each part vetoes its lowest ⌈N/n⌉ − 1 of the N sampled points still
 *   standing (a 1/n share of the volume, less one point); the policies at least as good for every
 *   part as its last vetoed-over point survive, and the completion objective picks among them. No
 *   coalition T can then name more than N − |T|·(⌈N/n⌉ − 1) sampled points that all its members
 *   strictly prefer: a share 1 − |T|/n of the volume, to within |T| points.
 */
import { UserError } from '../../core/errors.js';
import type { LinearConstraint } from '../../sigma/cardinal/lp.js';
import { type AtLeast, argmax, dot, feasible, maximize } from './polytope.js';
import { levelOf, loosen, type PolicyProfile, standing, TIE, threshold } from './profile.js';

export interface Aggregate {
  readonly rule: 'quantile' | 'approval' | 'borda' | 'veto-core';
  /** The chosen policy's occupancy measure. */
  readonly x: Float64Array;
  /** Each part's expected return (normalized rewards summed over the horizon). */
  readonly returns: Float64Array;
  /** Each part's level: the share of the polytope it ranks at or below the policy. */
  readonly levels: Float64Array;
  /** quantile: the q reached; approval: parts approving; borda: Σ levels; veto-core: points left. */
  readonly score: number;
  /** borda: the LP's upper bound on the sampled score; approval: which parts approve (1/0). */
  readonly bound?: number;
  readonly approving?: Uint8Array;
}

function aggregate(
  p: PolicyProfile,
  rule: Aggregate['rule'],
  x: Float64Array,
  score: number,
  more: { bound?: number; approving?: Uint8Array } = {},
): Aggregate {
  return { rule, x, ...standing(p, x), score, ...more };
}

/** Bounds J_i ≥ threshold(i, k_i), parts with k_i ≤ 0 left free. */
function bounds(p: PolicyProfile, ks: ArrayLike<number>): AtLeast[] {
  const out: AtLeast[] = [];
  for (let i = 0; i < p.n; i++) if (ks[i] > 0) out.push({ c: p.returns[i], b: threshold(p, i, ks[i]) });
  return out;
}

/** Max-min quantile fairness. */
export function quantileFair(p: PolicyProfile): Aggregate {
  const N = p.sample.count;
  const at = (k: number) => bounds(p, new Array<number>(p.n).fill(k));
  // Largest k with every part at its k-th lowest sampled return or more (k = 0 always holds).
  let lo = 0;
  let hi = N;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasible(p.P, at(mid))) lo = mid;
    else hi = mid - 1;
  }
  const x = argmax(p.P, p.welfare, at(lo));
  const { levels } = standing(p, x);
  return aggregate(p, 'quantile', x, Math.min(...levels));
}

/** α-approval: the most parts some policy in each one's top α share satisfies together. */
export function approval(p: PolicyProfile, alpha: number): Aggregate {
  if (!(alpha > 0 && alpha <= 1)) throw new UserError(`expected a share α in (0, 1], got ${alpha}`, 'alpha');
  if (p.n > 16)
    throw new UserError(`α-approval tries every set of parts; at most 16 parts, got ${p.n}`, 'agent');
  const N = p.sample.count;
  const k = Math.max(1, Math.ceil((1 - alpha) * N - 1e-9));
  const subsets = Array.from({ length: 2 ** p.n }, (_, m) => m);
  const size = (m: number) => {
    let c = 0;
    for (let i = 0; i < p.n; i++) if (m & (1 << i)) c++;
    return c;
  };
  // Largest sets first; among equal sizes, the lowest mask (earlier parts) first.
  subsets.sort((a, b) => size(b) - size(a) || a - b);
  for (const m of subsets) {
    const ks = Array.from({ length: p.n }, (_, i) => (m & (1 << i) ? k : 0));
    const cuts = bounds(p, ks);
    if (!feasible(p.P, cuts)) continue;
    const x = argmax(p.P, p.welfare, cuts);
    const { levels } = standing(p, x);
    const approving = Uint8Array.from(levels, (l) => (l >= 1 - alpha - 1e-12 ? 1 : 0));
    return aggregate(
      p,
      'approval',
      x,
      approving.reduce((s, v) => s + v, 0),
      { approving },
    );
  }
  throw new Error('approval: the empty set of parts is always satisfiable');
}

/** The sampled Borda score Σ_i level_i(x). */
export function bordaScore(p: PolicyProfile, x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.n; i++) s += levelOf(p, i, dot(p.returns[i], x));
  return s;
}

/** The upper concave hull of part i's empirical CDF: its corner points, left to right. */
function concaveHull(p: PolicyProfile, i: number): { x: number[]; y: number[] } {
  const xs = p.sorted[i];
  const N = xs.length;
  const hx: number[] = [p.low[i]];
  const hy: number[] = [0];
  const push = (x: number, y: number) => {
    if (x <= hx[hx.length - 1]) {
      hy[hy.length - 1] = Math.max(hy[hy.length - 1], y);
    } else {
      hx.push(x);
      hy.push(y);
    }
    // Drop middle points below the chord of their neighbours.
    while (hx.length >= 3) {
      const k = hx.length;
      const cross =
        (hx[k - 2] - hx[k - 3]) * (hy[k - 1] - hy[k - 3]) - (hy[k - 2] - hy[k - 3]) * (hx[k - 1] - hx[k - 3]);
      if (cross < 0) break;
      hx.splice(k - 2, 1);
      hy.splice(k - 2, 1);
    }
  };
  for (let k = 0; k < N; k++) push(xs[k], (k + 1) / N);
  push(Math.max(p.high[i], xs[N - 1]), 1);
  return { x: hx, y: hy };
}

/** Borda over the policy polytope (see the module comment). */
export function borda(p: PolicyProfile): Aggregate {
  const { P, n } = p;
  const hulls = Array.from({ length: n }, (_, i) => concaveHull(p, i));
  const hullAt = (i: number, y: number): { value: number; seg: number } => {
    const h = hulls[i];
    let seg = 0;
    while (seg < h.x.length - 2 && y > h.x[seg + 1]) seg++;
    if (h.x.length < 2) return { value: h.y[0], seg: 0 };
    const [x0, x1, y0, y1] = [h.x[seg], h.x[seg + 1], h.y[seg], h.y[seg + 1]];
    return { value: y0 + ((y1 - y0) * (Math.min(Math.max(y, x0), x1) - x0)) / (x1 - x0), seg };
  };
  // Columns: the coordinates, then f_i ≥ 0 (part i's envelope value); maximize Σ f_i.
  const cols = P.size + n;
  const c = new Float64Array(cols);
  for (let i = 0; i < n; i++) c[P.size + i] = 1;
  const rows: LinearConstraint[] = [];
  const cut = (i: number, seg: number) => {
    const h = hulls[i];
    if (h.x.length < 2) {
      const a = new Float64Array(cols);
      a[P.size + i] = 1;
      rows.push({ a, op: '<=', b: h.y[0] });
      return;
    }
    // f_i ≤ y0 + slope·(J_i − x0)  ⇔  f_i − slope·J_i ≤ y0 − slope·x0.
    const slope = (h.y[seg + 1] - h.y[seg]) / (h.x[seg + 1] - h.x[seg]);
    const a = new Float64Array(cols);
    for (let k = 0; k < P.size; k++) a[k] = -slope * p.returns[i][k];
    a[P.size + i] = 1;
    rows.push({ a, op: '<=', b: h.y[seg] - slope * h.x[seg] });
  };
  const done = new Set<string>();
  for (let i = 0; i < n; i++) {
    const a = new Float64Array(cols);
    a[P.size + i] = 1;
    rows.push({ a, op: '<=', b: 1 });
  }
  let x = new Float64Array(P.size);
  let bound = n;
  for (let round = 0; round < 200; round++) {
    const r = maximize(P, c, [], { columns: n, rows });
    if (r.status !== 'optimal') throw new UserError(`the Borda linear program is ${r.status}`, 'agent');
    x = r.x.slice(0, P.size);
    bound = r.value;
    let added = false;
    for (let i = 0; i < n; i++) {
      const { value, seg } = hullAt(i, dot(p.returns[i], x));
      const key = `${i}:${seg}`;
      if (r.x[P.size + i] > value + 1e-9 && !done.has(key)) {
        done.add(key);
        cut(i, seg);
        added = true;
      }
    }
    if (!added) break;
  }
  // The best sampled point by the sampled score, lifted: every part at least as well off, then the
  // completion objective.
  const N = p.sample.count;
  let best = 0;
  let bestScore = -1;
  for (let k = 0; k < N; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += levelOf(p, i, p.sample.returns[k * n + i]);
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  const lifted = argmax(
    P,
    p.welfare,
    p.returns.map((ci, i) => {
      return { c: ci, b: loosen(p.sample.returns[best * n + i]) };
    }),
  );
  const chosen = bordaScore(p, lifted) > bordaScore(p, x) + 1e-12 ? lifted : x;
  return aggregate(p, 'borda', chosen, bordaScore(p, chosen), { bound });
}

/** A point of the proportional veto core by sequential veto (see the module comment). */
export function vetoCore(p: PolicyProfile): Aggregate {
  const { n } = p;
  const N = p.sample.count;
  const m = Math.ceil(N / n) - 1;
  let alive = Array.from({ length: N }, (_, k) => k);
  const floor = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ys = alive.map((k) => p.sample.returns[k * n + i]);
    const order = alive.map((_, j) => j).sort((a, b) => ys[a] - ys[b] || alive[a] - alive[b]);
    const kept = order.slice(m);
    floor[i] = ys[kept[0]];
    alive = kept.map((j) => alive[j]).sort((a, b) => a - b);
  }
  const cuts = p.returns.map((c, i) => ({ c, b: loosen(floor[i]) }));
  const x = argmax(p.P, p.welfare, cuts);
  return aggregate(p, 'veto-core', x, alive.length, {});
}

/** How many sampled points every part in `coalition` strictly prefers to x. */
export function preferredBy(p: PolicyProfile, coalition: readonly number[], x: ArrayLike<number>): number {
  const n = p.n;
  const mine = coalition.map((i) => dot(p.returns[i], x));
  let count = 0;
  for (let k = 0; k < p.sample.count; k++)
    if (
      coalition.every((i, j) => p.sample.returns[k * n + i] > mine[j] + TIE * Math.max(1, Math.abs(mine[j])))
    )
      count++;
  return count;
}

/** The veto each part holds in vetoCore: ⌈N/n⌉ − 1 sampled points. */
export function vetoShare(N: number, n: number): number {
  return Math.ceil(N / n) - 1;
}
