/**
 * What the negotiation protocols share: the result type, the "table" (who has a delegate, the
 * disagreement point, each part's range), option checking, and small helpers over decisions.
 *
 * Conventions every protocol follows (the cardinal rules' conventions, src/sigma/cardinal/common.ts):
 * - Parts with weight 0 have no delegate: they never propose, demand, vote or constrain a deal.
 *   Their utilities are still reported.
 * - The disagreement point is the `disagreement` option, else the problem's own, else each part's
 *   minimum utility over the actions.
 * - Two numbers are tied when they agree to EPS = 1e-9 relative (src/sigma/result.ts).
 */
import { UserError } from '../../core/errors.js';
import { type UtilityProblem, utilityBounds } from '../../core/utility.js';
import { checkProblem, disagreementOf, same, seated } from '../../sigma/cardinal/common.js';
import type { Target } from '../types.js';

export { same };

/** The protocols, by canonical name. */
export type ProtocolName = 'alternating-offers' | 'nash-demand' | 'voting';

/**
 * What delegates agreed on: one action (with the tie set it was chosen from, lowest index picked
 * unless a protocol says otherwise) or a lottery over actions. `null` means no agreement: every
 * part gets its disagreement utility.
 */
export type Agreement = Target | null;

/** The common result of every protocol. */
export interface NegotiationResult<P extends ProtocolName = ProtocolName, D = unknown> {
  readonly protocol: P;
  readonly agreement: Agreement;
  /**
   * Each part's utility (one per part, weight-0 parts included): of the agreed action, the expected
   * utility of the agreed lottery, or the disagreement utility when there is no agreement.
   * Undiscounted: what the decision itself gives (alternating offers also reports discounted values).
   */
  readonly utilities: Float64Array;
  readonly details: D;
}

/** A checked problem with what every protocol reads. */
export interface Table {
  readonly p: UtilityProblem;
  /** The disagreement point (one per part). */
  readonly d: Float64Array;
  /** The parts with a delegate (weight > 0), ascending. */
  readonly seated: readonly number[];
  /** Each part's minimum and maximum utility over the actions. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** hi − lo, or 1 for a part indifferent among the actions (a unit for tolerances and sums). */
  readonly range: Float64Array;
}

/** Checks the problem and the disagreement option; throws a UserError naming `where`. */
export function table(p: UtilityProblem, disagreement: unknown, where: string): Table {
  checkProblem(p, where);
  const d = disagreementOf(
    p,
    disagreement === undefined ? undefined : { disagreement: disagreement as readonly number[] },
    where,
  );
  const s = seated(p);
  if (s.length === 0) throw new UserError('no part has a positive weight: nobody is at the table', where);
  const { lo, hi } = utilityBounds(p);
  const range = new Float64Array(p.parts);
  for (let i = 0; i < p.parts; i++) range[i] = hi[i] > lo[i] ? hi[i] - lo[i] : 1;
  return { p, d, seated: s, lo, hi, range };
}

/** Each part's utility for action a. */
export function actionUtilities(p: UtilityProblem, a: number): Float64Array {
  const out = new Float64Array(p.parts);
  for (let i = 0; i < p.parts; i++) out[i] = p.u[i * p.actions + a];
  return out;
}

/** Each part's expected utility under a lottery (into `out` when given). */
export function lotteryUtilities(
  p: UtilityProblem,
  x: ArrayLike<number>,
  out: Float64Array = new Float64Array(p.parts),
): Float64Array {
  for (let i = 0; i < p.parts; i++) {
    let t = 0;
    for (let a = 0; a < p.actions; a++) t += x[a] * p.u[i * p.actions + a];
    out[i] = t;
  }
  return out;
}

/** Each part's utility under an agreement (the disagreement point when there is none). */
export function agreementUtilities(t: Table, agreement: Agreement): Float64Array {
  if (agreement === null) return Float64Array.from(t.d);
  return agreement.kind === 'action'
    ? actionUtilities(t.p, agreement.action)
    : lotteryUtilities(t.p, agreement.lottery);
}

/** A solver's lottery with solver noise (entries below 1e-12) dropped and the rest renormalized (into `out` when given). */
export function cleanLottery(
  x: ArrayLike<number>,
  out: Float64Array = new Float64Array(x.length),
): Float64Array {
  let total = 0;
  for (let a = 0; a < x.length; a++) {
    out[a] = x[a] > 1e-12 ? x[a] : 0;
    total += out[a];
  }
  for (let a = 0; a < x.length; a++) out[a] /= total;
  return out;
}

/**
 * Typed arrays carved from shared blocks, for the many small working arrays of one protocol call:
 * V8 gives a typed array of more than 8 numbers a buffer of its own, which costs several times a
 * view on an existing buffer (and a large buffer costs more than a few small ones: blocks of 4 KiB).
 * A block is never reused, so views start zeroed like fresh arrays.
 */
export class Arena {
  private block: ArrayBuffer | null = null;
  private used = 0;

  constructor(private readonly blockBytes = 4096) {}

  f64(n: number): Float64Array {
    const at = this.take(8 * n); // first: it may start a new block
    return new Float64Array(this.block!, at, n);
  }

  i32(n: number): Int32Array {
    const at = this.take(8 * Math.ceil(n / 2));
    return new Int32Array(this.block!, at, n);
  }

  /** The offset of `bytes` fresh bytes (a multiple of 8), in a new block when this one is full. */
  private take(bytes: number): number {
    if (!this.block || this.used + bytes > this.block.byteLength) {
      this.block = new ArrayBuffer(Math.max(this.blockBytes, bytes));
      this.used = 0;
    }
    this.used += bytes;
    return this.used - bytes;
  }
}

/** Row i of the utilities (a view). */
export function row(p: UtilityProblem, i: number): Float64Array {
  return p.u.subarray(i * p.actions, (i + 1) * p.actions);
}

// ——— option checking (options may come from users: files, flags) ———

export function boolOpt(v: unknown, dflt: boolean, where: string): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new UserError(`expected true or false, got ${JSON.stringify(v)}`, where);
  return v;
}

/** A whole number in [min, max]. */
export function intOpt(v: unknown, dflt: number, min: number, max: number, where: string): number {
  if (v === undefined) return dflt;
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max))
    throw new UserError(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`, where);
  return v;
}

export function positiveOpt(v: unknown, dflt: number, where: string): number {
  if (v === undefined) return dflt;
  if (!(typeof v === 'number' && v > 0))
    throw new UserError(`expected a positive number, got ${JSON.stringify(v)}`, where);
  return v;
}

/** A list of part indices: each a seated part (weight > 0). */
export function partsOpt(v: unknown, t: Table, where: string): number[] {
  if (!Array.isArray(v) || v.length === 0)
    throw new UserError(`expected a non-empty list of part indices, got ${JSON.stringify(v)}`, where);
  return v.map((i, k) => {
    if (!(typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < t.p.parts))
      throw new UserError(`part ${JSON.stringify(i)} is not one of 0..${t.p.parts - 1}`, `${where}[${k}]`);
    if (!(t.p.weights[i] > 0))
      throw new UserError(`part ${i} has weight 0: it has no delegate at the table`, `${where}[${k}]`);
    return i;
  });
}
