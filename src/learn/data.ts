/**
 * Preference data over K items (indices 0..K−1), as plain data with typed arrays.
 *
 * - `Comparisons`: pairwise records (winner, loser, count), optionally tagged with the annotator
 *   who gave them. An annotator's records share one hidden context (a mixture fit uses this).
 * - `PairProbabilities`: the infinite-data limit of pairwise comparisons — the exact probability
 *   P(i beats j) for every ordered pair, with a weight per unordered pair saying how much of the
 *   data compares that pair. Fitting a model to it maximizes the expected log-likelihood.
 * - `Choices`: choice data — a choice set, the item chosen from it, and a count.
 *
 * Every fitter reads comparisons through `winMatrix`: w[i*K + j] is the (possibly fractional)
 * number of times i beat j.
 */
import { UserError } from '../core/errors.js';

export interface Comparisons {
  readonly kind: 'comparisons';
  /** Number of items K. */
  readonly items: number;
  /** Display names of the items, when known. */
  readonly names?: readonly string[];
  /** Winner of each record. */
  readonly winner: Int32Array;
  /** Loser of each record. */
  readonly loser: Int32Array;
  /** Non-negative multiplicity of each record. */
  readonly count: Float64Array;
  /** Annotator id (0-based) of each record, when known. */
  readonly annotator?: Int32Array;
  /** Display labels of the annotators, indexed by id, when known (else the id is the label). */
  readonly annotatorNames?: readonly string[];
}

export interface PairProbabilities {
  readonly kind: 'probabilities';
  readonly items: number;
  readonly names?: readonly string[];
  /** K*K: p[i*K + j] = P(i beats j); p[j*K + i] = 1 − p[i*K + j]; the diagonal is 0.5 and unused. */
  readonly p: Float64Array;
  /** K*K symmetric, non-negative: how much weight the pair {i, j} carries; the diagonal is 0. */
  readonly weight: Float64Array;
}

/** Pairwise data: sampled records or exact probabilities. */
export type ComparisonData = Comparisons | PairProbabilities;

export interface Choices {
  readonly kind: 'choices';
  readonly items: number;
  readonly names?: readonly string[];
  /** n+1 offsets: the choice set of record r is members[offsets[r] .. offsets[r+1]). */
  readonly offsets: Int32Array;
  /** The items of every choice set, concatenated. */
  readonly members: Int32Array;
  /** The item chosen in each record (a member of its set). */
  readonly chosen: Int32Array;
  /** Non-negative multiplicity of each record. */
  readonly count: Float64Array;
}

/** One comparison record as given by a caller. */
export interface ComparisonRecord {
  readonly winner: number;
  readonly loser: number;
  readonly count?: number;
  readonly annotator?: number;
}

/** One choice record as given by a caller. */
export interface ChoiceRecord {
  readonly set: readonly number[];
  readonly chosen: number;
  readonly count?: number;
}

function checkItems(items: number, where: string): void {
  if (!Number.isInteger(items) || items < 1)
    throw new UserError(`expected a positive whole number of items, got ${items}`, where);
}

function checkNames(items: number, names: readonly string[] | undefined, where: string): void {
  if (names && names.length !== items)
    throw new UserError(`expected ${items} item names, got ${names.length}`, `${where}.names`);
}

function checkItem(items: number, x: unknown, what: string, where: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= items)
    throw new UserError(
      `${what}: expected an item index in 0..${items - 1}, got ${JSON.stringify(x)}`,
      where,
    );
  return x;
}

function checkCount(x: unknown, where: string): number {
  if (x === undefined) return 1;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
    throw new UserError(`count: expected a non-negative number, got ${JSON.stringify(x)}`, where);
  return x;
}

