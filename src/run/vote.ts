/**
 * The vote runner: rules applied to one profile, answered in the profile's own candidate ids —
 * what `sulab vote` prints for each profile it reads, and what a library user or a worker calls.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { applicable, applyRule, type MethodSpec } from '../sigma/apply.js';
import { condorcetWinner } from '../sigma/majority.js';
import { idsFor, type Profile, Summary } from '../sigma/profile.js';
import { breakTies, type TieBreak } from '../sigma/tiebreak.js';
import type { RuleResult } from '../sigma/types.js';

export interface VoteEntry {
  method: string;
  winners: number[];
  ranking?: number[][];
  scores?: number[];
  /** A lottery rule's answer: each candidate of its support (by id) with its probability. */
  lottery?: Record<string, number>;
}

/** Runs the methods on one profile, in the profile's own candidate ids. */
export function vote(
  p: Profile,
  methods: readonly MethodSpec[],
  tb: TieBreak,
  onlyApplicable: boolean,
  s: Summary = new Summary(p),
): VoteEntry[] {
  const id = (c: number) => p.ids[c];
  // Default ids are the indices (the one shared array idsFor(m)): the rule's arrays are the answer.
  const same = p.ids === idsFor(p.m);
  const out: VoteEntry[] = [];
  for (const spec of methods) {
    if (onlyApplicable && !applicable(spec.rule, p)) continue;
    let result: RuleResult;
    try {
      result = applyRule(spec, s);
    } catch (e) {
      // With "all", a rule that cannot read this profile (Dodgson on ties, a limit) is skipped.
      if (onlyApplicable && e instanceof UserError) continue;
      throw e;
    }
    const r = breakTies(result, tb);
    const e: VoteEntry = { method: spec.text, winners: same ? r.winners : r.winners.map(id) };
    if (r.ranking) e.ranking = same ? r.ranking : r.ranking.map((g) => g.map(id));
    if (r.lottery) e.lottery = lotteryById(p, r.lottery);
    out.push(e);
  }
  return out;
}

/**
 * `JSON.stringify(entries)`, written directly: one line of a JSON Lines answer, where a generic
 * walk over the objects was a sizeable part of a run. Fields in VoteEntry's order; numbers as
 * JSON writes them.
 */
export function entriesJson(entries: readonly VoteEntry[]): string {
  let s = '[';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (i > 0) s += ',';
    s += `{"method":${JSON.stringify(e.method)},"winners":${numbers(e.winners)}`;
    if (e.ranking) {
      s += ',"ranking":[';
      for (let g = 0; g < e.ranking.length; g++) s += (g > 0 ? ',' : '') + numbers(e.ranking[g]);
      s += ']';
    }
    if (e.scores) s += `,"scores":${JSON.stringify(e.scores)}`;
    if (e.lottery) s += `,"lottery":${JSON.stringify(e.lottery)}`;
    s += '}';
  }
  return `${s}]`;
}

/** A list of whole numbers as JSON (ids are safe integers: String gives JSON's form). */
function numbers(xs: readonly number[]): string {
  let s = '[';
  for (let i = 0; i < xs.length; i++) s += (i > 0 ? ',' : '') + xs[i];
  return `${s}]`;
}

/** A lottery over candidate indices as {id: probability} over its support (what `vote --json` prints). */
export function lotteryById(p: Profile, lottery: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  lottery.forEach((q, c) => {
    if (q > 1e-12) out[String(p.ids[c])] = q;
  });
  return out;
}

/** The tie-break a `--tiebreak` value names (random ones draw from `seed`). */
export function tieBreakFrom(kind: string | undefined, seed: number): TieBreak {
  switch (kind ?? 'none') {
    case 'none':
      return { kind: 'none' };
    case 'lexicographic':
      return { kind: 'lexicographic' };
    case 'random':
      return { kind: 'random', rng: new Random(seed) };
    default:
      throw new UserError(`expected none, lexicographic or random, got "${kind}"`, '--tiebreak');
  }
}

/** What `sulab vote --summary` prints: how the rules behave over many profiles. */
export interface VoteSummaryJson {
  /** Profiles read. */
  profiles: number;
  /** Profiles with a Condorcet winner (a candidate beating every other by majority). */
  condorcet_profiles: number;
  rules: {
    method: string;
    /** Profiles the rule answered (with "all", rules that cannot read a profile skip it). */
    profiles: number;
    /** How many profiles gave the rule a winner set of each size. */
    winners: Record<string, number>;
    /**
     * Over the profiles with a Condorcet winner that the rule answered: the probability that it
     * picks the Condorcet winner when its ties are broken uniformly at random (the mean of
     * [cw ∈ W] / |W|); null when no such profile was read.
     */
    condorcet_efficiency: number | null;
  }[];
  /** agreement[a][b]: the share of the profiles both answered on which a and b elect the same set. */
  agreement: Record<string, Record<string, number | null>>;
}

/**
 * A VoteSummary's counts as plain data (to cross threads and merge). Every field is a count, so
 * merging the runs of a file in any grouping gives the same summary: Condorcet hits are counted by
 * winner-set size and divided only at the end.
 */
