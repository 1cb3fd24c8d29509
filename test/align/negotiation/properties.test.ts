/**
 * Property tests for the negotiation protocols: individual rationality (nobody ends below its
 * disagreement utility), Pareto efficiency of the agreements, the backward-induction equations of
 * alternating offers, the demand game's equilibria and selection against brute force, delegate
 * voting against the rules applied directly, and determinism.
 *
 * Lottery protocols run on continuous utilities (generic data); pure ones on small integers (ties).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  alternatingOffers,
  delegateVoting,
  nashDemandGame,
  negotiate,
} from '../../../src/align/negotiation/index.js';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { same } from '../../../src/sigma/cardinal/common.js';
import { type LinearConstraint, solveLp } from '../../../src/sigma/cardinal/lp.js';
import { profileFromScores, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';
import type { ProfileRule, UtilityRule } from '../../../src/sigma/types.js';
import { at, paretoSlack, ranges } from './helpers.js';

function make(n: number, m: number, u: number[], w: number[]): UtilityProblem {
  return { parts: n, actions: m, u: Float64Array.from(u), weights: Float64Array.from(w) };
}

const fine = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000);

/** Continuous utilities; weights 1 or 2, and sometimes a part of weight 0 (not all). */
const realProblem = fc
  .record({ n: fc.integer({ min: 2, max: 3 }), m: fc.integer({ min: 2, max: 5 }) })
  .chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fine, { minLength: n * m, maxLength: n * m }),
        w: fc.array(fc.constantFrom(0, 1, 2), { minLength: n, maxLength: n }),
      })
      .filter(({ w }) => w.some((x) => x > 0))
      .map(({ u, w }) => make(n, m, u, w)),
  );

/** Small integer utilities (ties likely), positive weights. */
const intProblem = fc
  .record({ n: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc
      .record({
        u: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n * m, maxLength: n * m }),
        w: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }),
      })
      .map(({ u, w }) => make(n, m, u, w)),
  );

const rounds = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant('limit' as const));
const discount = fc.integer({ min: 30, max: 95 }).map((x) => x / 100);

function seatedOf(p: UtilityProblem): number[] {
  return Array.from({ length: p.parts }, (_, i) => i).filter((i) => p.weights[i] > 0);
}

function minima(p: UtilityProblem): number[] {
  return Array.from({ length: p.parts }, (_, i) => {
    let lo = Infinity;
    for (let a = 0; a < p.actions; a++) lo = Math.min(lo, at(p, i, a));
    return lo;
  });
}

test('alternating offers over lotteries: individually rational, Pareto-efficient, subgame-perfect offers', () => {
  fc.assert(
    fc.property(realProblem, rounds, discount, fc.boolean(), (p, T, delta, reversed) => {
      const seated = seatedOf(p);
      const order = reversed ? [...seated].reverse() : seated;
      const r = alternatingOffers(p, { rounds: T, discount: delta, lotteries: true, order });
      const d = minima(p);
      const range = ranges(p);
      assert.equal(r.agreement?.kind, 'lottery');
      if (r.agreement?.kind !== 'lottery') return;
      let total = 0;
      for (const x of r.agreement.lottery) {
        assert.ok(x >= 0);
        total += x;
      }
      assert.ok(Math.abs(total - 1) <= 1e-9);
      assert.equal(r.details.round, 1);
      for (const i of seated) assert.ok(r.utilities[i] >= d[i] - 1e-9 * range[i], `part ${i} below d`);
      assert.ok(paretoSlack(p, r.utilities, seated) <= 1e-9, 'Pareto-dominated');
      // Every offer gives each responder what waiting is worth, and the proposer at least as much.
      for (const o of r.details.offers) {
        assert.ok(o.decision);
        for (const i of seated) assert.ok(o.value[i] >= o.thresholds[i] - 1e-9 * range[i]);
      }
      // Finite T: thresholds of round t are d + δ(value of round t + 1 − d); d after the last.
      if (T !== 'limit') {
        r.details.offers.forEach((o, k) => {
          const next = k + 1 < T ? r.details.offers[k + 1].value : d;
          for (const i of seated)
            assert.ok(Math.abs(o.thresholds[i] - (d[i] + delta * (next[i] - d[i]))) <= 1e-12);
        });
      } else {
        assert.ok(r.details.limit?.converged);
        assert.ok(r.details.limit?.horizonIndependent);
      }
    }),
    { numRuns: 60 },
  );
});

