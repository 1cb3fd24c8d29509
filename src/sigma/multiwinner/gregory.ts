/**
 * Single transferable vote by moving pieces of ballots (the Gregory family), after pref_voting's
 * proportional_methods (stv_wig, stv_nb, stv_last_parcel, stv_scottish).
 *
 * A piece is part of a ballot's value sitting with one candidate. First preferences start the
 * count; a candidate reaching the quota is elected and its surplus (total − quota) moves on to the
 * next continuing preferences; when nobody reaches the quota, the continuing candidate with the
 * fewest votes is excluded and its pieces move on at their value. The variants differ in the
 * surplus transfer:
 * - wig (weighted inclusive Gregory): every piece of the elected candidate gives up the same
 *   share surplus/total; the share of pieces with no next preference is lost.
 * - nb (Newland–Britton, ERS compensation): only pieces with a next preference give, a share
 *   surplus/(their total) (at most all of it), so nothing transferable is lost.
 * - last-parcel (senatorial): only the pieces of the last parcel the candidate received give.
 * - scottish (SSI 2007/42): integer Droop quota; each ballot paper's transfer value is
 *   truncated to 5 decimals, surplus × value / total; surpluses one at a time, the largest among
 *   all elected candidates, ties by the most recent stage where the tied candidates differed.
 * The others take the rational Droop quota total/(K+1) (`quota: droop` gives ⌊total/(K+1)⌋ + 1),
 * elect those at or above it, most votes first (ties by lowest index), and move the surpluses of
 * the candidates elected at that stage only, largest first. Every count ends by electing all the
 * continuing candidates once they are no more than the seats left.
 *
 * Ties where the rules decide by lot (or by key) are decided by the lowest index here, and counted
 * in the result's `tieBreaks`, so a result that depended on one says so.
 */
import { type Ballots, EPS, lowestOf } from './ballots.js';

export type GregoryVariant = 'wig' | 'nb' | 'last-parcel' | 'scottish';

interface Piece {
  /** The ballot it came from. */
  readonly b: number;
  /** The tier of the ballot it sits at. */
  readonly tier: number;
  /** Where it sits (−1 once it is spent). */
  cand: number;
  /** Its value. */
  w: number;
  /** How many ballot papers it stands for (its value per paper is w / papers). */
  readonly papers: number;
}

export interface StvCount {
  /** The elected candidates, in order of election. */
  readonly elected: number[];
  /** How many ties were decided by the lowest index rather than by the votes. */
  readonly tieBreaks: number;
  readonly quota: number;
}

class Count {
  readonly pieces: Piece[] = [];
  /** Pieces of each candidate's last parcel (for last-parcel transfers). */
  readonly parcel = new Map<number, number[]>();
  readonly continuing: Set<number>;
  readonly elected: number[] = [];
  tieBreaks = 0;

  constructor(readonly ballots: Ballots) {
    this.continuing = new Set(ballots.cands);
    ballots.tiers.forEach((tiers, b) => {
      if (tiers.length > 0 && ballots.weights[b] > 0)
        this.place(b, -1, ballots.weights[b], ballots.weights[b], null);
    });
  }

  /** Candidates' totals (every candidate holding value). */
  totals(): Float64Array {
    const t = new Float64Array(this.ballots.m);
    for (const p of this.pieces) if (p.cand >= 0 && p.w > EPS) t[p.cand] += p.w;
    return t;
  }

  /**
   * Moves value w (standing for `papers` papers) of ballot b from tier `after` to its next tier
   * with a continuing candidate, split equally there; false when there is none (the value is lost).
   * `opened` starts a new parcel for each recipient once per transfer.
   */
  place(b: number, after: number, w: number, papers: number, opened: Set<number> | null): boolean {
    const tiers = this.ballots.tiers[b];
    for (let t = after + 1; t < tiers.length; t++) {
      const to = tiers[t].filter((c) => this.continuing.has(c));
      if (to.length === 0) continue;
      for (const c of to) {
        if (opened !== null && !opened.has(c)) {
          opened.add(c);
          this.parcel.set(c, []);
        }
        const parcel = this.parcel.get(c) ?? [];
        this.parcel.set(c, parcel);
        parcel.push(this.pieces.length);
        this.pieces.push({ b, tier: t, cand: c, w: w / to.length, papers: papers / to.length });
      }
      return true;
    }
    return false;
  }

