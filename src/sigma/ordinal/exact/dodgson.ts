/**
 * Dodgson: a candidate's score is the fewest swaps of adjacent candidates on the ballots that make
 * it the Condorcet winner (beating every other candidate by a strict majority); the lowest score
 * wins, and the scores rank everyone.
 *
 * Only moving d itself up ever helps (each swap passing d over c gives d one voter against c), so
 * the score is the least total number of places d moves up, over how far to move it on each ballot
 * (McCabe-Dansted 2006, Lemma 4.0.5). Exact, by the integer program of Bartholdi, Tovey & Trick
 * (1989), reduced: with t_c the number of voters d still needs against c (⌊−margin(d,c)/2⌋ + 1 when
 * the margin is ≤ 0), a ballot only ever moves d exactly past one of the candidates it still needs
 * (stopping anywhere in between costs more and gains nothing), ballots offering the same moves are
 * merged, and y_{g,q} counts the voters of group g who move d past its q-th needed candidate:
 *
 *     minimize Σ distance(g,q) · y_{g,q}   subject to   Σ_q y_{g,q} ≤ voters(g),
 *     Σ_{(g,q) passing c} y_{g,q} ≥ t_c for every c,   y integer ≥ 0,
 *
 * solved in its cumulative form, LP relaxation first (see programScore).
 *
 * With one candidate still to beat, taking the nearest voters first is optimal and no program is
 * solved. A Condorcet winner scores 0. Needs whole voter counts and linear orders over the
 * candidates in play (a UserError names the ballot otherwise); `cands` restricts the profile to
 * those candidates (pref_voting's `dodgson` by default scores on the whole profile instead). With no
 * voters nobody can become a Condorcet winner: every score is Infinity and all tie.
 *
 * Example: 6 voters 0≻1≻2, 5 voters 2≻0≻1, 4 voters 1≻2≻0 (a cycle). Candidate 0 needs 2 more voters
 * against 2, and two of the 2≻0≻1 voters can swap 0 over 2: score 2. Candidate 1 needs 4 voters
 * against 0: 4 swaps; candidate 2 needs 3 voters against 1: 3 swaps. Scores [2, 4, 3]: 0 wins.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { UserError } from '../../../core/errors.js';
import { allCandidates, type Summary } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { loadSolver, solveMip, solver } from './solver.js';
import { linearOrders, lowestScoreResult, requireWholeVoters } from './voters.js';

/** Dodgson refuses more candidates than this (the program grows with ballots × candidates). */
export const DODGSON_LIMIT = 20;

interface MoveGroup {
  voters: number;
  /** The needed candidates above d, nearest first, and how many places up each one is. */
  needed: number[];
  distance: number[];
}

/** Voters d still needs against each candidate (local), from the margins. */
function deficits(margin: Float64Array, m: number, cands: readonly number[], d: number): Float64Array {
  const r = cands.length;
  const t = new Float64Array(r);
  for (let c = 0; c < r; c++) {
    if (c === d) continue;
    const g = margin[cands[d] * m + cands[c]];
    if (g <= 0) t[c] = Math.floor(-g / 2) + 1;
  }
  return t;
}

function moveGroups(
  orders: Int32Array,
  counts: Float64Array,
  r: number,
  d: number,
  t: Float64Array,
): MoveGroup[] {
  const groups = new Map<string, MoveGroup>();
  for (let b = 0; b < counts.length; b++) {
    const o = b * r;
    let pd = 0;
    while (orders[o + pd] !== d) pd++;
    const needed: number[] = [];
    const distance: number[] = [];
    for (let j = pd - 1; j >= 0; j--) {
      const c = orders[o + j];
      if (t[c] > 0) {
        needed.push(c);
        distance.push(pd - j);
      }
    }
    if (needed.length === 0) continue;
    const key = `${needed.join(',')}|${distance.join(',')}`;
    const grp = groups.get(key);
    if (grp) grp.voters += counts[b];
    else groups.set(key, { voters: counts[b], needed, distance });
  }
  return [...groups.values()];
}

/** With one candidate c still to beat: the t nearest voters who have c above d. */
function greedyScore(groups: MoveGroup[], need: number): number {
  const offers = groups.map((g) => [g.distance[0], g.voters] as const).sort((x, y) => x[0] - y[0]);
  let left = need;
  let total = 0;
  for (const [dist, voters] of offers) {
    const take = Math.min(left, voters);
    total += take * dist;
    left -= take;
    if (left === 0) return total;
  }
  return Number.POSITIVE_INFINITY;
}

/** An integer solution: z[g][q] voters of group g move d past its q-th needed candidate or further. */
type Moves = Int32Array[];

/** Total swaps of a solution. */
function swaps(groups: MoveGroup[], z: Moves): number {
  let t = 0;
  groups.forEach((g, gi) => {
    for (let q = 0; q < g.needed.length; q++)
      t += (g.distance[q] - (q > 0 ? g.distance[q - 1] : 0)) * z[gi][q];
  });
  return t;
}

