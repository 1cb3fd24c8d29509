/**
 * parts/idealized: "Just making all the parts less computationally bounded and bargaining a
 * solution." H's leaves (every nested team heard through its own members) are idealized by a list
 * of operators applied in the order written (../idealize/operators.ts: informed, unbounded,
 * deliberated, reflective, coherent), then bargain with Σ′ (default Nash bargaining) over the
 * actions still on the table. Scores are Σ′'s approval of each action. The default list,
 * "informed, unbounded" (the parts see the true world model; H's noise is gone), is the reading as
 * it stood before operators existed, and gives its numbers exactly.
 *
 * Notes (unless `explore: false`): the operators applied, where the target flips as each
 * operator's level is swept, and how many orders of the same operators pick another target.
 */
import { UserError } from '../../core/errors.js';
import { sigmaCall } from '../../sigma/apply-utilities.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import { bargain } from '../idealize/bargain.js';
import {
  countOrders,
  type LevelSweep,
  type OrderCount,
  orderNote,
  sweepNote,
  sweepOperators,
} from '../idealize/explore.js';
import {
  callText,
  DEFAULT_OPERATORS,
  idealize,
  idealOperators,
  type OperatorCall,
  parseOperators,
} from '../idealize/operators.js';
import { baseView } from '../idealize/view.js';
import type { AlignContext, Operationalization, Reading } from '../types.js';

/** The operators option's problem, or undefined (the loader reports it at the option's line). */
function checkOperators(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    parseOperators(value);
    return undefined;
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
}

// Σ′'s own options are not declared here (as before operators): `rule` names Σ′ with its defaults.
const options: readonly OptionSpec[] = [
  { name: 'rule', type: 'string', default: 'nash-bargaining', description: 'the bargaining rule Σ′' },
  {
    name: 'operators',
    type: 'string',
    default: DEFAULT_OPERATORS,
    description: `idealization operators applied in order, NAME or NAME:LEVEL, comma-separated (${idealOperators.map((o) => o.name).join(', ')})`,
    check: checkOperators,
  },
  {
    name: 'explore',
    type: 'boolean',
    default: true,
    description: 'note where the target flips as each level is swept, and how many orders disagree',
  },
];

/** The operator calls an options object names (the default list when it names none). */
export function operatorCalls(opts: Options): OperatorCall[] {
  const text = opts.operators ?? DEFAULT_OPERATORS;
  if (typeof text !== 'string')
    throw new UserError('operators: expected a string such as "informed, deliberated:3"');
  return parseOperators(text);
}

/** The idealized reading for an operator list (and its notes from the operators themselves). */
export function readIdealized(
  ctx: AlignContext,
  calls: readonly OperatorCall[],
  opts: Options = {},
): Reading {
  const { rule = 'nash-bargaining', operators: _o, explore: _e, ...rest } = opts;
  const call = sigmaCall(String(rule));
  for (const k of Object.keys(rest))
    if (!call.rule.options?.some((o) => o.name === k))
      throw new Error(`parts/idealized: ${call.rule.name} has no option "${k}"`);
  const sigma = { rule: call.rule, options: rest };
  const { view, notes } = idealize(baseView(ctx), calls, { truth: ctx.scenario.truth });
  const b = bargain(view, sigma, ctx.h, ctx.scenario.bounds.samples, () => ctx.rng('idealized'));
  return { ...b, notes };
}

/**
 * What the choice depends on, as data (for reports and plots): each level swept with the others as
 * written, and the count of orders that pick another target.
 */
export function exploreIdealized(
  ctx: AlignContext,
  opts: Options = {},
): { calls: OperatorCall[]; sweeps: LevelSweep[]; orders: OrderCount } {
  const calls = operatorCalls(opts);
  const run = (cs: readonly OperatorCall[]) => readIdealized(ctx, cs, opts).target;
  return {
    calls,
    sweeps: sweepOperators(calls, run, ctx.actions),
    orders: countOrders(calls, run, ctx.actions),
  };
}

export const idealized: Operationalization = {
  id: 'parts/idealized',
  family: 'parts',
  title: 'Parts: idealized, then bargain',
  description:
    'The parts are idealized by operators in order (default: they see the true world model and H’s noise is gone; also deliberation, meta-preferences, coherence), then bargain with Σ′ (default Nash bargaining).',
  claims: [],
  options,
  read(ctx, opts: Options) {
    const calls = operatorCalls(opts);
    const r = readIdealized(ctx, calls, opts);
    const notes = [`operators: ${calls.length > 0 ? calls.map(callText).join(', ') : 'none'}`, ...r.notes];
    // The sweeps and orders are notes: left out when they are not read.
    if (opts.explore !== false && !ctx.quiet) {
      const { sweeps, orders } = exploreIdealized(ctx, opts);
      for (const s of sweeps) notes.push(sweepNote(s));
      const o = orderNote(orders, calls.length);
      if (o) notes.push(o);
    }
    return { ...r, notes };
  },
};
