/**
 * What the market rules share: who has how much currency, what each participant is willing to pay
 * for each action, and the report of who paid for the decision and who gained by pooling.
 *
 * The model every market rule reads (one problem, parts × actions):
 * - Values. Part i's utility is put on [0, 1] by min–max over the actions, ū_i (its worst 0, its
 *   best 1; a part indifferent among all actions gets 0 everywhere and has nothing to buy). Its
 *   value in currency is v_i(a) = B_i ū_i(a): a part would pay up to its whole budget to move the
 *   decision from its worst action to its best (quasi-linear: its payoff is value minus payment).
 * - Budgets B_i. Option `budgets`: a list (one per part; one number = the same for every part),
 *   `weights` (default: each part's weight) or `equal` (money-like: one unit each). A part with
 *   budget 0 takes no part.
 * - Currency. `money` (default): the budgets as given. `computation`: the currency is compute, and
 *   a part spends the fraction `complexity` c_i ∈ [0, 1] of its budget computing its own values,
 *   so it has B_i (1 − c_i) left to spend on the decision. This is the essay's "easier to compute
 *   values getting a larger share".
 * - Regulator. `cap` and `floor` bound each part's share of all the currency: shares become
 *   clamp(t · B_i / ΣB, floor, cap) with t fixed so they sum to 1 (water-filling), among the parts
 *   whose budget before computation costs is positive; the total currency is unchanged (the
 *   regulator redistributes, it prints no money). A floor lifts a part whose values were too
 *   expensive to compute; a cap holds back the richest.
 * - Collusion. `coalitions`: one label per part; parts with the same non-negative label pool.
 *   A pooling coalition is one participant: its budget is the members' budgets together and its
 *   value is the sum of theirs, V_C = Σ_{i∈C} v_i, put on [0, 1] by min–max like a part's (so it
 *   can spend the whole pooled budget on its members' joint interest). Quadratic voting keeps the
 *   quadratic cost per part (credits are not transferable): there the members coordinate instead,
 *   each voting its own credits the coalition's way. The regulator acts on parts, before pooling:
 *   pooling is how a coalition gets around a per-part cap.
 *
 * Every market result carries `details` (MarketDetails): each part's stake (its share of the
 * budgets as given), its share after computation costs and regulation, its share of the currency
 * behind the decision, what it spent, and its normalized utility of the decision (mean over tied
 * winners; expected over a lottery); and for each pooling coalition its members' utility and
 * payments with and without pooling (the rule run again with every part alone).
 */
import { UserError } from '../../core/errors.js';
import type { UtilityProblem } from '../../core/utility.js';
import type { OptionSpec, Options, RuleResult } from '../types.js';
import { allTied, checkProblem, stringOption } from '../cardinal/common.js';

/** One participant of the market: a part alone, or a pooling coalition. */
export interface Participant {
  /** Its parts, ascending. */
  readonly members: readonly number[];
  /** Each member's budget (after computation costs and regulation), in `members` order. */
  readonly memberBudgets: readonly number[];
  /** The pooled budget Σ memberBudgets. */
  readonly budget: number;
  /** Its value per action normalized to [0, 1] (min–max of the summed values; 0s if flat). */
  readonly value: Float64Array;
}

/** A market as a rule sees it. */
export interface Market {
  readonly parts: number;
  readonly actions: number;
  /** Each part's utilities on [0, 1] (min–max; 0s for an indifferent part), parts × actions. */
  readonly norm: Float64Array;
  /** Each part's budget after computation costs and regulation. */
  readonly budgets: Float64Array;
  readonly participants: readonly Participant[];
}

/** What a market rule's core returns: its result and, per participant, what it spent and its share. */
export interface Outcome {
  readonly result: RuleResult;
  /** Currency each participant spent (payments, credits, money). */
  readonly spent: ArrayLike<number>;
  /** Each participant's share of the currency behind the decision (sums to 1 when anyone spent). */
  readonly share: ArrayLike<number>;
  /** Rule-specific facts to report beside the shared ones. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface PartReport {
  /** Its share of the budgets as given (before computation costs and regulation). */
  readonly stake: number;
  /** Its budget after computation costs and regulation, and that as a share of the total. */
  readonly budget: number;
  readonly budgetShare: number;
  /** Its share of the currency behind the decision (a coalition's share split by member budgets). */
  readonly decisionShare: number;
  /** Currency it spent (a coalition's spending split by member budgets). */
  readonly spent: number;
  /** Its normalized utility ū of the decision. */
  readonly utility: number;
}

