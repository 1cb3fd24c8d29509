/**
 * Ranked pairs (Tideman): take the majority wins from the largest margin down and lock each one in
 * unless it would close a cycle with those already locked; the candidate nothing is locked above wins.
 * When margins are equal the order matters, and, as in pref_voting's `ranked_pairs`, a candidate wins
 * if it wins under some order of the equal-margin wins: the winners are the union over all
 * tie-breakings, computed exactly (see tie-orders.ts).
 *
 * Ties in margin (0) are locked last in pref_voting; they only decide among the candidates with no
 * locked defeat after the positive wins, who are pairwise tied, and any of those can be put on top
 * by an order of the 0-margin edges, so they all win.
 *
 * When the locked order is the same under every tie-breaking, it is returned as the ranking,
 * provided it is a weak order (its unordered pairs are exactly the ties it leaves, which the
 * 0-margin edges may settle either way); otherwise only the winners are returned.
 *
 * Example: the cycle 0≻1 by 1, 1≻2 by 3, 2≻0 by 5: lock 2≻0, then 1≻2, skip 0≻1: ranking
 * [[1], [2], [0]].
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
  type Wins,
} from './tie-orders.js';

// The locked relation is kept transitively closed, as bit rows: with W = ⌈k/32⌉ words per
// candidate, bit y of row x says x reaches y.
const closureBuf = new Scratch((n) => new Int32Array(n));
const topBuf = new Scratch((n) => new Uint8Array(n));
const pathBuf = new Scratch((n) => new Float64Array(n));
/** Up to this many locked states (and search steps) all tie-breakings are followed forward. */
const FEW = 256;

function has(r: Int32Array, w: number, x: number, y: number): number {
  return (r[x * w + (y >>> 5)] >>> (y & 31)) & 1;
}

/** Locks a→b into the closure: everything reaching a (and a) now reaches b and all b reaches. */
function lockInto(r: Int32Array, k: number, w: number, a: number, b: number): void {
  const rb = b * w;
  const word = b >>> 5;
  const bit = 1 << (b & 31);
  for (let x = 0; x < k; x++) {
    if (x !== a && !has(r, w, x, a)) continue;
    const rx = x * w;
    for (let i = 0; i < w; i++) r[rx + i] |= r[rb + i];
    r[rx + word] |= bit;
  }
}

/** Whether x can reach y through the closure `r` and the edges `rest`. */
function linked(
  r: Int32Array,
  k: number,
  w: number,
  x: number,
  y: number,
  rest: readonly number[],
  from: Int32Array,
  to: Int32Array,
): boolean {
  const seen = new Uint8Array(k);
  const stack = [x];
  seen[x] = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u === y || has(r, w, u, y)) return true;
    for (let v = 0; v < k; v++)
      if (!seen[v] && has(r, w, u, v)) {
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
}

const lockers: Locker<Int32Array>[] = [];

/** The locker for k candidates (made once per k). */
function lockerFor(k: number, w: number): Locker<Int32Array> {
  return (lockers[k] ??= {
    status: (r, a, b) => (has(r, w, b, a) ? 0 : has(r, w, a, b) ? 1 : 2),
    lock: (r, a, b) => lockInto(r, k, w, a, b),
    defeated: (r, a) => {
      for (let y = 0; y < k; y++) if (has(r, w, y, a)) return true;
      return false;
    },
    reaches: (r, a, x) => has(r, w, a, x) === 1,
    // a→b turns unlockable (b reaches a) or implied (a reaches b) through the closure and `rest`.
    mightBlock: (r, a, b, rest, from, to) =>
      linked(r, k, w, b, a, rest, from, to) || linked(r, k, w, a, b, rest, from, to),
    key: (r) => {
      let out = '';
      for (let i = 0; i < k * w; i++) out += String.fromCharCode(r[i] & 0xffff, r[i] >>> 16);
      return out;
    },
  });
}

/** Flags (1) in `out` the candidates nothing reaches in the closure `r`. */
function markSources(r: Int32Array, k: number, w: number, out: Uint8Array): void {
  for (let x = 0; x < k; x++) {
    let src = 1;
    for (let y = 0; y < k; y++)
      if (has(r, w, y, x)) {
        src = 0;
        break;
      }
    out[x] = src;
  }
}

