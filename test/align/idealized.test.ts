/**
 * parts/idealized with operators: the default list is the former bundle (its numbers pinned on the
 * built-in scenarios, and equal to the former formula on random principals), orders can disagree,
 * and the notes sweep levels and count orders.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext } from '../../src/align/context.js';
import {
  countOrders,
  distinctOrders,
  sweepLevels,
  sweepOperators,
  targetLabel,
} from '../../src/align/idealize/explore.js';
import { parseOperators } from '../../src/align/idealize/operators.js';
import { exploreIdealized, idealized, readIdealized } from '../../src/align/readings/idealized.js';
import type { Reading } from '../../src/align/types.js';
import { flatten } from '../../src/core/hierarchy.js';
import { expectedUtility } from '../../src/core/world.js';
import { parseScenario } from '../../src/scenario/index.js';
import { applySigma, approvalOf, sigmaCall } from '../../src/sigma/apply-utilities.js';
import { randomPrincipals, scenario } from './helpers.js';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const pinned = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'idealized-before-operators.json'), 'utf8'),
) as Record<string, unknown>;

const plain = (r: Reading) => ({
  target:
    r.target.kind === 'action'
      ? { action: r.target.action, ties: r.target.ties }
      : { lottery: Array.from(r.target.lottery) },
  scores: Array.from(r.scores),
});

test('the default operators, written or not, give the numbers parts/idealized gave before operators', () => {
  let checked = 0;
  for (const f of readdirSync(dir).sort()) {
    const key = f.replace(/\.yaml$/, '');
    if (!(`${key} nash-bargaining` in pinned)) continue;
    const ctx = buildContext(parseScenario(readFileSync(join(dir, f), 'utf8'), `scenarios/${f}`));
    for (const rule of ['nash-bargaining', 'weighted-utilitarian', 'leximin']) {
      const want = pinned[`${key} ${rule}`];
      assert.deepEqual(plain(idealized.read(ctx, { rule })), want, `${key} ${rule}`);
      assert.deepEqual(
        plain(idealized.read(ctx, { rule, operators: 'informed, unbounded', explore: false })),
        want,
      );
      checked++;
    }
  }
  assert.equal(checked, 30);
});

test('the default operators equal the former formula: leaves under the true world model, Σ′ without noise', () => {
  fc.assert(
    fc.property(
      randomPrincipals({ parts: [1, 4], actions: [1, 5], rules: ['weighted-utilitarian'], noise: [0, 0.1] }),
      fc.constantFrom('nash-bargaining', 'weighted-utilitarian', 'leximin', 'borda'),
      ({ c, u, w }, rule) => {
        const s = scenario(
          {
            outcomes: u[0].map((_, a) => `a${a}`),
            parts: u.map((x, i) => ({ name: `p${i}`, utility: x, weight: w[i] })),
          },
          { noise: c.noise, samples: 20, seed: c.seed },
        );
        const ctx = buildContext(s);
        const leaves = flatten(ctx.h);
        const A = ctx.actions.length;
        const util = new Float64Array(leaves.length * A);
        leaves.forEach((l, i) => {
          expectedUtility(s.truth, l.utility, util.subarray(i * A, (i + 1) * A));
        });
        const r = applySigma(sigmaCall(rule), {
          parts: leaves.length,
          actions: A,
          u: util,
          weights: Float64Array.from(leaves.map((l) => l.weight)),
        });
        const got = idealized.read(ctx, { rule, explore: false });
        if (r.lottery)
          assert.deepEqual(got.target, { kind: 'lottery', lottery: Float64Array.from(r.lottery) });
        else {
          assert.deepEqual(got.target, { kind: 'action', action: r.winners[0], ties: r.winners });
          assert.deepEqual(got.scores, approvalOf(r, A));
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('no operators: the parts as they are (own beliefs) bargain, as parts/<Σ′> does without noise', () => {
  fc.assert(
    fc.property(
      randomPrincipals({ parts: [1, 4], actions: [1, 5], rules: ['weighted-utilitarian'], noise: [0] }),
      ({ c, u, w }) => {
        const s = scenario(
          {
            outcomes: u[0].map((_, a) => `a${a}`),
            parts: u.map((x, i) => ({ name: `p${i}`, utility: x, weight: w[i] })),
          },
          { seed: c.seed },
        );
        const ctx = buildContext(s);
        const r = applySigma(sigmaCall('nash-bargaining'), ctx.own);
        assert.deepEqual(readIdealized(ctx, []).target, {
          kind: 'action',
          action: r.winners[0],
          ties: r.winners,
        });
      },
    ),
    { numRuns: 40 },
  );
});

/**
 * The savings case by hand. Under H's beliefs the index fund is a gamble (40% large, 60% lost):
 * present (0.24) and future (0.4) both prefer bonds (0.3, 0.6) — the fund is dominated. In truth
 * (90% large) the fund gives (0.54, 0.9) and dominates bonds. Nash bargaining (disagreement: each
 * part's minimum over all actions, (0.3, 0)):
 * - coherent then informed: the menu is {spend, split, bonds}; split (0.6, 0.45) is the only one
 *   with both gains positive → split;
 * - informed then coherent: the menu is {spend, split, fund}; the weighted Nash product (weights
 *   0.4, 0.6) of the fund, 0.24^0.4 · 0.9^0.6 ≈ 0.53, beats split's 0.3^0.4 · 0.45^0.6 ≈ 0.38 → fund.
 */