/** Builds pairwise comparison data, checking every record (errors name `where[r]`). */
export function comparisons(
  items: number,
  records: readonly ComparisonRecord[],
  opts: { names?: readonly string[]; annotatorNames?: readonly string[]; where?: string } = {},
): Comparisons {
  const where = opts.where ?? 'comparisons';
  checkItems(items, where);
  checkNames(items, opts.names, where);
  const n = records.length;
  const winner = new Int32Array(n);
  const loser = new Int32Array(n);
  const count = new Float64Array(n);
  const hasAnnotator = records.some((r) => r.annotator !== undefined);
  const annotator = hasAnnotator ? new Int32Array(n) : undefined;
  for (let r = 0; r < n; r++) {
    const rec = records[r];
    const at = `${where}[${r}]`;
    winner[r] = checkItem(items, rec.winner, 'winner', at);
    loser[r] = checkItem(items, rec.loser, 'loser', at);
    if (winner[r] === loser[r])
      throw new UserError(`winner and loser must differ, both are ${winner[r]}`, at);
    count[r] = checkCount(rec.count, at);
    if (annotator) {
      const a = rec.annotator;
      if (typeof a !== 'number' || !Number.isInteger(a) || a < 0)
        throw new UserError(
          `annotator: expected a non-negative whole number on every record, got ${JSON.stringify(a)}`,
          at,
        );
      annotator[r] = a;
      if (opts.annotatorNames && a >= opts.annotatorNames.length)
        throw new UserError(`annotator: ${a} has no label (${opts.annotatorNames.length} given)`, at);
    }
  }
  return {
    kind: 'comparisons',
    items,
    ...(opts.names ? { names: opts.names } : {}),
    winner,
    loser,
    count,
    ...(annotator ? { annotator } : {}),
    ...(annotator && opts.annotatorNames ? { annotatorNames: opts.annotatorNames } : {}),
  };
}

function readMatrix(items: number, m: ArrayLike<number> | readonly (readonly number[])[], where: string) {
  const out = new Float64Array(items * items);
  if (m.length === items * items && typeof m[0] === 'number') {
    for (let k = 0; k < items * items; k++) out[k] = (m as ArrayLike<number>)[k];
    return out;
  }
  if (m.length !== items)
    throw new UserError(
      `expected a ${items}×${items} matrix (or ${items * items} numbers), got ${m.length} rows`,
      where,
    );
  for (let i = 0; i < items; i++) {
    const row = (m as readonly (readonly number[])[])[i];
    if (!Array.isArray(row) || row.length !== items)
      throw new UserError(`expected ${items} numbers`, `${where}[${i}]`);
    for (let j = 0; j < items; j++) out[i * items + j] = row[j];
  }
  return out;
}

/**
 * Builds exact comparison probabilities from P (K×K nested arrays or K*K row-major numbers) and
 * optional pair weights (same shapes; default 1 for every pair of distinct items). Checks that
 * P(i beats j) + P(j beats i) = 1 (within 1e-9), probabilities lie in [0, 1], weights are
 * symmetric and non-negative. The diagonal is set to 0.5 (P) and 0 (weight).
 */
export function pairProbabilities(
  items: number,
  p: ArrayLike<number> | readonly (readonly number[])[],
  opts: {
    weight?: ArrayLike<number> | readonly (readonly number[])[];
    names?: readonly string[];
    where?: string;
  } = {},
): PairProbabilities {
  const where = opts.where ?? 'probabilities';
  checkItems(items, where);
  checkNames(items, opts.names, where);
  const pm = readMatrix(items, p, `${where}.p`);
  const w = opts.weight
    ? readMatrix(items, opts.weight, `${where}.weight`)
    : new Float64Array(items * items).fill(1);
  for (let i = 0; i < items; i++) {
    pm[i * items + i] = 0.5;
    w[i * items + i] = 0;
    for (let j = 0; j < items; j++) {
      if (i === j) continue;
      const pij = pm[i * items + j];
      const at = `${where}.p[${i}][${j}]`;
      if (!(pij >= 0 && pij <= 1)) throw new UserError(`expected a probability in [0, 1], got ${pij}`, at);
      if (j > i && Math.abs(pij + pm[j * items + i] - 1) > 1e-9)
        throw new UserError(
          `expected P(${i} beats ${j}) + P(${j} beats ${i}) = 1, got ${pij + pm[j * items + i]}`,
          at,
        );
      const wij = w[i * items + j];
      const wat = `${where}.weight[${i}][${j}]`;
      if (!(wij >= 0) || !Number.isFinite(wij))
        throw new UserError(`expected a non-negative weight, got ${wij}`, wat);
      if (wij !== w[j * items + i])
        throw new UserError(`expected a symmetric weight, but weight[${j}][${i}] = ${w[j * items + i]}`, wat);
    }
  }
  return { kind: 'probabilities', items, ...(opts.names ? { names: opts.names } : {}), p: pm, weight: w };
}

