/**
 * scenarios/committee-cycle.yaml — a Condorcet cycle decided by an agenda.
 *
 * Hand-worked. Factions 5 × a>b>c, 3 × b>c>a, 4 × c>a>b (utilities 1, 0.5, 0 in rank order).
 * Majorities: a beats b 9–3, b beats c 8–4, c beats a 7–5: a cycle.
 * Agenda a, b, c: a beats b, then c beats a → c. Agenda c, a, b: c beats a, then b beats c → b.
 * Agenda b, c, a: b beats c, then a beats b → a.
 * Borda (2, 1, 0 points): a 5·2 + 4·1 = 14, b 5·1 + 3·2 = 11, c 3·1 + 4·2 = 11 → a; b and c tie.
 * Weighted sum of the utilities: half the Borda count (7, 5.5, 5.5). Nash bargaining (each
 * faction's disagreement point its worst): every candidate is someone's worst; the one leaving the
 * least weight there wins: a leaves 3, b leaves 4, c leaves 5 → a > b > c.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/run/one-shot.js';
import { reading, round, run, targets, variant } from './helpers.js';

test('committee-cycle: the agenda elects c; every cardinal or Borda-like reading elects a', () => {
  const r = run('committee-cycle');
  assert.equal(r.behaviour, 'c');
  assert.deepEqual(targets(r), {
    'boundary/instruction': 'c',
    'boundary/approval': 'c',
    'parts/borda': 'a',
    'parts/weighted-utilitarian': 'a',
    'parts/nash-bargaining': 'a',
    'parts/copeland': 'a',
    'parts/condorcet': 'a',
    'parts/pareto': 'c',
    'parts/delegates': targets(r)['parts/delegates'],
    'parts/idealized': 'a',
    'whole/learned': 'a',
  });
  for (const id of [
    'parts/borda',
    'parts/weighted-utilitarian',
    'parts/nash-bargaining',
    'parts/idealized',
    'whole/learned',
  ]) {
    const a = reading(r, id);
    assert.equal(a.self_aligned, false, id);
    // c is last (alone or tied) in each, so it scores 0 and the gap is 1.
    assert.equal(a.reflexivity_gap, 1, id);
  }
  assert.deepEqual(round(reading(r, 'parts/nash-bargaining').scores), { a: 1, b: 0.5, c: 0 });
  assert.deepEqual(reading(r, 'parts/borda').target_ties, ['a']);
  // The delegates (alternating offers over lotteries; proposers by weight: abc, cab, bca) agree on
  // a near-even lottery tilted to a; no pure candidate matches it.
  const d = round(reading(r, 'parts/delegates').target as Record<string, number>, 3);
  assert.deepEqual(d, { a: 0.368, b: 0.317, c: 0.316 });
});

test('committee-cycle: majority-based readings see only the cycle and accept everything', () => {
  const r = run('committee-cycle');
  for (const id of ['parts/copeland', 'parts/condorcet']) {
    const a = reading(r, id);
    // Copeland: every candidate wins one duel and loses one; no Condorcet winner.
    assert.deepEqual(a.scores, { a: 1, b: 1, c: 1 }, id);
    assert.equal(a.self_aligned, true, id);
  }
  // Nothing is Pareto-dominated in a cycle, so Pareto steps stay at c.
  assert.equal(reading(r, 'parts/pareto').self_aligned, true);
  for (const c of ['a', 'b', 'c']) assert.equal(r.metrics[c].pareto_dominated, false);
  assert.deepEqual(r.interpretation.b, ['parts/copeland', 'parts/condorcet']);
  assert.equal(r.accepted_by_some, 3);
  // The boundary neglects the largest faction: c is its worst.
  assert.deepEqual(reading(r, 'boundary/instruction').neglected, ['faction-abc']);
});

test('committee-cycle: each candidate wins under some agenda; only the agenda that elects a is self-aligned under Borda', () => {
  for (const [agenda, winner] of [
    [[0, 1, 2], 'c'],
    [[2, 0, 1], 'b'],
    [[1, 2, 0], 'a'],
  ] as const) {
    const r = evaluate(
      variant('committee-cycle', (f) => {
        f.sigma.options.agenda = agenda;
        f.alignments = ['boundary/instruction', 'parts/borda'];
      }),
    );
    assert.equal(r.behaviour, winner, `agenda ${agenda}`);
    assert.equal(r.alignments[0].self_aligned, true);
    assert.equal(r.alignments[1].self_aligned, winner === 'a', `agenda ${agenda}`);
  }
});
