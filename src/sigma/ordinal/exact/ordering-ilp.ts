/**
 * Exact optimal orders by integer programming, for components past the dynamic program's reach.
 *
 * The linear ordering formulation: one binary x_ab per pair a < b (1 when a is above b), the cost
 * Σ_{a<b} cost[a][b]·x_ab + cost[b][a]·(1 − x_ab), and for every triple a < b < c the two
 * constraints 0 ≤ x_ab + x_bc − x_ac ≤ 1, which exclude exactly the two cyclic patterns (Grötschel,
 * Jünger & Reinelt 1984; Conitzer, Davenport & Kalagnanam 2006 for Kemeny).
 *
 * One solve gives one optimal order π; the full tie set takes a few more:
 * - the candidate weak order W is π with adjacent tied pairs merged (a tied pair costs the same both
 *   ways). Any weak order whose linear extensions are exactly the optimal orders must be W: π is
 *   one of them, swapping an adjacent tied pair of π gives another optimal order, and a group must
 *   be all ties. If W's groups are all ties, every extension of W is optimal, and one more solve,
 *   forcing some pair across W's groups to be reversed, tells whether any other order is: if none
 *   is as good, W is the ranking and its top group the first items.
 * - otherwise the first items are found one at a time: solve again forbidding each first item found
 *   so far from being first, until the optimum gets worse.
 * Costs are recomputed from the rounded solutions, so comparisons do not depend on the solver's
 * tolerances.
 */
import type { GLPK, LP } from 'glpk.js/node';
import { costTolerance, type Ordering } from './ordering-dp.js';
import { solveMip } from './solver.js';

type Row = LP['subjectTo'][number];

const xName = (a: number, b: number) => `x${a}_${b}`;

/** The cost of the order `pi` (best first). */
export function orderCost(cost: Float64Array, k: number, pi: readonly number[]): number {
  let t = 0;
  for (let i = 0; i < pi.length; i++) for (let j = i + 1; j < pi.length; j++) t += cost[pi[i] * k + pi[j]];
  return t;
}

/** Terms and constant of the count of pairs (a above b) for the given pairs, in the x variables. */
function aboveCount(pairs: readonly (readonly [number, number])[]): { vars: Row['vars']; constant: number } {
  const coef = new Map<string, number>();
  let constant = 0;
  for (const [a, b] of pairs) {
    if (a < b) coef.set(xName(a, b), (coef.get(xName(a, b)) ?? 0) + 1);
    else {
      constant += 1;
      coef.set(xName(b, a), (coef.get(xName(b, a)) ?? 0) - 1);
    }
  }
  return { vars: [...coef].map(([name, c]) => ({ name, coef: c })), constant };
}

class OrderingProgram {
  private readonly base: LP;
  constructor(
    private readonly g: GLPK,
    cost: Float64Array,
    private readonly k: number,
    private readonly rule: string,
  ) {
    const vars: LP['objective']['vars'] = [];
    const binaries: string[] = [];
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) {
        binaries.push(xName(a, b));
        vars.push({ name: xName(a, b), coef: cost[a * k + b] - cost[b * k + a] });
      }
    const rows: Row[] = [];
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++)
        for (let c = b + 1; c < k; c++)
          rows.push({
            name: `t${a}_${b}_${c}`,
            vars: [
              { name: xName(a, b), coef: 1 },
              { name: xName(b, c), coef: 1 },
              { name: xName(a, c), coef: -1 },
            ],
            bnds: { type: g.GLP_DB, lb: 0, ub: 1 },
          });
    this.base = {
      name: 'ordering',
      objective: { direction: g.GLP_MIN, name: 'cost', vars },
      subjectTo: rows,
      binaries,
    };
  }

  /** An optimal order under the extra rows, or undefined when they leave no order. */
  solve(extra: Row[] = []): number[] | undefined {
    const lp: LP = {
      ...this.base,
      subjectTo: extra.length ? [...this.base.subjectTo, ...extra] : this.base.subjectTo,
    };
    const out = solveMip(this.g, lp, this.rule);
    if (out.status === 'infeasible') return undefined;
    const k = this.k;
    const above = new Int32Array(k);
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) {
        if (Math.round(out.vars[xName(a, b)] ?? 0) === 1) above[b]++;
        else above[a]++;
      }
    return Array.from({ length: k }, (_, i) => i).sort((x, y) => above[x] - above[y]);
  }

  /** A row: at least `lb` of the given pairs (a, b) have a above b. */
  atLeast(name: string, pairs: readonly (readonly [number, number])[], lb: number): Row {
    const { vars, constant } = aboveCount(pairs);
    return { name, vars, bnds: { type: this.g.GLP_LO, lb: lb - constant, ub: 0 } };
  }

  /** A row: at most `ub` of the given pairs (a, b) have a above b. */
  atMost(name: string, pairs: readonly (readonly [number, number])[], ub: number): Row {
    const { vars, constant } = aboveCount(pairs);
    return { name, vars, bnds: { type: this.g.GLP_UP, lb: 0, ub: ub - constant } };
  }
}

/** Every optimal order of the k items, summarized (no firstCost), by integer programming; costs within `tol` are equal. */
export function orderByILP(
  cost: Float64Array,
  k: number,
  g: GLPK,
  rule: string,
  tol = costTolerance(cost),
): Ordering {
  if (k <= 1) return { opt: 0, firsts: k ? [0] : [], ranking: k ? [[0]] : [] };
  const tied = (a: number, b: number) => Math.abs(cost[a * k + b] - cost[b * k + a]) <= tol;
  const prog = new OrderingProgram(g, cost, k, rule);
  const pi = prog.solve();
  if (!pi) throw new Error(`${rule}: the ordering program has no solution`);
  const opt = orderCost(cost, k, pi);

  // The only possible ranking: π with adjacent ties merged, if its groups are all ties.
  let ranking: number[][] | undefined = [[pi[0]]];
  for (let i = 1; i < k; i++) {
    if (tied(pi[i - 1], pi[i])) ranking[ranking.length - 1].push(pi[i]);
    else ranking.push([pi[i]]);
  }
  if (ranking.some((grp) => grp.some((a, i) => grp.some((b, j) => j > i && !tied(a, b)))))
    ranking = undefined;
  if (ranking && ranking.length > 1) {
    // Pairs (lower, upper) across groups: some optimal order outside W puts one of them that way.
    const reversed: [number, number][] = [];
    for (let i = 0; i < ranking.length; i++)
      for (let j = i + 1; j < ranking.length; j++)
        for (const a of ranking[i]) for (const b of ranking[j]) reversed.push([b, a]);
    const other = prog.solve([prog.atLeast('reverse-a-cross-pair', reversed, 1)]);
    if (other && orderCost(cost, k, other) <= opt + tol) ranking = undefined;
  }
  if (ranking) {
    ranking = ranking.map((grp) => grp.sort((x, y) => x - y));
    return { opt, firsts: ranking[0], ranking };
  }

  // First items one at a time: forbid each one found from being first, until the optimum worsens.
  const firsts = [pi[0]];
  const rows: Row[] = [];
  for (;;) {
    const w = firsts[firsts.length - 1];
    const pairs: [number, number][] = [];
    for (let b = 0; b < k; b++) if (b !== w) pairs.push([w, b]);
    rows.push(prog.atMost(`not-first-${w}`, pairs, k - 2));
    const next = prog.solve(rows);
    if (!next || orderCost(cost, k, next) > opt + tol) break;
    firsts.push(next[0]);
  }
  return { opt, firsts: firsts.sort((x, y) => x - y) };
}
