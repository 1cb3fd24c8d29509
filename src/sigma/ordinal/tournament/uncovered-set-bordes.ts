/**
 * Uncovered sets, Bordes's and McKelvey's versions (pref_voting's `uc_bordes`, `uc_mckelvey`). With
 * dom(x) the candidates that beat x by majority and wdom(x) those that beat or tie x (x included):
 *
 * - Bordes: y covers x when y beats x and wdom(y) ⊆ wdom(x).
 * - McKelvey: y covers x when y beats x, dom(y) ⊆ dom(x) and wdom(y) ⊆ wdom(x) (Gillies and
 *   Bordes at once).
 *
 * The uncovered candidates win. On tournaments both equal the Gillies version.
 *
 * Example: 0 ties 1, 2 beats 0, 1 beats 2. wdom(0) = {0, 1, 2}, wdom(1) = {0, 1}, wdom(2) = {1, 2}.
 * 2 beats 0 and wdom(2) ⊆ wdom(0): 2 Bordes-covers 0; 1 beats 2 but wdom(1) ⊄ wdom(2): Bordes [1, 2].
 * McKelvey also needs dom(2) = {1} ⊆ dom(0) = {2}, which fails: nobody is covered, [0, 1, 2].
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { localMargins, localSet } from '../pairwise/local.js';

function uncovered(s: Summary, cands: readonly number[] | undefined, mckelvey: boolean): RuleResult {
  const { k, cands: cs, g } = localMargins(s, cands);
  const beats = (a: number, b: number) => g[a * k + b] > 0;
  const weakly = (a: number, b: number) => a === b || !(g[b * k + a] > 0);
  const inSet = new Uint8Array(k);
  for (let x = 0; x < k; x++) {
    let covered = false;
    for (let y = 0; y < k && !covered; y++) {
      if (y === x || !beats(y, x)) continue;
      let ok = true;
      for (let z = 0; z < k && ok; z++) {
        // z ∈ wdom(y) ⇒ z ∈ wdom(x); for McKelvey also z ∈ dom(y) ⇒ z ∈ dom(x).
        if (weakly(z, y) && !weakly(z, x)) ok = false;
        else if (mckelvey && beats(z, y) && !beats(z, x)) ok = false;
      }
      covered = ok;
    }
    inSet[x] = covered ? 0 : 1;
  }
  return localSet(cs, inSet);
}

export const uncoveredSetBordes: ProfileRule = {
  name: 'uncovered-set-bordes',
  aliases: ['uc-bordes'],
  title: 'Uncovered set (Bordes)',
  description:
    'y covers x when y beats x by majority and every candidate that beats or ties y beats or ties x; the uncovered candidates win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: 'pref_voting\'s `uc_bordes`: "beats or ties" includes the candidate itself; every uncovered candidate wins. Equal to the Gillies version on tournaments.',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference:
    'Bordes (1983), On the possibility of reasonable consistent majoritarian choice; pref_voting `uc_bordes`',
  run: (s, cands) => uncovered(s, cands, false),
};

export const uncoveredSetMckelvey: ProfileRule = {
  name: 'uncovered-set-mckelvey',
  aliases: ['uc-mckelvey'],
  title: 'Uncovered set (McKelvey)',
  description:
    'y covers x when y beats x by majority, everyone who beats y beats x, and everyone who beats or ties y beats or ties x; the uncovered candidates win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "pref_voting's `uc_mckelvey`: covering in both the Gillies and the Bordes sense; every uncovered candidate wins. Equal to the Gillies version on tournaments.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference:
    'McKelvey (1986), Covering, dominance, and institution-free properties of social choice; pref_voting `uc_mckelvey`',
  run: (s, cands) => uncovered(s, cands, true),
};