/** Builds choice data, checking that every chosen item is in its set and sets repeat no item. */
export function choices(
  items: number,
  records: readonly ChoiceRecord[],
  opts: { names?: readonly string[]; where?: string } = {},
): Choices {
  const where = opts.where ?? 'choices';
  checkItems(items, where);
  checkNames(items, opts.names, where);
  const n = records.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const set = records[r].set;
    if (!Array.isArray(set) || set.length === 0)
      throw new UserError('set: expected a non-empty array of item indices', `${where}[${r}]`);
    total += set.length;
    offsets[r + 1] = total;
  }
  const members = new Int32Array(total);
  const chosen = new Int32Array(n);
  const count = new Float64Array(n);
  const seen = new Int32Array(items).fill(-1);
  for (let r = 0; r < n; r++) {
    const rec = records[r];
    const at = `${where}[${r}]`;
    let k = offsets[r];
    for (const x of rec.set) {
      const i = checkItem(items, x, 'set', at);
      if (seen[i] === r) throw new UserError(`set: item ${i} appears more than once`, at);
      seen[i] = r;
      members[k++] = i;
    }
    chosen[r] = checkItem(items, rec.chosen, 'chosen', at);
    if (seen[chosen[r]] !== r) throw new UserError(`chosen: item ${chosen[r]} is not in the choice set`, at);
    count[r] = checkCount(rec.count, at);
  }
  return {
    kind: 'choices',
    items,
    ...(opts.names ? { names: opts.names } : {}),
    offsets,
    members,
    chosen,
    count,
  };
}

/** The K*K win matrix: w[i*K + j] = how often (or with what weight) i beat j. */
export function winMatrix(data: ComparisonData): Float64Array {
  const k = data.items;
  const w = new Float64Array(k * k);
  if (data.kind === 'comparisons') {
    for (let r = 0; r < data.winner.length; r++) w[data.winner[r] * k + data.loser[r]] += data.count[r];
  } else {
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) if (i !== j) w[i * k + j] = data.weight[i * k + j] * data.p[i * k + j];
  }
  return w;
}

/** Merges records with the same winner and loser (dropping annotators), in (winner, loser) order. */
export function aggregate(data: ComparisonData): Comparisons {
  const k = data.items;
  const w = winMatrix(data);
  const recs: ComparisonRecord[] = [];
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) if (w[i * k + j] > 0) recs.push({ winner: i, loser: j, count: w[i * k + j] });
  return comparisons(k, recs, data.names ? { names: data.names } : {});
}

/** Pairwise data read as choice data: each comparison is a choice from the set {winner, loser}. */
export function pairsAsChoices(data: ComparisonData): Choices {
  const agg = aggregate(data);
  const recs: ChoiceRecord[] = [];
  for (let r = 0; r < agg.winner.length; r++)
    recs.push({ set: [agg.winner[r], agg.loser[r]], chosen: agg.winner[r], count: agg.count[r] });
  return choices(data.items, recs, data.names ? { names: data.names } : {});
}

/**
 * Where maximum-likelihood scores fail to exist. `beats[i*K + j] > 0` when i was preferred to j
 * at least once. Scores exist (for Bradley–Terry and logit without a prior) exactly when this
 * directed graph is strongly connected (Zermelo 1929; Ford 1957; Hunter 2004, Assumption 1).
 * Otherwise returns a split: `winners` never lost to any of `losers`, so the likelihood keeps
 * growing as the winners' scores rise above the losers'.
 */
