/**
 * Uncovered sets, in pref_voting's two versions (they agree on tournaments; they can differ when
 * there are majority ties). dom(x) is the set of candidates that beat x by majority.
 *
 * - Gillies (pref_voting's `uc_gill`, its "Uncovered Set"): y covers x when y beats x and
 *   dom(y) ⊆ dom(x).
 * - Fishburn (pref_voting's `uc_fish`): y covers x when dom(y) ⊊ dom(x) (y need not beat x).
 *
 * The uncovered candidates win.
 *
 * Example: 0 ties 1, 2 beats 0, 1 beats 2. dom(0) = {2}, dom(1) = {}, dom(2) = {1}. Gillies: 1
 * covers 2; nobody that beats 0 covers it: [0, 1]. Fishburn: 1 covers 0 and 2: [1].
 */
import type { ProfileRule, RuleResult } from '../../types.js';
import { localMargins, localSet } from '../pairwise/local.js';
import type { Summary } from '../../profile.js';

/** Whether dom(y) ⊆ dom(x) in the margins g (k*k). */
function domSubset(g: Float64Array, k: number, y: number, x: number): boolean {
  for (let z = 0; z < k; z++) if (g[z * k + y] > 0 && !(g[z * k + x] > 0)) return false;
  return true;
}

function uncovered(s: Summary, cands: readonly number[] | undefined, fishburn: boolean): RuleResult {
  const { k, cands: cs, g } = localMargins(s, cands);
  const inSet = new Uint8Array(k);
  for (let x = 0; x < k; x++) {
    let covered = false;
    for (let y = 0; y < k && !covered; y++) {
      if (y === x) continue;
      if (fishburn) covered = domSubset(g, k, y, x) && !domSubset(g, k, x, y);
      else covered = g[y * k + x] > 0 && domSubset(g, k, y, x);
    }
    inSet[x] = covered ? 0 : 1;
  }
  return localSet(cs, inSet);
}

export const uncoveredSetGillies: ProfileRule = {
  name: 'uncovered-set-gillies',
  aliases: ['uncovered-set', 'uc-gill', 'uc-gillies'],
  title: 'Uncovered set (Gillies)',
  description:
    'y covers x when y beats x by majority and everyone who beats y also beats x; the uncovered candidates win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: 'pref_voting\'s `uc_gill` (its default "Uncovered Set"): covering needs a strict majority win and inclusion of the sets of strict majority winners over each; every uncovered candidate wins.',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith', 'pareto'],
  reference:
    'Gillies (1959); Miller (1980), A new solution set for tournaments and majority voting; pref_voting `uc_gill`',
  run: (s, cands) => uncovered(s, cands, false),
};

export const uncoveredSetFishburn: ProfileRule = {
  name: 'uncovered-set-fishburn',
  aliases: ['uc-fish', 'uc-fishburn'],
  title: 'Uncovered set (Fishburn)',
  description:
    'y covers x when the candidates that beat y are a strict subset of those that beat x; the uncovered candidates win.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "pref_voting's `uc_fish`: covering is strict inclusion of the sets of strict majority winners over each (no direct win needed); every uncovered candidate wins. Equal to the Gillies version on tournaments.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith', 'pareto'],
  reference: 'Fishburn (1977), Condorcet social choice functions; pref_voting `uc_fish`',
  run: (s, cands) => uncovered(s, cands, true),
};