  hasNext(p: Piece): boolean {
    const tiers = this.ballots.tiers[p.b];
    for (let t = p.tier + 1; t < tiers.length; t++)
      if (tiers[t].some((c) => this.continuing.has(c))) return true;
    return false;
  }

  /** Excludes c: its pieces move on at their value. */
  exclude(c: number): void {
    this.continuing.delete(c);
    const opened = new Set<number>();
    const n = this.pieces.length;
    for (let i = 0; i < n; i++) {
      const p = this.pieces[i];
      if (p.cand !== c || p.w <= EPS) continue;
      this.place(p.b, p.tier, p.w, p.papers, opened);
      p.w = 0;
      p.cand = -1;
    }
  }

  /** Moves c's surplus over the quota on; true when any value moved. */
  transferSurplus(c: number, quota: number, variant: GregoryVariant): boolean {
    const total = this.totals()[c];
    const surplus = total - quota;
    if (surplus <= EPS) return false;
    const opened = new Set<number>();
    const donors =
      variant === 'last-parcel'
        ? (this.parcel.get(c) ?? []).map((i) => this.pieces[i]).filter((p) => p.cand === c)
        : this.pieces.filter((p) => p.cand === c && p.w > EPS);
    if (variant === 'last-parcel') this.parcel.set(c, []);
    let moved = false;
    const give = (p: Piece, drain: number) => {
      if (drain <= EPS) return;
      this.place(p.b, p.tier, drain, p.papers, opened);
      p.w -= drain;
      moved = true;
    };
    if (variant === 'scottish') {
      for (const p of donors) {
        if (p.papers <= EPS) continue;
        const value = Math.floor(((surplus * (p.w / p.papers)) / total) * 1e5 + EPS) / 1e5;
        give(p, Math.min(p.w, p.papers * value));
      }
    } else if (variant === 'nb') {
      const able = donors.filter((p) => this.hasNext(p));
      const pool = able.reduce((x, p) => x + p.w, 0);
      if (pool <= EPS) return false;
      const share = Math.min(1, surplus / pool);
      for (const p of able) give(p, p.w * share);
    } else {
      const pool = donors.reduce((x, p) => x + p.w, 0);
      if (pool <= EPS) return false;
      const share = Math.min(1, surplus / pool);
      for (const p of donors) give(p, p.w * share);
    }
    return moved;
  }

  reachedQuota(quota: number): number[] {
    const t = this.totals();
    return [...this.continuing].filter((c) => t[c] >= quota - EPS);
  }

  electAllLeft(seats: number): boolean {
    if (this.continuing.size > seats - this.elected.length) return false;
    this.elected.push(...[...this.continuing].sort((a, b) => a - b));
    this.continuing.clear();
    return true;
  }
}

/** The Droop quotas: rational total/(K+1), or the integer ⌊total/(K+1)⌋ + 1. */
export function droopQuota(total: number, seats: number, integer: boolean): number {
  return integer ? Math.floor(total / (seats + 1)) + 1 : total / (seats + 1);
}

/** One STV count of the Gregory family for K = `seats`. */
export function gregoryStv(
  ballots: Ballots,
  seats: number,
  variant: GregoryVariant,
  integerQuota = variant === 'scottish',
): StvCount {
  const count = new Count(ballots);
  const quota = droopQuota(ballots.total, seats, integerQuota);
  if (variant === 'scottish') scottish(count, seats, quota);
  else inclusive(count, seats, quota, variant);
  return { elected: count.elected.slice(0, seats), tieBreaks: count.tieBreaks, quota };
}

