/**
 * Alternating offers over lotteries whose finite-horizon equilibria have no limit as the horizon
 * grows: a cycle of two turns, and values that wander without ever repeating. Each fact the solver
 * reports is checked against plain finite-horizon games (`rounds: T`), which do not use the limit's
 * cycle maps, cycle detection or work bound.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext } from '../../../src/align/context.js';
import { alternatingOffers } from '../../../src/align/negotiation/index.js';
import { getOperationalization } from '../../../src/align/registry.js';
import { UserError } from '../../../src/core/errors.js';
import { readingsTable } from '../../../src/report/terminal.js';
import { evaluate } from '../../../src/run/one-shot.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { close, distance, problem } from './helpers.js';

/** Four delegates, δ = 0.95: the horizons T ≡ 0 (mod 4) alternate between two equilibria. */
const cycling = problem([
  [9, 7, 8, 1],
  [0, 6, 2, 2],
  [4, 2, 1, 0],
  [1, 6, 8, 0],
]);

/** Three delegates, δ = 0.95: the values move by ~1e-3 of a range every turn, for ever. */
const wandering = problem([
  [6, 5, 8, 5],
  [7, 8, 5, 1],
  [9, 4, 4, 8],
]);

const at = (p: typeof cycling, T: number) => alternatingOffers(p, { lotteries: true, rounds: T }).utilities;

test('a cycle of two turns: found, with its period, and not called a limit', () => {
  // The finite games themselves: T and T + 8 agree, T and T + 4 do not.
  assert.ok(distance(at(cycling, 400), at(cycling, 408)) < 1e-12);
  assert.ok(distance(at(cycling, 400), at(cycling, 404)) > 1e-3);
  const r = alternatingOffers(cycling, { lotteries: true });
  const limit = r.details.limit!;
  assert.equal(limit.converged, false);
  assert.equal(limit.horizonIndependent, false);
  assert.equal(limit.byResidue.length, 4);
  for (const h of limit.byResidue) {
    assert.equal(h.period, 8, `residue ${h.residue}`);
    // What is reported is the finite game at the horizon reported.
    close(h.utilities, Array.from(at(cycling, h.horizon)), 1e-9);
  }
  // Cycles are found within a few turns, not at the work bound.
  assert.ok(limit.byResidue.every((h) => h.played <= 200));
});

test('values that wander: the work bound ends them, the agreement is the last horizon’s, and residue 0 is the only one played', () => {
  const T = [3000, 3003, 3006, 3009, 3012].map((h) => at(wandering, h));
  for (let k = 1; k < T.length; k++)
    assert.ok(distance(T[k], T[k - 1]) > 1e-4, 'the finite games keep moving');
  const r = alternatingOffers(wandering, { lotteries: true, maxPlayed: 600 });
  const limit = r.details.limit!;
  const [h] = limit.byResidue;
  assert.equal(limit.byResidue.length, 1);
  assert.equal(limit.converged, false);
  assert.equal(limit.horizonIndependent, false);
  assert.equal(h.period, undefined);
  assert.ok(h.played <= 600 && h.played > 600 - 3, `${h.played} rounds played`);
  close(r.utilities, Array.from(at(wandering, h.horizon)), 1e-9);
  // A larger bound plays further; the default (10,000 at δ = 0.95) further still.
  const more = alternatingOffers(wandering, { lotteries: true, maxPlayed: 1200 }).details.limit!.byResidue[0];
  assert.ok(more.horizon > h.horizon && more.played <= 1200);
  const byDefault = alternatingOffers(wandering, { lotteries: true }).details.limit!.byResidue[0];
  assert.ok(byDefault.played > 9000 && byDefault.played <= 10_000, `${byDefault.played}`);
});

test('the default bound leaves patient delegates room to settle: 2·ln(tolerance)/ln(δ) rounds', () => {
  // At δ = 0.999 these three delegates settle after about 21,000 rounds played per residue, past
  // 10,000; ln(1e-12)/ln(0.999) ≈ 27,618, so the default bound is about 55,000 rounds.
  const patient = problem([
    [2, 2, 4],
    [5, 5, 1],
    [8, 2, 7],
  ]);
  const r = alternatingOffers(patient, { lotteries: true, discount: 0.999 });
  const limit = r.details.limit!;
  assert.ok(limit.converged && limit.horizonIndependent);
  assert.ok(Math.max(...limit.byResidue.map((h) => h.played)) > 10_000);
  // With the bound at 10,000 it does not settle.
  const cut = alternatingOffers(patient, { lotteries: true, discount: 0.999, maxPlayed: 10_000 });
  assert.equal(cut.details.limit!.converged, false);
});

test('maxPlayed is checked: at least two turns', () => {
  assert.throws(() => alternatingOffers(wandering, { lotteries: true, maxPlayed: 5 }), UserError);
  assert.throws(
    () => alternatingOffers(wandering, { lotteries: true, maxPlayed: 6.5 }),
    /whole number from 6/,
  );
});