test('alternating offers over pure actions: individually rational and never Pareto-dominated by an action', () => {
  fc.assert(
    fc.property(intProblem, rounds, discount, (p, T, delta) => {
      const r = alternatingOffers(p, { rounds: T, discount: delta });
      const d = minima(p);
      assert.equal(r.agreement?.kind, 'action');
      if (r.agreement?.kind !== 'action') return;
      const a = r.agreement.action;
      assert.ok(r.agreement.ties.includes(a));
      for (let i = 0; i < p.parts; i++) {
        assert.equal(r.utilities[i], at(p, i, a));
        assert.ok(r.utilities[i] >= d[i]);
      }
      for (let b = 0; b < p.actions; b++) {
        let weakly = true;
        let strictly = false;
        for (let i = 0; i < p.parts; i++) {
          if (at(p, i, b) < at(p, i, a)) weakly = false;
          if (at(p, i, b) > at(p, i, a) && !same(at(p, i, b), at(p, i, a))) strictly = true;
        }
        assert.ok(!(weakly && strictly), `action ${b} dominates ${a}`);
      }
    }),
    { numRuns: 150 },
  );
});

/** The demand game by brute force over the whole grid (pure actions). */
function bruteDemand(p: UtilityProblem, G: number) {
  const n = p.parts;
  const d = minima(p);
  const step = Array.from({ length: n }, (_, i) => {
    let hi = -Infinity;
    for (let a = 0; a < p.actions; a++) hi = Math.max(hi, at(p, i, a));
    return hi > d[i] ? (hi - d[i]) / G : 0;
  });
  const levels = (i: number) => (step[i] > 0 ? G + 1 : 1);
  const demand = (i: number, k: number) => d[i] + k * step[i];
  const compatible = (y: number[]) => {
    for (let a = 0; a < p.actions; a++)
      if (y.every((k, i) => at(p, i, a) >= demand(i, k) - 1e-9 * (step[i] || 1))) return true;
    return false;
  };
  const cells: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    const next: number[][] = [];
    for (const c of cells) for (let k = 0; k < levels(i); k++) next.push([...c, k]);
    cells.splice(0, cells.length, ...next);
  }
  // Equilibria with compatible demands: no delegate gains by any other demand.
  const equilibria = cells.filter((y) => {
    if (!compatible(y)) return false;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < levels(i); k++) {
        const z = [...y];
        z[i] = k;
        if (demand(i, k) > demand(i, y[i]) && compatible(z)) return false;
      }
    return true;
  });
  return { equilibria, step, d, compatible };
}

test('the demand game (pure): equilibria and selection agree with brute force over the grid', () => {
  fc.assert(
    fc.property(intProblem, fc.integer({ min: 1, max: 4 }), (p, G) => {
      const r = nashDemandGame(p, { grid: G });
      const brute = bruteDemand(p, G);
      assert.deepEqual(
        r.details.equilibria.map((e) => Array.from(e.levels)),
        brute.equilibria,
      );
      // The selection: fewest delegates at d (among those that can gain), then the Nash product.
      const key = (y: number[]) => {
        let zeros = 0;
        let log = 0;
        y.forEach((k, i) => {
          if (brute.step[i] === 0) return;
          if (k === 0) zeros++;
          else log += Math.log(k / G);
        });
        return { zeros, log };
      };
      const keys = brute.equilibria.map(key);
      const minZeros = Math.min(...keys.map((k) => k.zeros));
      const bestLog = Math.max(...keys.filter((k) => k.zeros === minZeros).map((k) => k.log));
      const expected = keys.flatMap((k, idx) => (k.zeros === minZeros && same(k.log, bestLog) ? [idx] : []));
      assert.deepEqual(r.details.selected, expected);
      // The agreement meets the selected demands and is individually rational.
      assert.equal(r.agreement?.kind, 'action');
      if (r.agreement?.kind !== 'action') return;
      const y = r.details.demands!;
      for (let i = 0; i < p.parts; i++) {
        assert.ok(r.utilities[i] >= y[i] - 1e-9);
        assert.ok(r.utilities[i] >= brute.d[i]);
      }
    }),
    { numRuns: 150 },
  );
});

