/**
 * Proportional multi-winner rules: the single transferable vote family. Each elects a committee of
 * K = `seats` candidates (all of them when K is at least the number in play); its `winners` are the
 * committee, ascending, and `details` holds the order of election, the quota and `tieBreaks`, the
 * number of ties the count decided by the lowest index where the rule's text decides by lot or by
 * key (0 means the committee did not depend on any). Definitions follow pref_voting's
 * proportional_methods and the rules it cites.
 */
import { UserError } from '../../core/errors.js';
import type { Summary } from '../profile.js';
import type { Options, ProfileRule, RuleResult } from '../types.js';
import { type ApprovalQuota, approvalStv } from './approval-stv.js';
import { ballotsOf, SEATS, seatsOf } from './ballots.js';
import { CPO_MAX_COMMITTEES, cpoStv, type InPairSurplus } from './cpo-stv.js';
import { type GregoryVariant, gregoryStv, type StvCount } from './gregory.js';
import { keepValueStv } from './meek.js';
import { sequentialStvRule } from './sequential-stv.js';

function committee(count: StvCount, seats: number): RuleResult {
  return {
    winners: [...count.elected].sort((a, b) => a - b),
    details: { seats, elected: count.elected, quota: count.quota, tieBreaks: count.tieBreaks },
  };
}

function quotaOption(opts: Options | undefined, allowed: readonly string[], fallback: string): string {
  const q = opts?.quota ?? fallback;
  if (typeof q !== 'string' || !allowed.includes(q))
    throw new UserError(`expected ${allowed.join(' or ')}, got ${JSON.stringify(q)}`, 'options.quota');
  return q;
}

const TIES =
  'Ties the rules decide by lot or by key (fewest votes to exclude, equal votes at the quota) go to the lowest index here, and details.tieBreaks counts them. Ballots with ties split their value equally among the tied candidates; unranked candidates never receive.';

function stv(
  name: string,
  aliases: string[],
  title: string,
  description: string,
  reference: string,
  count: (
    s: Summary,
    cands: readonly number[] | undefined,
    seats: number,
    opts: Options | undefined,
  ) => StvCount,
  quota = false,
): ProfileRule {
  return {
    name,
    aliases,
    title,
    description,
    family: 'multiwinner',
    input: 'rankings',
    output: 'set',
    ties: TIES,
    axioms: ['anonymity'],
    options: quota
      ? [
          SEATS,
          {
            name: 'quota',
            type: 'string',
            default: 'nb',
            description: 'nb: the rational Droop quota total/(K+1); droop: ⌊total/(K+1)⌋ + 1',
          },
        ]
      : [SEATS],
    reference,
    run(s, cands, opts) {
      const seats = seatsOf(opts);
      return committee(count(s, cands, seats, opts), seats);
    },
  };
}

const gregory =
  (variant: GregoryVariant) =>
  (s: Summary, cands: readonly number[] | undefined, seats: number, opts: Options | undefined) =>
    gregoryStv(
      ballotsOf(s, cands),
      seats,
      variant,
      variant === 'scottish' || quotaOption(opts, ['nb', 'droop'], 'nb') === 'droop',
    );

