/**
 * The axioms the market rules claim, property-tested: anonymity (permuting the parts with their
 * weights, hence their default budgets, changes nothing), neutrality (relabelling the actions
 * relabels the result), Pareto (no winner is Pareto-dominated by another action, positive
 * budgets); and for the lottery rule, a probability vector whose support is the winners.
 * Each rule is run with its default budgets (the weights) and with equal budgets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { UtilityProblem } from '../../../src/core/utility.js';
import { marketRules } from '../../../src/sigma/market/index.js';
import type { Options, RuleResult } from '../../../src/sigma/types.js';
import { intProblem, realProblem } from './helpers.js';

const at = (p: UtilityProblem, i: number, a: number) => p.u[i * p.actions + a];

const permutation = (n: number) =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) =>
    Array.from({ length: n }, (_, i) => i)
      .sort((x, y) => keys[x] - keys[y] || x - y)
      .map((_, k, order) => order.indexOf(k)),
  );

function near(x: readonly number[] | undefined, y: readonly number[] | undefined, tol: number, what: string) {
  assert.equal(x === undefined, y === undefined, `${what}: one is missing`);
  if (!x || !y) return;
  for (let k = 0; k < x.length; k++)
    assert.ok(Math.abs(x[k] - y[k]) <= tol * Math.max(1, Math.abs(x[k])), `${what}: ${x} vs ${y}`);
}

function same(r: RuleResult, s: RuleResult, label: string): void {
  assert.deepEqual(s.winners, r.winners, `${label}: winners`);
  assert.deepEqual(s.ranking, r.ranking, `${label}: ranking`);
  near(r.lottery, s.lottery, 1e-6, `${label}: lottery`);
  near(r.scores, s.scores, 1e-6, `${label}: scores`);
}

for (const rule of marketRules)
  for (const opts of [{}, { budgets: 'equal' }] as Options[]) {
    const label = `${rule.name}${opts.budgets ? ' (equal budgets)' : ''}`;
    // Lotteries on generic data, where the equilibrium is unique and well separated.
    const problems = rule.output === 'lottery' ? realProblem : intProblem;
    const claims = new Set(rule.axioms);

    if (claims.has('anonymity'))
      test(`${label}: anonymity — permuting parts with their weights changes nothing`, () => {
        fc.assert(
          fc.property(
            problems.chain((p) => fc.tuple(fc.constant(p), permutation(p.parts))),
            ([p, sigma]) => {
              const u = new Float64Array(p.u.length);
              const weights = new Float64Array(p.parts);
              for (let i = 0; i < p.parts; i++) {
                weights[sigma[i]] = p.weights[i];
                for (let a = 0; a < p.actions; a++) u[sigma[i] * p.actions + a] = at(p, i, a);
              }
              same(rule.run(p, opts), rule.run({ ...p, u, weights }, opts), label);
            },
          ),
          { numRuns: 100 },
        );
      });

    if (claims.has('neutrality'))
      test(`${label}: neutrality — relabelling actions relabels the result`, () => {
        fc.assert(
          fc.property(
            problems.chain((p) => fc.tuple(fc.constant(p), permutation(p.actions))),
            ([p, pi]) => {
              const u = new Float64Array(p.u.length);
              for (let i = 0; i < p.parts; i++)
                for (let a = 0; a < p.actions; a++) u[i * p.actions + pi[a]] = at(p, i, a);
              const r = rule.run(p, opts);
              const move = (xs: readonly number[] | undefined) => {
                if (!xs) return undefined;
                const out = new Array<number>(xs.length);
                xs.forEach((x, a) => {
                  out[pi[a]] = x;
                });
                return out;
              };
              const sort = (xs: number[]) => xs.sort((x, y) => x - y);
              const mapped: RuleResult = {
                winners: sort(r.winners.map((a) => pi[a])),
                ...(r.ranking ? { ranking: r.ranking.map((g) => sort(g.map((a) => pi[a]))) } : {}),
                ...(r.scores ? { scores: move(r.scores) } : {}),
                ...(r.lottery ? { lottery: move(r.lottery) } : {}),
              };
              same(mapped, rule.run({ ...p, u }, opts), label);
            },
          ),
          { numRuns: 100 },
        );
      });

    if (claims.has('pareto'))
      test(`${label}: no winner is Pareto-dominated by another action`, () => {
        fc.assert(
          fc.property(problems, (p) => {
            const r = rule.run(p, opts);
            for (const a of r.winners)
              for (let b = 0; b < p.actions; b++) {
                let strict = false;
                let weak = true;
                for (let i = 0; i < p.parts; i++) {
                  if (at(p, i, b) < at(p, i, a)) weak = false;
                  if (at(p, i, b) > at(p, i, a)) strict = true;
                }
                assert.ok(!(weak && strict), `${label}: winner ${a} dominated by ${b}`);
              }
          }),
          { numRuns: 150 },
        );
      });

    if (rule.output === 'lottery')
      test(`${label}: the lottery is a probability vector and the winners are its support`, () => {
        fc.assert(
          fc.property(problems, (p) => {
            const r = rule.run(p, opts);
            if (!r.lottery) {
              assert.deepEqual(
                r.winners,
                Array.from({ length: p.actions }, (_, a) => a),
              );
              return;
            }
            assert.ok(r.lottery.every((x) => x >= 0));
            assert.ok(Math.abs(r.lottery.reduce((t, x) => t + x, 0) - 1) < 1e-9);
            assert.deepEqual(
              r.winners,
              r.lottery.flatMap((x, a) => (x > 0 ? [a] : [])),
            );
          }),
          { numRuns: 150 },
        );
      });
  }

test('the Fisher lottery need not be Pareto optimal (why it does not claim it)', () => {
  const fisher = marketRules.find((r) => r.name === 'fisher-market')!;
  const p: UtilityProblem = {
    parts: 2,
    actions: 3,
    u: Float64Array.from([1, 0.5, 0, 1, 0.5, 0]),
    weights: Float64Array.from([1, 1]),
  };
  const r = fisher.run(p);
  near(r.lottery, [2 / 3, 1 / 3, 0], 1e-9, 'lottery');
  assert.deepEqual(r.winners, [0, 1]); // action 1 is dominated by action 0, yet in the support
});
