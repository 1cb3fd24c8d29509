import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { Random } from '../../src/core/random.js';
import {
  choiceProbabilities,
  choices,
  fitBradleyTerry,
  fitLogit,
  fitRationality,
  logitLogLik,
  pairsAsChoices,
  rankingsAsChoices,
  sampleBradleyTerry,
  sampleChoices,
} from '../../src/learn/index.js';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const centred = (xs: readonly number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.map((x) => x - m);
};
const triples = (k: number) => {
  const out: number[][] = [];
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) for (let c = b + 1; c < k; c++) out.push([a, b, c]);
  return out;
};

test('Boltzmann choice probabilities: β = 0 uniform, β → ∞ the maximizers, β → −∞ the minimizers', () => {
  const u = [1, 3, 3, 0];
  const set = [0, 1, 2, 3];
  assert.deepEqual(Array.from(choiceProbabilities(u, set, 0)), [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(Array.from(choiceProbabilities(u, set, Number.POSITIVE_INFINITY)), [0, 0.5, 0.5, 0]);
  assert.deepEqual(Array.from(choiceProbabilities(u, set, Number.NEGATIVE_INFINITY)), [0, 0, 0, 1]);
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 6 }),
      fc.double({ min: -20, max: 20, noNaN: true }),
      (uu, beta) => {
        const p = choiceProbabilities(
          uu,
          uu.map((_, i) => i),
          beta,
        );
        assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
        for (let i = 0; i < uu.length; i++)
          for (let j = 0; j < uu.length; j++) if (beta * uu[i] > beta * uu[j]) assert.ok(p[i] >= p[j]);
      },
    ),
    { seed: 3 },
  );
});

test('fitting logit scores recovers β·u from sampled choices', () => {
  const u = [1, 0.5, 0, -0.25, -1.25];
  const beta = 2;
  const data = sampleChoices(new Random(31), u, triples(5), beta, { perSet: 4000 });
  const fit = fitLogit(data);
  assert.ok(fit.converged);
  const target = centred(u.map((x) => beta * x));
  assert.ok(maxDiff(fit.scores, target) < 0.1, `${Array.from(fit.scores)} vs ${target}`);
  const mm = fitLogit(data, { method: 'mm', tol: 1e-11 });
  assert.ok(mm.converged);
  assert.ok(maxDiff(fit.scores, mm.scores) < 1e-7);
  assert.ok(Math.abs(logitLogLik(data, fit.scores) - fit.logLik) < 1e-6);
});

test('pairwise choice sets are Bradley–Terry', () => {
  const data = sampleBradleyTerry(new Random(5), [0.4, -0.1, 0.9, -1.2], 800);
  const bt = fitBradleyTerry(data);
  const lg = fitLogit(pairsAsChoices(data));
  assert.ok(maxDiff(bt.scores, lg.scores) < 1e-9);
  assert.ok(Math.abs(bt.logLik - lg.logLik) < 1e-8);
});

test('fitRationality recovers β when the utilities are known', () => {
  const u = [0, 1, 2, 3];
  const sets = [...triples(4), [0, 1], [2, 3], [0, 3]];
  const data = sampleChoices(new Random(17), u, sets, 0.8, { perSet: 3000 });
  const { beta, identified } = fitRationality(data, u);
  assert.ok(identified);
  assert.ok(Math.abs(beta - 0.8) < 0.05, `β̂ = ${beta}`);
  // Always picking a maximizer: β̂ = ∞. Always a minimizer: −∞. Only ties: not identified.
  assert.equal(
    fitRationality(sampleChoices(new Random(1), u, sets, Number.POSITIVE_INFINITY), u).beta,
    Infinity,
  );
  assert.equal(
    fitRationality(sampleChoices(new Random(1), u, sets, Number.NEGATIVE_INFINITY), u).beta,
    -Infinity,
  );
  const flat = fitRationality(choices(2, [{ set: [0, 1], chosen: 0 }]), [5, 5]);
  assert.equal(flat.identified, false);
});

test('Plackett–Luce rankings become successive choices', () => {
  const ch = rankingsAsChoices(4, [[2, 0, 1], [3]], { counts: [2, 1] });
  assert.equal(ch.chosen.length, 2);
  assert.deepEqual(Array.from(ch.members.subarray(ch.offsets[0], ch.offsets[1])), [2, 0, 1]);
  assert.deepEqual(Array.from(ch.members.subarray(ch.offsets[1], ch.offsets[2])), [0, 1]);
  assert.deepEqual(Array.from(ch.chosen), [2, 0]);
  assert.deepEqual(Array.from(ch.count), [2, 2]);
  const top = rankingsAsChoices(4, [[3]], { topOf: 'all' });
  assert.deepEqual(Array.from(top.members), [0, 1, 2, 3]);
  assert.throws(() => rankingsAsChoices(3, [[0, 0]]), /rankings\[0\]: item 0 is repeated/);
});

test('choice data are checked, and separated choices need a prior', () => {
  assert.throws(
    () => choices(3, [{ set: [0, 1], chosen: 2 }]),
    (e: unknown) =>
      e instanceof UserError && e.message === 'choices[0]: chosen: item 2 is not in the choice set',
  );
  assert.throws(() => choices(3, [{ set: [0, 0], chosen: 0 }]), /item 0 appears more than once/);
  const sep = choices(3, [
    { set: [0, 1, 2], chosen: 0 },
    { set: [1, 2], chosen: 1 },
    { set: [1, 2], chosen: 2 },
  ]);
  assert.throws(() => fitLogit(sep), /0 never lost to 1, 2/);
  const fit = fitLogit(sep, { prior: 0.5 });
  assert.ok(fit.converged && fit.scores[0] > fit.scores[1]);
});