/** Voters gained against each candidate (local) beyond what d needs (negative: still short). */
function surplus(groups: MoveGroup[], z: Moves, t: Float64Array): Float64Array {
  const out = new Float64Array(t.length);
  for (let c = 0; c < t.length; c++) out[c] = -t[c];
  groups.forEach((g, gi) => {
    for (let q = 0; q < g.needed.length; q++) out[g.needed[q]] += z[gi][q];
  });
  return out;
}

/** Whether z describes real moves: voters(g) ≥ z_{g,0} ≥ z_{g,1} ≥ … ≥ 0 in every group. */
const nested = (groups: MoveGroup[], z: Moves) =>
  groups.every((g, gi) => z[gi].every((x, q) => x >= 0 && x <= (q === 0 ? g.voters : z[gi][q - 1])));

/** Whether z describes real moves that make d win. */
const valid = (groups: MoveGroup[], z: Moves, t: Float64Array) =>
  nested(groups, z) && !surplus(groups, z, t).some((x) => x < 0);

/** Cost of moving d from `a` needed candidates passed to `b` on one ballot of group g. */
const depthCost = (g: MoveGroup, a: number, b: number) =>
  (b > 0 ? g.distance[b - 1] : 0) - (a > 0 ? g.distance[a - 1] : 0);

/** Voters of group g whose move passes exactly `depth` needed candidates. */
const atDepth = (g: MoveGroup, zg: Int32Array, depth: number) =>
  (depth === 0 ? g.voters : zg[depth - 1]) - (depth < g.needed.length ? zg[depth] : 0);

/**
 * Repairs a solution that leaves d short: repeatedly moves one voter deeper, taking the move that
 * covers the most shortfalls per swap, until nothing is short (or nothing helps).
 */
function repair(groups: MoveGroup[], z: Moves, t: Float64Array): boolean {
  const sur = surplus(groups, z, t);
  for (;;) {
    if (!sur.some((x) => x < 0)) return true;
    let best: [number, number, number] | undefined;
    let bestRate = 0;
    groups.forEach((g, gi) => {
      const K = g.needed.length;
      for (let a = 0; a < K; a++) {
        if (atDepth(g, z[gi], a) <= 0) continue;
        let gain = 0;
        for (let b = a + 1; b <= K; b++) {
          if (sur[g.needed[b - 1]] < 0) gain++;
          const rate = gain / depthCost(g, a, b);
          if (gain > 0 && rate > bestRate) {
            bestRate = rate;
            best = [gi, a, b];
          }
        }
      }
    });
    if (!best) return false;
    const [gi, a, b] = best;
    for (let q = a; q < b; q++) {
      z[gi][q]++;
      sur[groups[gi].needed[q]]++;
    }
  }
}

/** Trims a feasible solution: repeatedly moves one voter back where no candidate then falls short. */
function trim(groups: MoveGroup[], z: Moves, t: Float64Array): void {
  const sur = surplus(groups, z, t);
  for (;;) {
    let best: [number, number, number] | undefined;
    let bestSaving = 0;
    groups.forEach((g, gi) => {
      const K = g.needed.length;
      for (let b = 1; b <= K; b++) {
        if (atDepth(g, z[gi], b) <= 0) continue;
        for (let a = b - 1; a >= 0 && sur[g.needed[a]] >= 1; a--) {
          const saving = depthCost(g, a, b);
          if (saving > bestSaving) {
            bestSaving = saving;
            best = [gi, a, b];
          }
        }
      }
    });
    if (!best) return;
    const [gi, a, b] = best;
    for (let q = a; q < b; q++) {
      z[gi][q]--;
      sur[groups[gi].needed[q]]--;
    }
  }
}

/**
 * The least number of swaps, exactly. The cumulative form of the program (z_{g,q} voters pass the
 * q-th needed candidate or further, z_{g,0} ≥ z_{g,1} ≥ …) has the same LP relaxation as the
 * one-choice-per-voter form and solves faster. Its LP bound is nearly always the Dodgson score, so
 * the LP is solved first: when rounding its solution (down and repaired, or up and trimmed) reaches
 * ⌈LP bound⌉ swaps, that is optimal (swap counts are whole) and the integer program is skipped;
 * otherwise it is solved.
 */
