/**
 * The fixed tie-breaker (`-tb`) versions of the elimination rules, as pref_voting defines them:
 * one candidate goes per round, and when several tie for removal, the one ranked first by the
 * tie-breaking order goes (pref_voting: tie_breaker[0] has the lowest priority). The default order
 * is candidate index order. Each is resolute.
 *
 * Example: 1 voter each 1≻2≻0, 2≻1≻0, 0≻1≻2 (pref_voting's instant_runoff_tb docstring): first
 * places tie 1–1–1. With the order 0, 1, 2, instant runoff removes 0, whose voter goes to 1: 1 wins;
 * with 1, 0, 2 it removes 1 and then 2 beats 0: 2 wins.
 */
import { UserError } from '../../../core/errors.js';
import { condorcetWinner } from '../../majority.js';
import type { Summary } from '../../profile.js';
import type { Options, OptionSpec, ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { topApprovals } from './approval-irv.js';
import { majority } from './coombs.js';
import { eliminate, highest, lowest, marginBorda, placeShares } from './rounds.js';

/** The tie-breaking order over `cands`: the option restricted to them, or index order. */
export function tieBreakerOrder(cands: readonly number[], m: number, opts?: Options): number[] {
  const given = opts?.tie_breaker;
  if (given === undefined) return [...cands];
  if (!Array.isArray(given)) throw new UserError('expected a list of candidates', 'options.tie_breaker');
  for (const c of given as readonly number[])
    if (!(Number.isInteger(c) && c >= 0 && c < m))
      throw new UserError(`candidate ${c} is not one of 0..${m - 1}`, 'options.tie_breaker');
  if (new Set(given).size !== given.length)
    throw new UserError('a candidate appears twice', 'options.tie_breaker');
  const inSet = new Set(cands);
  const order = (given as readonly number[]).filter((c) => inSet.has(c));
  for (const c of cands) if (!order.includes(c)) order.push(c);
  return order;
}

/** Eliminates one candidate per round: of those `round` names, the first in `order`. */
function oneAtATime(
  cands: readonly number[],
  order: readonly number[],
  round: (rem: readonly number[]) => { winners: readonly number[] } | { tied: readonly number[] },
): RuleResult {
  const rank = new Map(order.map((c, i) => [c, i]));
  const r = eliminate(cands, (rem) => {
    const v = round(rem);
    if ('winners' in v) return v;
    const out = v.tied.reduce((a, b) => ((rank.get(a) as number) <= (rank.get(b) as number) ? a : b));
    return { remove: [out] };
  });
  return { winners: r.winners };
}

export const TIE_BREAKER: OptionSpec = {
  name: 'tie_breaker',
  type: 'number[]',
  description: 'the order in which tied candidates are removed, first removed first (default: index order)',
};

type Round = (
  s: Summary,
) => (rem: readonly number[]) => { winners: readonly number[] } | { tied: readonly number[] };

function variant(
  name: string,
  base: string,
  title: string,
  ties: string,
  axioms: ProfileRule['axioms'],
  round: Round,
  aliases: readonly string[] = [],
): ProfileRule {
  return {
    name: `${name}-tb`,
    aliases,
    title: `${title} (fixed tie-breaker)`,
    description: `${title} removing one candidate per round; among tied candidates, the first in a fixed order goes.`,
    family: 'elimination',
    input: 'rankings',
    output: 'set',
    ties: `As pref_voting's ${base}_tb: resolute; tie_breaker[0] is removed first among tied candidates; default order: candidate index. ${ties}`,
    axioms,
    options: [TIE_BREAKER],
    reference: `pref_voting iterative_methods.${base}_tb`,
    run(s, cands, opts) {
      const cs = inPlay(s.m, cands);
      return oneAtATime(cs, tieBreakerOrder(cs, s.m, opts), round(s));
    },
  };
}

const SHARES = 'First places of weak orders: 1/t to each of t candidates tied at the top.';

export const irvTb = variant(
  'instant-runoff',
  'instant_runoff',
  'Instant runoff',
  `Fewest first places go. ${SHARES}`,
  ['anonymity'],
  (s) => {
    const first = new Float64Array(s.m);
    return (rem) => {
      placeShares(s.profile, rem, first);
      return { tied: lowest(rem, first) };
    };
  },
  ['irv-tb', 'hare-tb', 'ranked-choice-tb', 'split-irv-tb'],
);

export const approvalIrvTb = variant(
  'approval-irv',
  'approval_irv',
  'Approval IRV',
  'Fewest approvals of the top group go.',
  ['anonymity'],
  (s) => {
    const a = new Float64Array(s.m);
    return (rem) => {
      topApprovals(s.profile, rem, a);
      return { tied: lowest(rem, a) };
    };
  },
);

export const coombsTb = variant(
  'coombs',
  'coombs',
  'Coombs',
  'A strict majority of first places wins; otherwise most last places go.',
  ['anonymity', 'pareto'],
  (s) => {
    const first = new Float64Array(s.m);
    const last = new Float64Array(s.m);
    return (rem) => {
      const active = placeShares(s.profile, rem, first, last);
      const w = majority(rem, first, active);
      return w >= 0 ? { winners: [w] } : { tied: highest(rem, last) };
    };
  },
);

export const baldwinTb = variant(
  'baldwin',
  'baldwin',
  'Baldwin',
  'Lowest Borda score among the remaining candidates goes (symmetric Borda on weak orders).',
  ['anonymity', 'pareto', 'condorcet-winner', 'condorcet-loser', 'smith'],
  (s) => {
    const b = new Float64Array(s.m);
    return (rem) => {
      marginBorda(s, rem, b);
      return { tied: lowest(rem, b) };
    };
  },
);

export const benhamTb = variant(
  'benham',
  'benham',
  'Benham',
  `A Condorcet winner among the remaining candidates wins; otherwise fewest first places go. ${SHARES}`,
  ['anonymity', 'condorcet-winner'],
  (s) => {
    const first = new Float64Array(s.m);
    return (rem) => {
      const cw = condorcetWinner(s, rem);
      if (cw >= 0) return { winners: [cw] };
      placeShares(s.profile, rem, first);
      return { tied: lowest(rem, first) };
    };
  },
);
