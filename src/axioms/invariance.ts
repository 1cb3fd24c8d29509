/**
 * Invariance axioms (pref_voting's invariance_axioms and variable_candidate_axioms): what a
 * change of the election that should not matter must leave alone — copies of every ballot,
 * reversed ballots, renamed candidates, clones — and resolvability (one more voter settles a tie).
 */
import {
  addVoter,
  type Election,
  linearOrders,
  orderText,
  removeCandidate,
  reverse,
  scale,
  setText,
  swapCandidates,
} from './election.js';
import type { SigmaAxiom } from './types.js';

const sameSet = (xs: readonly number[], ys: readonly number[]) =>
  xs.length === ys.length && xs.every((x) => ys.includes(x));

export const homogeneityAxiom: SigmaAxiom = {
  name: 'homogeneity',
  aliases: [],
  title: 'Homogeneity',
  description: 'Replacing every ballot by k copies (k = 2, 3) leaves the winners unchanged.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (const k of [2, 3]) {
      const wk = rule.winners(scale(e, k));
      if (!sameSet(w, wk))
        return {
          explanation: `the winners are ${setText(w)}, but with every ballot copied ${k} times they are ${setText(wk)}`,
        };
    }
    return null;
  },
};

export const reversalSymmetryAxiom: SigmaAxiom = {
  name: 'reversal-symmetry',
  aliases: [],
  title: 'Reversal symmetry',
  description: 'A unique winner is not among the winners when every ballot is reversed.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    if (w.length !== 1) return null;
    const wr = rule.winners(reverse(e));
    return wr.includes(w[0])
      ? {
          explanation: `${w[0]} is the unique winner, and still a winner (${setText(wr)}) with every ballot reversed`,
        }
      : null;
  },
};

export const neutralReversalAxiom: SigmaAxiom = {
  name: 'neutral-reversal',
  aliases: [],
  title: 'Neutral reversal',
  description: 'Adding two voters with opposite linear orders leaves the winners unchanged.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (const o of linearOrders(e.m)) {
      if (o[0] > o[o.length - 1]) continue; // each pair once
      const w2 = rule.winners(addVoter(addVoter(e, o), [...o].reverse()));
      if (!sameSet(w, w2))
        return {
          explanation: `the winners are ${setText(w)}; adding voters ${orderText(o)} and its reverse makes them ${setText(w2)}`,
        };
    }
    return null;
  },
};

export const neutralityAxiom: SigmaAxiom = {
  name: 'neutrality',
  aliases: [],
  title: 'Neutrality',
  description: 'Swapping two candidates on every ballot swaps them among the winners.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (let a = 0; a < e.m; a++)
      for (let b = a + 1; b < e.m; b++) {
        const sw = (c: number) => (c === a ? b : c === b ? a : c);
        const expected = w.map(sw);
        const got = rule.winners(swapCandidates(e, a, b));
        if (!sameSet(expected, got))
          return {
            explanation: `the winners are ${setText(w)}; with ${a} and ${b} swapped on every ballot they are ${setText(got)}, not ${setText([...expected].sort((x, y) => x - y))}`,
          };
      }
    return null;
  },
};

/** Tideman's clone sets: proper subsets of at least two candidates that are contiguous on every ballot. */
export function cloneSets(e: Election): number[][] {
  const out: number[][] = [];
  const first = e.orders[0];
  if (!first) return out;
  for (let i = 0; i < e.m; i++)
    for (let j = i + 2; j <= e.m; j++) {
      if (j - i === e.m) continue;
      const set = first.slice(i, j);
      const contiguous = e.orders.every((o) => {
        const at = set.map((c) => o.indexOf(c));
        return Math.max(...at) - Math.min(...at) === set.length - 1;
      });
      if (contiguous) out.push([...set].sort((x, y) => x - y));
    }
  return out;
}

export const clonesAxiom: SigmaAxiom = {
  name: 'independence-of-clones',
  aliases: ['clones', 'clone-independence'],
  title: 'Independence of clones',
  description:
    'Removing one member of a set of clones (Tideman: contiguous on every ballot) neither changes which non-clones win nor whether some clone wins.',
  minCandidates: 3,
  check(rule, e) {
    const w = rule.winners(e);
    for (const C of cloneSets(e))
      for (const c of C) {
        const { election: e2, kept } = removeCandidate(e, c);
        const w2 = rule.winners(e2).map((x) => kept[x]);
        const outside = (ws: number[]) => ws.filter((x) => !C.includes(x));
        const cloneWins = (ws: number[]) => ws.some((x) => C.includes(x));
        if (!sameSet(outside(w), outside(w2)) || cloneWins(w) !== cloneWins(w2))
          return {
            explanation: `${setText(C)} are clones; removing ${c} changes the winners from ${setText(w)} to ${setText(w2)}`,
          };
      }
    return null;
  },
};

export const resolvabilityAxiom: SigmaAxiom = {
  name: 'resolvability',
  aliases: ['single-voter-resolvability'],
  title: 'Resolvability',
  description:
    'When several candidates tie, some one additional voter (a linear order) makes the winner unique (single-voter resolvability).',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    if (w.length <= 1) return null;
    for (const o of linearOrders(e.m)) if (rule.winners(addVoter(e, o)).length === 1) return null;
    return {
      explanation: `the winners ${setText(w)} tie, and no one additional voter makes the winner unique`,
    };
  },
};