test('parts/delegates says when the limit cycles and when it does not settle, and the terminal shows it', () => {
  const scenario = (rows: number[][]) =>
    parseScenario(
      JSON.stringify({
        name: 'no-limit',
        outcomes: ['w', 'x', 'y', 'z'],
        actions: { a: 'w', b: 'x', c: 'y', d: 'z' },
        parts: rows.map((row, i) => ({
          name: `p${i}`,
          weight: 1,
          utility: { w: row[0], x: row[1], y: row[2], z: row[3] },
        })),
      }),
      'no-limit.json',
    );
  const delegates = getOperationalization('parts/delegates');
  const read = (rows: number[][]) => delegates.read(buildContext(scenario(rows)), {}).notes;
  const cycleNotes = read([
    [9, 7, 8, 1],
    [0, 6, 2, 2],
    [4, 2, 1, 0],
    [1, 6, 8, 0],
  ]);
  assert.ok(
    cycleNotes.some((n) => /cycle with a period of 8 rounds/.test(n)),
    cycleNotes.join(' | '),
  );
  // A caveat of the target: in the result's `caveats` and on the terminal, under the reading's row.
  const wanderer = scenario([
    [6, 5, 8, 5],
    [7, 8, 5, 1],
    [9, 4, 4, 8],
  ]);
  const result = evaluate(wanderer);
  const row = result.alignments.find((a) => a.id === 'parts/delegates');
  assert.match(row?.caveats?.[0] ?? '', /^the limit did not settle/);
  assert.match(
    readingsTable([{ result, epsilon: wanderer.epsilon, description: '', essay: '' }]).replace(/\s+/g, ' '),
    /parts\/delegates: the limit did not settle: the values still moved after \d+ rounds played/,
  );
  assert.equal(result.alignments.find((a) => a.id === 'parts/weighted-utilitarian')?.caveats, undefined);
  const wanderNotes = read([
    [6, 5, 8, 5],
    [7, 8, 5, 1],
    [9, 4, 4, 8],
  ]);
  assert.ok(
    wanderNotes.some((n) =>
      /the limit did not settle: the values still moved after \d+ rounds played/.test(n),
    ),
    wanderNotes.join(' | '),
  );
});

test('property: each residue reports the finite game at its horizon, and a period it reports is one', () => {
  // Small integer utilities; bounds low enough that cycles and the work bound are both reached.
  const arb = fc
    .record({ n: fc.integer({ min: 2, max: 4 }), m: fc.integer({ min: 2, max: 4 }) })
    .chain(({ n, m }) =>
      fc.record({
        rows: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: m, maxLength: m }), {
          minLength: n,
          maxLength: n,
        }),
        discount: fc.integer({ min: 50, max: 97 }).map((x) => x / 100),
        maxPlayed: fc.integer({ min: 2 * n, max: 200 }),
      }),
    );
  fc.assert(
    fc.property(arb, ({ rows, discount, maxPlayed }) => {
      const p = problem(rows);
      const r = alternatingOffers(p, { lotteries: true, discount, maxPlayed, maxRounds: 2000 });
      const game = (T: number) => alternatingOffers(p, { lotteries: true, discount, rounds: T }).utilities;
      for (const h of r.details.limit!.byResidue) {
        assert.ok(h.played <= maxPlayed);
        close(h.utilities, Array.from(game(h.horizon)), 1e-9);
        if (h.period !== undefined) close(game(h.horizon - h.period), Array.from(h.utilities), 1e-9);
      }
    }),
    { numRuns: 60, seed: 7 },
  );
});

test('over lotteries, a negotiation whose predicted work is over maxWork is refused before it starts', () => {
  const rows = (n: number, m: number) =>
    Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, a) => ((i * 7 + a * 3) % 11) / 10));
  const big = problem(rows(40, 40));
  // 40 residues × 1,078 rounds (2·ln 1e-12 / ln 0.95) × 40 × 40 × 40 ≈ 2.8e9 > 2e9.
  assert.throws(
    () => alternatingOffers(big, { lotteries: true }),
    (e: unknown) =>
      e instanceof UserError &&
      /40 delegates and 40 actions .*2\.8e\+9 operations \(40 residues × 1078 rounds × 40 × 40 × 40\), over the bound of 2\.0e\+9/.test(
        e.message,
      ),
  );
  // One residue (a quiet read) and a finite game are predicted by their own rounds.
  const small = problem(rows(3, 4));
  assert.throws(
    () => alternatingOffers(small, { lotteries: true, maxWork: 3 * 1078 * 3 * 4 * 3 - 1 }),
    UserError,
  );
  assert.ok(alternatingOffers(small, { lotteries: true, maxWork: 3 * 1078 * 3 * 4 * 3 }).details.limit);
  assert.ok(
    alternatingOffers(small, { lotteries: true, residues: 'first', maxWork: 1078 * 3 * 4 * 3 }).agreement,
  );
  assert.throws(
    () => alternatingOffers(small, { lotteries: true, rounds: 50, maxWork: 50 * 36 - 1 }),
    UserError,
  );
  // Pure actions are not bounded by it (a round is one pass over the actions).
  assert.ok(alternatingOffers(small, { lotteries: false, maxWork: 1 }).details.limit);
  assert.throws(() => alternatingOffers(small, { lotteries: true, maxWork: 0 }), /positive number/);
});
