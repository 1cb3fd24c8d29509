/**
 * The context every reading works from: H's parts seen three ways (own beliefs, shared world
 * model, true world model), H's own behaviour B(H) under its bounds, and H's approval of each
 * action. Built once per scenario; readings only read it.
 *
 * A nested principal that has no explicit utility is seen by its parent through its own Σ: its
 * "utility" for an action is how much its Σ approves of it (approvalOf, in [0, 1]), computed from
 * its own parts the same way, recursively.
 */
import { type Principal, withWeights } from '../core/model.js';
import { partBeliefs, partUtility } from '../core/hierarchy.js';
import { Random } from '../core/random.js';
import { type UtilityProblem, utilityBounds } from '../core/utility.js';
import { expectedUtility, type WorldModel } from '../core/world.js';
import type { Scenario } from '../core/scenario.js';
import type { RuleResult } from '../sigma/types.js';
import { applySigma, approvalOf, sigmaCall } from '../sigma/apply-utilities.js';
import { LINEAR_RULES, linearNoiseBehaviour } from './noisy-linear.js';
import type { AlignContext, Behaviour } from './types.js';

/** Whose world model evaluates the actions. */
export type View = 'own' | 'shared' | 'truth';

/**
 * The parts × actions utility problem of principal `h` under a view. `shared` is the world model
 * every part uses under the shared view: H's own, passed down to nested teams unchanged.
 */
export function viewProblem(
  h: Principal,
  view: View,
  truth: WorldModel,
  shared: WorldModel = h.world,
): UtilityProblem {
  const A = h.actions.length;
  const n = h.parts.length;
  const u = new Float64Array(n * A);
  h.parts.forEach((part, i) => {
    const row = u.subarray(i * A, (i + 1) * A);
    if (part.principal && !part.utility) {
      const sub = part.principal;
      const r = applySigma(
        sigmaCall(sub.sigma.rule, sub.sigma.options),
        viewProblem(sub, view, truth, shared),
      );
      row.set(approvalOf(r, A));
    } else {
      const world = view === 'own' ? partBeliefs(h, i) : view === 'shared' ? shared : truth;
      expectedUtility(world, partUtility(part), row);
    }
  });
  return { parts: n, actions: A, u, weights: Float64Array.from(h.state.weights) };
}

/** A stable 32-bit hash of a label, so sub-streams are named rather than numbered. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The per-part utility range (max − min over actions), the unit of H's noise. */
function ranges(p: UtilityProblem): Float64Array {
  const { lo, hi } = utilityBounds(p);
  return hi.map((h, i) => h - lo[i]);
}

/**
 * B(H) and H's approval. Without noise: Σ on the parts' own-belief utilities (a tie set becomes a
 * uniform lottery). With noise σ: H sees each utility with Gaussian noise of σ × that part's range;
 * through a linear Σ (weighted utilitarian) B(H) and approval are then computed exactly
 * (noisy-linear.ts); through any other Σ, B(H) is the distribution of Σ's choice over `samples`
 * seeded draws, and approval is the mean approval over the same draws.
 */
