/**
 * Un-bounding at different rates: "Just making all the parts less computationally bounded and
 * bargaining a solution [...] we don't know how different parts will scale." Each of H's parts
 * gets compute r_i · c as the path's compute c grows, r_i its own rate (values that are hard to
 * compute scale slower). With the functional forms of dynamics/bounded (one "sample" of precision
 * per unit of compute, beliefs that reach half the truth at one unit):
 *
 *   noise  σ_i(c) = σ0 / √(1 + r_i c)                 (in units of the part's utility range)
 *   belief m_i(c) = r_i c / (1 + r_i c)               (the truth's share of its world model)
 *   u_i(c)[a]     = (1 − m_i) · own_i[a] + m_i · truth_i[a]
 *
 * (expected utility is linear in the world model, so mixing beliefs mixes the utilities), and the
 * part's view of its values is u_i(c) + σ_i(c) · range_i · ε with ε ~ N(0, 1) per action. Along
 * c = 0, 1, 2, 4, …, 2^(steps−2) and the limit c = ∞ (every part informed and exact), each
 * bargain — a Σ rule such as Nash or Kalai–Smorodinsky, or `delegates` negotiating under a
 * protocol — is applied to the same seeded noise draws at every point (common random numbers, so
 * a flip is the path's and not the draws'); its outcome at a point is the distribution of its
 * choice over the draws, and its modal actions.
 */
import type { Random } from '../../core/random.js';
import { UserError } from '../../core/errors.js';
import { utilityBounds } from '../../core/utility.js';
import { applySigma, sigmaCall } from '../../sigma/apply-utilities.js';
import type { RuleResult } from '../../sigma/types.js';
import { getProtocol, negotiate } from '../negotiation/index.js';
import type { AlignContext, Target } from '../types.js';
import type { UtilityProblem } from '../../core/utility.js';

/** The bargain a name stands for: `delegates`, or a Σ rule of the registry. */
export interface Bargainer {
  readonly name: string;
  run(p: UtilityProblem): { lottery: Float64Array; target: Target; result?: RuleResult };
}

/** One bargain by name ("delegates" negotiates under `protocol`; anything else is a Σ rule). */
export function bargainer(name: string, protocol = 'nash-demand'): Bargainer {
  if (name === 'delegates') {
    const p = getProtocol(protocol);
    return {
      name: `delegates (${p.name})`,
      run(problem) {
        const r = negotiate(problem, p.name);
        const lottery = new Float64Array(problem.actions);
        const t = r.agreement;
        if (t === null) {
          // No deal: nothing is agreed; the path shows it as an even spread over the actions.
          lottery.fill(1 / problem.actions);
          return { lottery, target: { kind: 'lottery', lottery } };
        }
        if (t.kind === 'lottery') for (let a = 0; a < lottery.length; a++) lottery[a] = t.lottery[a];
        else lottery[t.action] = 1;
        return { lottery, target: t };
      },
    };
  }
  const call = sigmaCall(name);
  return {
    name: call.rule.name,
    run(problem) {
      const result = applySigma(call, problem);
      const lottery = new Float64Array(problem.actions);
      if (result.lottery) for (let a = 0; a < lottery.length; a++) lottery[a] = result.lottery[a];
      else for (const a of result.winners) lottery[a] = 1 / result.winners.length;
      const target: Target = result.lottery
        ? { kind: 'lottery', lottery: Float64Array.from(result.lottery) }
        : { kind: 'action', action: result.winners[0], ties: [...result.winners] };
      return { lottery, target, result };
    },
  };
}

export interface UnboundingOptions {
  /** Bargains traced (default nash-bargaining, kalai-smorodinsky, delegates). */
  readonly rules?: readonly string[];
  /** The protocol `delegates` negotiates under along the path (default nash-demand). */
  readonly protocol?: string;
  /** Points on the path before the limit: c = 0, 1, 2, 4, … (default 8). */
  readonly steps?: number;
  /** Noise draws per point (default 32). */
  readonly samples?: number;
  /** σ0, the parts' noise with no compute (default: the scenario's bounds.noise). */
  readonly noise?: number;
  /** Each part's rate, in the context's part order (default: the file's, `ratesOf`). */
  readonly rates?: Float64Array;
}

export interface PathOutcome {
  /** Mean choice over the draws. */
  readonly lottery: Float64Array;
  /** Its most likely actions. */
  readonly modes: number[];
}

export interface UnboundingPath {
  /** Each part's rate, in the context's part order. */
  readonly rates: Float64Array;
  readonly noise: number;
  /** Compute at each point (the last is Infinity: the limit). */
  readonly compute: number[];
  /** points × parts: σ_i(c) and m_i(c). */
  readonly sd: Float64Array[];
  readonly informed: Float64Array[];
  readonly rules: readonly {
    readonly name: string;
    readonly outcomes: PathOutcome[];
    /** The bargain at the limit, exactly (no noise, the truth). */
    readonly limit: ReturnType<Bargainer['run']>;
  }[];
}

export const DEFAULT_BARGAINS = ['nash-bargaining', 'kalai-smorodinsky', 'delegates'] as const;

