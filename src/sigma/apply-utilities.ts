/**
 * Σ over a utility problem: how a principal's aggregation rule reads its parts. Cardinal rules
 * read the utilities; ordinal and score rules read the profile the utilities induce (each part a
 * ballot weighted by its current weight, equal utilities tied). The rule's result then gives
 * H's approval of every action, in [0, 1].
 */
import type { UtilityProblem } from '../core/utility.js';
import { profileFromScores, Summary } from './profile.js';
import { getRule } from './registry.js';
import type { Options, Rule, RuleResult } from './types.js';

export interface SigmaCall {
  readonly rule: Rule;
  readonly options: Options;
}

export function sigmaCall(rule: string, options: Options = {}): SigmaCall {
  return { rule: getRule(rule), options };
}

/** Applies Σ to a parts × actions utility problem. Parts with weight 0 cast no ballot. */
export function applySigma(sigma: SigmaCall, p: UtilityProblem): RuleResult {
  const { rule, options } = sigma;
  if (rule.input === 'utilities') return rule.run(p, options);
  const keep: number[] = [];
  for (let i = 0; i < p.parts; i++) if (p.weights[i] > 0) keep.push(i);
  const A = p.actions;
  const scores = new Float64Array(keep.length * A);
  keep.forEach((i, k) => {
    const row = scores.subarray(k * A, (k + 1) * A);
    row.set(p.u.subarray(i * A, (i + 1) * A));
    snapTies(row);
  });
  const profile = profileFromScores(p.actions, scores, Float64Array.from(keep.map((i) => p.weights[i])));
  return rule.run(new Summary(profile), undefined, options);
}

/**
 * Values of one ballot that differ only by rounding (within 1e-9 of the ballot's range, or a few
 * ulps) become equal, so an ordinal Σ sees indifference where the parts are indifferent.
 */
function snapTies(row: Float64Array): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of row) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const tol = Math.max(1e-9 * (hi - lo), 4 * Number.EPSILON * Math.max(Math.abs(hi), Math.abs(lo)));
  const order = Array.from(row.keys()).sort((a, b) => row[a] - row[b]);
  for (let k = 1; k < order.length; k++)
    if (row[order[k]] - row[order[k - 1]] <= tol) row[order[k]] = row[order[k - 1]];
}

/**
 * How much a rule's result approves of each action, in [0, 1]: by position in its ranking
 * (1 for the top group, 0 for the bottom, evenly spaced between) where it ranks; by probability
 * relative to the likeliest action where it returns a lottery; else 1 for winners, 0 otherwise.
 */
export function approvalOf(r: RuleResult, actions: number): Float64Array {
  const out = new Float64Array(actions);
  if (r.ranking && r.ranking.length > 0) {
    const G = r.ranking.length;
    r.ranking.forEach((group, g) => {
      for (const a of group) out[a] = G === 1 ? 1 : 1 - g / (G - 1);
    });
    return out;
  }
  if (r.lottery) {
    const top = Math.max(...r.lottery);
    for (let a = 0; a < actions; a++) out[a] = top > 0 ? r.lottery[a] / top : 0;
    return out;
  }
  for (const a of r.winners) out[a] = 1;
  return out;
}
