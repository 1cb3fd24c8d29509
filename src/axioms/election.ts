/**
 * The small elections the Σ axioms are checked and searched on: anonymous profiles of linear
 * orders (distinct orders best first, with whole voter counts), kept canonical (identical orders
 * merged, orders sorted) so one profile has one form. Edits return new elections; a removed
 * candidate renumbers the rest, and `kept` maps the new indices back.
 */
import { profileFromRankings, type Profile } from '../sigma/profile.js';

export interface Election {
  /** Number of candidates, indexed 0..m-1. */
  readonly m: number;
  /** Distinct linear orders, best first, sorted lexicographically. */
  readonly orders: readonly (readonly number[])[];
  /** Voters casting each order (positive integers). */
  readonly counts: readonly number[];
}

/** The JSON profile `sulab vote` reads (docs/formats.md). */
export interface JsonElection {
  candidates: number;
  rankings: number[][];
  counts: number[];
}

function compareOrders(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The canonical election of these ballots: identical orders merged, zero counts dropped. */
export function election(
  m: number,
  orders: readonly (readonly number[])[],
  counts: readonly number[] = orders.map(() => 1),
): Election {
  const tally = new Map<string, { order: readonly number[]; count: number }>();
  orders.forEach((o, i) => {
    if (counts[i] <= 0) return;
    const key = o.join(',');
    const t = tally.get(key);
    if (t) t.count += counts[i];
    else tally.set(key, { order: [...o], count: counts[i] });
  });
  const rows = [...tally.values()].sort((x, y) => compareOrders(x.order, y.order));
  return { m, orders: rows.map((r) => r.order), counts: rows.map((r) => r.count) };
}

/** Number of voters. */
export function voters(e: Election): number {
  let n = 0;
  for (const c of e.counts) n += c;
  return n;
}

export function toProfile(e: Election): Profile {
  return profileFromRankings(e.m, e.orders as number[][], e.counts as number[]);
}

export function toJson(e: Election): JsonElection {
  return { candidates: e.m, rankings: e.orders.map((o) => [...o]), counts: [...e.counts] };
}

/** "2×0>1>2, 1×1>2>0": how explanations show an election. */
export function describe(e: Election): string {
  return e.orders.map((o, i) => `${e.counts[i]}×${orderText(o)}`).join(', ');
}

export function orderText(o: readonly number[]): string {
  return o.join('>');
}

export function setText(xs: readonly number[]): string {
  return `{${xs.join(', ')}}`;
}

/** The election with one voter of order `i` replaced by `order`. */
export function replaceOne(e: Election, i: number, order: readonly number[]): Election {
  const counts = [...e.counts, 1];
  counts[i]--;
  return election(e.m, [...e.orders, order], counts);
}

/** The election with one more voter casting `order`. */
export function addVoter(e: Election, order: readonly number[], copies = 1): Election {
  return election(e.m, [...e.orders, order], [...e.counts, copies]);
}

/** The election with one voter of order `i` removed. */
export function removeVoter(e: Election, i: number): Election {
  const counts = [...e.counts];
  counts[i]--;
  return election(e.m, e.orders, counts);
}

/** Every count multiplied by k. */
export function scale(e: Election, k: number): Election {
  return { m: e.m, orders: e.orders, counts: e.counts.map((c) => c * k) };
}

/** Every ballot reversed. */
export function reverse(e: Election): Election {
  return election(
    e.m,
    e.orders.map((o) => [...o].reverse()),
    e.counts,
  );
}

/** Candidates a and b swapped on every ballot. */
export function swapCandidates(e: Election, a: number, b: number): Election {
  const sw = (c: number) => (c === a ? b : c === b ? a : c);
  return election(
    e.m,
    e.orders.map((o) => o.map(sw)),
    e.counts,
  );
}

/** Candidate c removed; the others renumbered in order (`kept[new] = old`). */
export function removeCandidate(e: Election, c: number): { election: Election; kept: number[] } {
  const kept = Array.from({ length: e.m }, (_, i) => i).filter((x) => x !== c);
  const to = (x: number) => (x < c ? x : x - 1);
  return {
    election: election(
      e.m - 1,
      e.orders.map((o) => o.filter((x) => x !== c).map(to)),
      e.counts,
    ),
    kept,
  };
}

/** Every linear order of 0..m-1, in lexicographic order. */
export function linearOrders(m: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) out.push(prefix);
    for (let i = 0; i < rest.length; i++)
      rec([...prefix, rest[i]], [...rest.slice(0, i), ...rest.slice(i + 1)]);
  };
  rec(
    [],
    Array.from({ length: m }, (_, i) => i),
  );
  return out;
}

/** Whether voter order `o` ranks x above y. */
export function prefers(o: readonly number[], x: number, y: number): boolean {
  return o.indexOf(x) < o.indexOf(y);
}