function programScore(groups: MoveGroup[], t: Float64Array, glpk: GLPK, shortcut: boolean): number {
  const vars: LP['objective']['vars'] = [];
  const bounds: NonNullable<LP['bounds']> = [];
  const rows: LP['subjectTo'] = [];
  const cover = new Map<number, LP['subjectTo'][number]['vars']>();
  const name = (gi: number, q: number) => `z${gi}_${q}`;
  groups.forEach((g, gi) => {
    g.needed.forEach((c, q) => {
      vars.push({ name: name(gi, q), coef: depthCost(g, q, q + 1) });
      bounds.push({ name: name(gi, q), type: glpk.GLP_DB, lb: 0, ub: g.voters });
      if (q > 0)
        rows.push({
          name: `chain${gi}_${q}`,
          vars: [
            { name: name(gi, q), coef: 1 },
            { name: name(gi, q - 1), coef: -1 },
          ],
          bnds: { type: glpk.GLP_UP, lb: 0, ub: 0 },
        });
      if (!cover.has(c)) cover.set(c, []);
      cover.get(c)!.push({ name: name(gi, q), coef: 1 });
    });
  });
  for (let c = 0; c < t.length; c++) {
    if (!(t[c] > 0)) continue;
    const terms = cover.get(c);
    if (!terms) return Number.POSITIVE_INFINITY;
    rows.push({ name: `beat${c}`, vars: terms, bnds: { type: glpk.GLP_LO, lb: t[c], ub: 0 } });
  }
  const lp: LP = {
    name: 'dodgson',
    objective: { direction: glpk.GLP_MIN, name: 'swaps', vars },
    subjectTo: rows,
    bounds,
  };

  const exactly = () => {
    const out = solveMip(glpk, { ...lp, generals: vars.map((v) => v.name) }, 'dodgson');
    return out.status === 'infeasible'
      ? Number.POSITIVE_INFINITY
      : swaps(groups, moves(out.vars, Math.round));
  };
  const moves = (values: Record<string, number>, round: (x: number) => number): Moves =>
    groups.map((g, gi) => Int32Array.from(g.needed, (_, q) => round(values[name(gi, q)] ?? 0)));
  if (!shortcut) return exactly();

  const relaxed = solveMip(glpk, lp, 'dodgson');
  if (relaxed.status === 'infeasible') return Number.POSITIVE_INFINITY;
  const bound = Math.ceil(relaxed.z - 1e-6 * Math.max(1, Math.abs(relaxed.z)));
  // Values within 1e-6 of a whole number are that number; others go down or up.
  const snap = (f: (x: number) => number) => (x: number) =>
    Math.abs(x - Math.round(x)) <= 1e-6 ? Math.round(x) : f(x);
  const down = moves(relaxed.vars, snap(Math.floor));
  const up = moves(relaxed.vars, snap(Math.ceil));
  let least = Number.POSITIVE_INFINITY;
  if (nested(groups, down) && repair(groups, down, t)) {
    trim(groups, down, t);
    if (valid(groups, down, t)) least = swaps(groups, down);
  }
  if (least > bound && valid(groups, up, t)) {
    trim(groups, up, t);
    if (valid(groups, up, t)) least = Math.min(least, swaps(groups, up));
  }
  return least <= bound ? least : exactly();
}

/**
 * The Dodgson score of each candidate of `cands` (local order). `lpShortcut: false` always solves
 * the integer program (the tests compare both).
 */
export function dodgsonScores(
  s: Summary,
  cands: readonly number[] = allCandidates(s.m),
  lpShortcut = true,
): Float64Array {
  const r = cands.length;
  requireWholeVoters(s, 'dodgson');
  const { orders, counts } = linearOrders(s, cands, 'dodgson');
  const glpk = solver('dodgson');
  const margin = s.margin();
  const scores = new Float64Array(r);
  for (let d = 0; d < r; d++) {
    const t = deficits(margin, s.m, cands, d);
    let needed = 0;
    let last = -1;
    for (let c = 0; c < r; c++)
      if (t[c] > 0) {
        needed++;
        last = c;
      }
    if (needed === 0) continue;
    const groups = moveGroups(orders, counts, r, d, t);
    scores[d] = needed === 1 ? greedyScore(groups, t[last]) : programScore(groups, t, glpk, lpShortcut);
  }
  return scores;
}

export const dodgson: ProfileRule & { prepare(): Promise<void> } = {
  name: 'dodgson',
  aliases: [],
  title: 'Dodgson',
  description:
    'A candidate’s score is the fewest swaps of adjacent candidates on the ballots that make it the Condorcet winner; the lowest score wins and the scores rank everyone.',
  family: 'exact',
  input: 'rankings',
  output: 'ranking',
  ties: "Every candidate with the lowest Dodgson score wins (pref_voting's dodgson); scores are swap counts (lower is better), Infinity when no swaps can make the candidate win (no voters). A Condorcet winner scores 0. `cands` restricts the profile (pref_voting's default, global_score=True, scores on the whole profile). Needs linear orders over the candidates in play and whole voter counts.",
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'unanimity'],
  maxCandidates: DODGSON_LIMIT,
  reference:
    'Dodgson (1876), A method of taking votes on more than two issues; Bartholdi, Tovey & Trick (1989), Voting schemes for which it can be difficult to tell who won the election',
  prepare: loadSolver,
  run(s, cands = allCandidates(s.m)) {
    if (cands.length > DODGSON_LIMIT)
      throw new UserError(
        `dodgson is exact and NP-hard: it handles at most ${DODGSON_LIMIT} candidates, and ${cands.length} are in play; restrict the candidates or choose another rule`,
      );
    return lowestScoreResult(s.m, cands, dodgsonScores(s, cands));
  },
};
