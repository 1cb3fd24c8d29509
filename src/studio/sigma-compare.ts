/**
 * Σ compared across rules on the same parts: every rule of the Σ registry applied to H's parts as
 * they see the actions (own beliefs, no noise), with what each picks and how each part fares.
 * A rule picks a lottery, or its tie set as a uniform lottery, the way B(H) treats ties
 * (align/context.ts). A rule that refuses (too many candidates, a missing solver) says why.
 * Node-free: the page's worker runs it.
 */
import type { AlignContext } from '../align/types.js';
import { decisionValues, welfareMatrix } from '../core/normalize.js';
import { allEqual, worstOff } from '../measure/welfare.js';
import { applySigma, sigmaCall } from '../sigma/apply-utilities.js';
import { rules, sigmaRegistry } from '../sigma/registry.js';
import type { Rule, RuleResult } from '../sigma/types.js';

export interface SigmaRow {
  readonly rule: string;
  readonly title: string;
  readonly family: Rule['family'];
  /** The action(s) it picks: the tie set, or the support of its lottery. */
  readonly picks?: readonly string[];
  /** The probability of each action it picks (ties split evenly). */
  readonly lottery?: Readonly<Record<string, number>>;
  /** Each part's expected welfare (utility normalized to [0, 1]) of what it picks. */
  readonly welfare?: Readonly<Record<string, number>>;
  /** The part that fares worst; null when every part fares the same. */
  readonly worstOff?: string | null;
  /** Whether this is H's own Σ. */
  readonly own: boolean;
  /** Whether it picks the same actions as H's own Σ without noise. */
  readonly agreesWithH?: boolean;
  readonly error?: string;
}

/** What every Σ rule picks on the parts of `ctx` (own beliefs, unbounded). */
export function compareSigma(ctx: AlignContext, list: readonly Rule[] = rules): SigmaRow[] {
  const p = ctx.own;
  const A = p.actions;
  const W = welfareMatrix(p);
  const hRule = sigmaRegistry.find(ctx.h.sigma.rule);
  const choice = (r: RuleResult) => {
    const lottery = new Float64Array(A);
    if (r.lottery) lottery.set(r.lottery);
    else for (const a of r.winners) lottery[a] = 1 / r.winners.length;
    const support: number[] = [];
    lottery.forEach((q, a) => {
      if (q > 1e-12) support.push(a);
    });
    return { lottery, support };
  };
  let hSupport = '';
  try {
    hSupport = choice(applySigma(sigmaCall(ctx.h.sigma.rule, ctx.h.sigma.options), p)).support.join(',');
  } catch {
    // H's own rule refuses here: then no rule agrees with it.
  }
  return list.map((rule) => {
    const own = rule === hRule;
    const base = { rule: rule.name, title: rule.title, family: rule.family, own };
    try {
      // H's own rule keeps H's options; the others run with their defaults.
      const r = applySigma(sigmaCall(rule.name, own ? ctx.h.sigma.options : {}), p);
      const { lottery, support } = choice(r);
      const w = decisionValues(W, p.parts, A, lottery);
      return {
        ...base,
        picks: support.map((a) => ctx.actions[a]),
        lottery: Object.fromEntries(support.map((a) => [ctx.actions[a], lottery[a]])),
        welfare: Object.fromEntries(ctx.parts.map((n, i) => [n, w[i]])),
        worstOff: allEqual(w, p.weights) ? null : ctx.parts[worstOff(w, p.weights)],
        agreesWithH: support.join(',') === hSupport,
      };
    } catch (e) {
      return { ...base, error: (e as Error).message };
    }
  });
}