export function separation(
  items: number,
  beats: ArrayLike<number>,
): { winners: number[]; losers: number[] } | null {
  if (items <= 1) return null;
  const reach = (forward: boolean) => {
    const seen = new Uint8Array(items);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < items; j++) {
        const e = forward ? beats[i * items + j] : beats[j * items + i];
        if (e > 0 && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    return seen;
  };
  const fwd = reach(true);
  const out = (seen: Uint8Array, v: number) => {
    const r: number[] = [];
    for (let i = 0; i < items; i++) if (seen[i] === v) r.push(i);
    return r;
  };
  // The items 0 does not (transitively) beat never lost to any item it does beat.
  if (fwd.includes(0)) return { winners: out(fwd, 0), losers: out(fwd, 1) };
  const bwd = reach(false);
  // Items that do not (transitively) beat 0 never beat any item that does.
  if (bwd.includes(0)) return { winners: out(bwd, 1), losers: out(bwd, 0) };
  return null;
}

/**
 * The comparisons a maximum-likelihood fit drives to certainty: i beat j (`beats[i*K + j] > 0`)
 * but j never beat i, not even through other items (i and j lie in different strongly connected
 * components of the beats graph). Listed as [i, j], by i then j. Empty exactly when every
 * comparison lies inside a strongly connected component: then the likelihood has a finite
 * maximum (unique up to a constant on each connected part). Otherwise raising i and every item
 * that beat i, directly or through others, lowers no comparison's likelihood and raises that of
 * [i, j], so the likelihood grows without bound: the data are (quasi-)separable.
 */
export function oneWayPairs(items: number, beats: ArrayLike<number>): [number, number][] {
  const comp = components(items, beats);
  const out: [number, number][] = [];
  for (let i = 0; i < items; i++)
    for (let j = 0; j < items; j++)
      if (i !== j && beats[i * items + j] > 0 && comp[i] !== comp[j]) out.push([i, j]);
  return out;
}

/** Strongly connected components (Kosaraju, iterative): a component id per item. O(K²). */
function components(k: number, beats: ArrayLike<number>): Int32Array {
  const order: number[] = [];
  const seen = new Uint8Array(k);
  const next = new Int32Array(k);
  for (let root = 0; root < k; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    const stack = [root];
    while (stack.length > 0) {
      const i = stack[stack.length - 1];
      let j = next[i];
      while (j < k && (seen[j] || !(beats[i * k + j] > 0))) j++;
      next[i] = j + 1;
      if (j < k) {
        seen[j] = 1;
        stack.push(j);
      } else {
        stack.pop();
        order.push(i);
      }
    }
  }
  // In decreasing finish order, what reaches each root in the reversed graph is its component.
  const comp = new Int32Array(k).fill(-1);
  let c = 0;
  for (let q = k - 1; q >= 0; q--) {
    const root = order[q];
    if (comp[root] >= 0) continue;
    comp[root] = c;
    const stack = [root];
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let j = 0; j < k; j++)
        if (comp[j] < 0 && beats[j * k + i] > 0) {
          comp[j] = c;
          stack.push(j);
        }
    }
    c++;
  }
  return comp;
}

/** The "beats" graph of choice data: b[i*K + j] > 0 when i was chosen from a set containing j. */
export function choiceBeats(data: Choices): Float64Array {
  const k = data.items;
  const b = new Float64Array(k * k);
  for (let r = 0; r < data.chosen.length; r++) {
    if (!(data.count[r] > 0)) continue;
    const c = data.chosen[r];
    for (let q = data.offsets[r]; q < data.offsets[r + 1]; q++)
      if (data.members[q] !== c) b[c * k + data.members[q]] = 1;
  }
  return b;
}

/** An item's display name: its name when the data carry names, else its index. */
export function itemName(data: { readonly names?: readonly string[] }, i: number): string {
  return data.names ? data.names[i] : String(i);
}
