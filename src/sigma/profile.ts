/**
 * Profiles: the ballots of the parts (voters), and the summary every rule reads.
 *
 * A ballot is stored as tie levels: `levels[b*m + c]` is candidate c's level on ballot b, 0 for
 * the top group, 1 for the next, and so on (dense). A ranking with ties is a weak order; a linear
 * order has m distinct levels. Candidates a truncated ballot leaves out share the level after its
 * last ranked group (they are tied at the bottom), and `unranked` remembers which they were so the
 * ballot can be written back as it came. Ballots carry weights (`counts`): a profile need not be
 * deduplicated, and `compact` merges identical ballots when that pays.
 */
import { UserError } from '../core/errors.js';

export interface Profile {
  /** Number of candidates. */
  readonly m: number;
  /** Output id of each candidate index: 0-based for JSON, the file's own numbers for PrefLib. */
  readonly ids: readonly number[];
  /** Display name of each candidate index. */
  readonly names: readonly string[];
  /** Number of ballots stored (distinct or not). */
  readonly k: number;
  /** k*m tie levels, 0 = best. */
  readonly levels: Int32Array;
  /** k ballot weights (voter counts). */
  readonly counts: Float64Array;
  /** k*m flags, 1 where a truncated ballot left the candidate out; absent when every ballot is complete. */
  readonly unranked?: Uint8Array;
  /** k*m cardinal scores (grades, utilities, approvals as 0/1) when ballots are cardinal; NaN = not scored. */
  readonly scores?: Float64Array;
  /** True when the builder knows every ballot is a linear order (lets rules skip checking). */
  readonly linear?: boolean;
}

/** The candidate indices 0..m-1. */
export function allCandidates(m: number): number[] {
  return Array.from({ length: m }, (_, i) => i);
}

// Default ids and names are shared (and frozen) per m: building a profile in a hot loop should
// not allocate m strings.
const defaultIds: (readonly number[])[] = [];
const defaultNames: (readonly string[])[] = [];

export function idsFor(m: number): readonly number[] {
  return (defaultIds[m] ??= Object.freeze(allCandidates(m)));
}

export function namesFor(m: number): readonly string[] {
  return (defaultNames[m] ??= Object.freeze(allCandidates(m).map(String)));
}

/**
 * Builds a profile from rankings given best first, where an element is a candidate index or an
 * array of tied candidate indices. Candidates left out are tied at the bottom (a truncated ballot).
 * Throws a UserError naming `where[i]` when a ranking repeats a candidate or names one that does
 * not exist.
 */
export function profileFromRankings(
  m: number,
  rankings: readonly (readonly (number | readonly number[])[])[],
  counts?: readonly number[],
  opts: { ids?: readonly number[]; names?: readonly string[]; where?: string } = {},
): Profile {
  const k = rankings.length;
  const where = opts.where ?? 'rankings';
  if (!Number.isInteger(m) || m < 1)
    throw new UserError(`expected a positive number of candidates, got ${m}`, where);
  if (counts && counts.length !== k)
    throw new UserError(`expected ${k} counts (one per ranking), got ${counts.length}`, where);
  const levels = new Int32Array(k * m);
  const w = new Float64Array(k);
  let unranked: Uint8Array | undefined;
  const seen = new Int32Array(m);
  for (let b = 0; b < k; b++) {
    const r = rankings[b];
    const at = `${where}[${b}]`;
    if (!Array.isArray(r)) throw new UserError('expected an array of candidates (best first)', at);
    seen.fill(-1);
    let level = 0;
    for (const group of r) {
      const members = typeof group === 'number' ? [group] : group;
      if (!Array.isArray(members) && typeof group !== 'number')
        throw new UserError(
          `expected a candidate index or an array of tied candidates, got ${JSON.stringify(group)}`,
          at,
        );
      if (members.length === 0) continue;
      for (const c of members) {
        if (!Number.isInteger(c) || c < 0 || c >= m)
          throw new UserError(`candidate ${JSON.stringify(c)} is not one of 0..${m - 1}`, at);
        if (seen[c] >= 0) throw new UserError(`candidate ${c} appears more than once`, at);
        seen[c] = level;
      }
      level++;
    }
    let missing = false;
    for (let c = 0; c < m; c++) if (seen[c] < 0) missing = true;
    if (missing) {
      unranked ??= new Uint8Array(k * m);
      for (let c = 0; c < m; c++)
        if (seen[c] < 0) {
          seen[c] = level;
          unranked[b * m + c] = 1;
        }
    }
    levels.set(seen, b * m);
    const cnt = counts ? counts[b] : 1;
    if (!(Number.isFinite(cnt) && cnt >= 0))
      throw new UserError(
        `expected a non-negative count, got ${JSON.stringify(cnt)}`,
        `${where === 'rankings' ? 'counts' : where}[${b}]`,
      );
    w[b] = cnt;
  }
  return {
    m,
    ids: opts.ids ?? idsFor(m),
    names: opts.names ?? namesFor(m),
    k,
    levels,
    counts: w,
    unranked,
  };
}

