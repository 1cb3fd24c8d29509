/**
 * Schwartz set (GOCHA): the union of the minimal sets no outside candidate beats by majority, that
 * is, the candidates x such that whenever y reaches x by a chain of majority wins, x reaches y back;
 * majority ties are no links, as pref_voting's `gocha`.
 *
 * Example: 0 ties 1, 0 beats 2, 2 beats 1: nobody beats 0, and 0 reaches 2 and 1 without their
 * reaching it, so the Schwartz set is [0] (the Smith set is [0, 1, 2]).
 */
import type { ProfileRule } from '../../types.js';
import { localMargins, localSet } from '../pairwise/local.js';

/** The transitive closure (k*k, 1 = reaches) of the strict majority relation of the margins `g`. */
export function majorityReach(g: Float64Array, k: number): Uint8Array {
  const r = new Uint8Array(k * k);
  for (let i = 0; i < k * k; i++) if (g[i] > 0) r[i] = 1;
  for (let v = 0; v < k; v++)
    for (let x = 0; x < k; x++) {
      if (!r[x * k + v]) continue;
      for (let y = 0; y < k; y++) if (r[v * k + y]) r[x * k + y] = 1;
    }
  return r;
}

export const schwartz: ProfileRule = {
  name: 'schwartz',
  aliases: ['schwartz-set', 'gocha'],
  title: 'Schwartz set (GOCHA)',
  description:
    'The candidates that every candidate reaching them by a chain of majority wins is reached back by them: the union of the top cycles of the majority relation.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "Majority ties are no links (only strict majority wins count), as pref_voting's `gocha`; every member of an unbeaten cycle wins. Always inside the Smith set.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith'],
  reference: 'Schwartz (1986), The Logic of Collective Choice; pref_voting `gocha`',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    const r = majorityReach(g, k);
    const inSet = new Uint8Array(k);
    for (let x = 0; x < k; x++) {
      let ok = 1;
      for (let y = 0; y < k; y++)
        if (y !== x && r[y * k + x] && !r[x * k + y]) {
          ok = 0;
          break;
        }
      inSet[x] = ok;
    }
    return localSet(cs, inSet);
  },
};
