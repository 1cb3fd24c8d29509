/**
 * Pareto checks on small trees: every deterministic policy enumerated, to confirm that none
 * dominates the NRL solution under the parts' own beliefs.
 */
import { dominates } from '../../core/pareto.js';
import { UserError } from '../../core/errors.js';
import { emptyPolicy, policyReport } from './policies.js';
import { type HistoryPolicy, type NrlProblem, beliefsOf, shapeOf, validateNrlProblem } from './problem.js';

/**
 * The state sequences a deterministic policy can have to decide at: those starting where
 * `env.start` is positive and moving only along transitions some action makes possible under some
 * part's beliefs or the truth. slots[t] lists their codes at depth t.
 */
function decisionSlots(p: NrlProblem): Int32Array[] {
  const { S, A } = shapeOf(p.env);
  const models = [...beliefsOf(p), p.env.truth];
  const step = new Uint8Array(S * S);
  for (let s = 0; s < S; s++)
    for (let a = 0; a < A; a++)
      for (let s2 = 0; s2 < S; s2++)
        if (models.some((T) => T[(s * A + a) * S + s2] > 0)) step[s * S + s2] = 1;
  const out: Int32Array[] = [];
  let layer: number[] = [];
  for (let s = 0; s < S; s++) if (p.env.start[s] > 0) layer.push(s);
  for (let t = 0; t < p.env.horizon; t++) {
    out.push(Int32Array.from(layer));
    if (t + 1 === p.env.horizon) break;
    const next: number[] = [];
    for (const c of layer) for (let s2 = 0; s2 < S; s2++) if (step[(c % S) * S + s2]) next.push(c * S + s2);
    layer = next;
    if (layer.length > 1 << 24)
      throw new UserError('too many histories to enumerate policies over', 'pareto');
  }
  return out;
}

/** The number of deterministic history-dependent policies `forEachPolicy` enumerates: A^(decision slots). */
export function policyCount(p: NrlProblem): number {
  validateNrlProblem(p);
  let slots = 0;
  for (const d of decisionSlots(p)) slots += d.length;
  return p.env.actions.length ** slots;
}

/**
 * Calls `visit` with every deterministic history-dependent policy (one action at every state
 * sequence of `decisionSlots`), together with each part's own-belief expected utility.
 * The policy object is reused between calls: copy it to keep it. Return `false` from `visit` to
 * stop. Refuses past `maxPolicies` (default 1,048,576). Returns the number visited.
 */
export function forEachPolicy(
  p: NrlProblem,
  visit: (policy: HistoryPolicy, own: Float64Array) => boolean | undefined,
  opts: { maxPolicies?: number } = {},
): number {
  validateNrlProblem(p);
  const { S, A } = shapeOf(p.env);
  const H = p.env.horizon;
  const count = policyCount(p);
  const max = opts.maxPolicies ?? 1 << 20;
  if (count > max)
    throw new UserError(
      `there are ${count} deterministic history policies; the limit is ${max} (maxPolicies)`,
      'pareto',
    );
  const policy = emptyPolicy(S, A, H, Number.POSITIVE_INFINITY);
  const slots: { t: number; c: number }[] = [];
  decisionSlots(p).forEach((codes, t) => {
    for (const c of codes) {
      policy.decisions[t][c] = 0;
      slots.push({ t, c });
    }
  });
  let visited = 0;
  for (;;) {
    visited++;
    const own = policyReport(p, policy, { trusted: true }).own;
    if (visit(policy, own) === false) return visited;
    let k = 0;
    while (k < slots.length) {
      const d = policy.decisions[slots[k].t];
      if (d[slots[k].c] + 1 < A) {
        d[slots[k].c]++;
        break;
      }
      d[slots[k].c] = 0;
      k++;
    }
    if (k === slots.length) return visited;
  }
}

function copyPolicy(x: HistoryPolicy): HistoryPolicy {
  return { S: x.S, A: x.A, horizon: x.horizon, decisions: x.decisions.map((d) => d.slice()) };
}

/**
 * The first enumerated deterministic policy whose own-belief utilities Pareto-dominate `own`, or
 * null when none does (then `own` is undominated among all deterministic history policies).
 */
export function findDominating(
  p: NrlProblem,
  own: ArrayLike<number>,
  opts: { maxPolicies?: number; tolerance?: number } = {},
): { policy: HistoryPolicy; own: Float64Array } | null {
  let found: { policy: HistoryPolicy; own: Float64Array } | null = null;
  forEachPolicy(
    p,
    (policy, values) => {
      if (dominates(values, own, { tol: opts.tolerance ?? 1e-9 })) {
        found = { policy: copyPolicy(policy), own: values.slice() };
        return false;
      }
      return true;
    },
    opts,
  );
  return found;
}