export interface CoalitionReport {
  readonly members: readonly number[];
  /** The members' total normalized utility of the decision with pooling and with every part alone. */
  readonly utility: { readonly pooled: number; readonly alone: number };
  /** utility.pooled − utility.alone. */
  readonly gain: number;
  /** What the members spent together, pooled and alone. */
  readonly spent: { readonly pooled: number; readonly alone: number };
}

export interface MarketDetails {
  readonly currency: 'money' | 'computation';
  readonly parts: readonly PartReport[];
  readonly coalitions: readonly CoalitionReport[];
  readonly [key: string]: unknown;
}

/** The market report of a market rule's result. */
export function marketDetails(r: RuleResult): MarketDetails {
  if (!r.details || !('parts' in r.details)) throw new Error('not a market rule result');
  return r.details as unknown as MarketDetails;
}

/**
 * What a scenario loader can check of a market option before the parts are known (so a bad value
 * is reported at its file and line): every number of it passes `ok`. Lengths per part, and the
 * cap against the floor, are checked when the market runs.
 */
function eachNumber(x: unknown, ok: (v: number) => boolean, expected: string): string | undefined {
  const xs = typeof x === 'number' ? [x] : Array.isArray(x) ? x : [];
  const i = xs.findIndex((v) => typeof v !== 'number' || !ok(v));
  if (i < 0) return undefined;
  return `expected ${expected}, got ${xs[i]}${xs.length > 1 ? ` (entry ${i})` : ''}`;
}

export const marketOptions: readonly OptionSpec[] = [
  {
    name: 'budgets',
    type: 'number[]',
    description:
      "each part's budget (one number: the same for every part); default: its weight. From code also `weights` or `equal`",
    check: (x) => eachNumber(x, (b) => Number.isFinite(b) && b >= 0, 'a non-negative budget'),
    perPart: true,
  },
  {
    name: 'currency',
    type: 'string',
    default: 'money',
    description:
      '`money`: the budgets as given; `computation`: each part first spends the fraction `complexity` of its budget computing its values',
  },
  {
    name: 'complexity',
    type: 'number[]',
    default: 0,
    description: "under currency computation, the fraction in [0, 1] of each part's budget its values cost",
    check: (x) => eachNumber(x, (c) => c >= 0 && c <= 1, 'a number in [0, 1]'),
    perPart: true,
  },
  {
    name: 'coalitions',
    type: 'number[]',
    description:
      'one label per part: parts with the same non-negative label pool their currency (collusion); −1 = alone',
    check: (x) => eachNumber(x, (c) => Number.isInteger(c) && c >= -1, 'an integer label ≥ −1'),
    perPart: true,
  },
  {
    name: 'cap',
    type: 'number',
    default: 1,
    description: 'regulator: the largest share of all the currency a part may hold',
    check: (x) => eachNumber(x, (c) => c > 0 && c <= 1, 'a share in (0, 1]'),
  },
  {
    name: 'floor',
    type: 'number',
    default: 0,
    description: 'regulator: the smallest share of all the currency a part at the table holds',
    check: (x) => eachNumber(x, (c) => c >= 0 && c <= 1, 'a share in [0, 1]'),
  },
];

/** A per-part list option: a list of `n` numbers, or one number for everyone. */
function perPart(x: unknown, n: number, where: string): Float64Array | undefined {
  if (x === undefined) return undefined;
  if (typeof x === 'number') x = [x];
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number'))
    throw new UserError(`expected a number or a list of ${n} numbers, got ${JSON.stringify(x)}`, where);
  if (x.length === 1) return new Float64Array(n).fill(x[0]);
  if (x.length !== n) throw new UserError(`expected ${n} numbers (one per part), got ${x.length}`, where);
  return Float64Array.from(x as number[]);
}

