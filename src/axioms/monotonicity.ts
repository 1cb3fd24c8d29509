/**
 * Monotonicity (pref_voting's one-rank monotonicity, which a rule violates whenever it violates
 * monotonicity at all): upward, lifting a winner one place on one ballot never makes it lose;
 * downward, dropping a loser one place on one ballot never makes it win.
 */
import { type Election, orderText, replaceOne, setText } from './election.js';
import type { SigmaAxiom } from './types.js';

function moved(o: readonly number[], at: number, by: -1 | 1): number[] {
  const r = [...o];
  [r[at], r[at + by]] = [r[at + by], r[at]];
  return r;
}

export const monotonicityAxiom: SigmaAxiom = {
  name: 'monotonicity',
  aliases: ['upward-monotonicity', 'monotonicity-lift', 'one-rank-monotonicity'],
  title: 'Monotonicity (lift)',
  description:
    'If a candidate wins (is in the tie set), lifting it one place on one ballot keeps it among the winners.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (const x of w)
      for (let i = 0; i < e.orders.length; i++) {
        const o = e.orders[i];
        const at = o.indexOf(x);
        if (at === 0) continue;
        const to = moved(o, at, -1);
        const w2 = rule.winners(replaceOne(e, i, to));
        if (!w2.includes(x))
          return {
            explanation: `${x} wins (${setText(w)}); lifting it on one ballot ${orderText(o)} → ${orderText(to)} makes the winners ${setText(w2)}`,
          };
      }
    return null;
  },
};

export const downwardMonotonicityAxiom: SigmaAxiom = {
  name: 'downward-monotonicity',
  aliases: ['monotonicity-drop'],
  title: 'Monotonicity (drop)',
  description:
    'If a candidate loses (is outside the tie set), dropping it one place on one ballot keeps it a loser.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (let x = 0; x < e.m; x++) {
      if (w.includes(x)) continue;
      for (let i = 0; i < e.orders.length; i++) {
        const o = e.orders[i];
        const at = o.indexOf(x);
        if (at === e.m - 1) continue;
        const to = moved(o, at, 1);
        const w2 = rule.winners(replaceOne(e, i, to));
        if (w2.includes(x))
          return {
            explanation: `${x} loses (winners ${setText(w)}); dropping it on one ballot ${orderText(o)} → ${orderText(to)} makes the winners ${setText(w2)}`,
          };
      }
    }
    return null;
  },
};

export type { Election };
