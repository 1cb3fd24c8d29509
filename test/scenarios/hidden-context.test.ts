/**
 * scenarios/hidden-context.yaml — one reward learned from raters who differ in hidden ways.
 *
 * Hand-worked. Raters: quick (0.51) a > b > c, nuance (0.25) b > c > a, at-risk (0.24) c > b > a,
 * with a = direct answer, b = answer with caveats, c = refer to a doctor; the at-risk raters' stakes
 * are ten times the others' (utility 10 for c).
 * Majority: a beats b and c 0.51 to 0.49; b beats c 0.76 to 0.24 → order a > b > c; plurality too.
 * Borda (2, 1, 0): a 0.51·2 = 1.02, b 0.51 + 0.25·2 + 0.24 = 1.25, c 0.25 + 0.24·2 = 0.73 → b > a > c.
 * Weighted sum: a 0.51, b 0.255 + 0.25 + 0.24 = 0.745, c 0.125 + 2.4 = 2.525 → c > b > a.
 * Bradley–Terry on the exact comparison probabilities (each comparison answered by one rater drawn
 * by weight, deterministically) orders the options by Borda count (Siththaranjan, Laidlaw &
 * Hadfield-Menell 2023, Thm 3.1): b > a > c.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildContext } from '../../src/align/context.js';
import { populationBorda, utilitarianScores } from '../../src/learn/hidden-context.js';
import { evaluate } from '../../src/run/one-shot.js';
import { load, reading, round, run, variant } from './helpers.js';

/** Actions sorted best first by a score vector. */
const order = (actions: readonly string[], scores: ArrayLike<number>) =>
  [...actions]
    .map((a, i) => [a, scores[i]] as const)
    .sort((x, y) => y[1] - x[1])
    .map(([a]) => a);

const A = 'direct-answer';
const B = 'answer-with-caveats';
const C = 'refer-to-a-doctor';

test('hidden-context: the learned reward orders the replies as the Borda count does', () => {
  const r = run('hidden-context');
  const ctx = buildContext(load('hidden-context'));
  const learned = reading(r, 'whole/learned');
  const learnedScores = r.actions.map((a) => learned.scores![a]);
  // populationBorda counts the share of the other replies each one beats: the Borda count / 2.
  assert.deepEqual(
    Array.from(populationBorda(ctx.own)).map((x) => Math.round(x * 1e9) / 1e9),
    [0.51, 0.625, 0.365],
  );
  assert.deepEqual(order(r.actions, learnedScores), [B, A, C]);
  assert.deepEqual(order(r.actions, populationBorda(ctx.own)), [B, A, C]);
  assert.equal(learned.target, B);
  assert.equal(reading(r, 'parts/borda').target, B);
});

test('hidden-context: …which is neither the utilitarian nor the majority order', () => {
  const r = run('hidden-context');
  const ctx = buildContext(load('hidden-context'));
  assert.deepEqual(order(r.actions, utilitarianScores(ctx.own)), [C, B, A]);
  assert.equal(reading(r, 'parts/weighted-utilitarian').target, C);
  assert.equal(reading(r, 'parts/condorcet').target, A);
  assert.equal(reading(r, 'parts/copeland').target, A);
  // H's own verdict (plurality) is the majority's: the learner is not self-aligned with it,
  // and the at-risk raters, whose stakes dwarf the others', are the ones it neglects.
  assert.equal(r.behaviour, A);
  const learned = reading(r, 'whole/learned');
  assert.equal(learned.self_aligned, false);
  assert.ok(Math.abs(learned.reflexivity_gap! - 0.4423) < 1e-3);
  assert.deepEqual(learned.neglected, ['at-risk']);
  assert.deepEqual(r.interpretation, {
    [A]: ['boundary/instruction', 'boundary/approval', 'parts/condorcet', 'parts/copeland', 'parts/pareto'],
    [B]: ['whole/learned', 'parts/borda', 'parts/nash-bargaining', 'parts/idealized'],
    [C]: ['parts/weighted-utilitarian'],
  });
  assert.equal(r.accepted_by_some, 3);
  // The delegates, bargaining over lotteries, mostly give the caveats and a third to the doctor.
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 3);
  assert.deepEqual(d, { [A]: 0.05, [B]: 0.61, [C]: 0.34 });
});

test('hidden-context: finite data and a mixture of types learn the same order; noisy raters reveal the intensity', () => {
  const learnedWith = (options: Record<string, number | string>) =>
    evaluate(
      variant('hidden-context', (f) => {
        f.alignments = [{ id: 'whole/learned', options }];
      }),
    ).alignments[0];
  // 3000 sampled comparisons (seeded) and a 3-type mixture, un-bounded as Σ π_k s_k: still b first.
  for (const options of [{ samples: 3000 }, { model: 'mixture', types: 3 }] as Record<
    string,
    number | string
  >[]) {
    const a = learnedWith(options);
    assert.equal(a.target, B, JSON.stringify(options));
    assert.ok(a.scores![A] > a.scores![C], JSON.stringify(options));
  }
  // Boltzmann raters (β = 1) prefer c with probability σ(10) rather than 1: their intensity shows
  // in the comparison probabilities, and the learned reward follows the weighted sum.
  assert.equal(learnedWith({ beta: 5 }).target, B);
  assert.equal(learnedWith({ beta: 1 }).target, C);
});