/** Builds a profile of linear orders from a flat k*m array of candidate indices (best first). */
export function profileFromOrders(m: number, orders: Int32Array, counts?: Float64Array): Profile {
  const k = orders.length / m;
  // Small typed arrays each cost a separate backing store; building a profile in a hot loop
  // allocates the weights and the levels in one (weights first, for 8-byte alignment).
  let w = counts;
  let levels: Int32Array;
  if (w === undefined) {
    const block = new Float64Array(k + Math.ceil((k * m) / 2));
    w = block.subarray(0, k).fill(1);
    levels = new Int32Array(block.buffer, k * 8, k * m);
  } else levels = new Int32Array(k * m);
  for (let b = 0; b < k; b++) for (let i = 0; i < m; i++) levels[b * m + orders[b * m + i]] = i;
  return {
    m,
    ids: idsFor(m),
    names: namesFor(m),
    k,
    levels,
    counts: w,
    linear: true,
  };
}

/**
 * Builds a profile from cardinal ballots (k*m scores, higher is better, NaN = unscored). The
 * ranking each ballot induces (equal scores tied, unscored at the bottom) is what ordinal rules read.
 */
export function profileFromScores(
  m: number,
  scores: Float64Array,
  counts?: Float64Array,
  opts: { ids?: readonly number[]; names?: readonly string[] } = {},
): Profile {
  const k = scores.length / m;
  const levels = new Int32Array(k * m);
  let unranked: Uint8Array | undefined;
  for (let b = 0; b < k; b++) {
    const row = scores.subarray(b * m, (b + 1) * m);
    const distinct = Array.from(new Set(Array.from(row).filter((x) => !Number.isNaN(x)))).sort(
      (x, y) => y - x,
    );
    for (let c = 0; c < m; c++) {
      if (Number.isNaN(row[c])) {
        unranked ??= new Uint8Array(k * m);
        unranked[b * m + c] = 1;
        levels[b * m + c] = distinct.length;
      } else levels[b * m + c] = distinct.indexOf(row[c]);
    }
  }
  return {
    m,
    ids: opts.ids ?? idsFor(m),
    names: opts.names ?? namesFor(m),
    k,
    levels,
    counts: counts ?? new Float64Array(k).fill(1),
    unranked,
    scores,
  };
}

/** The rankings of a profile as groups of tied candidates, best first (unranked candidates omitted). */
export function rankingOf(p: Profile, b: number): number[][] {
  const groups: number[][] = [];
  for (let c = 0; c < p.m; c++) {
    if (p.unranked?.[b * p.m + c]) continue;
    const l = p.levels[b * p.m + c];
    (groups[l] ??= []).push(c);
  }
  return groups.filter((g) => g !== undefined);
}

/** Merges identical ballots, adding their counts; order of first appearance is kept. */
export function compact(p: Profile): Profile {
  const { m } = p;
  const index = new Map<string, number>();
  const keep: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < p.k; b++) {
    const parts: number[] = Array.from(p.levels.subarray(b * m, (b + 1) * m));
    if (p.unranked) parts.push(...p.unranked.subarray(b * m, (b + 1) * m));
    if (p.scores) parts.push(...p.scores.subarray(b * m, (b + 1) * m));
    const key = parts.join(',');
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, keep.length);
      keep.push(b);
      counts.push(p.counts[b]);
    } else counts[at] += p.counts[b];
  }
  const pick = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
    const out = make(keep.length * m);
    keep.forEach((b, i) => {
      out.set(a.subarray(b * m, (b + 1) * m), i * m);
    });
    return out;
  };
  return {
    ...p,
    k: keep.length,
    levels: pick(p.levels, (n) => new Int32Array(n)),
    counts: Float64Array.from(counts),
    unranked: p.unranked && pick(p.unranked, (n) => new Uint8Array(n)),
    scores: p.scores && pick(p.scores, (n) => new Float64Array(n)),
  };
}