test('the demand game (lotteries): equilibria are compatible and maximal; agreements are efficient', () => {
  fc.assert(
    fc.property(realProblem, fc.integer({ min: 1, max: 6 }), (p, G) => {
      const r = nashDemandGame(p, { grid: G, lotteries: true });
      const seated = seatedOf(p);
      const range = ranges(p);
      assert.ok(r.details.equilibria.length >= 1);
      // Compatible (a lottery meets the demands), and raising any one demand a level breaks that.
      const { step, disagreement: d } = r.details;
      const compatible = (levels: ArrayLike<number>) => {
        const rows: LinearConstraint[] = [{ a: new Float64Array(p.actions).fill(1), op: '=', b: 1 }];
        for (const i of seated)
          rows.push({
            a: p.u.subarray(i * p.actions, (i + 1) * p.actions),
            op: '>=',
            b: d[i] + levels[i] * step[i] - 1e-9 * (step[i] || range[i]),
          });
        return solveLp({ n: p.actions, c: new Float64Array(p.actions), rows }).status === 'optimal';
      };
      for (const e of r.details.equilibria) {
        assert.ok(compatible(e.levels));
        for (const i of seated) {
          if (step[i] === 0 || e.levels[i] === G) continue;
          const up = Int32Array.from(e.levels);
          up[i]++;
          assert.ok(!compatible(up), `raising part ${i} stays compatible`);
        }
      }
      // Selected equilibria maximize Π (y_i − d_i) when it is positive.
      const prod = (y: Float64Array) => seated.reduce((t, i) => t * (y[i] - r.details.disagreement[i]), 1);
      const best = Math.max(...r.details.equilibria.map((e) => prod(e.demands)));
      if (best > 1e-12)
        for (const k of r.details.selected) assert.ok(same(prod(r.details.equilibria[k].demands), best));
      assert.equal(r.agreement?.kind, 'lottery');
      const y = r.details.demands!;
      for (const i of seated) {
        assert.ok(r.utilities[i] >= y[i] - 1e-9 * range[i]);
        assert.ok(r.utilities[i] >= r.details.disagreement[i] - 1e-9 * range[i]);
      }
      assert.ok(paretoSlack(p, r.utilities, seated) <= 1e-9, 'Pareto-dominated');
    }),
    { numRuns: 60 },
  );
});

test('delegate voting equals applying the rule to the induced profile or to the utilities', () => {
  const names = [
    'plurality',
    'borda',
    'instant-runoff',
    'approval',
    'weighted-utilitarian',
    'nash-bargaining',
  ];
  fc.assert(
    fc.property(intProblem, fc.constantFrom(...names), (p, name) => {
      const rule = getRule(name);
      const expected =
        rule.input === 'utilities'
          ? (rule as UtilityRule).run(p)
          : (rule as ProfileRule).run(
              new Summary(profileFromScores(p.actions, Float64Array.from(p.u), Float64Array.from(p.weights))),
            );
      const r = delegateVoting(p, { rule: name });
      assert.deepEqual(r.details.result, expected);
      assert.deepEqual(r.agreement, { kind: 'action', action: expected.winners[0], ties: expected.winners });
    }),
    { numRuns: 150 },
  );
});

test('negotiation is deterministic', () => {
  fc.assert(
    fc.property(
      realProblem,
      fc.constantFrom('alternating-offers', 'nash-demand', 'voting'),
      (p, protocol) => {
        const opts = protocol === 'voting' ? { rule: 'borda' } : { lotteries: true };
        assert.deepEqual(negotiate(p, protocol, opts), negotiate(p, protocol, opts));
      },
    ),
    { numRuns: 30 },
  );
});
