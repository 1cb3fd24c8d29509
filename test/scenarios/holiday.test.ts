/**
 * scenarios/holiday.yaml — the holiday assistant that engineers a break-up.
 *
 * Hand-worked (parts: fear 0.3, attachment 0.2, reflective self 0.4, holiday 0.1).
 * H's beliefs: the horrible place ends in a row (0.2) or a break-up and living alone (0.8).
 *   expected utilities  beach  city  horrible
 *   fear                1      1     0.2·1 + 0.8·0   = 0.2
 *   attachment          1      0.9   0.2·0.6         = 0.12
 *   less-egoist         0      0     0.2·0.2 + 0.8·1 = 0.84
 *   holiday             1      0.7   0
 *   weighted sum        0.6    0.55  0.06 + 0.024 + 0.336 = 0.42    → H books the beach.
 * The truth: a break-up means staying at Pete's place, which the fear does not mind (utility 1),
 * so the fear expects 1 from the horrible place and the weighted sum there is 0.66 > 0.6.
 * Idealized Nash bargaining (default disagreement point: each part's worst action): every action
 * leaves someone at its worst; the limit rule (nash.ts) first minimizes the weight left there:
 * beach and city leave the less-egoist self (0.4), the horrible place leaves attachment and
 * holiday (0.2 + 0.1 = 0.3); the fear, indifferent under the truth, is at its worst everywhere.
 * So the horrible place wins; then beach (normalized gains 1, 1) beats city (0.886, 0.7):
 * approval horrible 1, beach 0.5, city 0.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/run/one-shot.js';
import { context, reading, round, run, targets, variant } from './helpers.js';

test('holiday: H books the beach; every reading but idealized deliberation (and the delegates’ lottery) agrees', () => {
  const r = run('holiday');
  assert.equal(r.accepted_by_some, 2);
  const t = targets(r);
  for (const id of [
    'boundary/instruction',
    'boundary/approval',
    'parts/weighted-utilitarian',
    'parts/nash-bargaining',
    'parts/leximin',
    'parts/pareto',
    'whole/learned',
  ])
    assert.equal(t[id], 'book-beach', id);
  assert.equal(t['parts/idealized'], 'book-horrible-place');
  assert.deepEqual(r.interpretation['book-horrible-place'], ['parts/idealized']);
  // The city is Pareto-dominated by the beach (fear and the less-egoist self indifferent, the
  // others better off): no reading accepts it.
  assert.deepEqual(r.interpretation['book-city'], []);
  assert.deepEqual(r.metrics['book-city'].pareto_dominated_by, ['book-beach']);
});

test('holiday: own-belief expected utilities and the shared/true views', () => {
  const ctx = context('holiday');
  // parts × actions (beach, city, horrible), H's beliefs.
  assert.deepEqual(round(Array.from(ctx.own.u)), [1, 1, 0.2, 1, 0.9, 0.12, 0, 0, 0.84, 1, 0.7, 0]);
  assert.deepEqual(round(Array.from(ctx.truth.u)), [1, 1, 1, 1, 0.9, 0.12, 0, 0, 0.84, 1, 0.7, 0]);
  // The horrible place: judged by its own beliefs the fear is the worst-off with the others it hurts.
  const m = run('holiday').metrics['book-horrible-place'];
  assert.deepEqual(round(m.utility), {
    'fear-of-living-alone': 0.2,
    'attachment-to-partner': 0.12,
    'prefers-someone-less-egoist': 0.84,
    'wants-a-nice-holiday': 0,
  });
  assert.equal(m.pareto_dominated, false);
});

test('holiday: bounded H books the city now and then; the gaps below ε are that noise', () => {
  const r = run('holiday');
  const b = r.behaviour as Record<string, number>;
  // Beach − city in the weighted sum: 0.2·0.1 + 0.1·0.3 = 0.05. The noise on the difference has
  // variance 2·0.05²·Σ w_i² range_i² = 0.005·(0.09·0.8² + 0.04·0.88² + 0.16·0.84² + 0.01·1²)
  // = 0.001057 (sd 0.0325), so P(city) ≈ Φ(−0.05/0.0325) = Φ(−1.538) = 0.0620 (B(H) is exact
  // for a weighted-utilitarian H: the horrible place, far below, keeps a probability of ~1e-9).
  assert.ok(Math.abs(b['book-city'] - 0.062) < 0.001, `P(city) = ${b['book-city']}`);
  assert.ok(Math.abs(b['book-beach'] + b['book-city'] - 1) < 1e-8);
  // Re-aggregation scores the city 0.5 (middle of three), the horrible place 0: its gap is half of
  // P(city) and all of P(horrible place).
  const horrible = b['book-horrible-place'] ?? 0;
  assert.ok(
    Math.abs(reading(r, 'parts/weighted-utilitarian').reflexivity_gap! - 0.5 * b['book-city'] - horrible) <
      1e-9,
  );
  // Pareto steps score only the beach (the city is dominated): gap = P(city) + P(horrible place).
  assert.ok(Math.abs(reading(r, 'parts/pareto').reflexivity_gap! - b['book-city'] - horrible) < 1e-9);
  for (const a of r.alignments)
    if (a.id !== 'parts/idealized' && a.id !== 'parts/delegates') assert.equal(a.self_aligned, true, a.id);
});

test('holiday: negotiating delegates agree on a lottery that books the horrible place 27% of the time', () => {
  const r = run('holiday');
  const d = reading(r, 'parts/delegates');
  const t = d.target as Record<string, number>;
  assert.deepEqual(Object.keys(t), ['book-beach', 'book-horrible-place']);
  assert.ok(Math.abs(t['book-horrible-place'] - 0.2696) < 1e-3);
  // An action scores 1 − its largest per-part welfare gap to the agreement: the beach leaves the
  // less-egoist self 0.27 short of it.
  assert.ok(Math.abs(d.scores!['book-beach'] - t['book-beach']) < 1e-6);
  assert.equal(d.self_aligned, false);
  assert.equal(r.interpretation['book-beach'].includes('parts/delegates'), false);
});

test('holiday: H is not self-aligned under idealized deliberation (gap ≈ 0.53)', () => {
  const r = run('holiday');
  const b = r.behaviour as Record<string, number>;
  const ideal = reading(r, 'parts/idealized');
  assert.deepEqual(round(ideal.scores), { 'book-beach': 0.5, 'book-city': 0, 'book-horrible-place': 1 });
  // gap = 1 − (0.5·P(beach) + 0·P(city) + 1·P(horrible place)).
  const horrible = b['book-horrible-place'] ?? 0;
  assert.ok(Math.abs(ideal.reflexivity_gap! - (1 - 0.5 * b['book-beach'] - horrible)) < 1e-9);
  assert.ok(ideal.reflexivity_gap! > 0.5 && ideal.reflexivity_gap! < 0.55);
  assert.equal(ideal.self_aligned, false);
  // Judged by their own beliefs, three of the four parts are at their worst there.
  assert.deepEqual(ideal.neglected, [
    'fear-of-living-alone',
    'attachment-to-partner',
    'wants-a-nice-holiday',
  ]);
  assert.equal(r.metrics['book-horrible-place'].override, true);
});

test('holiday: without Pete’s place (truth = H’s beliefs) the idealized parts book the beach', () => {
  const s = variant('holiday', (f) => {
    delete f.truth;
  });
  const r = evaluate(s);
  assert.equal(reading(r, 'parts/idealized').target, 'book-beach');
});

test('holiday: utilitarian bargaining among the idealized parts also books the horrible place (0.66 > 0.6)', () => {
  const s = variant('holiday', (f) => {
    f.alignments = [{ id: 'parts/idealized', options: { rule: 'weighted-utilitarian' } }];
  });
  assert.equal(evaluate(s).alignments[0].target, 'book-horrible-place');
});

test('holiday: idealized Nash books the horrible place exactly when the less-egoist self outweighs attachment + holiday', () => {
  for (const [w, expected] of [
    [0.2, 'book-beach'],
    [0.29, 'book-beach'],
    [0.31, 'book-horrible-place'],
    [0.6, 'book-horrible-place'],
  ] as const) {
    const s = variant('holiday', (f) => {
      f.parts[2].weight = w;
      f.alignments = ['parts/idealized'];
    });
    assert.equal(evaluate(s).alignments[0].target, expected, `weight ${w}`);
  }
});
