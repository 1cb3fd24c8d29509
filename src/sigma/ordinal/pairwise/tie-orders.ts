/**
 * What ranked pairs and River share: the majority wins sorted by margin, and the exact union over
 * every order of wins with equal margins (pref_voting's convention: a candidate wins if it wins under
 * some tie-breaking of the edges).
 *
 * Trying every permutation of each block of equal margins is factorial (and deciding whether a
 * candidate wins some tie-breaking is NP-complete for ranked pairs: Brill & Fischer 2012). The search
 * here is exact but cuts most of it:
 *
 * - Only Split Cycle winners can win: a win b≻a of margin w that no path a→…→b of wins ≥ w answers
 *   is locked under every order (any locked path back would be such a path), so a has a locked
 *   defeat. When Split Cycle has one winner, that is the answer.
 * - A block's possible outcomes are exactly its maximal lockable subsets: the sets L of its edges
 *   that lock together with what is already locked, such that every edge left out could not be
 *   locked with L (lock L first, then the rest is skipped; conversely an edge skipped in some order
 *   stays unlockable once everything is in). So the search branches over those subsets, not over
 *   orders, and carries only distinct locked states from block to block. When locking the whole
 *   block in one order meets no conflict there is a single outcome; when every block is like that
 *   the locked result is unique and no search is needed.
 * - Otherwise, for each Split Cycle winner not yet seen to win, a depth-first search looks for
 *   outcomes under which it keeps no locked defeat: a branch dies as soon as it gets one (an edge
 *   into it is never put in L), or when some defeat of it still to come can no longer be answered by
 *   a path back through locked wins and wins still to come at least as large; edges extending what it
 *   already beats are tried first, and (state, block) pairs already explored are skipped. Every
 *   complete outcome found marks all its winners.
 *
 * Wins of margin 0 (ties) are not enumerated: for both rules, the candidates that can come out on
 * top after them are exactly those with no locked defeat once the positive wins are in (see the rule
 * files), so the union only needs the positive wins.
 */
import { UserError } from '../../../core/errors.js';
import { Scratch } from './local.js';

/** The positive-margin wins among k local candidates, by margin descending (stable in (from, to)). */
export interface Wins {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly w: Float64Array;
}

const fromBuf = new Scratch((n) => new Int32Array(n));
const toBuf = new Scratch((n) => new Int32Array(n));
const wBuf = new Scratch((n) => new Float64Array(n));

/**
 * Collects and sorts the wins of the k*k margins `g` into module scratch (valid until the next call).
 */
export function sortedWins(g: Float64Array, k: number): Wins {
  const cap = (k * (k - 1)) / 2 + 1;
  const from = fromBuf.get(cap);
  const to = toBuf.get(cap);
  const w = wBuf.get(cap);
  let n = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      const x = g[a * k + b];
      if (x > 0) {
        // Insertion by margin, descending; equal margins keep (a, b) order.
        let i = n++;
        while (i > 0 && w[i - 1] < x) {
          w[i] = w[i - 1];
          from[i] = from[i - 1];
          to[i] = to[i - 1];
          i--;
        }
        w[i] = x;
        from[i] = a;
        to[i] = b;
      }
    }
  return { count: n, from, to, w };
}

/** How a locking rule treats edges and candidates in one state (modified in place). */
export interface Locker<S extends Uint8Array | Int32Array> {
  /** 0: it can never be locked from this state on; 1: locking it would change nothing; 2: lockable. */
  status(st: S, a: number, b: number): 0 | 1 | 2;
  /** Locks a→b into `st`. */
  lock(st: S, a: number, b: number): void;
  /** Whether candidate a has a locked defeat (it can no longer win). */
  defeated(st: S, a: number): boolean;
  /** Whether a already reaches x through locked wins. */
  reaches(st: S, a: number, x: number): boolean;
  /**
   * Whether a→b could become unlockable once some of the edges `rest` (indices into from/to) are
   * locked too (an optimistic test: false only when it surely stays lockable).
   */
  mightBlock(st: S, a: number, b: number, rest: readonly number[], from: Int32Array, to: Int32Array): boolean;
  /** A string that identifies the state. */
  key(st: S): string;
}

