/**
 * The core model of a principal H that is not self-aligned (the essay's toy model):
 *
 * - a set of **parts** p_1..p_n, each with a utility over outcomes, an influence weight, and
 *   optionally its own beliefs W_i (else the shared world model);
 * - a **shared world model** W (actions × outcomes, row-stochastic; see world.ts);
 * - an **aggregation mechanism Σ**, named by a rule and its options (the rules live in src/sigma);
 * - **internal state**: the current weights of the parts.
 *
 * A part may itself be a principal with its own parts, world model and Σ (a company made of teams
 * made of people): hierarchy is first class, and cycles are refused.
 *
 * Representation. Everything is plain, immutable-by-convention data: names are string arrays,
 * everything numeric is a Float64Array, and actions, outcomes and parts are referred to by index.
 * Parts × actions matrices are row-major (`m[i*actions + a]`), the layout `UtilityProblem` and
 * the Σ rules read. Functions never mutate their inputs; "changing" a principal (new weights after
 * a step of the dynamics) builds a new one that shares everything else (`withWeights`).
 *
 * Weights. `Part.weight` is the weight the part was declared with. The principal's *current*
 * weights are `state.weights` (initially the declared ones); Σ, flattening and `problemFromPrincipal`
 * read the state. Dynamics replace the state and never touch the parts, so the declared weights
 * stay available to measure drift.
 *
 * Hierarchy conventions.
 * - A nested principal shares its parent's outcomes and actions (same names, same order; omitted
 *   fields are inherited when building from a spec). Its world model is *its* shared belief: when
 *   omitted it is the parent's. At the parent's level the nested part's own beliefs are the nested
 *   principal's world model (so a nested part has no separate `beliefs` field).
 * - Flattening, a part's utility and beliefs at its parent's level, and the parts × actions
 *   problems Σ reads are in hierarchy.ts.
 */
import { UserError } from './errors.js';
import { type WorldModel, validateWorld, worldModel } from './world.js';

export type { WorldModel } from './world.js';

/** Options of a Σ rule, as the sigma registry takes them. */
export type SigmaOptions = Readonly<Record<string, number | string | boolean | readonly number[]>>;

/** Which aggregation mechanism Σ a principal uses: a rule name (or alias) from the sigma registry and its options. */
export interface SigmaSpec {
  readonly rule: string;
  readonly options: SigmaOptions;
}

/** The default Σ when a spec names none. */
export const DEFAULT_SIGMA: SigmaSpec = { rule: 'weighted-utilitarian', options: {} };

export interface Part {
  /** Name, unique among its principal's parts. */
  readonly name: string;
  /**
   * Utility of each outcome (length = number of outcomes). Required for a leaf; optional for a
   * nested principal (read it through `partUtility`, which derives it when absent).
   */
  readonly utility?: Float64Array;
  /** The weight the part was declared with (≥ 0). Current weights live in `Principal.state`. */
  readonly weight: number;
  /** The part's own world model W_i (actions × outcomes); absent = the principal's shared one. */
  readonly beliefs?: WorldModel;
  /** When present, the part is itself a principal. */
  readonly principal?: Principal;
}

/** What changes inside H over time. */
export interface PrincipalState {
  /** Current weight of each part (≥ 0, at least one positive). */
  readonly weights: Float64Array;
}

export interface Principal {
  readonly name: string;
  readonly outcomes: readonly string[];
  readonly actions: readonly string[];
  /** The shared world model (actions × outcomes). */
  readonly world: WorldModel;
  readonly parts: readonly Part[];
  readonly sigma: SigmaSpec;
  readonly state: PrincipalState;
}

/** A world model given as rows (one per action, one probability per outcome) or already built. */
export type WorldInput = WorldModel | readonly (readonly number[])[];

/** A part as a user writes it (see `makePrincipal`). */
export interface PartSpec {
  readonly name: string;
  readonly utility?: readonly number[] | Float64Array;
  /** Default 1. */
  readonly weight?: number;
  readonly beliefs?: WorldInput;
  readonly principal?: PrincipalSpec | Principal;
}