function savings(noise = 0) {
  const outcomes = ['enjoyed', 'some', 'modest', 'large', 'lost'];
  const world = (p: number) => [
    [1, 0, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [0, 0, 1, 0, 0],
    [0, 0, 0, p, 1 - p],
  ];
  return scenario(
    {
      outcomes,
      actions: ['spend', 'split', 'bonds', 'fund'],
      world: world(0.4),
      parts: [
        { name: 'present', weight: 0.4, utility: [1, 0.6, 0.3, 0.6, 0] },
        { name: 'future', weight: 0.6, utility: [0, 0.45, 0.6, 1, 0] },
      ],
    },
    { truth: world(0.9), noise, samples: 50 },
  );
}

test('two orders of the same operators disagree: agree-then-learn splits, learn-then-agree buys the fund', () => {
  const ctx = buildContext(savings());
  const target = (text: string) => targetLabel(readIdealized(ctx, parseOperators(text)).target, ctx.actions);
  assert.equal(target('coherent, informed'), 'split');
  assert.equal(target('informed, coherent'), 'fund');
  assert.equal(target('informed'), 'fund');
  const run = (cs: Parameters<typeof readIdealized>[1]) => readIdealized(ctx, cs).target;
  const o = countOrders(parseOperators('coherent, informed'), run, ctx.actions);
  assert.deepEqual(o, { orders: 2, disagree: 1, example: { order: 'informed, coherent', target: 'fund' } });
  // With unbounded (which commutes with both) half of the 6 orders put coherence first.
  const three = countOrders(parseOperators('coherent, informed, unbounded'), run, ctx.actions);
  assert.deepEqual([three.orders, three.disagree], [6, 3]);
  // The excluded action scores 0 and is never the target.
  const r = readIdealized(ctx, parseOperators('coherent, informed'));
  assert.equal(r.scores[ctx.actions.indexOf('fund')], 0);
});

test('the reading notes the operators, where each level flips the target, and how many orders disagree', () => {
  const ctx = buildContext(savings());
  const r = idealized.read(ctx, { operators: 'informed, coherent' });
  assert.deepEqual(r.notes, [
    'operators: informed, coherent',
    'informed 0 → 1: split at 0, fund from 0.7 (flips at 0.7)',
    'orders: 1 of 2 orders of these operators pick another target than the written one (e.g. coherent, informed → split)',
  ]);
  assert.deepEqual(idealized.read(ctx, { operators: 'informed, coherent', explore: false }).notes, [
    'operators: informed, coherent',
  ]);
  // The same as data, for reports.
  const data = exploreIdealized(ctx, { operators: 'informed, coherent' });
  assert.deepEqual(data.orders, {
    orders: 2,
    disagree: 1,
    example: { order: 'coherent, informed', target: 'split' },
  });
  assert.deepEqual(
    data.sweeps.map((x) => [x.operator, x.position, x.flips]),
    [['informed', 0, [0.7]]],
  );
  // The sweep is the reading at each level, the others as written.
  const sweeps = sweepOperators(
    parseOperators('informed'),
    (cs) => readIdealized(ctx, cs).target,
    ctx.actions,
  );
  assert.equal(sweeps.length, 1);
  sweeps[0].levels.forEach((level, j) => {
    const t = readIdealized(ctx, [{ name: 'informed', level }]).target;
    assert.equal(sweeps[0].targets[j], targetLabel(t, ctx.actions));
  });
});

test('H’s noise stays until unbounded removes it; with it the parts bargain through seeded noise', () => {
  const noisy = buildContext(savings(0.3));
  const clean = buildContext(savings(0));
  const bounded = readIdealized(noisy, parseOperators('informed'));
  assert.deepEqual(bounded, readIdealized(noisy, parseOperators('informed')));
  assert.deepEqual(
    plain(readIdealized(noisy, parseOperators('informed, unbounded'))),
    plain(readIdealized(clean, parseOperators('informed'))),
  );
  // Σ′ sees noisy utilities: its mean approval is not 0/1 everywhere.
  assert.ok(Array.from(bounded.scores).some((x) => x > 0 && x < 1));
});

test('sweep levels and distinct orders', () => {
  assert.deepEqual(
    sweepLevels({ name: 'informed', level: 0.3 }),
    [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  );
  assert.deepEqual(sweepLevels({ name: 'deliberated', level: 3 }), [0, 1, 2, 3]);
  assert.deepEqual(sweepLevels({ name: 'deliberated', level: 0 }), [0, 1]);
  assert.equal(sweepLevels({ name: 'deliberated', level: 1000 }).length, 11);
  assert.deepEqual(sweepLevels({ name: 'coherent', level: 1 }), []);
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('informed', 'coherent', 'unbounded', 'deliberated:2'), { maxLength: 5 }),
      (names) => {
        const calls = parseOperators(names.join(','));
        const counts = new Map<string, number>();
        for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
        const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
        let want = fact(names.length);
        for (const c of counts.values()) want /= fact(c);
        assert.equal(distinctOrders(calls).length, want);
      },
    ),
  );
});