export const multiwinnerRules: ProfileRule[] = [
  stv(
    'stv-scottish',
    ['scottish-stv'],
    'STV (Scottish rules)',
    'Single transferable vote as in Scottish local elections: integer Droop quota ⌊n/(K+1)⌋ + 1; each ballot paper passes on a transfer value truncated to 5 decimals; surpluses one at a time, the largest first, ties by the most recent stage where the candidates differed.',
    'The Scottish Local Government Elections Order 2007 (SSI 2007/42), rules 45–52; pref_voting proportional_methods.stv_scottish',
    gregory('scottish'),
  ),
  stv(
    'stv-wig',
    ['wig-stv', 'stv', 'weighted-inclusive-gregory'],
    'STV (weighted inclusive Gregory)',
    'Single transferable vote whose surplus leaves every ballot of the elected candidate in the same proportion, surplus/total; the part of ballots with no next preference is lost.',
    'Tideman 1995; Tideman & Richardson 2000; pref_voting proportional_methods.stv_wig',
    gregory('wig'),
    true,
  ),
  stv(
    'stv-nb',
    ['nb-stv', 'newland-britton'],
    'STV (Newland–Britton)',
    'Single transferable vote whose surplus is taken only from the ballots that have a next preference (the ERS compensation rule), so no transferable value is lost.',
    'Newland & Britton (ERS rules); Tideman 1995; pref_voting proportional_methods.stv_nb',
    gregory('nb'),
    true,
  ),
  stv(
    'stv-last-parcel',
    ['last-parcel-stv', 'senatorial-stv'],
    'STV (last parcel)',
    'Single transferable vote whose surplus is taken only from the last parcel of ballots that brought the candidate to the quota (the senatorial rule).',
    'Tideman 1995; pref_voting proportional_methods.stv_last_parcel',
    gregory('last-parcel'),
  ),
  stv(
    'stv-meek',
    ['meek-stv', 'meek'],
    'STV (Meek)',
    'Single transferable vote by keep factors: each elected candidate keeps the same fraction of every ballot reaching it, set so that it holds exactly the quota (total − excess)/(K+1), and passes the rest down the ballot.',
    'Hill, Wichmann & Woodall 1987 (Algorithm 123); pref_voting proportional_methods.stv_meek',
    (s, cands, seats) => keepValueStv(ballotsOf(s, cands), seats, 'meek'),
  ),
  stv(
    'stv-warren',
    ['warren-stv', 'warren'],
    'STV (Warren)',
    'Single transferable vote by prices: each elected candidate takes the same amount from every ballot reaching it (or what is left of it), set so that it holds exactly the quota, and the rest flows down the ballot.',
    'Warren 1994; Hill & Warren 2005 (Voting Matters 20); pref_voting proportional_methods.stv_warren',
    (s, cands, seats) => keepValueStv(ballotsOf(s, cands), seats, 'warren'),
  ),
  {
    ...stv(
      'approval-stv',
      [],
      'Approval-STV',
      'Every voter supports all candidates it ranks top among those continuing (its approved ones); a candidate whose supporters hold more than a quota of budget is elected and they pay the quota in proportion; otherwise the least supported is excluded.',
      'Delemazure & Peters 2024; pref_voting proportional_methods.approval_stv',
      (s, cands, seats, opts) =>
        approvalStv(
          ballotsOf(s, cands),
          seats,
          quotaOption(opts, ['droop', 'droop-int', 'hare'], 'droop') as ApprovalQuota,
        ),
    ),
    options: [
      SEATS,
      {
        name: 'quota',
        type: 'string',
        default: 'droop',
        description: 'droop: more than n/(K+1); droop-int: more than ⌊n/(K+1)⌋ + 1; hare: at least n/K',
      },
    ],
  },
  {
    ...stv(
      'cpo-stv',
      ['comparison-of-pairs-of-outcomes'],
      'CPO-STV',
      'Every committee of K is compared with every other: each ballot counts for its top choice among the two committees’ members, only members of both pass on their surpluses, and the margin is the difference of the committees’ votes. The committee beating all others wins; else Minimax over the committees.',
      'Tideman 1995; Tideman & Richardson 2000; pref_voting proportional_methods.cpo_stv',
      (s, cands, seats, opts) =>
        cpoStv(ballotsOf(s, cands), seats, (opts?.surplus ?? 'meek') as InPairSurplus),
    ),
    ties: `Without a committee that beats every other, Minimax on the committees' margins; a tie there goes to the first committee in lexicographic order (details.tieBreaks = 1). Refuses past ${CPO_MAX_COMMITTEES} committees. Ballots with ties split their value equally; unranked candidates never receive.`,
    options: [
      SEATS,
      {
        name: 'surplus',
        type: 'string',
        default: 'meek',
        description:
          'how members of both committees pass on surpluses: meek (same ratio) or warren (same amount per voter)',
      },
    ],
  },
  sequentialStvRule,
];
