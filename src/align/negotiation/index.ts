/**
 * Negotiation protocols among AI delegates — the `parts/delegates` reading: "multiple AIs learn the
 * preferences of different humans, and then negotiate with each other". One delegate per part of
 * H (weight > 0), each knowing its part's utilities; the protocol decides what they agree on.
 *
 * Each protocol is one file plus one line in `protocols` below, with its metadata (options as the
 * CLI and scenario files give them) and a typed function:
 * - `alternatingOffers` — rotating proposers, unanimity, discounting; backward induction (finite
 *   rounds) and its limit (alternating-offers.ts);
 * - `nashDemandGame` — simultaneous demands on a grid; all efficient equilibria, Nash's selection
 *   (nash-demand.ts);
 * - `delegateVoting` — sincere votes under any Σ rule of the registry (voting.ts).
 * `negotiate(problem, protocol, opts)` dispatches by name.
 */
import { MAX_WORK } from './limit-bounds.js';
import { quoteName } from '../../core/registry.js';
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import type { OptionSpec } from '../../sigma/types.js';
import {
  type AlternatingOffersOptions,
  type AlternatingOffersResult,
  alternatingOffers,
} from './alternating-offers.js';
import type { NegotiationResult, ProtocolName } from './common.js';
import { type NashDemandOptions, type NashDemandResult, nashDemandGame } from './nash-demand.js';
import { type DelegateVotingOptions, delegateVoting, type VotingResult } from './voting.js';

export type {
  AlternatingOffersDetails,
  AlternatingOffersOptions,
  AlternatingOffersResult,
  HorizonLimit,
  Offer,
} from './alternating-offers.js';
export { alternatingOffers } from './alternating-offers.js';
export type { Agreement, NegotiationResult, ProtocolName } from './common.js';
export type {
  DemandEquilibrium,
  NashDemandDetails,
  NashDemandOptions,
  NashDemandResult,
} from './nash-demand.js';
export { nashDemandGame } from './nash-demand.js';
export type { DelegateVotingOptions, VotingDetails, VotingResult } from './voting.js';
export { delegateVoting } from './voting.js';

/** Any protocol's result. */
export type AnyNegotiationResult = AlternatingOffersResult | NashDemandResult | VotingResult;

/** Options as a plain record (from a file or flags); each protocol checks the ones it knows. */
export type ProtocolOptions = Readonly<Record<string, unknown>>;

export interface Protocol {
  readonly name: ProtocolName;
  readonly aliases: readonly string[];
  readonly title: string;
  /** The protocol and its equilibrium or selection, in a sentence or two. */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Options only code can give (objects), besides `options`. */
  readonly programmatic?: readonly string[];
  readonly reference: string;
  run(problem: UtilityProblem, opts: ProtocolOptions): NegotiationResult;
}

const disagreement: OptionSpec = {
  name: 'disagreement',
  type: 'number[]',
  description: "each part's disagreement utility (default: the problem's, else its minimum over the actions)",
};
const lotteries: OptionSpec = {
  name: 'lotteries',
  type: 'boolean',
  default: false,
  description: 'decisions are lotteries over actions (default: pure actions)',
};

