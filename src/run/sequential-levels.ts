/**
 * A sequential H that is a hierarchy, evaluated at every level. The agents act on H as a whole
 * (its approval, its leaves); then each nested principal (a team inside the company) is asked
 * about the trajectory each agent produced: how much it approved of A's actions along the way
 * (with its weights at each step, as A may have reshaped them), how each of its own parts fared
 * (a leaf by its normalized reward, a nested principal by its members' welfare with their t = 0
 * shares), and which of the agents' trajectories its own Σ — with its weights as they were at
 * t = 0 — prefers. Where that differs from what the top approves of most, the levels disagree.
 *
 * Numbers are expected totals over the horizon, exact where the agent has a plan (as the top's
 * are) and by the same seeded rollouts otherwise, plus the recorded run's totals. A flat H has no
 * levels and none of this runs, so its results are exactly the flat ones.
 */
import { UserError } from '../core/errors.js';
import type { SeqNested } from '../core/sequential.js';
import type { DynamicsModel } from '../dynamics/model.js';
import {
  isNested,
  memberWeights,
  type NestedLevel,
  nestedApproval,
  nestedLevels,
  rootOf,
} from '../dynamics/nesting.js';
import type { Objective } from '../dynamics/objective.js';
import type { StepRecord } from '../dynamics/recorder.js';
import { decodeLevels, encodeLevels } from '../dynamics/space.js';
import { applySigma, sigmaCall } from '../sigma/apply-utilities.js';

/** What one nested principal says about one agent's trajectory. */
export interface AgentLevel {
  /** Part names from H down, joined with "/" (e.g. company/engineering). */
  path: string;
  /** 1 = a part of H, 2 = a part of a part, … */
  depth: number;
  /** Expected Σ_t of this level's approval of A's action, with its weights at each step. */
  approval: number;
  /** Expected Σ_t Σ_k w_k(0) · welfare_k: its parts as they were at t = 0. */
  original_welfare: number;
  /** Each of its parts' expected welfare over the horizon (a nested part: its original welfare). */
  welfare: Record<string, number>;
  /** Its part with the lowest welfare; null when all fare the same. */
  worst_off: string | null;
  /** The same over the recorded run. */
  recorded?: { approval: number; original_welfare: number; welfare: Record<string, number> };
  /** The agents whose trajectories this level's Σ (t = 0 weights, its parts' welfare) prefers. */
  prefers: string[];
  /** Whether this agent's trajectory is among them. */
  preferred: boolean;
}

/** One level's verdict over the agents run (H itself first, path ""). */
export interface LevelVerdict {
  path: string;
  depth: number;
  sigma: string;
  /** The agents whose trajectories its Σ prefers (t = 0 weights, its parts' expected welfare). */
  prefers: string[];
  /** The agents that collected the most of its approval (within 1e-9). */
  approves_most: string[];
  /** Why its Σ gave no verdict (a rule that refuses this many agents); prefers is then empty. */
  error?: string;
}

/** The levels of H with H itself as the root (depth 0, path ""). */
function allLevels(model: DynamicsModel): NestedLevel[] {
  return [
    { path: '', depth: 0, node: rootOf(model.principal, model.reading) },
    ...nestedLevels(model.principal),
  ];
}

/** What the runner asks of every agent: each leaf's welfare and each nested level's approval. */
export interface LevelProbe {
  readonly objectives: readonly Objective[];
  /** Each leaf's expected welfare, from the expected totals (by objective name). */
  leafWelfare(extra: Readonly<Record<string, number>>): number[];
  /** The levels' entries for one agent from its expected totals (by objective name) and recorded rows. */
  entries(extra: Readonly<Record<string, number>>, rows?: readonly StepRecord[]): AgentLevel[];
}

/** A nested principal's original welfare: Σ_k share_k(0) · welfare_k over its members. */
function levelWelfare(model: DynamicsModel, node: SeqNested, leaf: ArrayLike<number>): number {
  const w = memberWeights(model.principal, node, model.initialLevels);
  let total = 0;
  for (const x of w) total += x;
  let out = 0;
  node.parts.forEach((x, k) => {
    out += (total > 0 ? w[k] / total : 0) * (isNested(x) ? levelWelfare(model, x, leaf) : leaf[x.leaf]);
  });
  return out;
}

const welfareName = (leaf: string) => `level welfare:${leaf}`;
const approvalName = (path: string) => `level approval:${path}`;

