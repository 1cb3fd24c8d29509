/**
 * Dictatorships: one part decides (the essay's "dictatorship of the loudest part"), or a part drawn
 * at random by weight decides.
 *
 * - dictatorship: option `part` (index) decides; by default the heaviest part. Winners are its
 *   favourite actions (all of them, if it is indifferent among several), the ranking is its own
 *   utility order, scores its utilities. When several parts tie for heaviest (to 1e-9) and no
 *   `part` is given, the rule cannot tell who dictates: winners are the union of their favourites,
 *   with no ranking or scores.
 * - random-dictatorship: a lottery: each part, with probability w_i / Σw, picks its favourite
 *   action; a part with several favourites splits its probability equally among them. Winners are
 *   the support of the lottery. With strict preferences this is ex-post Pareto efficient; with a
 *   part indifferent among favourites that others rank differently it need not be.
 *
 * Example: weights [3, 1], u_0 = (1, 0, 0.5), u_1 = (0, 1, 1): dictatorship → action 0;
 * random-dictatorship → lottery (0.75, 0.125, 0.125).
 */
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import { scoredResult } from '../result.js';
import type { Options, RuleResult, UtilityRule } from '../types.js';
import { checkProblem, favourites, indices, lotteryResult, same } from './common.js';

export const dictatorship: UtilityRule = {
  name: 'dictatorship',
  aliases: ['dictator', 'loudest-part'],
  title: 'Dictatorship',
  description:
    'One part decides: option `part` (index), by default the heaviest part. Winners are its favourite actions.',
  family: 'cardinal',
  input: 'utilities',
  output: 'ranking',
  ties: 'all the dictator’s favourites (within 1e-9) win; if several parts tie for heaviest and no part is named, the union of their favourites wins and there is no ranking',
  axioms: ['neutrality'],
  options: [
    { name: 'part', type: 'number', description: 'index of the dictator (default: the heaviest part)' },
  ],
  run(p: UtilityProblem, opts?: Options): RuleResult {
    checkProblem(p, 'dictatorship');
    const A = p.actions;
    const given = opts?.part;
    let dictators: number[];
    if (given !== undefined) {
      if (!(typeof given === 'number' && Number.isInteger(given) && given >= 0 && given < p.parts))
        throw new UserError(
          `expected a part index in 0..${p.parts - 1}, got ${JSON.stringify(given)}`,
          'dictatorship: option part',
        );
      dictators = [given];
    } else {
      let heaviest = 0;
      for (let i = 0; i < p.parts; i++) heaviest = Math.max(heaviest, p.weights[i]);
      dictators = indices(p.parts).filter((i) => same(p.weights[i], heaviest));
    }
    if (dictators.length === 1) {
      const i = dictators[0];
      return scoredResult(indices(A), p.u.subarray(i * A, (i + 1) * A));
    }
    const win = new Set<number>();
    for (const i of dictators) for (const a of favourites(p, i)) win.add(a);
    return { winners: [...win].sort((a, b) => a - b) };
  },
};

export const randomDictatorship: UtilityRule = {
  name: 'random-dictatorship',
  aliases: ['random-dictator'],
  title: 'Random dictatorship',
  description:
    'A lottery: each part, with probability proportional to its weight, picks its favourite action (several favourites share its probability equally).',
  family: 'cardinal',
  input: 'utilities',
  output: 'lottery',
  ties: 'a part’s favourites (within 1e-9) split its probability equally; winners are the support of the lottery',
  axioms: ['anonymity', 'neutrality'],
  reference: 'Gibbard (1977), Manipulation of schemes that mix voting with chance',
  run(p: UtilityProblem): RuleResult {
    checkProblem(p, 'random-dictatorship');
    let total = 0;
    for (let i = 0; i < p.parts; i++) total += p.weights[i];
    if (!(total > 0))
      throw new UserError('expected at least one positive weight', 'random-dictatorship: weights');
    const lottery = new Float64Array(p.actions);
    for (let i = 0; i < p.parts; i++) {
      if (p.weights[i] === 0) continue;
      const fav = favourites(p, i);
      for (const a of fav) lottery[a] += p.weights[i] / total / fav.length;
    }
    return lotteryResult(lottery);
  },
};
