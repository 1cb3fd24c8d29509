/**
 * Group-separable profiles (prefsampling's ordinal.groupseparable, after Faliszewski, Karpov &
 * Obraztsova 2022). A decomposition tree has the candidates at its leaves and internal nodes of at
 * least two children; a vote reads the leaves left to right after each internal node has (or has
 * not) mirrored its subtree, so every node's candidates stay together and its children keep their
 * order or reverse it.
 *
 * The sampler, as prefsampling's: with the `schroeder` tree sampler the number r of internal nodes
 * is drawn with probability ∝ C(m−1, r)·C(m−1+r, m)·(2^(n−1) − 1)^(r−1) (the count of such profiles
 * with r internal nodes), then a tree uniform among the plane trees with m leaves and r internal
 * nodes (counted exactly by a dynamic program, so m ≤ 150); `caterpillar` and `balanced` use that
 * fixed tree. The first vote is a uniform random order, read off the tree unmirrored, which names
 * the leaves. Each internal node (in preorder) draws a fair mirror bit for each of the other n − 1
 * voters, redrawn for a node other than the root until at least one voter mirrors it.
 */
import { UserError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import { type Profile, profileFromOrders } from '../sigma/profile.js';
import { buffer, checkSize } from './profiles.js';

export type TreeSampler = 'schroeder' | 'caterpillar' | 'balanced';

/** A decomposition tree: a candidate at a leaf, the list of children at an internal node. */
export type SeparableTree = number | SeparableTree[];

/** The largest m the uniform Schröder tree sampler counts trees for. */
export const SCHROEDER_MAX_CANDIDATES = 150;

/** Children of each node; node 0 is the root, leaves have none. */
type Kids = number[][];

function caterpillar(m: number): Kids {
  const kids: Kids = [[]];
  let at = 0;
  for (let left = m; left > 2; left--) {
    kids.push([], []);
    kids[at].push(kids.length - 2, kids.length - 1);
    at = kids.length - 1;
  }
  if (m >= 2) {
    kids.push([], []);
    kids[at].push(kids.length - 2, kids.length - 1);
  }
  return kids;
}

function balanced(m: number): Kids {
  const kids: Kids = [[]];
  const queue = [0];
  for (let head = 0; kids.length < 2 * m - 1; head++) {
    const node = queue[head];
    for (let k = 0; k < 2; k++) {
      kids.push([]);
      kids[node].push(kids.length - 1);
      queue.push(kids.length - 1);
    }
  }
  return kids;
}

/** Counts of plane trees (A), and of sequences of ≥ 1 (S1) and ≥ 2 (S2) trees, by leaves and internal nodes. */
function treeCounts(m: number): { A: Float64Array[]; S1: Float64Array[]; S2: Float64Array[] } {
  const mk = () => Array.from({ length: m + 1 }, () => new Float64Array(m));
  const A = mk();
  const S1 = mk();
  const S2 = mk();
  for (let l = 1; l <= m; l++)
    for (let r = 0; r < m; r++) {
      A[l][r] = l === 1 ? (r === 0 ? 1 : 0) : r >= 1 ? S2[l][r - 1] : 0;
      let s1 = A[l][r];
      let s2 = 0;
      for (let l1 = 1; l1 < l; l1++)
        for (let r1 = 0; r1 <= r; r1++) {
          const a = A[l1][r1];
          if (a === 0) continue;
          s1 += a * S1[l - l1][r - r1];
          s2 += a * S1[l - l1][r - r1];
        }
      S1[l][r] = s1;
      S2[l][r] = s2;
    }
  return { A, S1, S2 };
}

/** A plane tree uniform among those with m leaves and r internal nodes. */
function schroeder(rng: Random, m: number, r: number): Kids {
  const { A, S1 } = treeCounts(m);
  const kids: Kids = [];
  const weights: number[] = [];
  const pairs: [number, number][] = [];
  // a sequence of trees with l leaves and r internal nodes in all, at least `min` trees, under `parent`
  const sequence = (parent: number, l: number, rr: number, min: 1 | 2): void => {
    weights.length = 0;
    pairs.length = 0;
    for (let l1 = 1; l1 <= l; l1++)
      for (let r1 = 0; r1 <= rr; r1++) {
        const rest = l1 === l ? (min === 1 && r1 === rr ? 1 : 0) : S1[l - l1][rr - r1];
        const w = A[l1][r1] * rest;
        if (w > 0) {
          weights.push(w);
          pairs.push([l1, r1]);
        }
      }
    const [l1, r1] = pairs[rng.weighted(weights)];
    tree(parent, l1, r1);
    if (l1 < l) sequence(parent, l - l1, rr - r1, 1);
  };
  const tree = (parent: number, l: number, rr: number): void => {
    const id = kids.length;
    kids.push([]);
    if (parent >= 0) kids[parent].push(id);
    if (l > 1) sequence(id, l, rr - 1, 2);
  };
  tree(-1, m, r);
  return kids;
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
}

/** The number of internal nodes, with probability ∝ the number of profiles that have that many. */
function internalNodeCount(rng: Random, m: number, n: number): number {
  if (n <= 1 || m <= 2) return 1;
  // log(2^(n−1) − 1), without overflow for large n
  const logSig = (n - 1) * Math.LN2 + Math.log1p(-(2 ** -(n - 1)));
  const logs: number[] = [];
  for (let r = 1; r < m; r++) logs.push(logChoose(m - 1, r) + logChoose(m - 1 + r, m) + (r - 1) * logSig);
  const top = Math.max(...logs);
  return 1 + rng.weighted(logs.map((x) => Math.exp(x - top)));
}

export interface GroupSeparableOptions {
  /** schroeder (default): a uniform random tree; caterpillar or balanced: that fixed shape. */
  readonly treeSampler?: TreeSampler;
}

export interface GroupSeparableSample {
  readonly orders: Int32Array;
  /** The decomposition tree every vote fits, leaves named by candidate. */
  readonly tree: SeparableTree;
}

/** n group-separable orders (flat, best first) and their tree. */
export function groupSeparableSample(
  rng: Random,
  m: number,
  n: number,
  opts: GroupSeparableOptions = {},
  out?: Int32Array,
): GroupSeparableSample {
  checkSize(m, n);
  const sampler = opts.treeSampler ?? 'schroeder';
  if (sampler !== 'schroeder' && sampler !== 'caterpillar' && sampler !== 'balanced')
    throw new UserError(
      `expected schroeder, caterpillar or balanced, got ${JSON.stringify(sampler)}`,
      'tree-sampler',
    );
  if (sampler === 'schroeder' && m > SCHROEDER_MAX_CANDIDATES)
    throw new UserError(
      `the uniform tree sampler counts trees exactly: expected at most ${SCHROEDER_MAX_CANDIDATES} candidates, got ${m} (use caterpillar or balanced)`,
      'candidates',
    );
  const kids =
    m === 1
      ? [[]]
      : sampler === 'caterpillar'
        ? caterpillar(m)
        : sampler === 'balanced'
          ? balanced(m)
          : schroeder(rng, m, internalNodeCount(rng, m, n));
  // preorder: internal nodes, and the leaves in frontier order
  const internal: number[] = [];
  const frontier: number[] = [];
  const walk = (x: number): void => {
    if (kids[x].length === 0) frontier.push(x);
    else {
      internal.push(x);
      for (const c of kids[x]) walk(c);
    }
  };
  walk(0);
  const first = rng.permutation(m);
  const label = new Int32Array(kids.length);
  frontier.forEach((leaf, i) => {
    label[leaf] = first[i];
  });
  const flips = internal.map((_, r) => {
    const bits = new Uint8Array(Math.max(0, n - 1));
    do for (let v = 0; v < bits.length; v++) bits[v] = rng.uint32() & 1;
    while (r > 0 && bits.length > 0 && !bits.includes(1));
    return bits;
  });
  const o = buffer(m, n, out);
  const mirror = new Uint8Array(kids.length);
  let at = 0;
  const read = (x: number, state: number): void => {
    const ks = kids[x];
    if (ks.length === 0) o[at++] = label[x];
    else if (mirror[x] === state) for (const c of ks) read(c, 0);
    else for (let i = ks.length - 1; i >= 0; i--) read(ks[i], 1);
  };
  for (let v = 0; v < n; v++) {
    for (let r = 0; r < internal.length; r++) mirror[internal[r]] = v === 0 ? 0 : flips[r][v - 1];
    at = v * m;
    read(0, 0);
  }
  const nested = (x: number): SeparableTree => (kids[x].length === 0 ? label[x] : kids[x].map(nested));
  return { orders: o, tree: nested(0) };
}

/** Group-separable profile (see groupSeparableSample). */
export function groupSeparable(rng: Random, m: number, n: number, opts: GroupSeparableOptions = {}): Profile {
  return profileFromOrders(m, groupSeparableSample(rng, m, n, opts).orders);
}

/**
 * True when `order` (best first) fits `tree`: each internal node's candidates are consecutive in
 * the order and its children come in the tree's order or exactly reversed.
 */
export function fitsTree(order: ArrayLike<number>, tree: SeparableTree): boolean {
  const pos = new Map<number, number>();
  for (let i = 0; i < order.length; i++) pos.set(order[i], i);
  // [first position, size] of a subtree's candidates, or undefined when they do not fit
  const span = (t: SeparableTree): [number, number] | undefined => {
    if (typeof t === 'number') {
      const p = pos.get(t);
      return p === undefined ? undefined : [p, 1];
    }
    const parts: [number, number][] = [];
    for (const c of t) {
      const s = span(c);
      if (s === undefined) return undefined;
      parts.push(s);
    }
    const forward = parts.every((s, i) => i === 0 || s[0] === parts[i - 1][0] + parts[i - 1][1]);
    const backward = parts.every((s, i) => i === 0 || s[0] + s[1] === parts[i - 1][0]);
    if (!forward && !backward) return undefined;
    const size = parts.reduce((x, s) => x + s[1], 0);
    return [Math.min(...parts.map((s) => s[0])), size];
  };
  const s = span(tree);
  return s !== undefined && s[1] === order.length;
}