/** A principal as a user writes it (see `makePrincipal`). */
export interface PrincipalSpec {
  /** Default "H" at the top, the part's name when nested. */
  readonly name?: string;
  /** Required at the top; a nested principal inherits its parent's. */
  readonly outcomes?: readonly string[];
  /** Default: the outcomes (or, nested, the parent's actions). */
  readonly actions?: readonly string[];
  /**
   * Default: each action leads for sure to the outcome of the same name (the identity when the
   * actions are the outcomes); nested principals inherit their parent's world model.
   */
  readonly world?: WorldInput;
  readonly parts: readonly PartSpec[];
  /** Default: weighted utilitarian. */
  readonly sigma?: { readonly rule: string; readonly options?: SigmaOptions };
  /** Initial state; default: the parts' declared weights. */
  readonly weights?: readonly number[] | Float64Array;
}

function at(where: string, field: string): string {
  return where ? `${where}.${field}` : field;
}

function isWorldModel(x: unknown): x is WorldModel {
  return typeof x === 'object' && x !== null && (x as WorldModel).p instanceof Float64Array;
}

function isPrincipal(x: unknown): x is Principal {
  return (
    typeof x === 'object' &&
    x !== null &&
    'state' in x &&
    isWorldModel((x as Principal).world) &&
    Array.isArray((x as Principal).parts)
  );
}

function checkNames(names: unknown, what: string, where: string): readonly string[] {
  if (!Array.isArray(names)) throw new UserError(`expected an array of ${what} names`, where);
  if (names.length < 1) throw new UserError(`expected at least one ${what}`, where);
  const seen = new Set<string>();
  names.forEach((n, k) => {
    if (typeof n !== 'string' || n.length === 0)
      throw new UserError(`expected a non-empty name, got ${JSON.stringify(n)}`, `${where}[${k}]`);
    if (seen.has(n))
      throw new UserError(`${what} ${JSON.stringify(n)} appears more than once`, `${where}[${k}]`);
    seen.add(n);
  });
  return names as string[];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

function toWorld(x: WorldInput, actions: readonly string[], outcomes: number, where: string): WorldModel {
  if (isWorldModel(x))
    return validateWorld(x, { where, actions: actions.length, outcomes, actionNames: actions });
  return worldModel(x, { outcomes, actionNames: actions, where });
}

/** The world model in which each action leads for sure to the outcome of the same name. */
function namedIdentity(actions: readonly string[], outcomes: readonly string[], where: string): WorldModel {
  const O = outcomes.length;
  const p = new Float64Array(actions.length * O);
  actions.forEach((a, k) => {
    const o = outcomes.indexOf(a);
    if (o < 0)
      throw new UserError(
        `action ${JSON.stringify(a)} is not an outcome, so a world model (one row of outcome probabilities per action) is required`,
        at(where, 'world'),
      );
    p[k * O + o] = 1;
  });
  return { actions: actions.length, outcomes: O, p };
}

function checkUtility(x: unknown, outcomes: number, where: string): Float64Array {
  if (!(Array.isArray(x) || x instanceof Float64Array))
    throw new UserError(`expected an array of ${outcomes} numbers (one per outcome)`, where);
  if (x.length !== outcomes)
    throw new UserError(`expected ${outcomes} numbers (one per outcome), got ${x.length}`, where);
  const u = Float64Array.from(x as ArrayLike<number>);
  for (let o = 0; o < outcomes; o++)
    if (!Number.isFinite(u[o]))
      throw new UserError(
        `expected a finite number, got ${JSON.stringify((x as ArrayLike<unknown>)[o])}`,
        `${where}[${o}]`,
      );
  return u;
}

function checkWeights(x: unknown, n: number, where: string): Float64Array {
  if (!(Array.isArray(x) || x instanceof Float64Array))
    throw new UserError(`expected an array of ${n} weights (one per part)`, where);
  if (x.length !== n) throw new UserError(`expected ${n} weights (one per part), got ${x.length}`, where);
  const w = Float64Array.from(x as ArrayLike<number>);
  let positive = false;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(w[i]) && w[i] >= 0))
      throw new UserError(
        `expected a non-negative weight, got ${JSON.stringify((x as ArrayLike<unknown>)[i])}`,
        `${where}[${i}]`,
      );
    if (w[i] > 0) positive = true;
  }
  if (!positive) throw new UserError('expected at least one positive weight', where);
  return w;
}

interface Inherited {
  readonly outcomes: readonly string[];
  readonly actions: readonly string[];
  readonly world: WorldModel;
  readonly name: string;
}

