/**
 * Ranked pairs and River with a fixed tie-breaker (pref_voting's `-tb` and `-zt` versions): the
 * edges (majority wins, and both directions of every majority tie, at strength 0) are taken from
 * the largest margin down, and edges of equal margin in the lexicographic order of the tie-breaking
 * ranking on (winner, loser). Ranked pairs locks an edge unless it closes a cycle; River also skips
 * an edge into a candidate that already has a locked edge into it. The one candidate with nothing
 * locked above it wins, so both are resolute.
 *
 * - `-tb`: the tie-breaking ranking is an option (default: index order).
 * - `-zt` (Zavist–Tideman): the first ballot's ranking breaks the ties; pref_voting's "voter in
 *   position 0". A weak first ballot orders its tied candidates by index.
 *
 * Example (pref_voting's docstring profile): one voter each 2≻3≻1≻0, 0≻3≻1≻2, 1≻3≻2≻0, 2≻1≻3≻0.
 * 1, 2 and 3 each beat 0 by 2 and tie with one another (ranked pairs elects all three). With the
 * index order as tie-breaker ranked pairs elects 1; with 3, 2, 1, 0 it elects 3; with the first
 * voter's ranking 2, 3, 1, 0 (the `-zt` version) it elects 2. River agrees on each.
 */
import { UserError } from '../../../core/errors.js';
import { condorcetWinner, marginTolerance } from '../../majority.js';
import type { Summary } from '../../profile.js';
import type { Options, OptionSpec, ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';

/** The winner of ranked pairs (river when `river`) among `cands`, ties in margin broken by `tb`. */
export function lockWithTiebreak(
  s: Summary,
  cands: readonly number[],
  tb: readonly number[],
  river: boolean,
): RuleResult {
  const k = cands.length;
  if (k === 0) return { winners: [] };
  const cw = condorcetWinner(s, cands);
  if (cw >= 0) return { winners: [cw] };
  const g = s.margin();
  const m = s.m;
  const tol = marginTolerance(s);
  const rank = new Int32Array(m);
  tb.forEach((c, i) => {
    rank[c] = i;
  });
  const edges: [number, number, number][] = [];
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      const x = g[cands[a] * m + cands[b]];
      if (x >= -tol) edges.push([a, b, x > tol ? x : 0]);
    }
  edges.sort(
    (e, f) =>
      (Math.abs(f[2] - e[2]) > tol ? f[2] - e[2] : 0) ||
      rank[cands[e[0]]] - rank[cands[f[0]]] ||
      rank[cands[e[1]]] - rank[cands[f[1]]],
  );
  // reach[x*k+y]: x is locked above y (transitively).
  const reach = new Uint8Array(k * k);
  const hasPred = new Uint8Array(k);
  for (const [a, b] of edges) {
    if (reach[b * k + a] || reach[a * k + b]) continue;
    if (river && hasPred[b]) continue;
    hasPred[b] = 1;
    for (let x = 0; x < k; x++) {
      if (x !== a && !reach[x * k + a]) continue;
      for (let y = 0; y < k; y++) if (y === b || reach[b * k + y]) reach[x * k + y] = 1;
    }
  }
  for (let c = 0; c < k; c++) {
    let top = true;
    for (let x = 0; x < k && top; x++) if (reach[x * k + c]) top = false;
    if (top) return { winners: [cands[c]] };
  }
  throw new Error('locking with a tie-breaker left no candidate on top');
}

/** The tie-breaking ranking restricted to `cands`: the option, or index order. */
function tiebreakOption(cands: readonly number[], m: number, opts?: Options): number[] {
  const given = opts?.tie_breaker;
  if (given === undefined) return [...cands];
  if (!Array.isArray(given))
    throw new UserError('expected a list of candidates, best first', 'options.tie_breaker');
  for (const c of given as readonly number[])
    if (!(Number.isInteger(c) && c >= 0 && c < m))
      throw new UserError(`candidate ${c} is not one of 0..${m - 1}`, 'options.tie_breaker');
  if (new Set(given).size !== given.length)
    throw new UserError('a candidate appears twice', 'options.tie_breaker');
  const inSet = new Set(cands);
  const order = (given as readonly number[]).filter((c) => inSet.has(c));
  // Candidates the option leaves out come after it, in index order.
  for (const c of cands) if (!order.includes(c)) order.push(c);
  return order;
}

