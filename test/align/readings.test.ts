import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext } from '../../src/align/context.js';
import { getOperationalization } from '../../src/align/registry.js';
import { evaluate } from '../../src/run/one-shot.js';
import { dominators } from '../../src/core/pareto.js';
import { randomPrincipals, scenario } from './helpers.js';

// Three parts over three outcomes; H's Σ is plurality (each part's favourite, weighted).
//   loud:  x 1, y 0.6, z 0     weight 0.4
//   quiet: x 0, y 0.9, z 1     weight 0.35
//   calm:  x 0, y 1,   z 0.2   weight 0.25
// Plurality: x 0.4, z 0.35, y 0.25 → B(H) = x. Utilitarian: x 0.4, y 0.24+0.315+0.25 = 0.805,
// z 0.35+0.05 = 0.4 → y. So re-aggregation overrides H's own choice.
const committee = {
  outcomes: ['x', 'y', 'z'],
  parts: [
    { name: 'loud', utility: [1, 0.6, 0], weight: 0.4 },
    { name: 'quiet', utility: [0, 0.9, 1], weight: 0.35 },
    { name: 'calm', utility: [0, 1, 0.2], weight: 0.25 },
  ],
  sigma: { rule: 'plurality' },
};

test('boundary/instruction targets B(H) and H is self-aligned under it', () => {
  const r = evaluate(scenario(committee, { alignments: ['boundary/instruction', 'boundary/approval'] }));
  assert.equal(r.behaviour, 'x');
  for (const a of r.alignments) {
    assert.equal(a.target, 'x');
    assert.equal(a.reflexivity_gap, 0);
    assert.equal(a.self_aligned, true);
  }
});

test('parts/weighted-utilitarian overrides H’s plurality choice: H is not self-aligned under it', () => {
  const r = evaluate(scenario(committee, { alignments: ['parts/weighted-utilitarian', 'parts/borda'] }));
  const [util, borda] = r.alignments;
  assert.equal(util.target, 'y');
  assert.equal(util.self_aligned, false);
  // y is ranked first of three groups (x and z tie at 0.4): x scores 0, so the gap is 1.
  assert.equal(util.reflexivity_gap, 1);
  assert.equal(borda.target, 'y');
  assert.equal(r.metrics.y.override, true);
  assert.equal(r.metrics.x.override, false);
  assert.equal(r.metrics.x.sigma_rank, 1);
  assert.deepEqual(r.interpretation.x, []);
  assert.deepEqual(r.interpretation.y, ['parts/weighted-utilitarian', 'parts/borda']);
});

test('per-part welfare, worst-off part and neglect are computed from the parts’ own utilities', () => {
  const r = evaluate(scenario(committee, { alignments: ['boundary/instruction'] }));
  assert.deepEqual(r.metrics.x.welfare, { loud: 1, quiet: 0, calm: 0 });
  assert.equal(r.metrics.x.worst_off, 'quiet');
  assert.deepEqual(r.alignments[0].neglected, ['quiet', 'calm']);
  assert.equal(r.metrics.y.welfare.loud, 0.6);
  assert.equal(r.metrics.y.pareto_dominated, false);
});

test('parts/pareto steps from a dominated B(H) to an efficient action', () => {
  // Dictatorship of a part indifferent between a and b picks both; b is better for the other part.
  const h = {
    outcomes: ['a', 'b', 'c'],
    parts: [
      { name: 'boss', utility: [1, 1, 0], weight: 2 },
      { name: 'staff', utility: [0, 1, 0.5], weight: 1 },
    ],
    sigma: { rule: 'plurality' },
  };
  // Plurality on the induced weak orders: boss ties a and b at the top (1 each), staff tops b → b.
  const r = evaluate(scenario(h, { alignments: ['parts/pareto'] }));
  assert.equal(r.behaviour, 'b');
  assert.equal(r.alignments[0].self_aligned, true);
  // With the dictator as Σ, B(H) is the lottery {a, b}; its mode a is dominated by b.
  const d = evaluate(scenario({ ...h, sigma: { rule: 'dictatorship' } }, { alignments: ['parts/pareto'] }));
  assert.deepEqual(d.behaviour, { a: 0.5, b: 0.5 });
  assert.equal(d.alignments[0].target, 'b');
  assert.equal(d.alignments[0].self_aligned, false);
  assert.equal(d.metrics.a.pareto_dominated, true);
  assert.deepEqual(d.metrics.a.pareto_dominated_by, ['b']);
});

test('whole/learned orders the options by Borda count, not utilitarian sum or majority', () => {
  // Weights 0.51 / 0.25 / 0.24; rankings a>b>c, b>c>a, c>b>a; the last part cares about c hugely.
  const h = {
    outcomes: ['a', 'b', 'c'],
    parts: [
      { name: 'p1', utility: [1, 0.5, 0], weight: 0.51 },
      { name: 'p2', utility: [0, 1, 0.5], weight: 0.25 },
      { name: 'p3', utility: [0, 0.01, 10], weight: 0.24 },
    ],
    sigma: { rule: 'plurality' },
  };
  const r = evaluate(
    scenario(h, {
      alignments: ['whole/learned', 'parts/borda', 'parts/weighted-utilitarian', 'parts/condorcet'],
    }),
  );
  const [learned, borda, util, condorcet] = r.alignments.map((a) => a.target);
  assert.equal(learned, 'b');
  assert.equal(borda, 'b');
  assert.equal(util, 'c');
  assert.equal(condorcet, 'a');
  assert.equal(r.behaviour, 'a');
});

test('whole/learned from sampled comparisons is reproducible from the seed', () => {
  const s = scenario(committee, { alignments: [['whole/learned', { samples: 2000 }]], seed: 5 });
  assert.deepEqual(evaluate(s).alignments[0].scores, evaluate(s).alignments[0].scores);
});