/**
 * Builds and validates a principal from a plain spec (what a scenario file holds). Errors are
 * UserErrors that name the field, e.g. `parts[2].utility: expected 5 numbers (one per outcome), got 4`
 * or `parts[0].principal.world[1]: row for action "b" sums to 0.9, expected 1`. A spec that
 * contains itself (directly or through nested parts) is refused.
 */
export function makePrincipal(spec: PrincipalSpec, where = ''): Principal {
  return build(spec, where, undefined, new Set());
}

function build(
  spec: PrincipalSpec,
  where: string,
  parent: Inherited | undefined,
  stack: Set<object>,
): Principal {
  if (typeof spec !== 'object' || spec === null)
    throw new UserError('expected a principal (an object)', where || 'principal');
  if (stack.has(spec)) throw new UserError('cycle: this principal contains itself', where || 'principal');
  stack.add(spec);
  try {
    const name = spec.name ?? parent?.name ?? 'H';
    if (typeof name !== 'string' || name.length === 0)
      throw new UserError(`expected a non-empty name, got ${JSON.stringify(name)}`, at(where, 'name'));
    if (spec.outcomes === undefined && !parent)
      throw new UserError('expected a list of outcome names', at(where, 'outcomes'));
    const outcomes =
      spec.outcomes === undefined
        ? parent!.outcomes
        : checkNames(spec.outcomes, 'outcome', at(where, 'outcomes'));
    if (parent && !sameNames(outcomes, parent.outcomes))
      throw new UserError(
        `a nested principal must have its parent's outcomes ${JSON.stringify(parent.outcomes)}`,
        at(where, 'outcomes'),
      );
    const actions =
      spec.actions !== undefined
        ? checkNames(spec.actions, 'action', at(where, 'actions'))
        : (parent?.actions ?? outcomes);
    if (parent && !sameNames(actions, parent.actions))
      throw new UserError(
        `a nested principal must have its parent's actions ${JSON.stringify(parent.actions)}`,
        at(where, 'actions'),
      );
    const world =
      spec.world !== undefined
        ? toWorld(spec.world, actions, outcomes.length, at(where, 'world'))
        : parent
          ? parent.world
          : namedIdentity(actions, outcomes, where);

    if (!Array.isArray(spec.parts)) throw new UserError('expected an array of parts', at(where, 'parts'));
    if (spec.parts.length < 1) throw new UserError('expected at least one part', at(where, 'parts'));
    const names = new Set<string>();
    const inherited: Inherited = { outcomes, actions, world, name };
    const parts: Part[] = spec.parts.map((ps, i) => {
      const pw = at(where, `parts[${i}]`);
      if (typeof ps !== 'object' || ps === null) throw new UserError('expected a part (an object)', pw);
      if (typeof ps.name !== 'string' || ps.name.length === 0)
        throw new UserError(`expected a non-empty name, got ${JSON.stringify(ps.name)}`, `${pw}.name`);
      if (names.has(ps.name))
        throw new UserError(`part ${JSON.stringify(ps.name)} appears more than once`, `${pw}.name`);
      names.add(ps.name);
      const weight = ps.weight ?? 1;
      if (!(typeof weight === 'number' && Number.isFinite(weight) && weight >= 0))
        throw new UserError(
          `expected a non-negative weight, got ${JSON.stringify(ps.weight)}`,
          `${pw}.weight`,
        );
      let nested: Principal | undefined;
      if (ps.principal !== undefined) {
        if (ps.beliefs !== undefined)
          throw new UserError(
            "a part that is itself a principal takes its beliefs from its principal's world model; give `world` there",
            `${pw}.beliefs`,
          );
        const pp = `${pw}.principal`;
        const np = ps.principal;
        if (isPrincipal(np)) {
          if (stack.has(np)) throw new UserError('cycle: this principal contains itself', pp);
          if (!sameNames(np.outcomes, outcomes))
            throw new UserError(
              `a nested principal must have its parent's outcomes ${JSON.stringify(outcomes)}`,
              `${pp}.outcomes`,
            );
          if (!sameNames(np.actions, actions))
            throw new UserError(
              `a nested principal must have its parent's actions ${JSON.stringify(actions)}`,
              `${pp}.actions`,
            );
          validateAt(np, pp, stack);
          nested = np;
        } else nested = build(ps.principal, pp, { ...inherited, name: ps.name }, stack);
      }
      if (ps.utility === undefined && !nested)
        throw new UserError(`expected ${outcomes.length} numbers (one per outcome)`, `${pw}.utility`);
      const utility =
        ps.utility !== undefined ? checkUtility(ps.utility, outcomes.length, `${pw}.utility`) : undefined;
      const beliefs =
        ps.beliefs !== undefined ? toWorld(ps.beliefs, actions, outcomes.length, `${pw}.beliefs`) : undefined;
      const part: Part = { name: ps.name, weight };
      return {
        ...part,
        ...(utility ? { utility } : {}),
        ...(beliefs ? { beliefs } : {}),
        ...(nested ? { principal: nested } : {}),
      };
    });

    const weights =
      spec.weights !== undefined
        ? checkWeights(spec.weights, parts.length, at(where, 'weights'))
        : Float64Array.from(parts.map((p) => p.weight));
    if (!weights.some((x) => x > 0))
      throw new UserError('expected at least one part with a positive weight', at(where, 'parts'));
    const sg = spec.sigma ?? DEFAULT_SIGMA;
    if (typeof sg !== 'object' || sg === null || typeof sg.rule !== 'string' || sg.rule.length === 0)
      throw new UserError('expected { rule: <name>, options?: {...} }', at(where, 'sigma'));
    const options = sg.options ?? {};
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      throw new UserError('expected an object of rule options', at(where, 'sigma.options'));
    return { name, outcomes, actions, world, parts, sigma: { rule: sg.rule, options }, state: { weights } };
  } finally {
    stack.delete(spec);
  }
}

