/**
 * Weak Condorcet: the weak Condorcet winners (candidates no other beats by majority) if there are
 * any, else every candidate, as pref_voting's `weak_condorcet`.
 *
 * Example: 1 voter 0≻1≻2 and 1 voter 1≻0≻2: 0 and 1 tie and both beat 2, so [0, 1].
 */
import { weakCondorcetWinners } from '../../majority.js';
import { allCandidates } from '../../profile.js';
import { setResult } from '../../result.js';
import type { ProfileRule } from '../../types.js';
import { checkCandidates } from '../pairwise/local.js';

export const weakCondorcet: ProfileRule = {
  name: 'weak-condorcet',
  aliases: [],
  title: 'Weak Condorcet',
  description: 'The candidates no other candidate beats by majority; every candidate if there are none.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "pref_voting's convention: all weak Condorcet winners win; with none (every candidate is beaten by someone), every candidate wins.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner'],
  reference: 'pref_voting `weak_condorcet`',
  run(s, cands) {
    const cs = cands ?? allCandidates(s.m);
    if (cands) checkCandidates(s.m, cands);
    const w = weakCondorcetWinners(s, cs);
    return setResult(w.length > 0 ? w : cs);
  },
};