/** Past this many explored search steps the exact union is refused. */
export const TIE_BUDGET = 50_000;

/**
 * Past this many majority wins in the equal-margin blocks whose order matters (summed along one
 * search path), the exact union is refused before searching further: the search nests once per
 * such win and each step costs a pass over the candidates, so these ties, not the candidate count,
 * make it deep and slow. (3 ballots over 100 candidates put ~3,700 wins on one margin.)
 */
export const MAX_TIED_WINS = 1_000;

/** Each search step costs up to ~k² work: the step budget shrinks for large k (50,000 up to k = 100). */
const TIE_WORK = 5e8;

/** Thrown by blockOutcomes on a block past MAX_TIED_WINS; the caller names the rule. */
class TooManyTies {
  constructor(readonly size: number) {}
}

function tooManyTies(rule: string, size: number): UserError {
  return new UserError(
    `${rule}: ${size.toLocaleString('en-US')} majority wins with equal margins whose order matters; the exact union over ` +
      `their orders is refused past ${MAX_TIED_WINS.toLocaleString('en-US')} such wins ` +
      '(use a rule that breaks ties, or fewer candidates)',
    '--method',
  );
}

const statusBuf = new Scratch((n) => new Uint8Array(n));

/**
 * Locks the still-open wins `live` into `st` in order; false as soon as one conflicts with what is
 * locked (`st` is then part-way and the caller starts again from its own copy).
 */
function lockAll<S extends Uint8Array | Int32Array>(
  locker: Locker<S>,
  st: S,
  live: readonly number[],
  from: Int32Array,
  to: Int32Array,
): boolean {
  for (const e of live) {
    const x = locker.status(st, from[e], to[e]);
    if (x === 0) return false;
    if (x === 2) locker.lock(st, from[e], to[e]);
  }
  return true;
}

/**
 * Locks the blocks into `st` in order while each one is order-independent (no edge lockable when its
 * block starts is blocked by the others). Returns true when every block is, so that `st` holds the
 * result of every tie-breaking; false (with `st` partly locked) when some block's order matters.
 */
export function lockIfUnique<S extends Uint8Array | Int32Array>(
  wins: Wins,
  st: S,
  locker: Locker<S>,
): boolean {
  const { count, from, to, w } = wins;
  const before = statusBuf.get(count);
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && w[j] === w[i]) j++;
    if (j - i === 1) {
      if (locker.status(st, from[i], to[i]) === 2) locker.lock(st, from[i], to[i]);
    } else {
      for (let e = i; e < j; e++) before[e] = locker.status(st, from[e], to[e]);
      for (let e = i; e < j; e++) {
        const x = locker.status(st, from[e], to[e]);
        if (x === 2) locker.lock(st, from[e], to[e]);
        else if (x === 0 && before[e] === 2) return false;
      }
    }
    i = j;
  }
  return true;
}

/**
 * Calls `visit` on each distinct outcome of locking the block edges `live` (all lockable in `st`)
 * in some order: the maximal subsets that lock together, found by including or leaving out each edge
 * in turn, where an edge left out must be unlockable at the end. Edges into `avoid` (a candidate, or
 * −1) are never included. Stops and returns true as soon as `visit` does.
 */
export function blockOutcomes<S extends Uint8Array | Int32Array>(
  st: S,
  live: readonly number[],
  locker: Locker<S>,
  from: Int32Array,
  to: Int32Array,
  avoid: number,
  charge: () => void,
  visit: (outcome: S) => boolean,
): boolean {
  // The search nests one call per win of each block on its path: bound their sum, not just one block.
  if (pathTies + live.length > MAX_TIED_WINS) throw new TooManyTies(pathTies + live.length);
  pathTies += live.length;
  try {
    return blockOutcomesIn(st, live, locker, from, to, avoid, charge, visit);
  } finally {
    pathTies -= live.length;
  }
}

/** The wins of the blocks being branched on along the current search path. */
let pathTies = 0;

