/**
 * Monotonicity (pref_voting's one-rank monotonicity, which a rule violates whenever it violates
 * monotonicity at all): upward, lifting a winner one place on one ballot never makes it lose;
 * downward, dropping a loser one place on one ballot never makes it win.
 */
import { orderText, replaceOne, setText } from './election.js';
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

export const weakPositiveResponsivenessAxiom: SigmaAxiom = {
  name: 'weak-positive-responsiveness',
  aliases: [],
  title: 'Weak positive responsiveness',
  description:
    'A winner (tied or not) that one voter moves from last place to first becomes the unique winner; a candidate that is not the unique winner and that one voter moves from first to last is not a winner.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (let i = 0; i < e.orders.length; i++) {
      const o = e.orders[i];
      const last = o[o.length - 1];
      if (w.includes(last)) {
        const to = [last, ...o.slice(0, -1)];
        const w2 = rule.winners(replaceOne(e, i, to));
        if (w2.length !== 1 || w2[0] !== last)
          return {
            explanation: `${last} wins (${setText(w)}); one voter moving it from last to first (${orderText(o)} → ${orderText(to)}) makes the winners ${setText(w2)}, not {${last}}`,
          };
      }
      const first = o[0];
      if (!(w.length === 1 && w[0] === first)) {
        const to = [...o.slice(1), first];
        const w2 = rule.winners(replaceOne(e, i, to));
        if (w2.includes(first))
          return {
            explanation: `the winners are ${setText(w)}; one voter moving ${first} from first to last (${orderText(o)} → ${orderText(to)}) makes it a winner (${setText(w2)})`,
          };
      }
    }
    return null;
  },
};
