/**
 * Dominance axioms (pref_voting's dominance_axioms): who must, or must not, be among the winners,
 * read off the majority relation and the ballots. Winners are the rule's full tie set.
 */
import { condorcetLoser, condorcetWinner, smithSet } from '../sigma/majority.js';
import { Summary } from '../sigma/profile.js';
import { type Election, setText, toProfile, voters } from './election.js';
import type { SigmaAxiom } from './types.js';

const summary = (e: Election) => new Summary(toProfile(e));
const same = (xs: readonly number[], ys: readonly number[]) =>
  xs.length === ys.length && xs.every((x) => ys.includes(x));

export const condorcetWinnerAxiom: SigmaAxiom = {
  name: 'condorcet-winner',
  aliases: ['condorcet-consistency', 'condorcet'],
  title: 'Condorcet winner',
  description:
    'When a candidate beats every other by majority, it is the only winner (a tie set containing it is a violation).',
  minCandidates: 2,
  check(rule, e) {
    const cw = condorcetWinner(summary(e));
    if (cw < 0) return null;
    const w = rule.winners(e);
    return same(w, [cw])
      ? null
      : { explanation: `${cw} is the Condorcet winner but the winners are ${setText(w)}` };
  },
};

export const condorcetLoserAxiom: SigmaAxiom = {
  name: 'condorcet-loser',
  aliases: [],
  title: 'Condorcet loser',
  description: 'A candidate that loses to every other by majority is never among the winners.',
  minCandidates: 2,
  check(rule, e) {
    const cl = condorcetLoser(summary(e));
    if (cl < 0) return null;
    const w = rule.winners(e);
    return w.includes(cl)
      ? { explanation: `${cl} loses to every candidate by majority but is among the winners ${setText(w)}` }
      : null;
  },
};

export const paretoAxiom: SigmaAxiom = {
  name: 'pareto',
  aliases: ['pareto-dominance', 'pareto-efficiency'],
  title: 'Pareto',
  description: 'No winner is Pareto-dominated: there is no candidate that every voter ranks above a winner.',
  minCandidates: 2,
  check(rule, e) {
    const w = rule.winners(e);
    for (const x of w)
      for (let y = 0; y < e.m; y++)
        if (y !== x && e.orders.every((o) => o.indexOf(y) < o.indexOf(x)))
          return {
            explanation: `every voter ranks ${y} above ${x}, yet ${x} is among the winners ${setText(w)}`,
          };
    return null;
  },
};

export const smithAxiom: SigmaAxiom = {
  name: 'smith',
  aliases: ['smith-criterion'],
  title: 'Smith',
  description:
    'Every winner is in the Smith set (the smallest set whose members each beat every outsider by majority).',
  minCandidates: 2,
  check(rule, e) {
    const smith = smithSet(summary(e));
    const w = rule.winners(e);
    const out = w.filter((x) => !smith.includes(x));
    return out.length > 0
      ? { explanation: `winner ${out[0]} is outside the Smith set ${setText(smith)} (winners ${setText(w)})` }
      : null;
  },
};

export const majorityAxiom: SigmaAxiom = {
  name: 'majority',
  aliases: ['majority-winner'],
  title: 'Majority',
  description: 'A candidate ranked first by more than half of the voters is the only winner.',
  minCandidates: 2,
  check(rule, e) {
    const n = voters(e);
    for (let c = 0; c < e.m; c++) {
      const first = e.orders.reduce((t, o, i) => t + (o[0] === c ? e.counts[i] : 0), 0);
      if (2 * first > n) {
        const w = rule.winners(e);
        return same(w, [c])
          ? null
          : { explanation: `${first} of ${n} voters rank ${c} first, but the winners are ${setText(w)}` };
      }
    }
    return null;
  },
};

export const majorityLoserAxiom: SigmaAxiom = {
  name: 'majority-loser',
  aliases: [],
  title: 'Majority loser',
  description: 'A candidate ranked last by more than half of the voters is never among the winners.',
  minCandidates: 2,
  check(rule, e) {
    const n = voters(e);
    const w = rule.winners(e);
    for (const c of w) {
      const last = e.orders.reduce((t, o, i) => t + (o[o.length - 1] === c ? e.counts[i] : 0), 0);
      if (2 * last > n)
        return {
          explanation: `${last} of ${n} voters rank ${c} last, yet it is among the winners ${setText(w)}`,
        };
    }
    return null;
  },
};
