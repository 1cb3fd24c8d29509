/**
 * Banks: a chain is a set of candidates linearly ordered by strict majority wins (a transitive
 * subtournament); the Banks winners are the tops of the maximal chains (chains no candidate can be
 * added to), as pref_voting's `banks`. A majority tie keeps two candidates out of the same chain.
 *
 * Exact: for each candidate a, chains with top a are grown downward (each new member is beaten by
 * every member so far, so each chain is built once, in its own order) until nothing fits at the
 * bottom, and the chain is then checked for maximality. A branch is cut when some candidate could
 * still be inserted higher up and nothing left to add at the bottom ties or beats it (it would stay
 * insertable). Deciding membership is NP-complete (Woeginger 2003); the search is fast for the sizes
 * allowed.
 *
 * Example: the Condorcet cycle 0≻1≻2≻0 has maximal chains {0, 1}, {1, 2}, {2, 0}: all three win.
 */
import { UserError } from '../../../core/errors.js';
import type { ProfileRule } from '../../types.js';
import { localMargins, localSet } from '../pairwise/local.js';

export const BANKS_MAX = 20;

export const banks: ProfileRule = {
  name: 'banks',
  aliases: ['banks-set'],
  title: 'Banks set',
  description:
    'The top candidates of the maximal chains, where a chain is a set of candidates linearly ordered by majority wins.',
  family: 'tournament',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's `banks`: chains use strict majority wins only, so two tied candidates never share a chain; every top of a maximal chain wins. Exact; refuses more than 20 candidates.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'smith', 'pareto'],
  maxCandidates: BANKS_MAX,
  reference: 'Banks (1985), Sophisticated voting outcomes and agenda control, Social Choice and Welfare 1',
  run(s, cands) {
    const { k, cands: cs, g } = localMargins(s, cands);
    if (k > BANKS_MAX)
      throw new UserError(
        `banks is exact and refuses more than ${BANKS_MAX} candidates (got ${k})`,
        '--method',
      );
    // beats[i]: bitmask of the candidates i beats; beaten[i]: of those that beat i.
    const beats = new Int32Array(k);
    const beaten = new Int32Array(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++)
        if (g[i * k + j] > 0) {
          beats[i] |= 1 << j;
          beaten[j] |= 1 << i;
        }
    const all = (1 << k) - 1;

    // Whether y can join the chain `chain` (comparable to all, and the members it beats all sit
    // below the members that beat it).
    const insertable = (y: number, chain: number): boolean => {
      const up = beaten[y] & chain;
      const down = beats[y] & chain;
      if ((up | down) !== chain) return false;
      for (let z = down; z !== 0; z &= z - 1) {
        const c = 31 - Math.clz32(z & -z);
        if ((beaten[c] & up) !== up) return false;
      }
      return true;
    };

    // Is there a maximal chain extending `chain` downward from the pool `pool` (candidates beaten
    // by every member)?
    const search = (chain: number, pool: number): boolean => {
      const outside = all & ~chain & ~pool;
      // Candidates insertable higher up: each must be blocked by a later member (one that ties it
      // or beats it); members come from the pool.
      for (let z = outside; z !== 0; z &= z - 1) {
        const y = 31 - Math.clz32(z & -z);
        // A pool member x blocks y when y does not beat it; with none, y stays insertable.
        if ((pool & ~beats[y]) === 0 && insertable(y, chain)) return false;
      }
      if (pool === 0) return true;
      for (let z = pool; z !== 0; z &= z - 1) {
        const x = 31 - Math.clz32(z & -z);
        if (search(chain | (1 << x), pool & beats[x])) return true;
      }
      return false;
    };

    const win = new Uint8Array(k);
    for (let a = 0; a < k; a++) if (search(1 << a, beats[a])) win[a] = 1;
    return localSet(cs, win);
  },
};