/**
 * Checks a principal built by hand (or changed by code): sizes, world models, utilities, weights,
 * nested principals (same outcomes and actions) and cycles. Returns it; throws a UserError naming
 * the field otherwise.
 */
export function validatePrincipal(h: Principal, where = ''): Principal {
  validateAt(h, where, new Set());
  return h;
}

function validateAt(h: Principal, where: string, stack: Set<object>): void {
  if (stack.has(h)) throw new UserError('cycle: this principal contains itself', where || 'principal');
  stack.add(h);
  try {
    const outcomes = checkNames(h.outcomes, 'outcome', at(where, 'outcomes'));
    const actions = checkNames(h.actions, 'action', at(where, 'actions'));
    validateWorld(h.world, {
      where: at(where, 'world'),
      actions: actions.length,
      outcomes: outcomes.length,
      actionNames: actions,
    });
    if (!Array.isArray(h.parts) || h.parts.length < 1)
      throw new UserError('expected at least one part', at(where, 'parts'));
    checkWeights(h.state?.weights, h.parts.length, at(where, 'state.weights'));
    h.parts.forEach((p, i) => {
      const pw = at(where, `parts[${i}]`);
      if (!(Number.isFinite(p.weight) && p.weight >= 0))
        throw new UserError(`expected a non-negative weight, got ${p.weight}`, `${pw}.weight`);
      if (p.utility !== undefined || !p.principal) checkUtility(p.utility, outcomes.length, `${pw}.utility`);
      if (p.beliefs)
        validateWorld(p.beliefs, {
          where: `${pw}.beliefs`,
          actions: actions.length,
          outcomes: outcomes.length,
        });
      if (p.principal) {
        const pp = `${pw}.principal`;
        if (!sameNames(p.principal.outcomes, outcomes))
          throw new UserError(
            `a nested principal must have its parent's outcomes ${JSON.stringify(outcomes)}`,
            `${pp}.outcomes`,
          );
        if (!sameNames(p.principal.actions, actions))
          throw new UserError(
            `a nested principal must have its parent's actions ${JSON.stringify(actions)}`,
            `${pp}.actions`,
          );
        validateAt(p.principal, pp, stack);
      }
    });
  } finally {
    stack.delete(h);
  }
}

/** A copy of `h` with new current weights (the internal state); parts, world model and Σ are shared. */
export function withWeights(h: Principal, weights: ArrayLike<number>): Principal {
  const w = checkWeights(Array.from(weights), h.parts.length, 'weights');
  return { ...h, state: { ...h.state, weights: w } };
}

/** The current weights as shares summing to 1. */
export function weightShares(h: Principal): Float64Array {
  const w = h.state.weights;
  let t = 0;
  for (let i = 0; i < w.length; i++) t += w[i];
  const s = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) s[i] = w[i] / t;
  return s;
}