/** The first ballot's ranking of `cands` (pref_voting's voter 0), tied candidates by index. */
export function firstBallotOrder(s: Summary, cands: readonly number[]): number[] {
  const { levels, k } = s.profile;
  if (k === 0) return [...cands];
  return [...cands].sort((x, y) => levels[x] - levels[y] || x - y);
}

const TIE_BREAKER: OptionSpec = {
  name: 'tie_breaker',
  type: 'number[]',
  description: 'the ranking that orders edges of equal margin, best first (default: index order)',
};

const EDGES =
  'Edges of equal margin in the lexicographic order of the tie-breaker on (winner, loser); majority ties enter in both directions at strength 0, last; a Condorcet winner wins at once.';

export const rankedPairsTb: ProfileRule = {
  name: 'ranked-pairs-tb',
  aliases: [],
  title: 'Ranked pairs (fixed tie-breaker)',
  description:
    'Ranked pairs locking edges of equal margin in the order a fixed ranking of the candidates gives; resolute.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's ranked_pairs_tb. ${EDGES}`,
  axioms: ['anonymity', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  options: [TIE_BREAKER],
  reference: 'Tideman (1987); pref_voting margin_based_methods.ranked_pairs_tb',
  run: (s, cands, opts) => {
    const cs = inPlay(s.m, cands);
    return lockWithTiebreak(s, cs, tiebreakOption(cs, s.m, opts), false);
  },
};

export const rankedPairsZt: ProfileRule = {
  name: 'ranked-pairs-zt',
  aliases: [],
  title: 'Ranked pairs (Zavist–Tideman: the first ballot breaks ties)',
  description:
    "Ranked pairs locking edges of equal margin in the order of the first ballot's ranking; resolute.",
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's ranked_pairs_zt: the ballot stored first breaks the ties (a weak one orders its tied candidates by index), so the result depends on the order of the ballots. ${EDGES}`,
  axioms: ['condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference:
    'Zavist & Tideman (1989), Complete independence of clones in the ranked pairs rule; pref_voting margin_based_methods.ranked_pairs_zt',
  run: (s, cands) => {
    const cs = inPlay(s.m, cands);
    return lockWithTiebreak(s, cs, firstBallotOrder(s, cs), false);
  },
};

export const riverTb: ProfileRule = {
  name: 'river-tb',
  aliases: [],
  title: 'River (fixed tie-breaker)',
  description:
    'River locking edges of equal margin in the order a fixed ranking of the candidates gives; resolute.',
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's river_tb: an edge is skipped if it closes a cycle or its loser already has a locked edge into it. ${EDGES}`,
  axioms: ['anonymity', 'condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  options: [TIE_BREAKER],
  reference: 'Heitzig (2004), River method; pref_voting margin_based_methods.river_tb',
  run: (s, cands, opts) => {
    const cs = inPlay(s.m, cands);
    return lockWithTiebreak(s, cs, tiebreakOption(cs, s.m, opts), true);
  },
};

export const riverZt: ProfileRule = {
  name: 'river-zt',
  aliases: [],
  title: 'River (the first ballot breaks ties)',
  description: "River locking edges of equal margin in the order of the first ballot's ranking; resolute.",
  family: 'pairwise',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's river_zt: the ballot stored first breaks the ties (a weak one orders its tied candidates by index), so the result depends on the order of the ballots. ${EDGES}`,
  axioms: ['condorcet-winner', 'condorcet-loser', 'smith', 'pareto'],
  reference: 'Heitzig (2004), River method; pref_voting margin_based_methods.river_zt',
  run: (s, cands) => {
    const cs = inPlay(s.m, cands);
    return lockWithTiebreak(s, cs, firstBallotOrder(s, cs), true);
  },
};
