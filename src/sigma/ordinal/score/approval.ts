/**
 * Approval voting: each voter approves some candidates; the most approvals wins and the approval
 * counts rank everyone. Which candidates a ballot approves:
 * - option `k`: those with fewer than k candidates in play ranked strictly above them (its top k; a
 *   tie straddling the cut is approved whole; candidates a truncated ballot leaves out never are);
 * - option `threshold`: those whose grade is at least the threshold (the ballot's score, or for a
 *   ranking the number of candidates in play it ranks strictly below);
 * - neither: cardinal ballots approve scores ≥ 0.5, so 0/1 approval ballots read as they are;
 *   rankings approve their top group (k = 1).
 *
 * Example: approval ballots {0, 1} ×2, {1} ×1, {2} ×2 (scores 1/1/0, 0/1/0, 0/0/1): counts 2, 3, 2;
 * winner 1.
 */
import { UserError } from '../../../core/errors.js';
import { scoredResult } from '../../result.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { inPlay, numberOption } from '../positional/positions.js';
import { grades } from './grades.js';

/** Approval counts of the top-k rule (length m, NaN off the candidates in play). */
function topK(s: Summary, cs: readonly number[], kTop: number): Float64Array {
  const p = s.profile;
  const { m, k, levels, counts, unranked } = p;
  const r = cs.length;
  const size = new Int32Array(m + 1);
  const above = new Int32Array(m + 1);
  const acc = new Float64Array(r);
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    const o = b * m;
    let hi = 0;
    for (let i = 0; i < r; i++) {
      const l = levels[o + cs[i]];
      size[l]++;
      if (l > hi) hi = l;
    }
    let n = 0;
    for (let l = 0; l <= hi; l++) {
      above[l] = n;
      n += size[l];
      size[l] = 0;
    }
    for (let i = 0; i < r; i++) {
      const c = cs[i];
      if (unranked?.[o + c]) continue;
      if (above[levels[o + c]] < kTop) acc[i] += w;
    }
  }
  const out = new Float64Array(m).fill(Number.NaN);
  for (let i = 0; i < r; i++) out[cs[i]] = acc[i];
  return out;
}

/** Approval counts of the threshold rule. */
function overThreshold(s: Summary, cands: readonly number[], t: number): Float64Array {
  const G = grades(s, cands);
  const { cands: cs, g, given } = G;
  const r = cs.length;
  const { k, counts } = s.profile;
  const acc = new Float64Array(r);
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (w === 0) continue;
    for (let i = 0; i < r; i++) {
      const j = b * r + i;
      if (g[j] >= t && (!given || given[j])) acc[i] += w;
    }
  }
  const out = new Float64Array(s.m).fill(Number.NaN);
  for (let i = 0; i < r; i++) out[cs[i]] = acc[i];
  return out;
}

export const approval: ProfileRule = {
  name: 'approval',
  aliases: ['approval-voting'],
  title: 'Approval voting',
  description:
    'Each voter approves some candidates (its 0/1 scores, the scores at or above a threshold, or the top k of its ranking); the most approvals wins and the counts rank everyone.',
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "Every candidate with the most approvals wins. Cardinal ballots approve scores ≥ threshold (default 0.5: 0/1 ballots as they are; unscored never). Rankings: approve the top k (default 1), a tie straddling the cut approved whole, a truncated ballot's unranked candidates never; or, with `threshold`, the candidates with at least that many candidates in play ranked strictly below.",
  axioms: ['anonymity', 'neutrality'],
  options: [
    {
      name: 'k',
      type: 'number',
      description:
        'approve the top k of each ranking (default 1 for rankings; cardinal ballots use their scores)',
    },
    {
      name: 'threshold',
      type: 'number',
      description:
        'approve the candidates graded at least this (default 0.5 for cardinal ballots; for rankings a grade is the number of candidates ranked below)',
    },
  ],
  reference: 'Brams & Fishburn (1978), Approval voting; pref_voting grade_methods.approval',
  run(s, cands, opts): RuleResult {
    const cs = inPlay(s.m, cands);
    const hasK = opts?.k !== undefined;
    const hasT = opts?.threshold !== undefined;
    if (hasK && hasT) throw new UserError('give k or threshold, not both', 'options');
    let count: Float64Array;
    if (hasK || (!hasT && !s.profile.scores)) {
      const kTop = numberOption(opts, 'k', 1, (x) => Number.isInteger(x) && x >= 0, 'a whole number ≥ 0');
      count = topK(s, cs, kTop);
    } else {
      const t = numberOption(opts, 'threshold', 0.5, () => true, 'a number');
      count = overThreshold(s, cs, t);
    }
    return scoredResult(cs, count);
  },
};
