/**
 * The majority relation, shared by the Condorcet-family rules: who beats whom, the Condorcet
 * winner, the Smith set. All functions read the margin matrix and take an optional candidate subset.
 */
import { allCandidates, type Summary } from './profile.js';
import { EPS } from './result.js';

/**
 * The smallest margin that counts as a win. Weights may be fractional, and sums of fractions are
 * not exact (0.1 + 0.2 − 0.3 ≠ 0), so margins within EPS·max(1, n) of zero are ties.
 */
export function marginTolerance(s: Summary): number {
  return EPS * Math.max(1, s.n);
}

/** The Condorcet winner among `cands` (beats every other by a positive margin), or -1. */
export function condorcetWinner(s: Summary, cands: readonly number[] = allCandidates(s.m)): number {
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  for (const a of cands) {
    let wins = true;
    for (const b of cands) if (b !== a && !(g[a * m + b] > tol)) wins = false;
    if (wins) return a;
  }
  return -1;
}

/** The Condorcet loser among `cands` (loses to every other by a positive margin), or -1. */
export function condorcetLoser(s: Summary, cands: readonly number[] = allCandidates(s.m)): number {
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  for (const a of cands) {
    let loses = true;
    for (const b of cands) if (b !== a && !(g[b * m + a] > tol)) loses = false;
    if (loses) return a;
  }
  return -1;
}

/** The weak Condorcet winners among `cands`: no other candidate beats them. */
export function weakCondorcetWinners(s: Summary, cands: readonly number[] = allCandidates(s.m)): number[] {
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  return cands.filter((a) => cands.every((b) => b === a || g[b * m + a] <= tol)).sort((x, y) => x - y);
}

/**
 * The Smith set among `cands`: the smallest non-empty set whose members each beat every candidate
 * outside it. It is the top strongly connected component of the complete relation "a beats or ties
 * b", hence a prefix of the candidates sorted by how many they beat or tie: grow that prefix until
 * no outsider beats or ties an insider.
 */
export function smithSet(s: Summary, cands: readonly number[] = allCandidates(s.m)): number[] {
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  const notLoss = (a: number) => cands.reduce((t, b) => t + (b !== a && g[a * m + b] >= -tol ? 1 : 0), 0);
  const sorted = [...cands].sort((x, y) => notLoss(y) - notLoss(x) || x - y);
  // The Smith set is a prefix of this order; extend it until no outsider ties or beats an insider.
  let size = 1;
  for (let i = 0; i < size; i++) {
    const a = sorted[i];
    for (let j = size; j < sorted.length; j++) {
      if (g[sorted[j] * m + a] >= -tol) size = j + 1;
    }
  }
  return sorted.slice(0, size).sort((x, y) => x - y);
}
