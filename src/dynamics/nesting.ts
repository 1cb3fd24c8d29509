/**
 * A sequential H that is a hierarchy (a company made of teams made of people): the flattened view
 * the agents act on, and what each nested principal says along the way.
 *
 * Conventions (the data is `SequentialPrincipal.tree`, core/sequential.ts):
 * - Attention levels belong to the leaves (the parts with rewards). A leaf's weight at its level
 *   is its declared weight × gain[its level]; a nested principal's weight at its parent is its
 *   declared weight. Every principal normalizes its members' weights to shares, and a leaf's
 *   effective share in H is the product of the shares down its path — so A's actions that move a
 *   member's level reshape its team, and through the team, H.
 * - A nested principal's reward at its parent is its own approval of the action: its Σ over its
 *   members, read by its own approval reading (approval.ts), in [0, 1]. Under the score reading a
 *   parent takes it as it is (it is already in normalized units) and min–max normalizes only its
 *   leaves. With weighted-utilitarian Σ and the score reading at every level, H's approval is the
 *   flat weighted sum Σ_leaf effective share · r̂_leaf; with other Σ it follows the one-shot
 *   convention (align/context.ts: a team is heard through its Σ's approval).
 * - A level's welfare (measurement, never what an agent sees) is utilitarian at every level, as
 *   the flat `original welfare` is: a leaf's is its normalized reward, a nested principal's is its
 *   members' welfare weighted by their shares at t = 0. So under any Σ the levels' welfare adds up
 *   to H's original welfare.
 *
 * A principal whose tree is absent is flat and never reaches this file.
 */
import { UserError } from '../core/errors.js';
import type { SeqNested, SeqNode, SequentialPrincipal } from '../core/sequential.js';
import { type SigmaCall, sigmaCall } from '../sigma/apply-utilities.js';
import { getRule } from '../sigma/registry.js';
import { type ApprovalReading, approvalOfRows } from './approval.js';

/** Levels of nested principals a sequential H may have (as a one-shot principal, scenario/limits.ts). */
export const MAX_SEQ_NESTING = 32;

export function isNested(x: SeqNode): x is SeqNested {
  return 'parts' in x;
}

/** H itself as the root of its tree (its Σ and approval reading; weight 1). */
export function rootOf(h: SequentialPrincipal, reading: ApprovalReading): SeqNested {
  return { name: '', weight: 1, parts: h.tree ?? [], sigma: h.sigma, approval: reading };
}

/** A nested principal and where it sits: its path (part names from H down, joined with "/") and depth (1 = a part of H). */
export interface NestedLevel {
  readonly path: string;
  readonly depth: number;
  readonly node: SeqNested;
}

/** Every nested principal of H, depth first (parents before their children). */
export function nestedLevels(h: SequentialPrincipal): NestedLevel[] {
  const out: NestedLevel[] = [];
  const walk = (nodes: readonly SeqNode[], prefix: string, depth: number) => {
    for (const x of nodes)
      if (isNested(x)) {
        const path = prefix ? `${prefix}/${x.name}` : x.name;
        out.push({ path, depth, node: x });
        walk(x.parts, path, depth + 1);
      }
  };
  walk(h.tree ?? [], '', 1);
  return out;
}

/** The members' weights of `node` at `levels` (leaves: declared × gain[level]; nested: declared). */
export function memberWeights(
  h: SequentialPrincipal,
  node: SeqNested,
  levels: ArrayLike<number> | null,
  out: Float64Array = new Float64Array(node.parts.length),
): Float64Array {
  const gain = h.internal.gain;
  node.parts.forEach((x, k) => {
    out[k] = isNested(x) ? x.weight : h.parts[x.leaf].weight * (levels ? gain[levels[x.leaf]] : 1);
  });
  return out;
}

/**
 * Each leaf's effective share at `levels` (into `out`, length = leaves): the product of the shares
 * down its path. `levels: null` reads the declared weights alone (no gains).
 */
export function nestedShares(
  h: SequentialPrincipal,
  levels: ArrayLike<number> | null,
  out: Float64Array,
): Float64Array {
  const walk = (node: SeqNested, factor: number) => {
    const w = memberWeights(h, node, levels);
    let total = 0;
    for (let k = 0; k < w.length; k++) total += w[k];
    node.parts.forEach((x, k) => {
      const share = factor * (total > 0 ? w[k] / total : 0);
      if (isNested(x)) walk(x, share);
      else out[x.leaf] = share;
    });
  };
  walk(rootOf(h, 'rank'), 1);
  return out;
}