export function behaviourOf(
  h: Principal,
  own: UtilityProblem,
  bounds: Scenario['bounds'],
  rng: Random,
): { behaviour: Behaviour; approval: Float64Array } {
  const sigma = sigmaCall(h.sigma.rule, h.sigma.options);
  const A = own.actions;
  const exact = applySigma(sigma, own);
  const unbounded = [...exact.winners];
  const lottery = new Float64Array(A);
  let approval: Float64Array;
  // A rule that returns a lottery (random dictatorship, Nash over lotteries) is H's behaviour as it
  // stands; otherwise H picks uniformly among Σ's tied winners.
  const addChoice = (r: RuleResult, share: number) => {
    if (r.lottery) for (let a = 0; a < A; a++) lottery[a] += share * r.lottery[a];
    else for (const a of r.winners) lottery[a] += share / r.winners.length;
  };
  // Gaussian noise through a linear Σ has B(H) and approval in closed form (noisy-linear.ts);
  // undefined there means the noise reaches no part with weight: H is noiseless.
  const closedForm =
    bounds.noise > 0 && LINEAR_RULES.has(sigma.rule.name) && Object.keys(sigma.options).length === 0;
  const linear = closedForm ? linearNoiseBehaviour(own, bounds.noise, ranges(own)) : undefined;
  if (linear) {
    lottery.set(linear.lottery);
    approval = linear.approval;
  } else if (!(bounds.noise > 0) || closedForm) {
    addChoice(exact, 1);
    approval = approvalOf(exact, A);
  } else {
    approval = new Float64Array(A);
    const range = ranges(own);
    const u = new Float64Array(own.u.length);
    for (let s = 0; s < bounds.samples; s++) {
      for (let i = 0; i < own.parts; i++)
        for (let a = 0; a < A; a++) {
          const k = i * A + a;
          u[k] = own.u[k] + bounds.noise * range[i] * rng.normal();
        }
      const r = applySigma(sigma, { ...own, u });
      addChoice(r, 1 / bounds.samples);
      const ap = approvalOf(r, A);
      for (let a = 0; a < A; a++) approval[a] += ap[a] / bounds.samples;
    }
  }
  const top = Math.max(...lottery);
  const modes: number[] = [];
  for (let a = 0; a < A; a++) if (lottery[a] >= top - 1e-12) modes.push(a);
  return { behaviour: { lottery, modes, unbounded }, approval };
}

/**
 * How many part-utilities B(H) draws: under noise through a Σ with no closed form, samples ×
 * parts × actions (one noisy problem per sample); otherwise the parts × actions once. What
 * reading H again costs (steerability reads it once per part).
 */
export function behaviourWork(h: Principal, bounds: Scenario['bounds']): number {
  const size = h.parts.length * h.actions.length;
  const sigma = sigmaCall(h.sigma.rule, h.sigma.options);
  const closedForm = LINEAR_RULES.has(sigma.rule.name) && Object.keys(sigma.options).length === 0;
  return bounds.noise > 0 && !closedForm ? bounds.samples * size : size;
}

/** What the caller of a context reads of the readings (AlignContext's `quiet`). */
export interface ContextFlags {
  readonly quiet?: boolean;
}

export function buildContext(scenario: Scenario, flags: ContextFlags = {}): AlignContext {
  const h = scenario.principal;
  const own = viewProblem(h, 'own', scenario.truth);
  const shared = viewProblem(h, 'shared', scenario.truth);
  const truth = viewProblem(h, 'truth', scenario.truth);
  const ctx = assemble(scenario, own, shared, truth, flags);
  // B(H) now: a Σ that refuses the problem fails the whole run here, not each reading.
  void ctx.behaviour;
  return ctx;
}

/**
 * The context of the same scenario with H's top-level weights replaced: what `buildContext` gives
 * for `withWeights(principal, weights)`, without recomputing the parts' utilities (weights change
 * none of them, nested teams' included). B(H) and H's approval are computed on first read, so a
 * reading that never reads them does not pay for them. `quiet` marks a context whose caller does
 * not read the notes or details (steerability): readings may leave out the work that feeds them.
 */
export function reweightContext(
  ctx: AlignContext,
  weights: ArrayLike<number>,
  flags: ContextFlags = {},
): AlignContext {
  const principal = withWeights(ctx.h, weights);
  const w = principal.state.weights;
  const re = (p: UtilityProblem): UtilityProblem => ({ ...p, weights: Float64Array.from(w) });
  return assemble({ ...ctx.scenario, principal }, re(ctx.own), re(ctx.shared), re(ctx.truth), flags);
}

function assemble(
  scenario: Scenario,
  own: UtilityProblem,
  shared: UtilityProblem,
  truth: UtilityProblem,
  flags: ContextFlags,
): AlignContext {
  const h = scenario.principal;
  const rng = (label: string) => new Random([scenario.seed, hashLabel(label)]);
  let bh: ReturnType<typeof behaviourOf> | undefined;
  const bOf = () => {
    bh ??= behaviourOf(h, own, scenario.bounds, rng('behaviour'));
    return bh;
  };
  return {
    scenario,
    h,
    actions: h.actions,
    parts: h.parts.map((p) => p.name),
    own,
    shared,
    truth,
    get behaviour() {
      return bOf().behaviour;
    },
    get approval() {
      return bOf().approval;
    },
    rng,
    ...(flags.quiet ? { quiet: true } : {}),
  };
}