function numberOption(opts: Options | undefined, name: string, dflt: number, rule: string): number {
  const v = opts?.[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new UserError(`expected a number, got ${JSON.stringify(v)}`, `${rule}: option ${name}`);
  return v;
}

/** The budgets as given by option `budgets`. */
function baseBudgets(p: UtilityProblem, opts: Options | undefined, rule: string): Float64Array {
  const where = `${rule}: option budgets`;
  const o = opts?.budgets;
  if (o === undefined || o === 'weights') return Float64Array.from(p.weights);
  if (o === 'equal') return new Float64Array(p.parts).fill(1);
  if (typeof o === 'string') throw new UserError(`expected numbers, weights or equal, got "${o}"`, where);
  const b = perPart(o, p.parts, where)!;
  b.forEach((x, i) => {
    if (!(Number.isFinite(x) && x >= 0))
      throw new UserError(`expected a non-negative budget, got ${x}`, `${where}[${i}]`);
  });
  return b;
}

/**
 * Shares clamp(t·r_i, lo, hi) summing to 1 over the parts in `on` (r: shares before regulation,
 * summing to 1 over them). Exact: bisection finds which parts sit at a bound, then t is solved.
 */
export function regulate(r: Float64Array, on: readonly number[], lo: number, hi: number): Float64Array {
  const out = new Float64Array(r.length);
  const clamp = (t: number, i: number) => Math.min(hi, Math.max(lo, t * r[i]));
  const total = (t: number) => on.reduce((s, i) => s + clamp(t, i), 0);
  let a = 0;
  let b = 1;
  while (total(b) < 1 && b < 1e300) b *= 2;
  for (let k = 0; k < 200; k++) {
    const m = (a + b) / 2;
    if (total(m) < 1) a = m;
    else b = m;
  }
  // The parts strictly inside (lo, hi) at t = b share what the bounded ones leave.
  let fixed = 0;
  let free = 0;
  for (const i of on) {
    const x = b * r[i];
    if (x <= lo || x >= hi) fixed += clamp(b, i);
    else free += r[i];
  }
  const t = free > 0 ? (1 - fixed) / free : b;
  for (const i of on) out[i] = clamp(t, i);
  return out;
}

/** Min–max of one row into `out` (0s when flat). */
function minmax(row: ArrayLike<number>, out: Float64Array, at: number, A: number): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let a = 0; a < A; a++) {
    lo = Math.min(lo, row[a]);
    hi = Math.max(hi, row[a]);
  }
  const span = hi - lo;
  const flat = !(span > 1e-12 * Math.max(1, Math.abs(hi), Math.abs(lo)));
  for (let a = 0; a < A; a++) out[at + a] = flat ? 0 : (row[a] - lo) / span;
}

/** The coalition labels, checked: null when every part is alone. */
function coalitionLabels(p: UtilityProblem, opts: Options | undefined, rule: string): Float64Array | null {
  const where = `${rule}: option coalitions`;
  const c = perPart(opts?.coalitions, p.parts, where);
  if (!c) return null;
  c.forEach((x, i) => {
    if (!Number.isInteger(x)) throw new UserError(`expected an integer label, got ${x}`, `${where}[${i}]`);
  });
  return c;
}

/** Groups parts by label: each group of 2+ parts with a non-negative label pools. */
function groups(n: number, labels: Float64Array | null): number[][] {
  const out: number[][] = [];
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = labels ? labels[i] : -1;
    if (l < 0) {
      out.push([i]);
      continue;
    }
    const g = byLabel.get(l);
    if (g) g.push(i);
    else {
      const fresh = [i];
      byLabel.set(l, fresh);
      out.push(fresh);
    }
  }
  return out;
}

interface Setup {
  readonly currency: 'money' | 'computation';
  readonly stake: Float64Array;
  readonly norm: Float64Array;
  readonly budgets: Float64Array;
  readonly labels: Float64Array | null;
}

