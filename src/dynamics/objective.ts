/**
 * Per-step objectives: what an agent maximizes, summed over the horizon. Agents differ only in
 * their objective (and how far they look ahead); every solver takes any objective.
 *
 * - `approvalObjective` (boundary/approval): H's approval of the action, computed with H's internal
 *   state at that step — so if A's actions shift H's attention towards parts whose reward A can
 *   easily deliver, the approval A collects rises.
 * - `originalWelfareObjective` (parts/original): the original parts' welfare with the weights they
 *   had at t = 0, Σ_i w_i(0) · r̂_i(s, a), r̂ the reward min–max normalized over all (s, a). It does
 *   not read H's internal state, so reshaping H never pays under it.
 */
import { totalVariation } from '../core/distance.js';
import type { DynamicsModel } from './model.js';
import { decodeLevels, sharesAt } from './space.js';

export interface Objective {
  readonly name: string;
  /** The reward of action a at step t in world state s with internal state `code` (space.ts). */
  reward(t: number, s: number, code: number, a: number): number;
  /** Fills out[a] = reward(t, s, code, a) for every action (the solvers' fast path). */
  rewards(t: number, s: number, code: number, out: Float64Array): void;
  /** True when the reward does not depend on t. */
  readonly stationary: boolean;
}

/** An objective from a plain reward function (rewards() calls it once per action). */
export function objectiveOf(
  name: string,
  reward: (t: number, s: number, code: number, a: number) => number,
  stationary = false,
): Objective {
  return {
    name,
    reward,
    rewards(t, s, code, out) {
      for (let a = 0; a < out.length; a++) out[a] = reward(t, s, code, a);
    },
    stationary,
  };
}

export function approvalObjective(model: DynamicsModel): Objective {
  return {
    name: 'approval',
    reward: (_t, s, code, a) => model.approval(s, code)[a],
    rewards(_t, s, code, out) {
      out.set(model.approval(s, code));
    },
    stationary: true,
  };
}

/** Σ_i w_i(0) · r̂_i(s, a) as an S×A table. */
export function originalWelfareTable(model: DynamicsModel): Float64Array {
  const { S, A, n } = model;
  const out = new Float64Array(S * A);
  for (let i = 0; i < n; i++) {
    const w = model.initialShares[i];
    const r = model.welfare[i];
    for (let k = 0; k < S * A; k++) out[k] += w * r[k];
  }
  return out;
}

export function originalWelfareObjective(model: DynamicsModel): Objective {
  const table = originalWelfareTable(model);
  const A = model.A;
  return {
    name: 'original welfare',
    reward: (_t, s, _code, a) => table[s * A + a],
    rewards(_t, s, _code, out) {
      out.set(table.subarray(s * A, (s + 1) * A));
    },
    stationary: true,
  };
}

/** 1 when A takes one of `actions` (e.g. the nudges), else 0: its total is how often A takes them. */
export function actionCountObjective(
  model: DynamicsModel,
  actions: readonly number[],
  name = 'count',
): Objective {
  const hit = new Float64Array(model.A);
  for (const a of actions) hit[a] = 1;
  return {
    name,
    reward: (_t, _s, _code, a) => hit[a],
    rewards(_t, _s, _code, out) {
      out.set(hit);
    },
    stationary: true,
  };
}

/** H's drift at each step: the total-variation distance of its shares from those at t = 0. */
export function driftObjective(model: DynamicsModel): Objective {
  const lv = new Int32Array(model.n);
  const w = new Float64Array(model.n);
  const cache = new Map<number, number>();
  const drift = (code: number) => {
    let d = cache.get(code);
    if (d === undefined) {
      sharesAt(model.principal, decodeLevels(model.space, code, lv), w);
      d = totalVariation(w, model.initialShares);
      cache.set(code, d);
    }
    return d;
  };
  return {
    name: 'drift',
    reward: (_t, _s, code) => drift(code),
    rewards(_t, _s, code, out) {
      out.fill(drift(code));
    },
    stationary: true,
  };
}