test('parts/idealized: parts who misjudge the world agree once they see the true one', () => {
  // Actions are bets; "safe" surely gives ok; "risky" gives great or awful. Optimist believes
  // risky is great for sure; the truth is 50/50.
  const h = {
    outcomes: ['ok', 'great', 'awful'],
    actions: ['safe', 'risky'],
    world: [
      [1, 0, 0],
      [0, 0.5, 0.5],
    ],
    parts: [
      {
        name: 'optimist',
        utility: [0.5, 1, 0],
        weight: 2,
        beliefs: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      },
      { name: 'cautious', utility: [0.6, 1, 0], weight: 1 },
    ],
    sigma: { rule: 'weighted-utilitarian' },
  };
  const r = evaluate(scenario(h, { alignments: ['boundary/instruction', 'parts/idealized'] }));
  // Own beliefs: optimist risky 1 vs safe 0.5 (w 2); cautious safe 0.6 vs risky 0.5 → Σ = risky.
  assert.equal(r.behaviour, 'risky');
  // True world: optimist safe 0.5 = risky 0.5, cautious prefers safe → Nash bargaining picks safe.
  assert.equal(r.alignments[1].target, 'safe');
  assert.equal(r.alignments[1].self_aligned, false);
});

test('a nested principal is heard through its own Σ', () => {
  const h = {
    outcomes: ['a', 'b'],
    parts: [
      { name: 'solo', utility: [1, 0], weight: 1 },
      {
        name: 'team',
        weight: 1.5,
        principal: {
          parts: [
            { name: 'm1', utility: [0, 1] },
            { name: 'm2', utility: [0, 1] },
            { name: 'm3', utility: [1, 0] },
          ],
          sigma: { rule: 'plurality' },
        },
      },
    ],
    sigma: { rule: 'weighted-utilitarian' },
  };
  const ctx = buildContext(scenario(h));
  // The team's plurality ranks b over a: approval b = 1, a = 0.
  assert.deepEqual(Array.from(ctx.own.u.subarray(2, 4)), [0, 1]);
  assert.deepEqual(ctx.behaviour.modes, [1]);
});

test('a noisy H is a lottery over actions, reproducible from the seed', () => {
  const s = scenario(committee, {
    noise: 0.5,
    samples: 300,
    alignments: ['boundary/instruction', 'boundary/approval'],
  });
  const a = evaluate(s);
  const b = evaluate(s);
  assert.deepEqual(a, b);
  assert.equal(typeof a.behaviour, 'object');
  const total = Object.values(a.behaviour as Record<string, number>).reduce((x, y) => x + y, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
});

test('an unknown reading is reported, and the others still run', () => {
  const r = evaluate(scenario(committee, { alignments: ['boundary/instruction', 'parts/nope'] }));
  assert.equal(r.alignments[0].target, 'x');
  assert.match(r.alignments[1].error ?? '', /unknown operationalization "parts\/nope"/);
});

const principals = randomPrincipals({
  parts: [1, 4],
  actions: [2, 5],
  rules: ['plurality', 'borda', 'weighted-utilitarian', 'copeland', 'dictatorship', 'instant-runoff'],
  noise: [0, 0, 0.3],
});

test('properties: gaps are ≥ 0, boundary/instruction is always reflexive, parts/pareto never targets a dominated action', () => {
  fc.assert(
    fc.property(principals, ({ c, u, w }) => {
      const outcomes = Array.from({ length: c.actions }, (_, a) => `o${a}`);
      const s = scenario(
        {
          outcomes,
          parts: u.map((row, i) => ({ name: `p${i}`, utility: row, weight: w[i] })),
          sigma: { rule: c.rule },
        },
        {
          noise: c.noise,
          samples: 50,
          seed: c.seed,
          alignments: [
            'boundary/instruction',
            'boundary/approval',
            'parts/pareto',
            'parts/nash-bargaining',
            'parts/borda',
          ],
        },
      );
      const r = evaluate(s);
      for (const a of r.alignments) {
        assert.equal(a.error, undefined);
        assert.ok((a.reflexivity_gap ?? -1) >= 0);
        for (const x of Object.values(a.scores ?? {})) assert.ok(x >= 0 && x <= 1 + 1e-12);
      }
      assert.equal(r.alignments[0].self_aligned, true);
      const ctx = buildContext(s);
      const pareto = getOperationalization('parts/pareto').read(ctx, {});
      assert.equal(pareto.target.kind, 'action');
      if (pareto.target.kind === 'action') assert.deepEqual(dominators(ctx.own, pareto.target.action), []);
    }),
    { numRuns: 150, seed: 3 },
  );
});

test('whole/learned with limited capacity follows what its features can represent', () => {
  // Everyone prefers the middle option b; a learner whose only feature is x = (0, 1, 2) can
  // only represent scores monotone in x, so it cannot put b on top. c beats a in 2/3 of the
  // comparisons, which tips the learned slope up: it picks c.
  const h = {
    outcomes: ['a', 'b', 'c'],
    parts: [
      { name: 'p1', utility: [0.5, 1, 0], weight: 1 },
      { name: 'p2', utility: [0, 1, 0.6], weight: 2 },
    ],
    sigma: { rule: 'weighted-utilitarian' },
  };
  const r = evaluate(
    scenario(h, { alignments: ['whole/learned', ['whole/learned', { features: [0, 1, 2] }]] }),
  );
  assert.equal(r.alignments[0].target, 'b');
  assert.equal(r.alignments[1].target, 'c');
  assert.equal(r.alignments[1].self_aligned, false);
  assert.ok(r.alignments[1].notes?.some((n) => /capacity: 1 feature/.test(n)));
});