function setup(p: UtilityProblem, opts: Options | undefined, rule: string): Setup {
  checkProblem(p, rule);
  const n = p.parts;
  const A = p.actions;
  const base = baseBudgets(p, opts, rule);
  const currency = stringOption(opts, 'currency', ['money', 'computation'] as const, 'money', rule);
  const complexity = perPart(opts?.complexity, n, `${rule}: option complexity`);
  if (complexity && currency !== 'computation' && complexity.some((c) => c !== 0))
    throw new UserError(
      'complexity costs budget only under currency computation',
      `${rule}: option complexity`,
    );
  complexity?.forEach((c, i) => {
    if (!(c >= 0 && c <= 1))
      throw new UserError(`expected a number in [0, 1], got ${c}`, `${rule}: option complexity[${i}]`);
  });
  const cap = numberOption(opts, 'cap', 1, rule);
  const floor = numberOption(opts, 'floor', 0, rule);
  if (!(cap > 0 && cap <= 1))
    throw new UserError(`expected a share in (0, 1], got ${cap}`, `${rule}: option cap`);
  if (!(floor >= 0 && floor <= cap))
    throw new UserError(`expected a share in [0, cap], got ${floor}`, `${rule}: option floor`);
  const on: number[] = [];
  for (let i = 0; i < n; i++) if (base[i] > 0) on.push(i);
  if (on.length * floor > 1 + 1e-12)
    throw new UserError(
      `${on.length} parts cannot each hold ${floor} of the currency`,
      `${rule}: option floor`,
    );
  if (on.length > 0 && on.length * cap < 1 - 1e-12)
    throw new UserError(
      `${on.length} parts cannot hold all the currency at ${cap} each`,
      `${rule}: option cap`,
    );
  let total = 0;
  for (const i of on) total += base[i];
  const stake = Float64Array.from(base, (b) => (total > 0 ? b / total : 0));
  const cost = currency === 'computation' && complexity ? complexity : new Float64Array(n);
  const budgets = Float64Array.from(base, (b, i) => b * (1 - cost[i]));
  let left = 0;
  for (const i of on) left += budgets[i];
  if (left > 0 && (cap < 1 || floor > 0)) {
    // Parts left with no currency (complexity 1) hold the floor at most: the others must absorb the rest.
    const live = on.filter((i) => budgets[i] > 0).length;
    if (live * cap + (on.length - live) * floor < 1 - 1e-12)
      throw new UserError(
        `the parts with currency left (${live}) cannot hold it all at ${cap} each`,
        `${rule}: option cap`,
      );
    const shares = regulate(
      Float64Array.from(budgets, (b) => b / left),
      on,
      floor,
      cap,
    );
    for (const i of on) budgets[i] = shares[i] * left;
  }
  const norm = new Float64Array(n * A);
  for (let i = 0; i < n; i++) minmax(p.u.subarray(i * A, (i + 1) * A), norm, i * A, A);
  return { currency, stake, norm, budgets, labels: coalitionLabels(p, opts, rule) };
}

function marketOf(p: UtilityProblem, s: Setup, labels: Float64Array | null): Market {
  const A = p.actions;
  const participants = groups(p.parts, labels).map((members): Participant => {
    const memberBudgets = members.map((i) => s.budgets[i]);
    const budget = memberBudgets.reduce((t, b) => t + b, 0);
    const value = new Float64Array(A);
    if (members.length === 1) value.set(s.norm.subarray(members[0] * A, (members[0] + 1) * A));
    else {
      const sum = new Float64Array(A);
      for (const i of members) for (let a = 0; a < A; a++) sum[a] += s.budgets[i] * s.norm[i * A + a];
      minmax(sum, value, 0, A);
    }
    return { members, memberBudgets, budget, value };
  });
  return { parts: p.parts, actions: A, norm: s.norm, budgets: s.budgets, participants };
}

/** The decision as a lottery: the rule's lottery, else uniform over its winners. */
function decisionLottery(r: RuleResult, A: number): Float64Array {
  const x = new Float64Array(A);
  if (r.lottery) x.set(r.lottery);
  else for (const a of r.winners) x[a] = 1 / r.winners.length;
  return x;
}