/**
 * The ranking of a closure that is a strict weak order (groups by number of candidates above), or
 * undefined when some incomparable pairs are not transitive.
 */
function weakOrderOf(r: Int32Array, k: number, w: number, cands: readonly number[]): number[][] | undefined {
  if (w === 1) {
    // Column masks: who reaches each candidate.
    const col = new Int32Array(k);
    for (let x = 0; x < k; x++) for (let y = 0; y < k; y++) if ((r[x] >>> y) & 1) col[y] |= 1 << x;
    const all = k === 32 ? -1 : (1 << k) - 1;
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++)
        if ((r[a] >>> b) & 1 && (all & ~r[a] & ~col[b] & ~(1 << a) & ~(1 << b)) !== 0) return undefined;
  } else return weakOrderSlow(r, k, w, cands);
  const groups: number[][] = [];
  for (let x = 0; x < k; x++) {
    let above = 0;
    for (let y = 0; y < k; y++) above += (r[y] >>> x) & 1;
    (groups[above] ??= []).push(cands[x]);
  }
  return groups.filter((g) => g !== undefined).map((g) => g.sort((x, y) => x - y));
}

function weakOrderSlow(
  r: Int32Array,
  k: number,
  w: number,
  cands: readonly number[],
): number[][] | undefined {
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      if (!has(r, w, a, b)) continue;
      // a ≻ b: every c is below a or above b (negative transitivity).
      for (let c = 0; c < k; c++)
        if (c !== a && c !== b && !has(r, w, a, c) && !has(r, w, c, b)) return undefined;
    }
  const groups: number[][] = [];
  for (let x = 0; x < k; x++) {
    let above = 0;
    for (let y = 0; y < k; y++) above += has(r, w, y, x);
    (groups[above] ??= []).push(cands[x]);
  }
  return groups.filter((g) => g !== undefined).map((g) => g.sort((x, y) => x - y));
}

const beforeBuf = new Scratch((n) => new Uint8Array(n));

/**
 * lockIfUnique (tie-orders.ts) specialised to bit rows of one word (k ≤ 32), the hot path: locks the
 * wins block by block into `r` and returns false as soon as some block's order matters.
 */
function lockUnique32(r: Int32Array, k: number, wins: Wins): boolean {
  const { count, from, to, w } = wins;
  const before = beforeBuf.get(count);
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && w[j] === w[i]) j++;
    if (j - i > 1) for (let e = i; e < j; e++) before[e] = (r[to[e]] >>> from[e]) & 1;
    for (let e = i; e < j; e++) {
      const a = from[e];
      const b = to[e];
      if ((r[b] >>> a) & 1) {
        // b reaches a: skipped; a conflict if it was lockable when the block began.
        if (j - i > 1 && !before[e]) return false;
        continue;
      }
      if ((r[a] >>> b) & 1) continue;
      const add = r[b] | (1 << b);
      const bitA = 1 << a;
      for (let x = 0; x < k; x++) if (x === a || r[x] & bitA) r[x] |= add;
    }
    i = j;
  }
  return true;
}

const OVER = new Error('over');

/**
 * allOutcomes (tie-orders.ts) specialised to one-word bit rows (k ≤ 32): every distinct locked
 * closure over all tie-breakings, or undefined past `cap` branching steps.
 */