function blockOutcomesIn<S extends Uint8Array | Int32Array>(
  st: S,
  live: readonly number[],
  locker: Locker<S>,
  from: Int32Array,
  to: Int32Array,
  avoid: number,
  charge: () => void,
  visit: (outcome: S) => boolean,
): boolean {
  const outcomes = new Set<string>();
  const visited = new Set<string>();
  const extend = (cur: S, i: number, left: readonly number[]): boolean => {
    // Edges left out that are now unlockable are settled; the others must still be blockable.
    const rest = live.slice(i);
    const out: number[] = [];
    for (const e of left)
      if (locker.status(cur, from[e], to[e]) === 2) {
        if (!locker.mightBlock(cur, from[e], to[e], rest, from, to)) return false;
        out.push(e);
      }
    const key = `${i}|${out.join(',')}|${locker.key(cur)}`;
    if (visited.has(key)) return false;
    visited.add(key);
    charge();
    if (i === live.length) {
      const final = locker.key(cur);
      if (outcomes.has(final)) return false;
      outcomes.add(final);
      return visit(cur);
    }
    const e = live[i];
    if (locker.status(cur, from[e], to[e]) !== 2) return extend(cur, i + 1, out);
    if (to[e] !== avoid) {
      const next = cur.slice() as S;
      locker.lock(next, from[e], to[e]);
      if (extend(next, i + 1, out)) return true;
    }
    return extend(cur, i + 1, [...out, e]);
  };
  return extend(st, 0, []);
}

/**
 * Every distinct final state over all tie-breakings, block by block, or undefined once more than
 * `cap` states (or search steps) would be needed: the direct route when few orders matter.
 */
export function allOutcomes<S extends Uint8Array | Int32Array>(
  wins: Wins,
  init: S,
  locker: Locker<S>,
  cap: number,
): S[] | undefined {
  const { count, from, to, w } = wins;
  let states: S[] = [init.slice() as S];
  let steps = 0;
  const over = {};
  const charge = () => {
    if (++steps > cap) throw over;
  };
  const dedupe = (xs: S[]): S[] => {
    if (xs.length < 2) return xs;
    const byKey = new Map<string, S>();
    for (const x of xs) byKey.set(locker.key(x), x);
    return [...byKey.values()];
  };
  try {
    for (let i = 0; i < count; ) {
      let j = i + 1;
      while (j < count && w[j] === w[i]) j++;
      const next: S[] = [];
      for (const st of states) {
        const live: number[] = [];
        for (let e = i; e < j; e++) if (locker.status(st, from[e], to[e]) === 2) live.push(e);
        if (live.length <= 1) {
          for (const e of live) locker.lock(st, from[e], to[e]);
          next.push(st);
          continue;
        }
        // Lock in place; on a conflict, start again from the saved state and branch.
        const saved = st.slice() as S;
        if (lockAll(locker, st, live, from, to)) next.push(st);
        else
          blockOutcomes(saved, live, locker, from, to, -1, charge, (o) => {
            next.push(o);
            return false;
          });
      }
      states = dedupe(next);
      if (states.length > cap) return undefined;
      i = j;
    }
  } catch (e) {
    // Past the budget or the block bound: the per-candidate search decides (and may refuse).
    if (e === over || e instanceof TooManyTies) return undefined;
    throw e;
  }
  return states;
}

/**
 * Flags in `found` every candidate among `targets` (local flags) that has no locked defeat under
 * some order of the equal-margin blocks of `wins`, starting from `init`. Throws a UserError naming
 * `rule` past TIE_BUDGET search steps.
 */
