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
 * Example (minmax): u_0 = (0, 5, 10), u_1 = (10, 6, 0) → v_0 = (0, 0.5, 1), v_1 = (1, 0.6, 0):
 * minima (0, 0.5, 0), both rules pick action 1. Raw (`none`) they pick action 1 as well (minima 0, 5, 0).
 */
import { NORMALIZATIONS, type Normalization, normalizeUtilities } from '../../core/normalize.js';
import type { UtilityProblem } from '../../core/utility.js';
import { scoredResult } from '../result.js';
import type { OptionSpec, Options, RuleResult, UtilityRule } from '../types.js';
import {
  allTied,
  boolOption,
  canonicalLottery,
  checkProblem,
  indices,
  leximinCompare,
  lotteriesOption,
  lotteryResult,
  rankBy,
  seated,
  stringOption,
} from './common.js';
import { leximinLottery, optimalColumns } from './leximin-solver.js';

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

export const egalitarian: UtilityRule = {
  name: 'egalitarian',
  aliases: ['maximin', 'max-min', 'rawlsian'],
  title: 'Egalitarian (max-min)',
  description:
    'Maximizes the utility of the worst-off part (after normalization, default min–max to [0, 1]).',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'actions whose minima agree to 1e-9 (relative) are tied, winners the whole top group; parts of weight 0 are not at the table',
  axioms: ['anonymity', 'neutrality'],
  options: [normalizeOption],
  reference: 'Rawls (1971), A Theory of Justice; Kalai (1977) for the egalitarian bargaining solution',
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, 'egalitarian');
    const method = stringOption(opts, 'normalize', NORMALIZATIONS, 'minmax', 'egalitarian');
    const act = seated(p);
    if (act.length === 0) return allTied(p.actions);
    const V = values(p, act, method);
    return scoredResult(indices(p.actions), minima(V, act.length, p.actions));
  },
};

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