export function levelProbe(model: DynamicsModel): LevelProbe {
  const h = model.principal;
  const { A } = model;
  const rewards = { raw: h.parts.map((p) => p.reward), normalized: model.welfare };
  const levels = nestedLevels(h);
  const lv = new Int32Array(model.space.n);
  /** A level's approval of every action at (s, code), cached. */
  const approvalAt = levels.map((l) => {
    const cache = new Map<number, Float64Array>();
    return (s: number, code: number): Float64Array => {
      const key = s * model.space.codes + code;
      let row = cache.get(key);
      if (!row) {
        row = nestedApproval(
          h,
          l.node,
          rewards,
          A,
          s,
          decodeLevels(model.space, code, lv),
          new Float64Array(A),
        );
        cache.set(key, row);
      }
      return row;
    };
  });
  const objectives: Objective[] = [
    ...h.parts.map(
      (p, i): Objective => ({
        name: welfareName(p.name),
        reward: (_t, s, _code, a) => model.welfare[i][s * A + a],
        rewards(_t, s, _code, out) {
          out.set(model.welfare[i].subarray(s * A, (s + 1) * A));
        },
        stationary: true,
      }),
    ),
    ...levels.map(
      (l, k): Objective => ({
        name: approvalName(l.path),
        reward: (_t, s, code, a) => approvalAt[k](s, code)[a],
        rewards(_t, s, code, out) {
          out.set(approvalAt[k](s, code));
        },
        stationary: true,
      }),
    ),
  ];
  const summarize = (l: NestedLevel, leaf: ArrayLike<number>) => {
    const welfare = l.node.parts.map((x) => (isNested(x) ? levelWelfare(model, x, leaf) : leaf[x.leaf]));
    return {
      original_welfare: levelWelfare(model, l.node, leaf),
      welfare: Object.fromEntries(l.node.parts.map((x, k) => [x.name, welfare[k]])),
      values: welfare,
    };
  };
  return {
    objectives,
    leafWelfare: (extra) => h.parts.map((p) => extra[welfareName(p.name)]),
    entries(extra, rows) {
      const leaf = h.parts.map((p) => extra[welfareName(p.name)]);
      let recordedLeaf: Float64Array | undefined;
      let recordedApproval: Float64Array | undefined;
      if (rows) {
        recordedLeaf = new Float64Array(h.parts.length);
        recordedApproval = new Float64Array(levels.length);
        for (const r of rows) {
          for (let i = 0; i < recordedLeaf.length; i++) recordedLeaf[i] += r.welfare[i];
          const code = encodeLevels(model.space, r.levels);
          levels.forEach((_, k) => {
            recordedApproval![k] += approvalAt[k](r.state, code)[r.action];
          });
        }
      }
      return levels.map((l, k): AgentLevel => {
        const e = summarize(l, leaf);
        const lo = Math.min(...e.values);
        const hi = Math.max(...e.values);
        const rec = recordedLeaf ? summarize(l, recordedLeaf) : undefined;
        return {
          path: l.path,
          depth: l.depth,
          approval: extra[approvalName(l.path)],
          original_welfare: e.original_welfare,
          welfare: e.welfare,
          worst_off: hi - lo <= 1e-12 ? null : l.node.parts[e.values.indexOf(lo)].name,
          ...(rec
            ? {
                recorded: {
                  approval: recordedApproval![k],
                  original_welfare: rec.original_welfare,
                  welfare: rec.welfare,
                },
              }
            : {}),
          prefers: [],
          preferred: false,
        };
      });
    },
  };
}

/** An agent as the verdicts see it: its label, its levels, and the top's expected totals. */
export interface VerdictInput {
  readonly label: string;
  readonly approval?: number;
  readonly leafWelfare?: ArrayLike<number>;
  levels?: AgentLevel[];
}

/**
 * Each level's verdict over the agents that ran (errors left out): the agents its own Σ prefers,
 * reading its parts' expected welfare under each agent with its t = 0 weights, and the agents that
 * collected most of its approval. Fills each agent's `prefers` and `preferred` too.
 */
export function levelVerdicts(model: DynamicsModel, agents: readonly VerdictInput[]): LevelVerdict[] {
  const ran = agents.filter((a) => a.levels && a.leafWelfare && a.approval !== undefined);
  const K = ran.length;
  if (K === 0) return [];
  return allLevels(model).map((l, j) => {
    const m = l.node.parts.length;
    const u = new Float64Array(m * K);
    // Welfare to 12 significant digits: trajectories that differ only by rounding tie.
    ran.forEach((a, c) => {
      l.node.parts.forEach((x, k) => {
        const v = isNested(x) ? levelWelfare(model, x, a.leafWelfare!) : a.leafWelfare![x.leaf];
        u[k * K + c] = Number(v.toPrecision(12));
      });
    });
    const weights = memberWeights(model.principal, l.node, model.initialLevels);
    let prefers: string[] = [];
    let error: string | undefined;
    try {
      const r = applySigma(sigmaCall(l.node.sigma.rule, l.node.sigma.options), {
        parts: m,
        actions: K,
        u,
        weights,
      });
      prefers = r.winners.map((c) => ran[c].label);
    } catch (e) {
      // A rule that refuses these candidates gives no verdict; the other levels still do.
      if (!(e instanceof UserError)) throw e;
      error = e.message;
    }
    const approvals = ran.map((a) => (j === 0 ? a.approval! : a.levels![j - 1].approval));
    const top = Math.max(...approvals);
    const approvesMost = ran
      .filter((_, c) => approvals[c] >= top - 1e-9 * Math.max(1, Math.abs(top)))
      .map((a) => a.label);
    if (j > 0)
      for (const a of ran) {
        const e = a.levels![j - 1];
        e.prefers = prefers;
        e.preferred = prefers.includes(a.label);
      }
    return {
      path: l.path,
      depth: l.depth,
      sigma: l.node.sigma.rule,
      prefers,
      approves_most: approvesMost,
      ...(error !== undefined ? { error } : {}),
    };
  });
}
