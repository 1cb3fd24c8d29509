/**
 * Variable-voter axioms (pref_voting's variable_voter_axioms), checked in its "removal" form: the
 * election given is the one with the voter in it, and each check removes one voter of some order
 * (so a counterexample is the larger election). Participation compares single winners only
 * (pref_voting's default set preference "single-winner": both winner sets are singletons).
 */
import { type Election, orderText, prefers, removeVoter, setText, voters } from './election.js';
import type { SigmaAxiom } from './types.js';

export const positiveInvolvementAxiom: SigmaAxiom = {
  name: 'positive-involvement',
  aliases: [],
  title: 'Positive involvement',
  description:
    'Adding a voter who ranks a winner first never makes it lose: if removing a voter who ranks a loser first makes it win, the rule fails.',
  minCandidates: 2,
  check(rule, e) {
    if (voters(e) < 2) return null;
    const w = rule.winners(e);
    for (let i = 0; i < e.orders.length; i++) {
      const x = e.orders[i][0];
      if (w.includes(x)) continue;
      const w2 = rule.winners(removeVoter(e, i));
      if (w2.includes(x))
        return {
          explanation: `without one voter ${orderText(e.orders[i])} the winners are ${setText(w2)}; adding that voter, who ranks ${x} first, makes ${x} lose (winners ${setText(w)})`,
        };
    }
    return null;
  },
};

export const negativeInvolvementAxiom: SigmaAxiom = {
  name: 'negative-involvement',
  aliases: [],
  title: 'Negative involvement',
  description:
    'Adding a voter who ranks a loser last never makes it win: if removing a voter who ranks a winner last makes it lose, the rule fails.',
  minCandidates: 2,
  check(rule, e) {
    if (voters(e) < 2) return null;
    const w = rule.winners(e);
    for (let i = 0; i < e.orders.length; i++) {
      const o = e.orders[i];
      const x = o[o.length - 1];
      if (!w.includes(x)) continue;
      const w2 = rule.winners(removeVoter(e, i));
      if (!w2.includes(x))
        return {
          explanation: `without one voter ${orderText(o)} the winners are ${setText(w2)}; adding that voter, who ranks ${x} last, makes ${x} win (winners ${setText(w)})`,
        };
    }
    return null;
  },
};

export const participationAxiom: SigmaAxiom = {
  name: 'participation',
  aliases: ['no-show', 'no-show-paradox'],
  title: 'Participation',
  description:
    'No voter is better off abstaining: with a single winner before and after, removing a voter never elects a candidate that voter ranks above the winner.',
  minCandidates: 2,
  check(rule, e) {
    if (voters(e) < 2) return null;
    const w = rule.winners(e);
    if (w.length !== 1) return null;
    for (let i = 0; i < e.orders.length; i++) {
      const o = e.orders[i];
      const w2 = rule.winners(removeVoter(e, i));
      if (w2.length === 1 && prefers(o, w2[0], w[0]))
        return {
          explanation: `${w[0]} wins; a voter ${orderText(o)} who abstains makes ${w2[0]} win instead, which that voter prefers`,
        };
    }
    return null;
  },
};

/** How many two-way splits of the electorate reinforcement may try on one election. */
const MAX_SPLITS = 4096;

export const reinforcementAxiom: SigmaAxiom = {
  name: 'reinforcement',
  aliases: ['consistency'],
  title: 'Reinforcement',
  description:
    'When the electorate is split in two and some candidates win in both parts, the winners of the whole are exactly those (elections with more than 4096 splits are not checked).',
  minCandidates: 2,
  check(rule, e) {
    const k = e.orders.length;
    let splits = 1;
    for (const c of e.counts) splits *= c + 1;
    if (splits > MAX_SPLITS || voters(e) < 2) return null;
    const w = rule.winners(e);
    const part = new Array<number>(k).fill(0);
    for (let step = 0; step < splits; step++) {
      let r = step;
      for (let i = 0; i < k; i++) {
        part[i] = r % (e.counts[i] + 1);
        r = Math.floor(r / (e.counts[i] + 1));
      }
      const n1 = part.reduce((t, x) => t + x, 0);
      if (n1 === 0 || n1 === voters(e)) continue;
      const e1: Election = split(e, part, 1);
      const e2: Election = split(e, part, 2);
      const w1 = rule.winners(e1);
      const w2 = rule.winners(e2);
      const both = w1.filter((x) => w2.includes(x));
      if (both.length === 0) continue;
      if (both.length !== w.length || !both.every((x) => w.includes(x)))
        return {
          explanation: `split into [${describeSplit(e1)}] (winners ${setText(w1)}) and [${describeSplit(e2)}] (winners ${setText(w2)}): both elect ${setText(both)}, the whole elects ${setText(w)}`,
        };
    }
    return null;
  },
};

function split(e: Election, part: readonly number[], side: 1 | 2): Election {
  const counts = e.counts.map((c, i) => (side === 1 ? part[i] : c - part[i]));
  const keep = counts.map((c, i) => [c, i] as const).filter(([c]) => c > 0);
  return { m: e.m, orders: keep.map(([, i]) => e.orders[i]), counts: keep.map(([c]) => c) };
}

function describeSplit(e: Election): string {
  return e.orders.map((o, i) => `${e.counts[i]}×${orderText(o)}`).join(', ');
}
