/**
 * The exact NRL solver: maximizes Σ_i w_i V_i(π) by dynamic programming over the tree of histories,
 * carrying the weights down as likelihood vectors (see problem.ts for the theorem and the bound on
 * the tree's size).
 */
import { UserError } from '../../core/errors.js';
import { emptyPolicy, policyReport } from './policies.js';
import {
  DEFAULT_MAX_NODES,
  type NrlOptions,
  type NrlProblem,
  type NrlSolution,
  beliefsOf,
  priorOf,
  shapeOf,
  validateNrlProblem,
} from './problem.js';

interface Prepared {
  S: number;
  A: number;
  n: number;
  H: number;
  beliefs: Float64Array[];
  rewards: Float64Array[];
  truth: Float64Array;
  /** Number of transition classes in each state. */
  groups: Int32Array;
  /** groupOf[s*A + a]: the class of action a in state s. */
  groupOf: Int32Array;
  /** rep[s*A + g]: the lowest action of class g in state s. */
  rep: Int32Array;
  /** kids[s*A + g]: the next states some part or the truth gives positive probability. */
  kids: Int32Array[];
}

function sameRow(T: Float64Array, x: number, y: number, S: number): boolean {
  for (let s2 = 0; s2 < S; s2++) if (T[x * S + s2] !== T[y * S + s2]) return false;
  return true;
}

function prepare(p: NrlProblem): Prepared {
  const { S, A } = shapeOf(p.env);
  const beliefs = beliefsOf(p);
  const models = [...beliefs, p.env.truth];
  const groups = new Int32Array(S);
  const groupOf = new Int32Array(S * A);
  const rep = new Int32Array(S * A);
  const kids: Int32Array[] = [];
  for (let s = 0; s < S; s++) {
    let g = 0;
    for (let a = 0; a < A; a++) {
      let found = -1;
      for (let h = 0; h < g && found < 0; h++) {
        const b = rep[s * A + h];
        if (models.every((T) => sameRow(T, s * A + a, s * A + b, S))) found = h;
      }
      if (found < 0) {
        rep[s * A + g] = a;
        found = g++;
      }
      groupOf[s * A + a] = found;
    }
    groups[s] = g;
    for (let h = 0; h < A; h++) {
      if (h >= g) {
        kids.push(new Int32Array(0));
        continue;
      }
      const row = (s * A + rep[s * A + h]) * S;
      const list: number[] = [];
      for (let s2 = 0; s2 < S; s2++) if (models.some((T) => T[row + s2] > 0)) list.push(s2);
      kids.push(Int32Array.from(list));
    }
  }
  return {
    S,
    A,
    n: beliefs.length,
    H: p.env.horizon,
    beliefs,
    rewards: p.parts.map((x) => x.reward),
    truth: p.env.truth,
    groups,
    groupOf,
    rep,
    kids,
  };
}

/** How many history nodes the exact search may visit (an upper bound; exact without zero weights). */
export function nrlTreeSize(p: NrlProblem): number {
  validateNrlProblem(p);
  const q = prepare(p);
  return treeSize(q, p.env.start);
}

function treeSize(q: Prepared, start: Float64Array): number {
  const { S, A, H } = q;
  let below = new Float64Array(S).fill(1); // k = 1 decision left: one node, no children searched
  for (let k = 2; k <= H; k++) {
    const next = new Float64Array(S);
    for (let s = 0; s < S; s++) {
      let c = 1;
      for (let g = 0; g < q.groups[s]; g++) for (const s2 of q.kids[s * A + g]) c += below[s2];
      next[s] = c;
    }
    below = next;
  }
  let total = 0;
  for (let s = 0; s < S; s++) if (start[s] > 0) total += below[s];
  return total;
}

/**
 * The exact NRL policy for a finite horizon: the deterministic history-dependent policy maximizing
 * Σ_i w_i V_i(π) (w the normalized prior weights, V_i part i's expected utility under its own
 * beliefs), found by dynamic programming over the history tree with the weights w_i·P_i(h) carried
 * down. With every w_i > 0 it is Pareto optimal for the parts' own-belief expected utilities (a
 * part with weight 0 is ignored, so the policy may then be only weakly Pareto optimal). Throws a
 * UserError when the search tree (`nrlTreeSize`) or the dense policy (S + S² + … + S^H decision
 * slots) exceeds `maxNodes`.
 */
