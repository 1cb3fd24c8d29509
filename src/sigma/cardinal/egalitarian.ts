/**
 * Egalitarian (max-min) and leximin: judge an action by how the worst-off part fares.
 *
 * - egalitarian: maximize min_i v_i(a); actions with the same minimum are tied (it is only weakly
 *   Pareto optimal: it ignores everyone but the worst-off).
 * - leximin: compare the ascending-sorted vectors (v_i(a))_i lexicographically: maximize the
 *   worst-off, then the second worst-off, and so on (Sen 1970; Rawls's difference principle made
 *   Pareto optimal). With `lotteries: true` it maximizes leximin over lotteries by a sequence of LPs
 *   in exact rational arithmetic (leximin-solver.ts) and returns the lottery.
 *
 * Here v is each part's utility after the `normalize` option — default `minmax`: each part's
 * utilities mapped to [0, 1] over the actions (its worst 0, its best 1; an indifferent part gets 1
 * everywhere and so never counts as worst-off). `none` compares raw utilities, which presumes they
 * are interpersonally comparable levels; `zscore` and `range` are also accepted (core/normalize.ts).
 * Weights only seat the parts (weight 0: not at the table).
 *
 * Egalitarian options, as for Nash and Kalai–Smorodinsky:
 * - `disagreement` (else the problem's own disagreement point): compare gains v_i(a) − v_i(d_i)
 *   instead of levels (d_i through part i's normalization map), among the individually rational
 *   actions (u_i ≥ d_i for every part at the table); the others rank last, tied, and with none all
 *   are tied. Parts that cannot gain over d drop out of the minimum, as in KS. This is Kalai's
 *   (1977) egalitarian solution. Without a disagreement point levels are compared, which under
 *   `minmax` is the same as gains over each part's minimum.
 * - `lotteries: true`: the same over lotteries (individually rational ones, given d), by exact LPs
 *   (leximin-solver.ts, unrefined): a lottery giving every part exactly the max–min level when one
 *   does, else the least total above it. Still only weakly Pareto optimal; leximin refines it.
 *
 * Example (minmax): u_0 = (0, 5, 10), u_1 = (10, 6, 0) → v_0 = (0, 0.5, 1), v_1 = (1, 0.6, 0):
 * minima (0, 0.5, 0), both rules pick action 1. Raw (`none`) they pick action 1 as well (minima 0, 5, 0).
 * Over lotteries egalitarian mixes actions 1 and 2: v_0 = 1 − 0.5s, v_1 = 0.6s are equal at
 * s = 10/11, level 6/11.
 */
import {
  NORMALIZATIONS,
  type Normalization,
  normalizationMap,
  normalizeUtilities,
} from '../../core/normalize.js';
import type { UtilityProblem } from '../../core/utility.js';
import { scoredResult } from '../result.js';
import type { OptionSpec, Options, RuleResult, UtilityRule } from '../types.js';
import {
  allTied,
  boolOption,
  canonicalLottery,
  checkProblem,
  disagreementOption,
  givenDisagreement,
  indices,
  leximinCompare,
  lotteriesOption,
  lotteryResult,
  rankBy,
  rationalActions,
  rationalLotteries,
  seated,
  stringOption,
} from './common.js';
import { type ExtraConstraints, leximinLottery, maxminLottery, optimalColumns } from './leximin-solver.js';

const normalizeOption: OptionSpec = {
  name: 'normalize',
  type: 'string',
  default: 'minmax',
  description: `how utilities are made comparable first: ${NORMALIZATIONS.join(', ')}`,
};

/** The seated parts' values (k × A, row-major) under the chosen normalization. */
function values(p: UtilityProblem, act: readonly number[], method: Normalization): Float64Array {
  const A = p.actions;
  const raw = new Float64Array(act.length * A);
  act.forEach((i, q) => {
    raw.set(p.u.subarray(i * A, (i + 1) * A), q * A);
  });
  return method === 'none' ? raw : normalizeUtilities(raw, act.length, A, method);
}

function minima(V: Float64Array, k: number, A: number): Float64Array {
  const out = new Float64Array(A).fill(Infinity);
  for (let q = 0; q < k; q++) for (let a = 0; a < A; a++) out[a] = Math.min(out[a], V[q * A + a]);
  return out;
}

/** Rows `rows` of W (k × A, row-major). */
function pick(W: Float64Array, rows: readonly number[], A: number): Float64Array {
  const out = new Float64Array(rows.length * A);
  rows.forEach((q, r) => {
    out.set(W.subarray(q * A, (q + 1) * A), r * A);
  });
  return out;
}

const EGALITARIAN = 'egalitarian';

