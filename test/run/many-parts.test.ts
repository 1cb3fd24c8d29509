/**
 * Many parts: a one-shot run stays polynomial in the parts. Steerability reads each reading once
 * per part, on the scenario's context with only H's weights changed (the same numbers as building
 * it anew) and told that only the target is read; past MAX_STEERING_WORK draws of B(H) it is left
 * out with a note; the round LP among many delegates certifies only what the general solver
 * confirms; and the alternating-offers limit reads its agreement from the first residue alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext, reweightContext } from '../../src/align/context.js';
import { alternatingOffers } from '../../src/align/negotiation/index.js';
import { ThresholdLp } from '../../src/align/negotiation/threshold-lp.js';
import { actionTarget } from '../../src/align/readings/common.js';
import { registerOperationalization } from '../../src/align/registry.js';
import type { AlignContext } from '../../src/align/types.js';
import { withWeights } from '../../src/core/model.js';
import { Random } from '../../src/core/random.js';
import type { Scenario } from '../../src/core/scenario.js';
import { getPrincipalGenerator } from '../../src/generate/principal-registry.js';
import type { GeneratorOptionValues } from '../../src/generate/registry.js';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';
import { type LinearConstraint, solveLp } from '../../src/sigma/cardinal/lp.js';

function generated(model: string, opts: GeneratorOptionValues, seed = 1): Scenario {
  const file = getPrincipalGenerator(model).generate(new Random(seed).split(0), opts);
  return parseScenario(JSON.stringify(file), `${file.name}.json`);
}

// A reading that counts how it is read: its target is the favourite of the heaviest part.
const reads: { quiet: boolean; weights: number[] }[] = [];
registerOperationalization({
  id: 'test/counting',
  family: 'test',
  title: 'counting',
  description: 'counts its reads',
  claims: [],
  read(ctx: AlignContext) {
    const w = Array.from(ctx.own.weights);
    reads.push({ quiet: ctx.quiet === true, weights: w });
    const i = w.indexOf(Math.max(...w));
    const row = ctx.own.u.subarray(i * ctx.own.actions, (i + 1) * ctx.own.actions);
    const scores = Float64Array.from(row, (x) => x - Math.min(...row));
    return { target: actionTarget([row.indexOf(Math.max(...row))]), scores, notes: [] };
  },
});

test('a 20-part principal answers: each reading is read once, then once per part for steerability', () => {
  const s = generated('impartial', {
    parts: 20,
    actions: 5,
    world: 'random',
    divergence: 0.3,
    noise: 0.1,
    samples: 20,
    sigma: 'nash-bargaining',
  });
  const scenario: Scenario = {
    ...s,
    alignments: [...s.alignments, { id: 'test/counting', options: {}, where: 'test' }],
  };
  reads.length = 0;
  const r = evaluate(scenario);
  // The work: 1 + 20 reads of the counting reading, the last 20 for the target only.
  assert.equal(reads.length, 21);
  assert.equal(reads.filter((x) => x.quiet).length, 20);
  assert.equal(reads[0].quiet, false);
  for (const a of r.alignments) {
    assert.equal(a.error, undefined, `${a.label}: ${a.error}`);
    const steer = a.pluralism?.steerability;
    assert.ok(typeof steer === 'number' && steer >= 0 && steer <= 1, `${a.label}: ${steer}`);
  }
  // Every part steers the counting reading: given two thirds of the weight, it is the heaviest.
  assert.equal(r.alignments.at(-1)?.pluralism?.steerability, 1);
});

test('reweightContext is buildContext at those weights, B(H) and approval included', () => {
  const cases = [
    generated('impartial', { parts: 5, actions: 4, noise: 0.1, samples: 30, sigma: 'nash-bargaining' }),
    generated('mallows', { parts: 6, actions: 3, noise: 0.05, world: 'random', divergence: 0.5 }, 2),
    generated('spatial', { parts: 4, actions: 4, depth: 2, 'team-size': 2 }, 3),
  ];
  fc.assert(
    fc.property(
      fc.constantFrom(...cases),
      fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 6, maxLength: 6 }),
      (s, raw) => {
        const weights = raw.slice(0, s.principal.parts.length);
        const fresh = buildContext({ ...s, principal: withWeights(s.principal, weights) });
        const re = reweightContext(buildContext(s), weights);
        for (const view of ['own', 'shared', 'truth'] as const) assert.deepEqual(re[view], fresh[view]);
        assert.deepEqual(re.behaviour, fresh.behaviour);
        assert.deepEqual(re.approval, fresh.approval);
        assert.deepEqual(re.scenario.principal.state, fresh.scenario.principal.state);
      },
    ),
    { numRuns: 15 },
  );
});

test('steerability past the bound is left out, with a note naming the size, the bound and what raises it', () => {
  const s = generated('impartial', {
    parts: 6,
    actions: 3,
    noise: 0.1,
    samples: 40,
    sigma: 'nash-bargaining',
  });
  // 6 parts × (40 samples × 6 parts × 3 actions) = 4,320 draws.
  const over = evaluate(s, buildContext(s), { levels: false, maxSteeringWork: 4319 });
  for (const a of over.alignments) {
    assert.equal(a.pluralism?.steerability, undefined, a.label);
    assert.ok(
      a.notes?.some((n) =>
        /^steerability: not computed .*40 samples × 6 parts × 3 actions\): 4,320 draws, over the bound of 4,319 \(fewer bounds\.samples, or evaluate's maxSteeringWork/.test(
          n,
        ),
      ),
      `${a.label}: ${a.notes}`,
    );
  }
  const within = evaluate(s, buildContext(s), { levels: false, maxSteeringWork: 4320 });
  for (const a of within.alignments) {
    assert.equal(typeof a.pluralism?.steerability, 'number', a.label);
    assert.ok(!a.notes?.some((n) => n.startsWith('steerability')), a.label);
  }
});

const fine = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((x) => x / 1_000_000);

test('the round LP among many delegates: every certificate holds for the general solver', () => {
  fc.assert(
    fc.property(
      fc
        .record({
          n: fc.integer({ min: 8, max: 24 }),
          A: fc.integer({ min: 2, max: 6 }),
          coarse: fc.boolean(),
        })
        .chain(({ n, A, coarse }) =>
          fc.record({
            n: fc.constant(n),
            A: fc.constant(A),
            u: fc.array(coarse ? fc.integer({ min: 0, max: 2 }).map((x) => x / 2) : fine, {
              minLength: n * A,
              maxLength: n * A,
            }),
            cs: fc.array(
              fc.array(fc.double({ min: -0.2, max: 0.9, noNaN: true }), { minLength: n, maxLength: n }),
              {
                minLength: 1,
                maxLength: 8,
              },
            ),
          }),
        ),
      ({ n, A, u, cs }) => {
        const U = Float64Array.from(u);
        const row = (i: number) => U.subarray(i * A, (i + 1) * A);
        const lo = Array.from({ length: n }, (_, i) => Math.min(...row(i)));
        const range = Array.from({ length: n }, (_, i) => Math.max(...row(i)) - lo[i] || 1);
        const J = Array.from({ length: n - 1 }, (_, i) => i + 1);
        const lp = new ThresholdLp(U, A, 0, J, range);
        for (const f of cs) {
          const c = f.map((x, i) => lo[i] + x * range[i]);
          const status = lp.solve(c);
          if (status === 'unsure') continue;
          const general = (slack: number) =>
            solveLp({
              n: A,
              c: row(0),
              rows: [
                { a: new Float64Array(A).fill(1), op: '=', b: 1 },
                ...J.map((j): LinearConstraint => ({ a: row(j), op: '>=', b: c[j] - slack * range[j] })),
              ],
            });
          if (status === 'infeasible') {
            assert.notEqual(general(1e-12).status, 'optimal');
            continue;
          }
          const exact = general(0);
          const g = exact.status === 'optimal' ? exact : general(1e-12);
          assert.equal(g.status, 'optimal');
          if (g.status !== 'optimal') continue;
          assert.ok(Math.abs(lp.value - g.value) <= 1e-9 * range[0], `${lp.value} vs ${g.value}`);
          if (lp.unique)
            for (const [a, x] of lp.x.entries()) assert.ok(Math.abs(x - g.x[a]) <= 1e-9, `${x} vs ${g.x[a]}`);
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('the alternating-offers limit: the first residue alone gives the same agreement', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 6, max: 12 })
        .chain((n) =>
          fc.record({ n: fc.constant(n), u: fc.array(fine, { minLength: n * 4, maxLength: n * 4 }) }),
        ),
      ({ n, u }) => {
        const p = { parts: n, actions: 4, u: Float64Array.from(u), weights: new Float64Array(n).fill(1) };
        const all = alternatingOffers(p, { lotteries: true });
        const first = alternatingOffers(p, { lotteries: true, residues: 'first' });
        assert.equal(all.details.limit?.byResidue.length, n);
        assert.equal(first.details.limit, undefined);
        assert.deepEqual(first.agreement, all.agreement);
        assert.deepEqual(first.details.offers, all.details.offers);
      },
    ),
    { numRuns: 10 },
  );
});

test('the Nash demand game over lotteries past maxCells: that reading refuses with the grid’s size, the run answers', () => {
  const s = generated('impartial', { parts: 5, actions: 4 });
  const scenario: Scenario = {
    ...s,
    alignments: [
      { id: 'boundary/instruction', options: {}, where: 'test' },
      { id: 'parts/delegates', options: { protocol: 'nash-demand', lotteries: true }, where: 'test' },
    ],
  };
  const r = evaluate(scenario, buildContext(scenario), { levels: false });
  assert.equal(r.alignments[0].error, undefined);
  assert.match(
    r.alignments[1].error ?? '',
    /more than 100000 cells: 194,481, one LP each \(5 delegates, grid 20.*raise maxCells/,
  );
});
