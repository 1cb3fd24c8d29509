/**
 * What a proposer offers in one round of alternating offers (alternating-offers.ts): given the
 * others' acceptance thresholds, its best action everyone accepts (ties to what is best for the
 * others), or over lotteries the best lottery for it that meets every threshold, then the best for
 * the others among those (Pareto-efficient). Null when nothing meets the thresholds.
 */
import type { Target } from '../types.js';
import { type LinearConstraint, solveLp } from '../../sigma/cardinal/lp.js';
import { cleanLottery, row, same, type Table } from './common.js';

/** x is at least the threshold c (ties accepted). */
export function accepts(x: number, c: number): boolean {
  return x >= c || same(x, c);
}

export function pureOffer(t: Table, p: number, others: readonly number[], c: Float64Array): Target | null {
  const A = t.p.actions;
  const u = t.p.u;
  const ok: number[] = [];
  let best = -Infinity;
  for (let a = 0; a < A; a++)
    if (others.every((j) => accepts(u[j * A + a], c[j]))) {
      ok.push(a);
      best = Math.max(best, u[p * A + a]);
    }
  if (ok.length === 0 || !accepts(best, c[p])) return null;
  const top = ok.filter((a) => same(u[p * A + a], best));
  const score = (a: number) => {
    let s = 0;
    for (const j of others) s += (u[j * A + a] - t.d[j]) / t.range[j];
    return s;
  };
  let sb = -Infinity;
  for (const a of top) sb = Math.max(sb, score(a));
  const ties = top.filter((a) => same(score(a), sb));
  return { kind: 'action', action: ties[0], ties };
}

export function lotteryOffer(t: Table, p: number, others: readonly number[], c: Float64Array): Target | null {
  const A = t.p.actions;
  const simplex: LinearConstraint = { a: new Float64Array(A).fill(1), op: '=', b: 1 };
  // The thresholds exactly; relaxed by 1e-12 of each range only when rounding made them infeasible.
  const rowsWith = (slack: number): LinearConstraint[] => [
    simplex,
    ...others.map((j): LinearConstraint => ({ a: row(t.p, j), op: '>=', b: c[j] - slack * t.range[j] })),
  ];
  let rows = rowsWith(0);
  let first = solveLp({ n: A, c: row(t.p, p), rows });
  if (first.status !== 'optimal') {
    rows = rowsWith(1e-12);
    first = solveLp({ n: A, c: row(t.p, p), rows });
  }
  if (first.status !== 'optimal' || !accepts(first.value, c[p])) return null;
  let x = first.x;
  if (others.length > 0) {
    // Among p's best offers, the best for the others (normalized sum): Pareto-efficient.
    const obj = new Float64Array(A);
    for (const j of others) for (let a = 0; a < A; a++) obj[a] += t.p.u[j * A + a] / t.range[j];
    for (const slack of [0, 1e-12]) {
      const held: LinearConstraint = { a: row(t.p, p), op: '>=', b: first.value - slack * t.range[p] };
      const second = solveLp({ n: A, c: obj, rows: [...rows, held] });
      if (second.status === 'optimal') {
        x = second.x;
        break;
      }
    }
  }
  return { kind: 'lottery', lottery: cleanLottery(x) };
}
