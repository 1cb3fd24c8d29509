/**
 * Voting among delegates: each delegate votes sincerely for its part, and a Σ rule from the
 * registry (src/sigma/registry.ts) decides.
 *
 * - Rules over rankings or score ballots read the profile the utilities induce: one ballot per part
 *   (its utilities as scores, equal utilities tied) counted with the part's weight
 *   (`profileFromScores` with counts = weights). Weight-0 parts cast a ballot of weight 0.
 * - Cardinal rules (over utilities) read the problem itself, weights and disagreement point included.
 *
 * `rule` is a rule name or alias, optionally with options as on the command line (`approval:k=2`),
 * or a Rule object; `options` are merged over the spec's. The agreement is the rule's lottery when
 * it returns one, else an action from its winners (the ties): the lowest index, or with `random` a
 * uniform draw from the given seeded stream. Exact rules that need their solver loaded must be
 * prepared first (`await rule.prepare()`), as everywhere in sulab.
 */
import { UserError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import type { UtilityProblem } from '../../core/utility.js';
import { parseMethodSpec } from '../../sigma/apply.js';
import { checkProblem } from '../../sigma/cardinal/common.js';
import { profileFromScores, Summary } from '../../sigma/profile.js';
import type { Options, Rule, RuleResult } from '../../sigma/types.js';
import { type Agreement, actionUtilities, lotteryUtilities, type NegotiationResult } from './common.js';

const NAME = 'voting';

export interface DelegateVotingOptions {
  /** A rule name, optionally with options (`approval:k=2`), or a Rule (default 'borda'). */
  readonly rule?: string | Rule;
  /** The rule's options (merged over those in the spec). */
  readonly options?: Options;
  /** Breaks ties among winners uniformly at random with this stream (default: lowest index). */
  readonly random?: Random;
}

export interface VotingDetails {
  /** The rule's canonical name. */
  readonly rule: string;
  readonly options: Options;
  /** What the rule read: the induced profile, or the utilities. */
  readonly input: 'profile' | 'utilities';
  /** The rule's full result. */
  readonly result: RuleResult;
}

export type VotingResult = NegotiationResult<'voting', VotingDetails>;

/** Sincere voting among the delegates with a Σ rule (see the module comment). */
export function delegateVoting(problem: UtilityProblem, opts: DelegateVotingOptions = {}): VotingResult {
  checkProblem(problem, NAME);
  const spec = opts.rule ?? 'borda';
  let rule: Rule;
  let options: Options;
  if (typeof spec === 'string') {
    const parsed = parseMethodSpec(spec);
    rule = parsed.rule;
    options = { ...parsed.opts, ...(opts.options ?? {}) };
  } else if (spec && typeof spec === 'object' && typeof spec.run === 'function') {
    rule = spec;
    options = opts.options ?? {};
  } else throw new UserError(`expected a rule name, got ${JSON.stringify(spec)}`, `${NAME}: option rule`);

  let result: RuleResult;
  let input: VotingDetails['input'];
  if (rule.input === 'utilities') {
    result = rule.run(problem, options);
    input = 'utilities';
  } else {
    const profile = profileFromScores(
      problem.actions,
      Float64Array.from(problem.u),
      Float64Array.from(problem.weights),
    );
    result = rule.run(new Summary(profile), undefined, options);
    input = 'profile';
  }

  let agreement: Agreement;
  if (result.lottery) agreement = { kind: 'lottery', lottery: Float64Array.from(result.lottery) };
  else {
    const ties = [...result.winners].sort((a, b) => a - b);
    if (ties.length === 0) throw new Error(`voting: ${rule.name} returned no winner`);
    const action = opts.random ? ties[opts.random.int(ties.length)] : ties[0];
    agreement = { kind: 'action', action, ties };
  }
  const utilities =
    agreement.kind === 'lottery'
      ? lotteryUtilities(problem, agreement.lottery)
      : actionUtilities(problem, agreement.action);
  return { protocol: NAME, agreement, utilities, details: { rule: rule.name, options, input, result } };
}