const calls = new WeakMap<SeqNested, SigmaCall>();

function callOf(node: SeqNested): SigmaCall {
  let c = calls.get(node);
  if (!c) {
    c = sigmaCall(node.sigma.rule, node.sigma.options);
    calls.set(node, c);
  }
  return c;
}

/** What a nested principal's approval reads: the leaves' raw and normalized rewards (S×A each). */
export interface NestedRewards {
  readonly raw: readonly Float64Array[];
  readonly normalized: readonly Float64Array[];
}

/**
 * `node`'s approval of every action in world state s at `levels` (into `out`, length A): its Σ
 * over its members — a leaf's reward (normalized under the score reading, raw under rank) and a
 * nested member's own approval — with its members' current weights. `sigma` overrides the
 * node's own call (H's, prepared once by the model).
 */
export function nestedApproval(
  h: SequentialPrincipal,
  node: SeqNested,
  rewards: NestedRewards,
  A: number,
  s: number,
  levels: ArrayLike<number>,
  out: Float64Array,
  sigma: SigmaCall = callOf(node),
): Float64Array {
  const m = node.parts.length;
  const u = new Float64Array(m * A);
  const reward = node.approval === 'score' ? rewards.normalized : rewards.raw;
  node.parts.forEach((x, k) => {
    const row = u.subarray(k * A, (k + 1) * A);
    if (isNested(x)) nestedApproval(h, x, rewards, A, s, levels, row);
    else row.set(reward[x.leaf].subarray(s * A, (s + 1) * A));
  });
  return approvalOfRows(sigma, node.sigma.rule, node.approval, u, memberWeights(h, node, levels), A, s, out);
}

/** Makes every nested Σ with an asynchronous `prepare` ready (H's own is model.ts's readySigma). */
export async function readyNestedSigma(h: SequentialPrincipal): Promise<void> {
  for (const l of nestedLevels(h)) await getRule(l.node.sigma.rule).prepare?.();
}

/**
 * Checks a tree against its leaves: every leaf exactly once, every nested principal with a part
 * and a positive weight among its parts, known Σ rules, at most MAX_SEQ_NESTING levels.
 */
export function checkTree(h: SequentialPrincipal): void {
  const n = h.parts.length;
  const seen = new Uint8Array(n);
  const walk = (nodes: readonly SeqNode[], where: string, depth: number, node: SeqNested | null) => {
    if (depth > MAX_SEQ_NESTING)
      throw new UserError(`principals nest more than ${MAX_SEQ_NESTING} levels deep`, where);
    if (!Array.isArray(nodes) || nodes.length === 0) throw new UserError('expected at least one part', where);
    nodes.forEach((x, k) => {
      const at = `${where}[${k}]`;
      if (isNested(x)) {
        if (!(Number.isFinite(x.weight) && x.weight >= 0))
          throw new UserError(`expected a finite weight ≥ 0, got ${x.weight}`, `${at}.weight`);
        if (x.approval !== 'score' && x.approval !== 'rank')
          throw new UserError(`expected score or rank, got ${JSON.stringify(x.approval)}`, `${at}.approval`);
        try {
          getRule(x.sigma.rule);
        } catch (e) {
          if (e instanceof UserError)
            throw new UserError(e.message.replace(/^--method: /, ''), `${at}.sigma`);
          throw e;
        }
        walk(x.parts, `${at}.parts`, depth + 1, x);
      } else {
        if (!(Number.isInteger(x.leaf) && x.leaf >= 0 && x.leaf < n))
          throw new UserError(`expected a leaf index 0 … ${n - 1}, got ${x.leaf}`, `${at}.leaf`);
        if (seen[x.leaf]) throw new UserError(`leaf ${x.leaf} appears more than once`, `${at}.leaf`);
        seen[x.leaf] = 1;
      }
    });
    if (node && !memberWeights(h, node, null).some((w) => w > 0))
      throw new UserError('every part has weight 0; give at least one a positive weight', where);
  };
  walk(h.tree ?? [], 'tree', 1, null);
  const missing = seen.indexOf(0);
  if (missing >= 0)
    throw new UserError(`leaf ${missing} (${h.parts[missing].name}) is in no principal`, 'tree');
}
