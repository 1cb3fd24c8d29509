/**
 * River: like ranked pairs, take the majority wins from the largest margin down, but lock a→b only
 * if b has no locked defeat yet and it closes no cycle; the locked wins form a tree and its root wins.
 * As pref_voting's `river`, a candidate wins if it wins under some order of the equal-margin wins:
 * the winners are the union over all tie-breakings, computed exactly (see tie-orders.ts).
 *
 * Ties in margin (0) are locked last in pref_voting; the candidates still without a locked defeat
 * after the positive wins are pairwise tied, and any of them can be made the root by an order of the
 * 0-margin edges, so they all win.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: lock 2≻0, then 1≻2, skip 0≻1 (it would close a
 * cycle): the tree is 1 → 2 → 0 and 1 wins.
 */
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { localMargins, localSet, Scratch } from './local.js';
import { splitCycleUndefeated } from './split-cycle.js';
import {
  allOutcomes,
  type Locker,
  lockIfUnique,
  MAX_TIED_WINS,
  sortedWins,
  unionOfWinners,
} from './tie-orders.js';

const parentBuf = new Scratch((n) => new Int32Array(n));
/** How many locked states (and branching steps) are followed forward before the per-candidate search. */
const FEW = 256;

/** Whether b is a (reflexive) ancestor of a in the forest `parent`. */
function reaches(parent: Int32Array, b: number, a: number): boolean {
  for (let x = a; x !== -1; x = parent[x]) if (x === b) return true;
  return false;
}

const locker: Locker<Int32Array> = {
  status: (parent, a, b) => (parent[b] !== -1 || reaches(parent, b, a) ? 0 : 2),
  lock: (parent, a, b) => {
    parent[b] = a;
  },
  defeated: (parent, a) => parent[a] !== -1,
  reaches: (parent, a, x) => reaches(parent, a, x),
  // a→b turns unlockable when b may get another defeat first, or may come to reach a.
  mightBlock: (parent, a, b, rest, from, to) => {
    for (const e of rest) if (to[e] === b) return true;
    const k = parent.length;
    const seen = new Uint8Array(k);
    const stack = [b];
    seen[b] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (u === a) return true;
      for (let v = 0; v < k; v++)
        if (!seen[v] && parent[v] === u) {
          seen[v] = 1;
          stack.push(v);
        }
      for (const e of rest)
        if (from[e] === u && !seen[to[e]]) {
          seen[to[e]] = 1;
          stack.push(to[e]);
        }
    }
    return false;
  },
  key: (parent) => parent.join(','),
};

export const river: ProfileRule = {
  name: 'river',
  aliases: [],
  title: 'River',
  description:
    'Lock in majority wins from the largest margin down, skipping any that would close a cycle or give a candidate a second locked defeat; the root of the resulting tree wins, over every order of equal margins.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's `river`: the winners are the union over all tie-breakings of equal margins, computed exactly (a pruned, memoized search over the outcomes of each equal-margin block, among the Split Cycle winners); refuses with a UserError past 1,000 majority wins with equal margins whose order matters, or past 50,000 search steps (fewer above 100 candidates).",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  maxTiedWins: MAX_TIED_WINS,
  reference: 'Heitzig (2004), River method, election-methods list; pref_voting `river`',
  run: (s, cands) => riverWinners(s, cands, FEW),
};

/** The rule's work; tests set `few` to 0 to exercise the per-candidate search. */
export function riverWinners(s: Summary, cands: readonly number[] | undefined, few: number): RuleResult {
  const { k, cands: cs, g } = localMargins(s, cands);
  const wins = sortedWins(g, k);
  const parent = parentBuf.get(k);
  parent.fill(-1, 0, k);
  const top = new Uint8Array(k);
  if (lockIfUnique(wins, parent, locker)) {
    for (let x = 0; x < k; x++) if (parent[x] === -1) top[x] = 1;
    return localSet(cs, top);
  }
  // The order of some equal margins matters. Only Split Cycle winners can win; when few orders
  // matter, follow them all; otherwise search for each candidate.
  const targets = new Uint8Array(k);
  if (splitCycleUndefeated(g, k, new Float64Array(k * k), targets) === 1) return localSet(cs, targets);
  const finals = allOutcomes(wins, new Int32Array(k).fill(-1), locker, few);
  if (finals) {
    for (const f of finals) for (let x = 0; x < k; x++) if (f[x] === -1) top[x] = 1;
    return localSet(cs, top);
  }
  unionOfWinners(wins, k, new Int32Array(k).fill(-1), locker, targets, top, 'river');
  return localSet(cs, top);
}
