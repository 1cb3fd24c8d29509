/**
 * What alternating offers checks before it plays: its options (the discount factors, the rounds),
 * the default bound on rounds played for the limit, and the bound on the predicted work over
 * lotteries, past which a negotiation is refused before it starts.
 */
import { UserError } from '../../core/errors.js';
import { positiveOpt } from './common.js';

export const NAME = 'alternating-offers';

/**
 * The rounds a contraction at the largest discount factor needs to shrink a part's range to the
 * tolerance, twice over: 2·ln tol / ln δ (1,078 at δ = 0.95, 55,236 at δ = 0.999; unbounded at 1).
 */
export function contractionRounds(delta: Float64Array, tol: number): number {
  const most = Math.max(...delta);
  return most < 1 ? Math.ceil((2 * Math.log(tol)) / Math.log(most)) : Infinity;
}

/**
 * The default cap on rounds played per residue: 10,000, or contractionRounds when larger (δ < 1);
 * at least two turns. Settling limits play far fewer: patient delegates' values contract slowly, and the
 * cap leaves them room.
 */
export function defaultPlayed(delta: Float64Array, tol: number, L: number): number {
  const contraction = contractionRounds(delta, tol);
  return Math.min(10_000_000, Math.max(10_000, 2 * L, Number.isFinite(contraction) ? contraction : 0));
}

/** The default bound on the predicted work over lotteries (checkWork): around a minute of CPU here. */
export const MAX_WORK = 2e9;

/**
 * Refuses, before any round is played, a negotiation over lotteries whose predicted work is over
 * the bound: residues × rounds per residue × the round LP's size (delegates × actions) × its basis
 * (min(delegates, actions), what inverting one costs per entry). Among 40 delegates and 40 actions
 * at δ = 0.95 that is 40 × 1,078 × 1,600 × 40 ≈ 2.8e9, where every residue and every steering
 * re-read costs seconds; 30 × 30 (8.7e8) runs.
 */
export function checkWork(
  maxWork: number | undefined,
  residues: number,
  rounds: number,
  delegates: number,
  actions: number,
): void {
  const bound = positiveOpt(maxWork, MAX_WORK, `${NAME}: option maxWork`);
  const work = residues * rounds * delegates * actions * Math.min(delegates, actions);
  if (work > bound)
    throw new UserError(
      `over lotteries among ${delegates} delegates and ${actions} actions this needs about ${work.toExponential(1)} operations (${residues} residue${residues === 1 ? '' : 's'} × ${rounds} rounds × ${delegates} × ${actions} × ${Math.min(delegates, actions)}), over the bound of ${bound.toExponential(1)}: give maxWork to run it anyway, or fewer rounds`,
      `${NAME}: option maxWork`,
    );
}

export function discountOpt(v: unknown, n: number): Float64Array {
  const where = `${NAME}: option discount`;
  const check = (x: unknown, at: string) => {
    if (!(typeof x === 'number' && x > 0 && x <= 1))
      throw new UserError(`expected a discount factor in (0, 1], got ${JSON.stringify(x)}`, at);
    return x;
  };
  if (v === undefined) return new Float64Array(n).fill(0.95);
  if (typeof v === 'number') return new Float64Array(n).fill(check(v, where));
  if (Array.isArray(v) && v.length === 1) return new Float64Array(n).fill(check(v[0], where));
  if (!Array.isArray(v) || v.length !== n)
    throw new UserError(`expected one number for all parts or ${n} numbers (one per part)`, where);
  return Float64Array.from(v, (x, i) => check(x, `${where}[${i}]`));
}

export function roundsOpt(v: unknown, maxRounds: number): number | 'limit' {
  if (v === undefined || v === Infinity) return 'limit';
  if (typeof v === 'string' && ['limit', 'inf', 'infinity'].includes(v.trim().toLowerCase())) return 'limit';
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) v = Number(v);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= maxRounds) return v;
  throw new UserError(
    `expected a whole number of rounds from 1 to ${maxRounds} (maxRounds), or 'limit', got ${JSON.stringify(v)}`,
    `${NAME}: option rounds`,
  );
}