/**
 * What rules read, computed once per profile and on demand: total weight, the pairwise support
 * matrix, margins. Ten rules on one profile tally it once.
 */
export class Summary {
  readonly m: number;
  private _n = -1;
  private _linear?: boolean;
  private _support?: Float64Array;
  private _margin?: Float64Array;
  private _marginBlock?: Float64Array;

  constructor(readonly profile: Profile) {
    this.m = profile.m;
  }

  /** Whether every ballot is a linear order (m distinct levels), computed once. */
  linear(): boolean {
    if (this._linear === undefined) {
      const { m, k, levels, linear } = this.profile;
      let all = linear === true;
      if (!all) {
        all = true;
        // Levels are dense, so a ballot is linear exactly when its bottom level is m − 1.
        for (let b = 0; b < k && all; b++) {
          let hi = 0;
          for (let c = 0; c < m; c++) if (levels[b * m + c] > hi) hi = levels[b * m + c];
          if (hi !== m - 1) all = false;
        }
      }
      this._linear = all;
    }
    return this._linear;
  }

  /** Total weight of the ballots (the number of voters). */
  get n(): number {
    if (this._n < 0) {
      let t = 0;
      for (let b = 0; b < this.profile.k; b++) t += this.profile.counts[b];
      this._n = t;
    }
    return this._n;
  }

  /** support[a*m+b]: weight of the voters who rank a strictly above b. */
  support(): Float64Array {
    if (!this._support) {
      const { m, k, levels, counts } = this.profile;
      // One block for the support and the margins (filled when asked for): one allocation.
      const block = new Float64Array(2 * m * m);
      const s = block.subarray(0, m * m);
      this._marginBlock = block.subarray(m * m);
      const order = new Int32Array(m);
      const known = this.profile.linear === true;
      for (let b = 0; b < k; b++) {
        const w = counts[b];
        const o = b * m;
        // A linear order (m distinct dense levels) is tallied without comparisons: every candidate
        // is above every later one. Weak orders take the general path.
        const linear = orderOf(levels, o, m, order, known);
        if (linear) {
          for (let i = 0; i < m; i++) {
            const row = order[i] * m;
            for (let j = i + 1; j < m; j++) s[row + order[j]] += w;
          }
          continue;
        }
        for (let x = 0; x < m; x++) {
          const lx = levels[o + x];
          for (let y = x + 1; y < m; y++) {
            const ly = levels[o + y];
            if (lx < ly) s[x * m + y] += w;
            else if (ly < lx) s[y * m + x] += w;
          }
        }
      }
      this._support = s;
    }
    return this._support;
  }

  /** margin[a*m+b] = support(a,b) − support(b,a). */
  margin(): Float64Array {
    if (!this._margin) {
      const s = this.support();
      const m = this.m;
      const g = this._marginBlock ?? new Float64Array(m * m);
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) g[a * m + b] = s[a * m + b] - s[b * m + a];
      this._margin = g;
    }
    return this._margin;
  }
}

/**
 * Writes ballot `o`'s candidates best first into `order` and says whether the ballot is a linear
 * order; `trusted` skips the check (the profile says every ballot is one).
 */
function orderOf(levels: Int32Array, o: number, m: number, order: Int32Array, trusted: boolean): boolean {
  if (trusted) {
    for (let c = 0; c < m; c++) order[levels[o + c]] = c;
    return true;
  }
  order.fill(-1);
  for (let c = 0; c < m; c++) {
    const l = levels[o + c];
    if (l >= m || order[l] >= 0) return false;
    order[l] = c;
  }
  return true;
}

/** Accepts a Profile or a Summary; rules take either. */
export function summarize(p: Profile | Summary): Summary {
  return p instanceof Summary ? p : new Summary(p);
}