test('after coherent, Σ′ (any kind, with or without noise) puts nothing on an action taken off the table', () => {
  fc.assert(
    fc.property(
      randomPrincipals({ parts: [1, 4], actions: [2, 5], rules: ['weighted-utilitarian'], noise: [0, 0.2] }),
      fc.constantFrom('nash-bargaining', 'borda', 'random-dictatorship', 'maximal-lottery', 'leximin'),
      ({ c, u, w }, rule) => {
        const s = scenario(
          {
            outcomes: u[0].map((_, a) => `a${a}`),
            parts: u.map((x, i) => ({ name: `p${i}`, utility: x, weight: w[i] })),
          },
          { noise: c.noise, samples: 10, seed: c.seed },
        );
        const ctx = buildContext(s);
        const r = readIdealized(ctx, parseOperators('coherent'), { rule });
        const kept = new Set(
          Array.from(ctx.actions.keys()).filter(
            (a) => !ctx.actions.some((_, b) => dominatesOwn(ctx.own, b, a)),
          ),
        );
        const mass =
          r.target.kind === 'lottery'
            ? Array.from(r.target.lottery)
            : ctx.actions.map((_, a) => (r.target.kind === 'action' && r.target.ties.includes(a) ? 1 : 0));
        mass.forEach((p, a) => {
          if (!kept.has(a)) {
            assert.equal(p, 0, `${rule}: mass on a${a}`);
            assert.equal(r.scores[a], 0);
          }
        });
      },
    ),
    { numRuns: 60 },
  );
});

/** b Pareto-dominates a among the weighted parts under their own beliefs. */
function dominatesOwn(
  p: { parts: number; actions: number; u: Float64Array; weights: Float64Array },
  b: number,
  a: number,
): boolean {
  const A = p.actions;
  let strict = false;
  for (let i = 0; i < p.parts; i++) {
    if (!(p.weights[i] > 0)) continue;
    const d = p.u[i * A + b] - p.u[i * A + a];
    if (d < -1e-12) return false;
    if (d > 1e-12) strict = true;
  }
  return strict;
}