export const protocols: readonly Protocol[] = [
  {
    name: 'alternating-offers',
    aliases: ['rubinstein', 'bargaining'],
    title: 'Alternating offers',
    description:
      'Delegates take turns proposing; a proposal needs everyone’s acceptance; delay discounts gains over the disagreement point. Solved by backward induction (subgame-perfect: each proposer offers the others just their discounted continuation value), for T rounds or in the limit T → ∞.',
    options: [
      {
        name: 'discount',
        type: 'number[]',
        default: 0.95,
        description: 'discount factor per round in (0, 1]: one number, or one per part',
      },
      {
        name: 'rounds',
        type: 'number',
        description: 'number of rounds; omitted: the limit as the rounds grow without bound',
      },
      lotteries,
      {
        name: 'order',
        type: 'number[]',
        description: 'proposers in turn (part indices; default: by decreasing weight, then index)',
      },
      disagreement,
      { name: 'maxRounds', type: 'number', default: 100000, description: 'cap on rounds for the limit' },
      {
        name: 'maxPlayed',
        type: 'number',
        default: 10000,
        description:
          'cap on the rounds the limit plays one by one, per residue (cycle maps skip the rest; at least 2·ln(tolerance)/ln(δ))',
      },
      {
        name: 'maxWork',
        type: 'number',
        default: MAX_WORK,
        description:
          'over lotteries: bound on residues × rounds × delegates × actions × min(delegates, actions), past which the negotiation is refused',
      },
      {
        name: 'tolerance',
        type: 'number',
        default: 1e-12,
        description: 'convergence tolerance of the limit',
      },
    ],
    programmatic: ['residues'],
    reference:
      'Rubinstein (1982), Perfect equilibrium in a bargaining model, Econometrica 50; Binmore, Rubinstein & Wolinsky (1986), RAND J. Econ. 17',
    run: (p, o) => alternatingOffers(p, o as AlternatingOffersOptions),
  },
  {
    name: 'nash-demand',
    aliases: ['demand-game', 'nash-demand-game'],
    title: 'Nash demand game',
    description:
      'Delegates demand utility levels at once (on a grid); compatible demands are met, otherwise disagreement. Every efficient compatible demand vector is an equilibrium; Nash’s smoothing selects the one maximizing the Nash product of gains.',
    options: [
      { name: 'grid', type: 'number', default: 20, description: "grid steps over each part's range" },
      lotteries,
      {
        name: 'weighted',
        type: 'boolean',
        default: false,
        description: 'select by the weighted Nash product (default: symmetric, as Nash)',
      },
      disagreement,
      {
        name: 'maxCells',
        type: 'number',
        default: 100000,
        description:
          'lotteries: cap on grid cells, (grid + 1)^(delegates − 1) with one LP each (exponential in the delegates); past it the reading refuses',
      },
    ],
    reference: 'Nash (1953), Two-person cooperative games, Econometrica 21',
    run: (p, o) => nashDemandGame(p, o as NashDemandOptions),
  },
  {
    name: 'voting',
    aliases: ['delegate-voting', 'vote'],
    title: 'Voting among delegates',
    description:
      'Delegates vote sincerely with a Σ rule: ranking and score rules read the profile the utilities induce (ballots weighted by the parts’ weights), cardinal rules read the utilities.',
    options: [
      { name: 'rule', type: 'string', default: 'borda', description: 'a Σ rule, e.g. borda or approval:k=2' },
    ],
    programmatic: ['options', 'random'],
    reference: 'the rule’s own (sulab methods)',
    run: (p, o) => {
      const { rule, options, random } = o as DelegateVotingOptions;
      return delegateVoting(p, { rule, options, random });
    },
  },
];

const byName = new Map<string, Protocol>();
for (const p of protocols) for (const n of [p.name, ...p.aliases]) byName.set(n, p);

/** The protocol called `name` (or an alias; any case, underscores or spaces for hyphens). */
export function getProtocol(name: string): Protocol {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  const p = byName.get(key);
  if (!p)
    throw new UserError(
      `unknown negotiation protocol ${quoteName(name)}; expected one of ${protocols.map((q) => q.name).join(', ')}`,
      'protocol',
    );
  return p;
}

/** Runs a protocol by name (default alternating offers). */
export function negotiate(
  problem: UtilityProblem,
  protocol: 'alternating-offers',
  opts?: AlternatingOffersOptions,
): AlternatingOffersResult;
export function negotiate(
  problem: UtilityProblem,
  protocol: 'nash-demand',
  opts?: NashDemandOptions,
): NashDemandResult;
export function negotiate(
  problem: UtilityProblem,
  protocol: 'voting',
  opts?: DelegateVotingOptions,
): VotingResult;
export function negotiate(
  problem: UtilityProblem,
  protocol?: string,
  opts?: ProtocolOptions,
): AnyNegotiationResult;
export function negotiate(
  problem: UtilityProblem,
  protocol = 'alternating-offers',
  opts: object = {},
): AnyNegotiationResult {
  const p = getProtocol(protocol);
  const known = [...p.options.map((o) => o.name), ...(p.programmatic ?? [])];
  for (const [key, value] of Object.entries(opts))
    if (value !== undefined && !known.includes(key))
      throw new UserError(
        `${p.name} has no option ${quoteName(key)} (options: ${known.join(', ')})`,
        'protocol',
      );
  return p.run(problem, opts as ProtocolOptions) as AnyNegotiationResult;
}