export function solveNrl(p: NrlProblem, opts: NrlOptions = {}): NrlSolution {
  if (!opts.trusted) validateNrlProblem(p);
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  const tol = opts.tieTolerance ?? 1e-12;
  const q = prepare(p);
  const { S, A, n, H } = q;
  const bound = treeSize(q, p.env.start);
  if (bound > maxNodes)
    throw new UserError(
      `the history tree for horizon ${H} (${S} states, up to ${Math.max(...q.groups)} distinguishable actions per state) has up to ${bound} nodes; the limit is ${maxNodes} (maxNodes)`,
      'nrl',
    );
  const policy = emptyPolicy(S, A, H, maxNodes);
  const nodeAction = new Int32Array(bound);
  const nodeSize = new Int32Array(bound);
  const wbuf: Float64Array[] = [];
  const vbuf: Float64Array[] = [];
  const cbuf: Float64Array[] = [];
  for (let t = 0; t <= H; t++) {
    wbuf.push(new Float64Array(n));
    vbuf.push(new Float64Array(n));
    cbuf.push(new Float64Array(A * n));
  }
  let counter = 0;
  // Solves the node at depth t in state s whose weights are in wbuf[t]; leaves the per-part
  // continuation values V_i (own beliefs) in vbuf[t] and returns the node id.
  const solve = (t: number, s: number): number => {
    const id = counter++;
    const w = wbuf[t];
    const cont = cbuf[t];
    cont.fill(0);
    const G = q.groups[s];
    if (t + 1 < H) {
      const wc = wbuf[t + 1];
      const vc = vbuf[t + 1];
      for (let g = 0; g < G; g++) {
        const row = (s * A + q.rep[s * A + g]) * S;
        for (const s2 of q.kids[s * A + g]) {
          let sum = 0;
          for (let i = 0; i < n; i++) sum += w[i] * q.beliefs[i][row + s2];
          if (sum > 0) for (let i = 0; i < n; i++) wc[i] = (w[i] * q.beliefs[i][row + s2]) / sum;
          else wc.set(w);
          solve(t + 1, s2);
          for (let i = 0; i < n; i++) cont[g * n + i] += q.beliefs[i][row + s2] * vc[i];
        }
      }
    }
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < A; a++) {
      const g = q.groupOf[s * A + a];
      let score = 0;
      for (let i = 0; i < n; i++) score += w[i] * (q.rewards[i][s * A + a] + cont[g * n + i]);
      if (best < 0 || score > bestScore + tol * (1 + Math.abs(bestScore))) {
        best = a;
        bestScore = score;
      }
    }
    const gb = q.groupOf[s * A + best];
    const v = vbuf[t];
    for (let i = 0; i < n; i++) v[i] = q.rewards[i][s * A + best] + cont[gb * n + i];
    nodeAction[id] = best;
    nodeSize[id] = counter - id;
    return id;
  };

  const prior = priorOf(p);
  const own = new Float64Array(n);
  const roots: { s: number; id: number }[] = [];
  for (let s0 = 0; s0 < S; s0++) {
    const st = p.env.start[s0];
    if (!(st > 0)) continue;
    wbuf[0].set(prior);
    const id = solve(0, s0);
    roots.push({ s: s0, id });
    for (let i = 0; i < n; i++) own[i] += st * vbuf[0][i];
  }

  // Read the policy off the tree: follow the chosen action's subtree at every node.
  const extract = (t: number, s: number, code: number, id: number): void => {
    const a = nodeAction[id];
    policy.decisions[t][code] = a;
    if (t + 1 >= H) return;
    const gb = q.groupOf[s * A + a];
    let child = id + 1;
    for (let g = 0; g < q.groups[s]; g++)
      for (const s2 of q.kids[s * A + g]) {
        if (g === gb) extract(t + 1, s2, code * S + s2, child);
        child += nodeSize[child];
      }
  };
  for (const r of roots) extract(0, r.s, r.s, r.id);

  let objective = 0;
  for (let i = 0; i < n; i++) objective += prior[i] * own[i];
  const truth = policyReport(p, policy, { trusted: true }).truth;
  return { policy, prior, own, truth, objective, nodes: counter };
}