export const egalitarian: UtilityRule = {
  name: EGALITARIAN,
  aliases: ['maximin', 'max-min', 'rawlsian'],
  title: 'Egalitarian (max-min)',
  description:
    'Maximizes the utility of the worst-off part (after normalization, default min–max to [0, 1]) or, given a disagreement point, the smallest gain over it; over actions or (lotteries) over lotteries.',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'pure: actions whose minima agree to 1e-9 (relative) are tied, winners the whole top group; given a disagreement point, actions below it last, tied. lotteries: every part at the max–min level when a lottery gives that, else the least total above it; uniform over such pure actions if any, winners = its support. Parts of weight 0 are not at the table.',
  axioms: ['anonymity', 'neutrality'],
  options: [
    normalizeOption,
    lotteriesOption,
    {
      ...disagreementOption,
      description:
        "each part's disagreement utility: compare gains over it, individually rational actions only (default: the problem's, else none: levels are compared)",
    },
  ],
  reference: 'Rawls (1971), A Theory of Justice; Kalai (1977) for the egalitarian bargaining solution',
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, EGALITARIAN);
    const method = stringOption(opts, 'normalize', NORMALIZATIONS, 'minmax', EGALITARIAN);
    const lotteries = boolOption(opts, 'lotteries', false, EGALITARIAN);
    const d = givenDisagreement(p, opts, EGALITARIAN);
    const act = seated(p);
    const A = p.actions;
    if (act.length === 0) return allTied(A);
    const k = act.length;
    // W: levels, or gains over d in the same units; rows: the parts that count.
    const W = values(p, act, method);
    let cands = indices(A);
    let rest: number[] = [];
    let rows = indices(k);
    if (d) {
      act.forEach((i, q) => {
        const { scale, shift } = normalizationMap(p.u.subarray(i * A, (i + 1) * A), method);
        for (let a = 0; a < A; a++) W[q * A + a] -= scale * d[i] + shift;
      });
      const r = rationalActions(p, d, act);
      cands = r.ir;
      rest = r.rest;
      rows = positions(act, r.gainers);
    }
    const scores = new Float64Array(A).fill(-Infinity);
    const m = minima(pick(W, rows, A), rows.length, A);
    for (const a of cands) scores[a] = rows.length > 0 ? m[a] : 0; // 0: nobody can gain
    // With no individually rational action, mixes of actions can still be individually rational.
    if (cands.length === 0 && !lotteries) return allTied(A, scores);
    if (!lotteries) {
      const r = scoredResult(cands, scores);
      if (rest.length > 0) r.ranking!.push(rest);
      return r;
    }
    let extra: ExtraConstraints | undefined;
    if (d) {
      const r = rationalLotteries(p, d, act);
      if (!r) return allTied(A, scores); // no individually rational lottery
      rows = positions(act, r.gainers);
      extra = r.extra;
    }
    const Wr = pick(W, rows, A);
    const sol = maxminLottery(Wr, rows.length, A, 'none', extra);
    if (!sol) return allTied(A, scores);
    const pureOptimal = optimalColumns(Wr, rows.length, A, cands, sol.levels, 'none');
    return lotteryResult(canonicalLottery(p, sol.x, pureOptimal, act), scores);
  },
};

/** Where each of `parts` sits in `act` (both ascending). */
function positions(act: readonly number[], parts: readonly number[]): number[] {
  return parts.map((i) => act.indexOf(i));
}

export const leximin: UtilityRule = {
  name: 'leximin',
  aliases: ['lexicographic-maximin'],
  title: 'Leximin',
  description:
    'Maximizes the worst-off part’s utility, then the second worst-off’s, and so on (after normalization, default min–max); over actions or (lotteries) over lotteries.',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'pure: sorted utility vectors agreeing entrywise to 1e-9 (relative) are tied. lotteries: a canonical optimal lottery (uniform over optimal pure actions if any), winners = its support. Parts of weight 0 are not at the table.',
  axioms: ['anonymity', 'neutrality', 'pareto'],
  options: [normalizeOption, lotteriesOption],
  reference: 'Sen (1970), Collective Choice and Social Welfare; D’Aspremont & Gevers (1977)',
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, 'leximin');
    const method = stringOption(opts, 'normalize', NORMALIZATIONS, 'minmax', 'leximin');
    const lotteries = boolOption(opts, 'lotteries', false, 'leximin');
    const act = seated(p);
    const A = p.actions;
    if (act.length === 0) return allTied(A);
    const k = act.length;
    const V = values(p, act, method);
    const scores = minima(V, k, A);
    const vec: Float64Array[] = [];
    for (let a = 0; a < A; a++) vec[a] = Float64Array.from(indices(k), (q) => V[q * A + a]).sort();
    const ranking = rankBy(indices(A), (a, b) => leximinCompare(vec[a], vec[b]));
    if (!lotteries) return { winners: ranking[0], ranking, scores: Array.from(scores) };
    const sol = leximinLottery(V, k, A);
    if (!sol) throw new Error('leximin: the simplex is never empty');
    const pureOptimal = optimalColumns(V, k, A, indices(A), sol.levels);
    return lotteryResult(canonicalLottery(p, sol.x, pureOptimal, act), scores);
  },
};