function modesOf(l: Float64Array): number[] {
  let top = 0;
  for (const x of l) top = Math.max(top, x);
  const out: number[] = [];
  l.forEach((x, a) => {
    if (x >= top - 1e-9) out.push(a);
  });
  return out;
}

/** The parts' rates: the file's per-part `rate` (1 for parts it leaves out, or at a nested level). */
export function ratesOf(ctx: AlignContext): Float64Array {
  return Float64Array.from(ctx.parts, (p) => ctx.scenario.rates?.[p] ?? 1);
}

/** Traces every bargain along the un-bounding path (see the module comment). */
export function unboundingPath(ctx: AlignContext, rng: Random, opts: UnboundingOptions = {}): UnboundingPath {
  const steps = opts.steps ?? 8;
  const samples = opts.samples ?? 32;
  const noise = opts.noise ?? ctx.scenario.bounds.noise;
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= 30))
    throw new UserError(`expected a whole number of steps from 1 to 30, got ${steps}`, 'steps');
  if (!(Number.isInteger(samples) && samples >= 1 && samples <= 10000))
    throw new UserError(`expected a whole number of samples from 1 to 10000, got ${samples}`, 'samples');
  if (!(Number.isFinite(noise) && noise >= 0))
    throw new UserError(`expected a non-negative noise, got ${noise}`, 'noise');
  const bargainers = (opts.rules ?? DEFAULT_BARGAINS).map((r) => bargainer(r, opts.protocol));
  const { own, truth } = ctx;
  const n = own.parts;
  const A = own.actions;
  const rates = opts.rates ?? ratesOf(ctx);
  const { lo, hi } = utilityBounds(own);
  const range = hi.map((h, i) => h - lo[i]);
  // Common random numbers: the same draws at every point of the path.
  const draws = noise > 0 ? samples : 1;
  const eps = new Float64Array(draws * n * A);
  for (let k = 0; k < eps.length; k++) eps[k] = rng.normal();

  const compute = [0, ...Array.from({ length: steps - 1 }, (_, k) => 2 ** k), Number.POSITIVE_INFINITY];
  const sd: Float64Array[] = [];
  const informed: Float64Array[] = [];
  const outcomes = bargainers.map(() => [] as PathOutcome[]);
  const u = new Float64Array(n * A);
  const seen = new Float64Array(n * A);
  for (const c of compute) {
    const s = Float64Array.from(rates, (r) =>
      c === Number.POSITIVE_INFINITY ? 0 : noise / Math.sqrt(1 + r * c),
    );
    const m = Float64Array.from(rates, (r) => (c === Number.POSITIVE_INFINITY ? 1 : (r * c) / (1 + r * c)));
    sd.push(s);
    informed.push(m);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < A; a++) u[i * A + a] = (1 - m[i]) * own.u[i * A + a] + m[i] * truth.u[i * A + a];
    const exact = s.every((x) => x === 0);
    const count = exact ? 1 : draws;
    const sums = bargainers.map(() => new Float64Array(A));
    for (let d = 0; d < count; d++) {
      for (let i = 0; i < n; i++)
        for (let a = 0; a < A; a++) {
          const k = i * A + a;
          seen[k] = u[k] + (exact ? 0 : s[i] * range[i] * eps[d * n * A + k]);
        }
      const problem: UtilityProblem = { parts: n, actions: A, u: seen, weights: own.weights };
      bargainers.forEach((b, j) => {
        const l = b.run(problem).lottery;
        for (let a = 0; a < A; a++) sums[j][a] += l[a] / count;
      });
    }
    sums.forEach((l, j) => {
      outcomes[j].push({ lottery: l, modes: modesOf(l) });
    });
  }
  const limitProblem: UtilityProblem = { parts: n, actions: A, u: truth.u, weights: own.weights };
  return {
    rates,
    noise,
    compute,
    sd,
    informed,
    rules: bargainers.map((b, j) => ({ name: b.name, outcomes: outcomes[j], limit: b.run(limitProblem) })),
  };
}

export interface PathVerdict {
  readonly name: string;
  /** Compute values where the modal outcome changes from the point before. */
  readonly flips: number[];
  /** The first compute at which no mode is one of H's own (B(H)'s) modes; null when none. */
  readonly departs: number | null;
  /** Whether the limit's outcome is among H's own choices. */
  readonly keeps: boolean;
}

/** Where each bargain's modal outcome flips, and whether it keeps H's original choice. */
export function pathVerdicts(path: UnboundingPath, original: readonly number[]): PathVerdict[] {
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((x, k) => x === b[k]);
  const ours = (ms: readonly number[]) => ms.some((a) => original.includes(a));
  return path.rules.map((r) => {
    const flips: number[] = [];
    let departs: number | null = null;
    r.outcomes.forEach((o, k) => {
      if (k > 0 && !same(o.modes, r.outcomes[k - 1].modes)) flips.push(path.compute[k]);
      if (departs === null && !ours(o.modes)) departs = path.compute[k];
    });
    return { name: r.name, flips, departs, keeps: ours(r.outcomes[r.outcomes.length - 1].modes) };
  });
}