function utilitiesOf(m: Market, r: RuleResult): Float64Array {
  const A = m.actions;
  const x = decisionLottery(r, A);
  const out = new Float64Array(m.parts);
  for (let i = 0; i < m.parts; i++) for (let a = 0; a < A; a++) out[i] += x[a] * m.norm[i * A + a];
  return out;
}

/** Splits participant amounts among members by budget (equally when the budgets are all 0). */
function perMember(m: Market, xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.parts);
  m.participants.forEach((q, k) => {
    if (q.members.length === 1) out[q.members[0]] = xs[k];
    else
      q.members.forEach((i, j) => {
        out[i] = q.budget > 0 ? (xs[k] * q.memberBudgets[j]) / q.budget : xs[k] / q.members.length;
      });
  });
  return out;
}

/**
 * Runs a market rule: sets the market up from the options, runs `core` on it, and reports — with
 * pooling coalitions, also the same market with every part alone, for the collusion gain.
 */
export function runMarket(
  p: UtilityProblem,
  opts: Options | undefined,
  rule: string,
  core: (m: Market) => Outcome,
): RuleResult {
  const s = setup(p, opts, rule);
  let left = 0;
  for (let i = 0; i < p.parts; i++) left += s.budgets[i];
  if (!(left > 0)) return { ...allTied(p.actions), details: report(s, null, null, []) };
  const m = marketOf(p, s, s.labels);
  const out = core(m);
  const pooling = m.participants.filter((q) => q.members.length > 1);
  const coalitions: CoalitionReport[] = [];
  if (pooling.length > 0) {
    const alone = marketOf(p, s, null);
    const base = core(alone);
    const uWith = utilitiesOf(m, out.result);
    const uAlone = utilitiesOf(alone, base.result);
    const sWith = perMember(m, out.spent);
    const sAlone = perMember(alone, base.spent);
    const sum = (xs: Float64Array, members: readonly number[]) => members.reduce((t, i) => t + xs[i], 0);
    for (const q of pooling) {
      const pooled = sum(uWith, q.members);
      const aloneU = sum(uAlone, q.members);
      coalitions.push({
        members: q.members,
        utility: { pooled, alone: aloneU },
        gain: pooled - aloneU,
        spent: { pooled: sum(sWith, q.members), alone: sum(sAlone, q.members) },
      });
    }
  }
  return { ...out.result, details: report(s, m, out, coalitions) };
}

function report(
  s: Setup,
  m: Market | null,
  out: Outcome | null,
  coalitions: CoalitionReport[],
): MarketDetails {
  const n = s.stake.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += s.budgets[i];
  const spent = m && out ? perMember(m, out.spent) : new Float64Array(n);
  const share = m && out ? perMember(m, out.share) : new Float64Array(n);
  const utility = m && out ? utilitiesOf(m, out.result) : new Float64Array(n);
  const parts: PartReport[] = [];
  for (let i = 0; i < n; i++)
    parts.push({
      stake: s.stake[i],
      budget: s.budgets[i],
      budgetShare: total > 0 ? s.budgets[i] / total : 0,
      decisionShare: share[i],
      spent: spent[i],
      utility: utility[i],
    });
  return { currency: s.currency, parts, coalitions, ...(out?.extra ?? {}) };
}

/**
 * Each participant's share of the currency behind the decision: `behind(a)[k]` is what k put
 * behind action a (bids, values, votes for it); shares of it, averaged over the tied winners.
 */
export function winnersShare(
  winners: readonly number[],
  K: number,
  behind: (a: number) => ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(K);
  for (const a of winners) {
    const s = shares(behind(a));
    for (let k = 0; k < K; k++) out[k] += s[k] / winners.length;
  }
  return out;
}

/** Normalizes xs to sum 1 (all 0 if they sum to 0). */
export function shares(xs: ArrayLike<number>): Float64Array {
  let t = 0;
  for (let k = 0; k < xs.length; k++) t += xs[k];
  return Float64Array.from(xs as ArrayLike<number>, (x) => (t > 0 ? x / t : 0));
}
