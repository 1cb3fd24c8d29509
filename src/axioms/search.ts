/**
 * The search for a counterexample to a Σ axiom: first exhaustively over anonymous profiles of
 * linear orders for tiny m and n (every multiset of n orders, the smallest sets of profiles
 * first), then seeded random profiles (impartial culture, 3–5 candidates, 2–12 voters). The first
 * counterexample is shrunk — candidates and voters removed while the violation stays — so what
 * comes back is locally minimal. `searched` counts the profiles checked before one was found.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { type Election, election, linearOrders, removeCandidate, removeVoter, voters } from './election.js';
import type { SigmaAxiom, Violation, Voting } from './types.js';

export interface SearchOptions {
  /** Profiles to check at most. */
  readonly budget: number;
  readonly seed: number;
  /** Largest number of candidates to try (default 5). */
  readonly maxCandidates?: number;
}

export interface SearchResult {
  readonly violated: boolean;
  readonly counterexample: Election | null;
  readonly violation: Violation | null;
  readonly searched: number;
}

/** The exhaustive stages: (m, n) with at most this many multisets of n orders. */
const STAGE_LIMIT = 500;
/** Most voters in an exhaustive stage (two candidates would otherwise fill the budget alone). */
const STAGE_VOTERS = 9;
/** Share of the budget the exhaustive stages may take; the random profiles get the rest. */
const EXHAUSTIVE_SHARE = 0.7;

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

const factorial = (m: number): number => (m <= 1 ? 1 : m * factorial(m - 1));

/** The (m, n) stages searched exhaustively, fewest profiles first. */
export function stages(minM: number, maxM: number): { m: number; n: number; count: number }[] {
  const out: { m: number; n: number; count: number }[] = [];
  for (let m = Math.max(2, minM); m <= maxM; m++)
    for (let n = 1; n <= STAGE_VOTERS; n++) {
      const count = binomial(factorial(m) + n - 1, n);
      if (count > STAGE_LIMIT) break;
      out.push({ m, n, count });
    }
  return out.sort((a, b) => a.count - b.count || a.n - b.n || a.m - b.m);
}

/** Every anonymous profile of n voters over the given orders: multisets as non-decreasing index lists. */
export function* multisets(m: number, n: number): Generator<Election> {
  const orders = linearOrders(m);
  const K = orders.length;
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    const counts = new Array<number>(K).fill(0);
    for (const i of idx) counts[i]++;
    yield election(m, orders, counts);
    let j = n - 1;
    while (j >= 0 && idx[j] === K - 1) j--;
    if (j < 0) return;
    idx[j]++;
    for (let t = j + 1; t < n; t++) idx[t] = idx[j];
  }
}

/** A random anonymous profile: n voters, each a uniformly random linear order of m candidates. */
export function randomElection(rng: Random, m: number, n: number): Election {
  const orders: number[][] = [];
  for (let v = 0; v < n; v++) orders.push(Array.from(rng.permutation(m)));
  return election(m, orders);
}

/** The check, with a rule that cannot read this election (a UserError) counting as no violation. */
function tryCheck(axiom: SigmaAxiom, rule: Voting, e: Election): Violation | null {
  try {
    return axiom.check(rule, e);
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

/** Removes candidates and voters while the violation stays: a locally minimal counterexample. */
export function shrink(
  axiom: SigmaAxiom,
  rule: Voting,
  e: Election,
  v: Violation,
): { election: Election; violation: Violation } {
  let cur = e;
  let why = v;
  for (let changed = true; changed; ) {
    changed = false;
    const smaller: Election[] = [];
    if (cur.m > axiom.minCandidates)
      for (let c = 0; c < cur.m; c++) smaller.push(removeCandidate(cur, c).election);
    if (voters(cur) > 1) for (let i = 0; i < cur.orders.length; i++) smaller.push(removeVoter(cur, i));
    for (const s of smaller) {
      const w = tryCheck(axiom, rule, s);
      if (w) {
        cur = s;
        why = w;
        changed = true;
        break;
      }
    }
  }
  return { election: cur, violation: why };
}

/** Searches for the smallest election on which `rule` violates `axiom`, within the budget. */
export function searchCounterexample(axiom: SigmaAxiom, rule: Voting, opts: SearchOptions): SearchResult {
  const maxM = opts.maxCandidates ?? 5;
  let searched = 0;
  const found = (e: Election, v: Violation): SearchResult => {
    const s = shrink(axiom, rule, e, v);
    return { violated: true, counterexample: s.election, violation: s.violation, searched };
  };
  const exhaustive = Math.floor(opts.budget * EXHAUSTIVE_SHARE);
  for (const st of stages(axiom.minCandidates, maxM)) {
    if (searched + st.count > exhaustive) break;
    for (const e of multisets(st.m, st.n)) {
      searched++;
      const v = tryCheck(axiom, rule, e);
      if (v) return found(e, v);
    }
  }
  const rng = new Random([opts.seed, 0xa810]);
  const lo = Math.max(3, axiom.minCandidates);
  while (searched < opts.budget && lo <= maxM) {
    const m = lo + rng.int(maxM - lo + 1);
    const n = 2 + rng.int(11);
    const e = randomElection(rng, m, n);
    searched++;
    const v = tryCheck(axiom, rule, e);
    if (v) return found(e, v);
  }
  return { violated: false, counterexample: null, violation: null, searched };
}