export function unionOfWinners<S extends Uint8Array | Int32Array>(
  wins: Wins,
  k: number,
  init: S,
  locker: Locker<S>,
  targets: Uint8Array,
  found: Uint8Array,
  rule: string,
): void {
  const { count, from, to, w } = wins;
  const blockEnd = new Int32Array(count);
  for (let i = 0; i < count; ) {
    let j = i + 1;
    while (j < count && w[j] === w[i]) j++;
    for (let e = i; e < j; e++) blockEnd[e] = j;
    i = j;
  }
  let work = 0;
  const budget = Math.max(1, Math.min(TIE_BUDGET, Math.floor(TIE_WORK / (k * k))));
  const charge = () => {
    if (++work > budget)
      throw new UserError(
        `${rule}: too many orders of equal margins to explore exactly (more than ${budget} search steps); ` +
          'use a rule that breaks ties, or fewer candidates',
        '--method',
      );
  };
  // Outgoing edges of each candidate, for the widest-path bound below.
  const outStart = new Int32Array(k + 1);
  for (let e = 0; e < count; e++) outStart[from[e] + 1]++;
  for (let x = 0; x < k; x++) outStart[x + 1] += outStart[x];
  const outEdges = new Int32Array(count);
  const fill = outStart.slice(0, k);
  for (let e = 0; e < count; e++) outEdges[fill[from[e]]++] = e;
  const inLive = new Uint8Array(count);
  const best = new Float64Array(k);
  const done = new Uint8Array(k);

  for (let a = 0; a < k; a++) {
    if (!targets[a] || found[a]) continue;
    /**
     * Whether a is sure to get a locked defeat: some edge x→a still to come has no possible path
     * a→…→x back through locked wins and wins still to come of margin at least its own, so it will
     * be locked. `live` are the lockable edges of the current block, later blocks start at `next`.
     * One widest-path pass from a (locked wins count as unbounded) answers every such edge.
     */
    const doomed = (st: S, live: readonly number[], next: number): boolean => {
      for (const e of live) inLive[e] = 1;
      best.fill(Number.NEGATIVE_INFINITY);
      done.fill(0);
      best[a] = Number.POSITIVE_INFINITY;
      for (;;) {
        let u = -1;
        for (let v = 0; v < k; v++)
          if (!done[v] && best[v] > Number.NEGATIVE_INFINITY && (u < 0 || best[v] > best[u])) u = v;
        if (u < 0) break;
        done[u] = 1;
        const bu = best[u];
        for (let v = 0; v < k; v++) if (!done[v] && best[v] < bu && locker.reaches(st, u, v)) best[v] = bu;
        for (let i = outStart[u]; i < outStart[u + 1]; i++) {
          const f = outEdges[i];
          const v = to[f];
          if (done[v] || v === a || !(inLive[f] || f >= next) || locker.status(st, u, v) === 0) continue;
          const via = Math.min(bu, w[f]);
          if (via > best[v]) best[v] = via;
        }
      }
      let sure = false;
      for (const e of live) if (to[e] === a && best[from[e]] < w[e]) sure = true;
      for (let e = next; e < count && !sure; e++)
        if (to[e] === a && locker.status(st, from[e], a) === 2 && best[from[e]] < w[e]) sure = true;
      for (const e of live) inLive[e] = 0;
      return sure;
    };

    const seen = new Set<string>();
    // Whether some outcome of the blocks from `start` on, entered in state `st`, leaves a undefeated.
    const search = (st0: S, start0: number): boolean => {
      let st = st0;
      let start = start0;
      // A block without conflict continues in this frame: depth grows only with branching blocks.
      for (;;) {
        if (locker.defeated(st, a)) return false;
        if (start >= count) {
          for (let x = 0; x < k; x++) if (!locker.defeated(st, x)) found[x] = 1;
          return true;
        }
        const end = blockEnd[start];
        const memo = `${start}|${locker.key(st)}`;
        if (seen.has(memo)) return false;
        seen.add(memo);
        charge();
        const live: number[] = [];
        for (let e = start; e < end; e++) if (locker.status(st, from[e], to[e]) === 2) live.push(e);
        if (doomed(st, live, end)) return false;
        // One order without conflict: the only outcome.
        const trial = st.slice() as S;
        if (lockAll(locker, trial, live, from, to)) {
          st = trial;
          start = end;
          continue;
        }
        // Edges extending what a beats first, so the first outcome tried tends to favour a.
        const near = (e: number) => (from[e] === a || locker.reaches(st, a, from[e]) ? 0 : 1);
        live.sort((x, y) => near(x) - near(y) || x - y);
        return blockOutcomes(st, live, locker, from, to, a, charge, (next) => search(next, end));
      }
    };
    try {
      search(init.slice() as S, 0);
    } catch (e) {
      if (e instanceof TooManyTies) throw tooManyTies(rule, e.size);
      throw e;
    }
  }
}
