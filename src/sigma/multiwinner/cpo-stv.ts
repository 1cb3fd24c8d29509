/**
 * CPO-STV, comparison of pairs of outcomes (Tideman 1995; Tideman & Richardson 2000), as
 * pref_voting's cpo_stv counts it. Every committee of K candidates is compared with every other:
 * for committees A and B, each ballot counts for its top group within S = A ∪ B (split equally),
 * then only the candidates in both, I = A ∩ B, pass on their surpluses over the quota
 * (what S still holds)/(K+1): in turn by index, each with the votes it had at the start of the
 * round, every ballot's part with it shrinks by the same ratio (`meek`), or down to one common
 * amount per voter (`warren`), and the difference goes to the ballot's next group within S (or is
 * lost); rounds repeat until nothing moves (to 1e-12). A's margin over B is A's votes minus B's.
 * The committee beating every other is elected; when there is none, Minimax on the committees'
 * margins decides (the smallest largest defeat), and a tie there goes to the first committee in
 * lexicographic order, counted in `tieBreaks`.
 */
import { UserError } from '../../core/errors.js';
import type { Ballots } from './ballots.js';
import type { StvCount } from './gregory.js';

export type InPairSurplus = 'meek' | 'warren';

/** Past this many committees the count (all pairs of committees) refuses. */
export const CPO_MAX_COMMITTEES = 300;

const TOL = 1e-12;

/** The committees of size k from `cands`, in lexicographic order. */
export function committeesOf(cands: readonly number[], k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number) => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= cands.length - (k - pick.length); i++) {
      pick.push(cands[i]);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** The tier index of each candidate on each ballot (−1 where unranked or out of play). */
function tierIndex(ballots: Ballots): Int32Array[] {
  return ballots.tiers.map((tiers) => {
    const at = new Int32Array(ballots.m).fill(-1);
    tiers.forEach((group, t) => {
      for (const c of group) at[c] = t;
    });
    return at;
  });
}

/** A's margin over B (committees of equal size). */
export function committeeMargin(
  ballots: Ballots,
  at: readonly Int32Array[],
  A: readonly number[],
  B: readonly number[],
  surplus: InPairSurplus,
): number {
  const m = ballots.m;
  const inS = new Uint8Array(m);
  for (const c of A) inS[c] = 1;
  for (const c of B) inS[c] = 1;
  const I = A.filter((c) => B.includes(c)).sort((x, y) => x - y);
  const k = A.length;
  const nb = ballots.tiers.length;
  const alloc = new Float64Array(nb * m);
  /** The group of ballot b within S after tier t (its top group for t = −1). */
  const nextIn = (b: number, t: number): number[] => {
    const tiers = ballots.tiers[b];
    for (let u = t + 1; u < tiers.length; u++) {
      const g = tiers[u].filter((c) => inS[c]);
      if (g.length > 0) return g;
    }
    return [];
  };
  const give = (b: number, amount: number, to: readonly number[]) => {
    for (const c of to) alloc[b * m + c] += amount / to.length;
  };
  for (let b = 0; b < nb; b++) if (ballots.weights[b] > 0) give(b, ballots.weights[b], nextIn(b, -1));
  const totals = new Float64Array(m);
  const tally = () => {
    totals.fill(0);
    for (let b = 0; b < nb; b++) for (let c = 0; c < m; c++) totals[c] += alloc[b * m + c];
  };
  for (let round = 0; round < 10_000 && I.length > 0; round++) {
    tally();
    let usable = 0;
    for (let c = 0; c < m; c++) if (inS[c]) usable += totals[c];
    if (usable <= TOL) break;
    const quota = usable / (k + 1);
    let changed = false;
    for (const c of I) {
      const tc = totals[c];
      const excess = tc - quota;
      if (excess <= TOL || tc <= TOL) continue;
      if (surplus === 'meek') {
        const ratio = excess / tc;
        for (let b = 0; b < nb; b++) {
          const w = alloc[b * m + c];
          if (w <= 0) continue;
          const delta = w * ratio;
          if (delta <= TOL) continue;
          alloc[b * m + c] = w - delta;
          give(b, delta, nextIn(b, at[b][c]));
          changed = true;
        }
      } else {
        // the common amount per voter p with Σ voters·min(part, p) = quota, by bisection
        let hi = 0;
        for (let b = 0; b < nb; b++)
          if (alloc[b * m + c] > 0 && ballots.weights[b] > 0)
            hi = Math.max(hi, alloc[b * m + c] / ballots.weights[b]);
        if (hi === 0) continue;
        let lo = 0;
        for (let it = 0; it < 64; it++) {
          const mid = (lo + hi) / 2;
          let s = 0;
          for (let b = 0; b < nb; b++) {
            const w = alloc[b * m + c];
            if (w > 0 && ballots.weights[b] > 0)
              s += ballots.weights[b] * Math.min(w / ballots.weights[b], mid);
          }
          if (s > quota) hi = mid;
          else lo = mid;
        }
        for (let b = 0; b < nb; b++) {
          const w = alloc[b * m + c];
          const v = ballots.weights[b];
          if (w <= 0 || v <= 0) continue;
          const per = w / v;
          const delta = (per - Math.min(per, lo)) * v;
          if (delta <= TOL) continue;
          alloc[b * m + c] = w - delta;
          give(b, delta, nextIn(b, at[b][c]));
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  tally();
  let margin = 0;
  for (const c of A) margin += totals[c];
  for (const c of B) margin -= totals[c];
  return margin;
}

/** The CPO-STV committee of K = `seats`. */
export function cpoStv(ballots: Ballots, seats: number, surplus: InPairSurplus = 'meek'): StvCount {
  if (surplus !== 'meek' && surplus !== 'warren')
    throw new UserError(`expected meek or warren, got ${JSON.stringify(surplus)}`, 'options.surplus');
  const cands = ballots.cands;
  const k = Math.min(seats, cands.length);
  const count = binomial(cands.length, k);
  if (count > CPO_MAX_COMMITTEES)
    throw new UserError(
      `CPO-STV compares every pair of the ${count} committees of ${k} among ${cands.length} candidates; expected at most ${CPO_MAX_COMMITTEES} committees`,
      'options.seats',
    );
  const committees = committeesOf(cands, k);
  const done = (elected: number[], tieBreaks = 0): StvCount => ({ elected, tieBreaks, quota: Number.NaN });
  if (committees.length === 1) return done(committees[0]);
  const at = tierIndex(ballots);
  const margin = (a: number, b: number) =>
    committeeMargin(ballots, at, committees[a], committees[b], surplus);
  // a Condorcet committee, if any: the survivor of a sequence of challenges must beat all the others
  let champion = 0;
  for (let a = 0; a < committees.length; a++) if (margin(a, champion) > 0) champion = a;
  let condorcet = true;
  for (let b = 0; b < committees.length && condorcet; b++)
    if (b !== champion && !(margin(champion, b) > 0)) condorcet = false;
  if (condorcet) return done(committees[champion]);
  // Minimax over the committees: each one's largest defeat (0 when it has none)
  const worst = new Float64Array(committees.length);
  for (let a = 0; a < committees.length; a++)
    for (let b = a + 1; b < committees.length; b++) {
      const x = margin(a, b);
      if (x < 0) worst[a] = Math.max(worst[a], -x);
      else if (x > 0) worst[b] = Math.max(worst[b], x);
    }
  const best = Math.min(...worst);
  const tied = [...worst.keys()].filter((a) => worst[a] === best);
  return done(committees[tied[0]], tied.length > 1 ? 1 : 0);
}