function forward32(wins: Wins, k: number, cap: number): Int32Array[] | undefined {
  const { count, from, to, w } = wins;
  let states: Int32Array[] = [new Int32Array(k)];
  let steps = 0;
  const lock = (r: Int32Array, a: number, b: number) => {
    const add = r[b] | (1 << b);
    const bitA = 1 << a;
    for (let x = 0; x < k; x++) if (x === a || r[x] & bitA) r[x] |= add;
  };
  const open = (r: Int32Array, a: number, b: number) => !((r[b] >>> a) & 1) && !((r[a] >>> b) & 1);
  try {
    for (let i = 0; i < count; ) {
      let j = i + 1;
      while (j < count && w[j] === w[i]) j++;
      const next: Int32Array[] = [];
      for (const st of states) {
        const live: number[] = [];
        for (let e = i; e < j; e++) if (open(st, from[e], to[e])) live.push(e);
        if (live.length <= 1) {
          for (const e of live) lock(st, from[e], to[e]);
          next.push(st);
          continue;
        }
        const saved = st.slice();
        let clash = false;
        for (const e of live) {
          const a = from[e];
          const b = to[e];
          if ((st[b] >>> a) & 1) {
            clash = true;
            break;
          }
          if (!((st[a] >>> b) & 1)) lock(st, a, b);
        }
        if (!clash) {
          next.push(st);
          continue;
        }
        // The maximal subsets of `live` that lock together: include or leave out each edge; an edge
        // left out must end blocked or implied.
        const extend = (cur: Int32Array, at: number, out: readonly number[]): void => {
          if (++steps > cap) throw OVER;
          if (at === live.length) {
            for (const e of out) if (open(cur, from[e], to[e])) return;
            next.push(cur);
            return;
          }
          const e = live[at];
          if (!open(cur, from[e], to[e])) {
            extend(cur, at + 1, out);
            return;
          }
          const withE = cur.slice();
          lock(withE, from[e], to[e]);
          extend(withE, at + 1, out);
          extend(cur, at + 1, [...out, e]);
        };
        extend(saved, 0, []);
      }
      if (next.length > 1) {
        const byKey = new Map<string, Int32Array>();
        for (const r of next) byKey.set(r.join(','), r);
        states = [...byKey.values()];
      } else states = next;
      if (states.length > cap) return undefined;
      i = j;
    }
  } catch (e) {
    if (e === OVER) return undefined;
    throw e;
  }
  return states;
}

export const rankedPairs: ProfileRule = {
  name: 'ranked-pairs',
  aliases: ['tideman'],
  title: 'Ranked pairs (Tideman)',
  description:
    'Lock in majority wins from the largest margin down, skipping any that would close a cycle; the candidates nothing is locked above win, over every order of equal margins.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's `ranked_pairs`: the winners are the union over all tie-breakings of equal margins, computed exactly (a pruned, memoized search over the outcomes of each equal-margin block, among the Split Cycle winners); refuses with a UserError past 1,000 majority wins with equal margins whose order matters, or past 50,000 search steps (fewer above 100 candidates). A ranking is returned when every tie-breaking locks the same order and that order is a weak order.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  maxTiedWins: MAX_TIED_WINS,
  reference:
    'Tideman (1987), Independence of clones as a criterion for voting rules, Social Choice and Welfare 4',
  run: (s, cands) => lockedWinners(s, cands, FEW),
};

/**
 * The rule's work; `few` is how many locked states (and branching steps) are followed forward before
 * the per-candidate search takes over (tests set it to 0 to exercise the search).
 */
export function lockedWinners(s: Summary, cands: readonly number[] | undefined, few: number): RuleResult {
  const { k, cands: cs, g } = localMargins(s, cands);
  const w = (k + 31) >>> 5;
  const wins = sortedWins(g, k);
  const locker = lockerFor(k, w);
  const r = closureBuf.get(k * w);
  r.fill(0, 0, k * w);
  const top = topBuf.get(k);
  if (w === 1 ? lockUnique32(r, k, wins) : lockIfUnique(wins, r, locker)) {
    markSources(r, k, w, top);
    const result = localSet(cs, top);
    const ranking = weakOrderOf(r, k, w, cs);
    return ranking ? { ...result, ranking } : result;
  }
  // The order of some equal margins matters. Only Split Cycle winners can win; when few orders
  // matter, follow them all; otherwise search for each candidate.
  const targets = new Uint8Array(k);
  if (splitCycleUndefeated(g, k, pathBuf.get(k * k), targets) === 1) return localSet(cs, targets);
  const finals = w === 1 ? forward32(wins, k, few) : allOutcomes(wins, new Int32Array(k * w), locker, few);
  if (finals) {
    const found = new Uint8Array(k);
    for (const f of finals) {
      markSources(f, k, w, top);
      for (let x = 0; x < k; x++) found[x] |= top[x];
    }
    const result = localSet(cs, found);
    const ranking = finals.length === 1 ? weakOrderOf(finals[0], k, w, cs) : undefined;
    return ranking ? { ...result, ranking } : result;
  }
  const found = new Uint8Array(k);
  unionOfWinners(wins, k, new Int32Array(k * w), locker, targets, found, 'ranked-pairs');
  return localSet(cs, found);
}