export interface VoteSummaryState {
  readonly profiles: number;
  readonly condorcet: number;
  readonly answered: readonly number[];
  /** Per method, [winner-set size, profiles] pairs. */
  readonly sizes: readonly (readonly [number, number])[][];
  readonly cwProfiles: readonly number[];
  /** Per method, [winner-set size, profiles whose Condorcet winner is in a set of that size] pairs. */
  readonly cwHits: readonly (readonly [number, number])[][];
  readonly both: readonly number[];
  readonly same: readonly number[];
}

/**
 * Accumulates rule behaviour over profiles, one at a time (memory does not grow with their number):
 * winner-set sizes, Condorcet efficiency, and pairwise agreement of winner sets.
 */
export class VoteSummary {
  private profiles = 0;
  private condorcet = 0;
  private readonly answered: number[];
  private readonly sizes: Map<number, number>[];
  private readonly cwProfiles: number[];
  private readonly cwHits: Map<number, number>[];
  private readonly both: Float64Array;
  private readonly same: Float64Array;

  constructor(private readonly methods: readonly string[]) {
    const r = methods.length;
    this.answered = new Array(r).fill(0);
    this.sizes = methods.map(() => new Map());
    this.cwProfiles = new Array(r).fill(0);
    this.cwHits = methods.map(() => new Map());
    this.both = new Float64Array(r * r);
    this.same = new Float64Array(r * r);
  }

  /** One profile's entries, with its Condorcet winner (an id) or null. */
  add(entries: readonly VoteEntry[], cw: number | null): void {
    this.profiles++;
    if (cw !== null) this.condorcet++;
    const r = this.methods.length;
    const sets: (string | undefined)[] = new Array(r);
    // Entries come in the methods' order, skipping those that could not read the profile.
    let i = -1;
    for (const e of entries) {
      do i++;
      while (i < r && this.methods[i] !== e.method);
      if (i === r) throw new Error(`vote summary: ${e.method} is not one of the methods, in order`);
      this.answered[i]++;
      const n = e.winners.length;
      bump(this.sizes[i], n, 1);
      if (cw !== null) {
        this.cwProfiles[i]++;
        if (e.winners.includes(cw)) bump(this.cwHits[i], n, 1);
      }
      sets[i] = [...e.winners].sort((a, b) => a - b).join(',');
    }
    for (let a = 0; a < r; a++)
      for (let b = 0; b < r; b++)
        if (sets[a] !== undefined && sets[b] !== undefined) {
          this.both[a * r + b]++;
          if (sets[a] === sets[b]) this.same[a * r + b]++;
        }
  }

  state(): VoteSummaryState {
    return {
      profiles: this.profiles,
      condorcet: this.condorcet,
      answered: [...this.answered],
      sizes: this.sizes.map((m) => [...m.entries()]),
      cwProfiles: [...this.cwProfiles],
      cwHits: this.cwHits.map((m) => [...m.entries()]),
      both: Array.from(this.both),
      same: Array.from(this.same),
    };
  }

  /** Adds another summary's counts (of the same methods). */
  merge(o: VoteSummaryState): void {
    this.profiles += o.profiles;
    this.condorcet += o.condorcet;
    this.methods.forEach((_, i) => {
      this.answered[i] += o.answered[i];
      this.cwProfiles[i] += o.cwProfiles[i];
      for (const [n, c] of o.sizes[i]) bump(this.sizes[i], n, c);
      for (const [n, c] of o.cwHits[i]) bump(this.cwHits[i], n, c);
    });
    for (let k = 0; k < this.both.length; k++) {
      this.both[k] += o.both[k];
      this.same[k] += o.same[k];
    }
  }

  result(): VoteSummaryJson {
    const r = this.methods.length;
    // Σ [cw ∈ W] / |W|, by size in ascending order: the same sum however the profiles were grouped.
    const hits = (i: number) =>
      [...this.cwHits[i].entries()].sort((x, y) => x[0] - y[0]).reduce((s, [n, c]) => s + c / n, 0);
    return {
      profiles: this.profiles,
      condorcet_profiles: this.condorcet,
      rules: this.methods.map((method, i) => ({
        method,
        profiles: this.answered[i],
        winners: Object.fromEntries(
          [...this.sizes[i].entries()].sort((x, y) => x[0] - y[0]).map(([k, v]) => [String(k), v]),
        ),
        condorcet_efficiency: this.cwProfiles[i] > 0 ? hits(i) / this.cwProfiles[i] : null,
      })),
      agreement: Object.fromEntries(
        this.methods.map((a, i) => [
          a,
          Object.fromEntries(
            this.methods.map((b, j) => [
              b,
              this.both[i * r + j] > 0 ? this.same[i * r + j] / this.both[i * r + j] : null,
            ]),
          ),
        ]),
      ),
    };
  }
}

function bump(m: Map<number, number>, key: number, by: number): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

/** The Condorcet winner of a profile as an id, or null. */
export function condorcetWinnerId(p: Profile, s: Summary = new Summary(p)): number | null {
  const c = condorcetWinner(s);
  return c >= 0 ? p.ids[c] : null;
}