function inclusive(count: Count, seats: number, quota: number, variant: GregoryVariant): void {
  for (let safety = 0; count.elected.length < seats && safety < 100_000; safety++) {
    const reached = count.reachedQuota(quota);
    if (reached.length > 0) {
      const t = count.totals();
      reached.sort((a, b) => t[b] - t[a] || a - b);
      const left = seats - count.elected.length;
      // more reached the quota than seats are left, and the last seat went to the lower index
      if (reached.length > left && Math.abs(t[reached[left - 1]] - t[reached[left]]) <= EPS)
        count.tieBreaks++;
      const now = reached.slice(0, left);
      for (const c of now) {
        count.continuing.delete(c);
        count.elected.push(c);
      }
      if (count.elected.length >= seats) return;
      if (variant === 'last-parcel') {
        for (const c of now)
          if (count.transferSurplus(c, quota, variant) && count.reachedQuota(quota).length > 0) break;
      } else {
        const stuck = new Set<number>();
        for (;;) {
          const tt = count.totals();
          const surplus = now.filter((c) => tt[c] - quota > EPS && !stuck.has(c));
          if (surplus.length === 0) break;
          // the largest surplus first; equal ones by the highest index, as pref_voting's max key
          const c = surplus.reduce((x, y) =>
            tt[y] > tt[x] + EPS || (Math.abs(tt[y] - tt[x]) <= EPS && y > x) ? y : x,
          );
          if (count.transferSurplus(c, quota, variant)) {
            if (count.reachedQuota(quota).length > 0) break;
          } else stuck.add(c);
        }
      }
      if (count.electAllLeft(seats)) return;
      continue;
    }
    if (count.electAllLeft(seats)) return;
    const t = count.totals();
    const low = lowestOf(count.continuing, (c) => t[c]);
    if (low.tied) count.tieBreaks++;
    count.exclude(low.c);
  }
}

function scottish(count: Count, seats: number, quota: number): void {
  const history: Float64Array[] = [count.totals()];
  // Rules 49 and 51: among tied candidates, the one highest (or lowest) at the most recent stage
  // where they differed; else by lot (here: the lowest index, counted).
  const byHistory = (tied: number[], highest: boolean): number => {
    let left = tied;
    for (let h = history.length - 1; h >= 0 && left.length > 1; h--) {
      const v = history[h];
      const ext = highest ? Math.max(...left.map((c) => v[c])) : Math.min(...left.map((c) => v[c]));
      const narrowed = left.filter((c) => Math.abs(v[c] - ext) <= EPS);
      if (narrowed.length < left.length) left = narrowed;
    }
    if (left.length > 1) count.tieBreaks++;
    return Math.min(...left);
  };
  const largestSurplus = (among: number[]): number | undefined => {
    const t = count.totals();
    const over = among.filter((c) => t[c] - quota > EPS);
    if (over.length === 0) return undefined;
    const top = Math.max(...over.map((c) => t[c]));
    return byHistory(
      over.filter((c) => Math.abs(t[c] - top) <= EPS),
      true,
    );
  };
  for (let safety = 0; count.elected.length < seats && safety < 100_000; safety++) {
    const reached = count.reachedQuota(quota).sort((a, b) => a - b);
    if (reached.length > 0) {
      for (const c of reached) {
        count.continuing.delete(c);
        count.elected.push(c);
      }
      const stuck = new Set<number>();
      for (;;) {
        const c = largestSurplus(count.elected.filter((x) => !stuck.has(x)));
        if (c === undefined) break;
        if (count.transferSurplus(c, quota, 'scottish')) {
          history.push(count.totals());
          if (count.reachedQuota(quota).length > 0) break;
        } else stuck.add(c);
      }
      if (count.electAllLeft(seats)) return;
      continue;
    }
    const c = largestSurplus(count.elected);
    if (c !== undefined && count.transferSurplus(c, quota, 'scottish')) {
      history.push(count.totals());
      continue;
    }
    if (count.electAllLeft(seats)) return;
    const t = count.totals();
    const low = Math.min(...[...count.continuing].map((x) => t[x]));
    const out = byHistory(
      [...count.continuing].filter((x) => Math.abs(t[x] - low) <= EPS),
      false,
    );
    count.exclude(out);
    history.push(count.totals());
  }
}
