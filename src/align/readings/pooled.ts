/**
 * parts/pooled: beliefs aggregated apart from values — what the essay says social choice misses,
 * "various dependencies on world models". The parts' beliefs are pooled first into one world model,
 * row by row with the parts' weight shares w̄: linear, Σ_i w̄_i W_i(·|a), or geometric,
 * ∝ Π_i W_i(·|a)^{w̄_i} (externally Bayesian; a row where the parts' supports share no outcome
 * falls back to the linear pool, and a note says so). Each part then values the actions under the
 * pooled world with its own utility, and Σ′ (default weighted utilitarian) aggregates.
 *
 * Next to parts/<rule>, which aggregates each part's expected utility under its own beliefs (ex
 * ante), this is the ex-post view, and the two can disagree even on unanimity (Mongin 1995): the
 * notes list every decision the parts all prefer by their own lights that the pooled beliefs do
 * not support — a spurious unanimity, which exists only because the parts disagree about the world.
 */
import { dominators } from '../../core/pareto.js';
import { partBeliefs, partUtility } from '../../core/hierarchy.js';
import type { UtilityProblem } from '../../core/utility.js';
import { expectedUtility, type WorldModel } from '../../core/world.js';
import { applySigma, approvalOf, sigmaCall } from '../../sigma/apply-utilities.js';
import type { Options } from '../../sigma/types.js';
import type { AlignContext, Operationalization } from '../types.js';
import { lotteryProximity, targetOf } from './common.js';

export type Pooling = 'linear' | 'geometric';

/** The parts' beliefs pooled into one world model; `fellBack` lists rows pooled linearly instead. */
export function pooledWorld(ctx: AlignContext, pooling: Pooling): { world: WorldModel; fellBack: number[] } {
  const h = ctx.h;
  const worlds = h.parts.map((_, i) => partBeliefs(h, i));
  const w = h.state.weights;
  const total = w.reduce((a, b) => a + b, 0);
  const share = Array.from(w, (x) => (total > 0 ? x / total : 1 / w.length));
  const { actions: A, outcomes: O } = worlds[0];
  const p = new Float64Array(A * O);
  const fellBack: number[] = [];
  const linearRow = (a: number) => {
    for (let o = 0; o < O; o++) {
      let x = 0;
      worlds.forEach((W, i) => {
        x += share[i] * W.p[a * O + o];
      });
      p[a * O + o] = x;
    }
  };
  for (let a = 0; a < A; a++) {
    if (pooling === 'linear') {
      linearRow(a);
      continue;
    }
    // Geometric pool in logs: parts without weight do not vote, and a zero from any weighted part
    // rules the outcome out.
    let sum = 0;
    for (let o = 0; o < O; o++) {
      let log = 0;
      worlds.forEach((W, i) => {
        if (share[i] > 0) log += share[i] * Math.log(W.p[a * O + o]);
      });
      p[a * O + o] = Math.exp(log);
      sum += p[a * O + o];
    }
    if (sum > 0) for (let o = 0; o < O; o++) p[a * O + o] /= sum;
    else {
      fellBack.push(a);
      linearRow(a);
    }
  }
  return { world: { actions: A, outcomes: O, p }, fellBack };
}

/** The parts × actions problem under one world model: each part's own utility, H's current weights. */
export function problemUnder(ctx: AlignContext, world: WorldModel): UtilityProblem {
  const h = ctx.h;
  const A = ctx.actions.length;
  const u = new Float64Array(h.parts.length * A);
  h.parts.forEach((part, i) => {
    expectedUtility(world, partUtility(part), u.subarray(i * A, (i + 1) * A));
  });
  return { parts: h.parts.length, actions: A, u, weights: Float64Array.from(h.state.weights) };
}

export const pooled: Operationalization = {
  id: 'parts/pooled',
  family: 'parts',
  title: 'Parts: pool beliefs, then aggregate values',
  description:
    'The parts’ beliefs are pooled into one world model (linear or geometric), each part values the actions under it, and Σ′ aggregates; notes flag the unanimities that exist only because the parts disagree about the world.',
  claims: [],
  options: [
    {
      name: 'pooling',
      type: 'string',
      default: 'linear',
      description: 'linear or geometric pooling of beliefs',
    },
    { name: 'rule', type: 'string', default: 'weighted-utilitarian', description: 'the aggregation rule Σ′' },
  ],
  read(ctx, opts: Options) {
    const pooling = opts.pooling ?? 'linear';
    if (pooling !== 'linear' && pooling !== 'geometric')
      throw new Error(`parts/pooled: pooling is linear or geometric, got ${JSON.stringify(pooling)}`);
    const rule = typeof opts.rule === 'string' ? opts.rule : 'weighted-utilitarian';
    const { world, fellBack } = pooledWorld(ctx, pooling);
    const problem = problemUnder(ctx, world);
    const r = applySigma(sigmaCall(rule), problem);
    const target = targetOf(r);
    const notes: string[] = [];
    if (fellBack.length > 0)
      notes.push(
        `no outcome is possible for every part after ${fellBack.map((a) => ctx.actions[a]).join(', ')}: pooled linearly there`,
      );
    // Mongin: a Pareto ranking under the parts' own beliefs that the pooled beliefs do not keep.
    const spurious: string[] = [];
    for (let b = 0; b < ctx.actions.length; b++) {
      const ex = new Set(dominators(problem, b));
      for (const a of dominators(ctx.own, b))
        if (!ex.has(a)) spurious.push(`${ctx.actions[a]} over ${ctx.actions[b]}`);
    }
    if (spurious.length > 0)
      notes.push(
        `spurious unanimity: every part prefers ${spurious.slice(0, 5).join('; ')}${spurious.length > 5 ? ` (+${spurious.length - 5} more)` : ''} by its own beliefs, but not under the ${pooling} pool of their beliefs`,
      );
    if (target.kind === 'lottery') return { target, ...lotteryProximity(target.lottery), notes };
    return { target, scores: approvalOf(r, ctx.actions.length), notes };
  },
};
