/**
 * Young: a candidate's score is the fewest voters whose removal makes it a weak Condorcet winner
 * (no other candidate beats it by a strict majority among the voters left); the lowest score wins
 * and the scores rank everyone. Equivalently the winners are weak Condorcet winners of the largest
 * sub-electorate (Young 1977). The literature uses both a weak form (no rival beats the candidate)
 * and a strict form (it beats every rival); Rothe, Spakowski & Vogel (2003) study both. The default
 * here is the weak form, whose score is always finite (removing every voter leaves all candidates
 * tied), so every candidate is ranked. The option `strict` asks for a Condorcet winner instead; a
 * candidate that no removal makes one (e.g. one nobody ranks above some rival) then scores
 * Infinity. pref_voting has no Young rule to follow.
 *
 * Exact, by an integer program: removing a voter changes d's margin against c by −1, 0 or +1
 * according to where the ballot puts d and c, so with ballots grouped by that sign pattern and r_g
 * the voters removed from group g,
 *
 *     minimize Σ r_g   subject to   Σ_g sign_g(c) · r_g ≤ margin(d,c) − (strict ? 1 : 0) for every c,
 *     0 ≤ r_g ≤ voters(g), r_g integer,
 *
 * where groups that rank d weakly above everyone are left out (removing them never helps). Weak
 * orders and truncated ballots are fine (a tie changes nothing); counts must be whole voters. A
 * (weak) Condorcet winner scores 0.
 *
 * Example: 6 voters 0≻1≻2, 5 voters 2≻0≻1, 4 voters 1≻2≻0 (margins: 0 beats 1 by 7, 2 beats 0 by
 * 3, 1 beats 2 by 5). Candidate 0 ties 2 once 3 voters who put 2 above 0 are gone: score 3.
 * Candidate 1 must remove 7 voters who put 0 above it without losing to 2: 6 of 0≻1≻2 and 1 of
 * 2≻0≻1, score 7. Candidate 2: 1 of 0≻1≻2 and 4 of 1≻2≻0, score 5. Scores [3, 7, 5]: 0 wins.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { UserError } from '../../../core/errors.js';
import { allCandidates, type Summary } from '../../profile.js';
import type { ProfileRule } from '../../types.js';
import { loadSolver, solveMip, solver } from './solver.js';
import { lowestScoreResult, requireWholeVoters } from './voters.js';

/** Young refuses more candidates than this. */
export const YOUNG_LIMIT = 20;

interface SignGroup {
  voters: number;
  /** sign[c]: +1 when the ballot puts d above c, −1 below, 0 tied (local indices; d's own is 0). */
  sign: Int8Array;
}

function signGroups(s: Summary, cands: readonly number[], d: number): SignGroup[] {
  const p = s.profile;
  const { m } = p;
  const r = cands.length;
  const groups = new Map<string, SignGroup>();
  for (let b = 0; b < p.k; b++) {
    const w = p.counts[b];
    if (!(w > 0)) continue;
    const ld = p.levels[b * m + cands[d]];
    const sign = new Int8Array(r);
    let helps = false;
    for (let c = 0; c < r; c++) {
      const lc = p.levels[b * m + cands[c]];
      sign[c] = lc > ld ? 1 : lc < ld ? -1 : 0;
      if (sign[c] < 0) helps = true;
    }
    if (!helps) continue;
    const key = sign.join(',');
    const grp = groups.get(key);
    if (grp) grp.voters += w;
    else groups.set(key, { voters: w, sign });
  }
  return [...groups.values()];
}

function programScore(groups: SignGroup[], rhs: Float64Array, d: number, glpk: GLPK): number {
  const vars = groups.map((_, g) => ({ name: `r${g}`, coef: 1 }));
  const rows: LP['subjectTo'] = [];
  for (let c = 0; c < rhs.length; c++) {
    if (c === d) continue;
    const terms = groups.flatMap((grp, g) => (grp.sign[c] ? [{ name: `r${g}`, coef: grp.sign[c] }] : []));
    if (terms.length === 0) {
      if (rhs[c] < 0) return Number.POSITIVE_INFINITY;
      continue;
    }
    rows.push({ name: `c${c}`, vars: terms, bnds: { type: glpk.GLP_UP, lb: 0, ub: rhs[c] } });
  }
  const lp: LP = {
    name: 'young',
    objective: { direction: glpk.GLP_MIN, name: 'removed', vars },
    subjectTo: rows,
    bounds: groups.map((grp, g) => ({ name: `r${g}`, type: glpk.GLP_DB, lb: 0, ub: grp.voters })),
    generals: vars.map((v) => v.name),
  };
  const out = solveMip(glpk, lp, 'young');
  if (out.status === 'infeasible') return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const v of vars) total += Math.round(out.vars[v.name] ?? 0);
  return total;
}

/** The Young score of each candidate of `cands` (local order): fewest voters removed. */
export function youngScores(
  s: Summary,
  cands: readonly number[] = allCandidates(s.m),
  strict = false,
): Float64Array {
  const r = cands.length;
  requireWholeVoters(s, 'young');
  const glpk = solver('young');
  const margin = s.margin();
  const m = s.m;
  const need = strict ? 1 : 0;
  const scores = new Float64Array(r);
  const rhs = new Float64Array(r);
  for (let d = 0; d < r; d++) {
    let ok = true;
    for (let c = 0; c < r; c++) {
      if (c === d) continue;
      rhs[c] = margin[cands[d] * m + cands[c]] - need;
      if (rhs[c] < 0) ok = false;
    }
    if (ok) continue;
    scores[d] = programScore(signGroups(s, cands, d), rhs, d, glpk);
  }
  return scores;
}

export const young: ProfileRule & { prepare(): Promise<void> } = {
  name: 'young',
  aliases: [],
  title: 'Young',
  description:
    'A candidate’s score is the fewest voters whose removal makes it a weak Condorcet winner; the lowest score wins and the scores rank everyone.',
  family: 'exact',
  input: 'rankings',
  output: 'ranking',
  ties: 'Every candidate with the lowest score wins; scores are voters removed (lower is better). Weak Condorcet winner by default (no rival beats it among the voters left; always finite); with strict=true a Condorcet winner (beats every rival), and Infinity when no removal makes one. A (weak) Condorcet winner scores 0. Needs whole voter counts; ties and truncated ballots are fine. `cands` restricts the profile.',
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'unanimity'],
  options: [
    {
      name: 'strict',
      type: 'boolean',
      default: false,
      description: 'Require a Condorcet winner (strict majorities) instead of a weak Condorcet winner.',
    },
  ],
  maxCandidates: YOUNG_LIMIT,
  reference:
    'Young (1977), Extending Condorcet’s rule; Rothe, Spakowski & Vogel (2003), Exact complexity of the winner problem for Young elections',
  prepare: loadSolver,
  run(s, cands = allCandidates(s.m), opts = {}) {
    if (cands.length > YOUNG_LIMIT)
      throw new UserError(
        `young is exact and NP-hard: it handles at most ${YOUNG_LIMIT} candidates, and ${cands.length} are in play; restrict the candidates or choose another rule`,
      );
    const strict = opts.strict ?? false;
    if (typeof strict !== 'boolean')
      throw new UserError(`expected true or false, got ${JSON.stringify(strict)}`, 'strict');
    return lowestScoreResult(s.m, cands, youngScores(s, cands, strict));
  },
};
