/**
 * Approval-STV (Delemazure & Peters 2024), as pref_voting's approval_stv counts it: every voter
 * starts with a budget of 1 and supports all the candidates it ranks top among those continuing
 * (an approval ballot: its approved ones, while any is left). A candidate whose support exceeds the
 * quota (`droop`: n/(K+1), strictly; `droop-int`: ⌊n/(K+1)⌋ + 1, strictly; `hare`: n/K, at
 * least) is elected — the largest support first, ties by lowest index — and its supporters pay the
 * quota together, each budget multiplied by (support − quota)/support. Otherwise the candidate
 * with the least support is excluded (ties by lowest index). The count ends by electing all
 * continuing candidates once they are no more than the seats left.
 */
import { UserError } from '../../core/errors.js';
import { type Ballots, EPS, lowestOf } from './ballots.js';
import type { StvCount } from './gregory.js';

export type ApprovalQuota = 'droop' | 'droop-int' | 'hare';

export function approvalStv(ballots: Ballots, seats: number, rule: ApprovalQuota = 'droop'): StvCount {
  const n = ballots.total;
  let quota: number;
  let strict = true;
  if (rule === 'droop') quota = n / (seats + 1);
  else if (rule === 'droop-int') quota = Math.floor(n / (seats + 1)) + 1;
  else if (rule === 'hare') {
    quota = n / seats;
    strict = false;
  } else
    throw new UserError(`expected droop, droop-int or hare, got ${JSON.stringify(rule)}`, 'options.quota');
  const budget = Float64Array.from(ballots.weights);
  const continuing = new Set(ballots.cands);
  const elected: number[] = [];
  let tieBreaks = 0;
  const support = new Float64Array(ballots.m);
  /** The ballot's top group among the continuing candidates. */
  const top = (b: number): readonly number[] => {
    for (const tier of ballots.tiers[b]) {
      const t = tier.filter((c) => continuing.has(c));
      if (t.length > 0) return t;
    }
    return [];
  };
  while (elected.length < seats && continuing.size > 0) {
    if (continuing.size <= seats - elected.length) {
      elected.push(...[...continuing].sort((a, b) => a - b));
      break;
    }
    support.fill(0);
    const tops = ballots.tiers.map((_, b) => (budget[b] > EPS ? top(b) : []));
    tops.forEach((t, b) => {
      for (const c of t) support[c] += budget[b];
    });
    const able = [...continuing].filter((c) =>
      strict ? support[c] > quota + EPS : support[c] + EPS >= quota,
    );
    if (able.length > 0) {
      const best = Math.max(...able.map((c) => support[c]));
      const tied = able.filter((c) => Math.abs(support[c] - best) <= EPS);
      if (tied.length > 1) tieBreaks++;
      const c = Math.min(...tied);
      const total = support[c];
      const keep = total > EPS ? Math.max(0, (total - quota) / total) : 1;
      tops.forEach((t, b) => {
        if (t.includes(c)) budget[b] *= keep;
      });
      elected.push(c);
      continuing.delete(c);
      continue;
    }
    const low = lowestOf(continuing, (c) => support[c]);
    if (low.tied) tieBreaks++;
    continuing.delete(low.c);
  }
  return { elected, tieBreaks, quota };
}
