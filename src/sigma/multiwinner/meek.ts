/**
 * Meek's STV (Hill, Wichmann & Woodall 1987, Algorithm 123) and Warren's (Hill & Warren 2005), as
 * pref_voting's stv_meek and stv_warren count them: each ballot flows down its preferences among
 * the candidates still in the count. In Meek's method an elected candidate keeps the fraction
 * keep[c] of what reaches it and passes the rest on; in Warren's it takes the fixed price p[c]
 * (or what is left, if less). A hopeful candidate keeps everything; an excluded one is skipped;
 * tied preferences share the value equally. What flows past the last preference is the excess,
 * and the quota is (total − excess)/(K+1), recomputed as the count goes. The keep factors (prices)
 * of the elected candidates are adjusted until each holds the quota (to 1e-10); then every hopeful
 * candidate at or above the quota is elected (most votes first, ties by lowest index, at most the
 * seats left), or else the hopeful candidate with the fewest votes is excluded (ties by lowest
 * index, counted in `tieBreaks`). A newly elected candidate starts at keep = quota/votes (Meek) or
 * the price that gives it the quota (Warren).
 */
import { type Ballots, EPS, lowestOf } from './ballots.js';
import type { StvCount } from './gregory.js';

const TOL = 1e-10;
const MAX_ITER = 2000;

export type KeepMethod = 'meek' | 'warren';

/** Every candidate's votes and the excess, for keep factors (Meek) or prices (Warren). */
function flow(
  ballots: Ballots,
  method: KeepMethod,
  factor: Float64Array,
  state: Uint8Array,
  out: Float64Array,
): number {
  out.fill(0);
  let excess = 0;
  ballots.tiers.forEach((tiers, b) => {
    const w = ballots.weights[b];
    let remaining = 1;
    for (const tier of tiers) {
      if (remaining <= EPS) break;
      let avail = 0;
      for (const c of tier) if (state[c] !== EXCLUDED) avail++;
      if (avail === 0) continue;
      const share = remaining / avail;
      let next = 0;
      for (const c of tier) {
        if (state[c] === EXCLUDED) continue;
        const kept =
          state[c] === HOPEFUL ? share : method === 'meek' ? factor[c] * share : Math.min(share, factor[c]);
        out[c] += kept * w;
        next += share - kept;
      }
      remaining = next;
    }
    excess += remaining * w;
  });
  return excess;
}

const HOPEFUL = 0;
const ELECTED = 1;
const EXCLUDED = 2;

/**
 * How a count decides ties by key. Default: the lowest index is elected first and excluded first
 * (tieBreaks counts the exclusions so decided). Sequential STV passes pref_voting's keys.
 */
export interface CountKeys {
  /** Among candidates tied at the quota, the smaller key is elected first. */
  readonly elect: (c: number) => number;
  /** Among candidates tied for the fewest votes, the smaller key is excluded. */
  readonly exclude: (c: number) => number;
}

export interface KeepValueCount extends StvCount {
  /** The excluded candidates, in order of exclusion. */
  readonly excluded: number[];
  /** Candidates neither elected nor excluded when the seats filled, fewest final votes first. */
  readonly unelected: number[];
}

/** Meek's or Warren's STV count for K = `seats`. */
export function keepValueStv(
  ballots: Ballots,
  seats: number,
  method: KeepMethod,
  keys?: CountKeys,
): KeepValueCount {
  const m = ballots.m;
  const state = new Uint8Array(m).fill(EXCLUDED);
  for (const c of ballots.cands) state[c] = HOPEFUL;
  const factor = new Float64Array(m).fill(1);
  const votes = new Float64Array(m);
  const elected: number[] = [];
  const excluded: number[] = [];
  let tieBreaks = 0;
  let quota = 0;
  const count = () => {
    const excess = flow(ballots, method, factor, state, votes);
    const usable = ballots.total - excess;
    quota = usable > EPS ? usable / (seats + 1) : 0;
  };
  // Warren: the price that gives c the quota, by bisection (its votes grow with its price)
  const priceFor = (c: number): number => {
    let lo = 0;
    let hi = 1;
    for (let it = 0; it < 64; it++) {
      factor[c] = (lo + hi) / 2;
      flow(ballots, method, factor, state, votes);
      if (Math.abs(votes[c] - quota) < TOL) break;
      if (votes[c] > quota) hi = factor[c];
      else lo = factor[c];
    }
    return factor[c];
  };
  const hopeful = () => ballots.cands.filter((c) => state[c] === HOPEFUL);
  while (elected.length < seats) {
    for (let it = 0; it < MAX_ITER; it++) {
      count();
      let changed = false;
      // the votes of this round (Warren's bisection recounts into `votes`)
      const round = Float64Array.from(votes);
      for (const c of elected) {
        const t = round[c];
        if (method === 'meek') {
          if (t > TOL && factor[c] > 0) {
            const k = Math.max(0, Math.min(1, (factor[c] * quota) / t));
            if (Math.abs(k - factor[c]) > TOL) {
              factor[c] = k;
              changed = true;
            }
          }
        } else if (Math.abs(t - quota) > TOL) {
          const before = factor[c];
          if (Math.abs(before - priceFor(c)) > TOL) changed = true;
        }
      }
      if (!changed && method === 'meek' && elected.some((c) => Math.abs(round[c] - quota) > 10 * TOL))
        changed = true;
      if (!changed) break;
    }
    count();
    const reached = hopeful().filter((c) => votes[c] >= quota - TOL);
    if (reached.length > 0) {
      const key = keys?.elect ?? ((c: number) => c);
      reached.sort((a, b) => votes[b] - votes[a] || key(a) - key(b));
      const left = seats - elected.length;
      if (reached.length > left && Math.abs(votes[reached[left - 1]] - votes[reached[left]]) <= EPS)
        tieBreaks++;
      const q = quota;
      const at = Float64Array.from(votes);
      for (const c of reached.slice(0, left)) {
        const t = at[c];
        state[c] = ELECTED;
        elected.push(c);
        if (method === 'meek') factor[c] = t > q + TOL ? q / t : 1;
        else {
          factor[c] = 1;
          if (t > q + TOL) priceFor(c);
        }
      }
      continue;
    }
    const rest = hopeful();
    if (rest.length <= seats - elected.length) {
      elected.push(...rest);
      break;
    }
    const low = keys ? lowestByKey(rest, votes, keys.exclude) : lowestOf(rest, (c) => votes[c]);
    if (low.tied) tieBreaks++;
    state[low.c] = EXCLUDED;
    excluded.push(low.c);
  }
  const left = hopeful().filter((c) => !elected.includes(c));
  const final = quota;
  // Their final votes, with the last keep factors (the quota reported stays the count's).
  if (left.length > 0) count();
  quota = final;
  const key = keys?.elect ?? ((c: number) => c);
  left.sort((a, b) => votes[a] - votes[b] || key(a) - key(b));
  return { elected: elected.slice(0, seats), tieBreaks, quota, excluded, unelected: left };
}

/** The candidate with the fewest votes (within EPS), ties to the smallest key. */
function lowestByKey(
  among: readonly number[],
  votes: Float64Array,
  key: (c: number) => number,
): { c: number; tied: boolean } {
  const low = Math.min(...among.map((c) => votes[c]));
  const tied = among.filter((c) => votes[c] <= low + EPS);
  tied.sort((a, b) => key(a) - key(b));
  return { c: tied[0], tied: tied.length > 1 };
}
