import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { election } from '../../src/axioms/election.js';
import { searchCounterexample, shrink } from '../../src/axioms/search.js';
import { getSigmaAxiom, sigmaAxioms, votingOf } from '../../src/axioms/sigma-registry.js';
import { parseMethodSpec, prepareRules } from '../../src/sigma/apply.js';
import { rules } from '../../src/sigma/registry.js';

const rule = (name: string) => votingOf(parseMethodSpec(name));
const check = (axiom: string, r: string, m: number, orders: number[][], counts?: number[]) =>
  getSigmaAxiom(axiom).check(rule(r), election(m, orders, counts));

// Textbook facts, each axiom with a rule known to keep it and one known to break it. Budgets are
// the smallest that reach each known counterexample with seed 0 (the search is deterministic).
const FACTS: { axiom: string; keeps: string; breaks: string; budget: number }[] = [
  { axiom: 'condorcet-winner', keeps: 'kemeny', breaks: 'borda', budget: 200 }, // Borda is not Condorcet-consistent
  { axiom: 'condorcet-loser', keeps: 'borda', breaks: 'plurality', budget: 700 },
  { axiom: 'pareto', keeps: 'borda', breaks: 'sequential-majority', budget: 200 }, // agenda voting
  { axiom: 'smith', keeps: 'schulze', breaks: 'minimax', budget: 600 },
  { axiom: 'majority', keeps: 'plurality', breaks: 'borda', budget: 200 },
  { axiom: 'majority-loser', keeps: 'borda', breaks: 'plurality', budget: 800 },
  { axiom: 'monotonicity', keeps: 'borda', breaks: 'instant-runoff', budget: 700 }, // IRV's classic failure
  { axiom: 'downward-monotonicity', keeps: 'borda', breaks: 'instant-runoff', budget: 1000 },
  { axiom: 'weak-positive-responsiveness', keeps: 'borda', breaks: 'condorcet', budget: 200 },
  { axiom: 'positive-involvement', keeps: 'borda', breaks: 'copeland', budget: 500 },
  { axiom: 'negative-involvement', keeps: 'borda', breaks: 'instant-runoff', budget: 1000 },
  { axiom: 'participation', keeps: 'borda', breaks: 'instant-runoff', budget: 1000 }, // the no-show paradox
  { axiom: 'reinforcement', keeps: 'borda', breaks: 'copeland', budget: 400 },
  { axiom: 'independence-of-clones', keeps: 'schulze', breaks: 'copeland', budget: 200 },
  { axiom: 'homogeneity', keeps: 'borda', breaks: 'dodgson', budget: 600 }, // Fishburn (1977)
  { axiom: 'reversal-symmetry', keeps: 'borda', breaks: 'plurality', budget: 700 },
  { axiom: 'neutral-reversal', keeps: 'borda', breaks: 'plurality', budget: 200 },
  { axiom: 'neutrality', keeps: 'borda', breaks: 'sequential-majority', budget: 200 },
  { axiom: 'resolvability', keeps: 'borda', breaks: 'condorcet', budget: 300 },
  { axiom: 'strategy-proofness', keeps: 'condorcet', breaks: 'borda', budget: 500 }, // Gibbard–Satterthwaite
];

/** Budgets for the keepers: small, since a keeper's search runs to the end. */
const KEEP_BUDGET: Record<string, number> = { reinforcement: 150, 'strategy-proofness': 200 };

test('every axiom has a textbook fact', () => {
  assert.deepEqual(FACTS.map((f) => f.axiom).sort(), sigmaAxioms.map((a) => a.name).sort());
});

for (const f of FACTS)
  test(`${f.axiom}: ${f.breaks} breaks it (the checker confirms the counterexample); ${f.keeps} keeps it`, async () => {
    const specs = [parseMethodSpec(f.breaks), parseMethodSpec(f.keeps)];
    await prepareRules(specs);
    const axiom = getSigmaAxiom(f.axiom);
    const bad = searchCounterexample(axiom, votingOf(specs[0]), { budget: f.budget, seed: 0 });
    assert.equal(bad.violated, true, `${f.breaks} should break ${f.axiom}`);
    assert.ok(bad.counterexample && bad.searched <= f.budget);
    assert.ok(axiom.check(votingOf(specs[0]), bad.counterexample), 'the checker confirms it');
    const good = searchCounterexample(axiom, votingOf(specs[1]), {
      budget: KEEP_BUDGET[f.axiom] ?? 300,
      seed: 0,
    });
    assert.equal(good.violated, false, `${f.keeps}: ${good.violation?.explanation}`);
    assert.equal(good.counterexample, null);
  });

test('Borda and the Condorcet winner: the smallest counterexample, 2×0≻1≻2 and 1×1≻2≻0', () => {
  const r = searchCounterexample(getSigmaAxiom('condorcet-winner'), rule('borda'), { budget: 300, seed: 0 });
  assert.deepEqual(
    r.counterexample,
    election(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [2, 1],
    ),
  );
  assert.match(r.violation?.explanation ?? '', /0 is the Condorcet winner but the winners are \{0, 1\}/);
});

test('Ge et al. (NeurIPS 2024): Bradley–Terry breaks pairwise majority consistency on 3×(a≻b≻c), 2×(b≻c≻a)', () => {
  const v = check(
    'condorcet-winner',
    'bradley-terry',
    3,
    [
      [0, 1, 2],
      [1, 2, 0],
    ],
    [3, 2],
  );
  assert.match(v?.explanation ?? '', /0 is the Condorcet winner but the winners are \{1\}/);
  assert.equal(
    check(
      'condorcet-winner',
      'maximal-lottery',
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [3, 2],
    ),
    null,
  );
});

test('hand-worked checks: plurality elects a Condorcet loser, Borda depends on clones, IRV and participation', () => {
  // 3×0≻1≻2, 2×1≻2≻0, 2×2≻1≻0: 0 has the most first places, and loses 3–4 to 1 and to 2.
  assert.match(
    check(
      'condorcet-loser',
      'plurality',
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 1, 0],
      ],
      [3, 2, 2],
    )?.explanation ?? '',
    /0 loses to every candidate by majority/,
  );
  assert.equal(
    check(
      'condorcet-loser',
      'borda',
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 1, 0],
      ],
      [3, 2, 2],
    ),
    null,
  );
  // 0≻1≻2, 1≻2≻0: Borda 2, 3, 1 → 1 wins; {1, 2} are clones, and without clone 1 the ballots 0≻2,
  // 2≻0 tie 0 and 2: the non-clone 0 now wins.
  assert.match(
    check('independence-of-clones', 'borda', 3, [
      [0, 1, 2],
      [1, 2, 0],
    ])?.explanation ?? '',
    /\{1, 2\} are clones; removing 1 changes the winners from \{1\} to \{0, 2\}/,
  );
  // The no-show paradox under IRV: 1×0≻1≻2, 2×0≻2≻1, 3×1≻0≻2, 1×2≻0≻1, 3×2≻1≻0. First places 3, 3, 4:
  // 0 and 1 tie last and both go, 2 wins. Without one 1≻0≻2 voter, 0 has 3, 1 has 2, 2 has 4: 1 goes,
  // its voters move to 0, and 0 beats 2 5–4 — which that voter prefers to 2.
  assert.match(
    check(
      'participation',
      'instant-runoff',
      3,
      [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [2, 0, 1],
        [2, 1, 0],
      ],
      [1, 2, 3, 1, 3],
    )?.explanation ?? '',
    /2 wins; a voter 1>0>2 who abstains makes 0 win instead/,
  );
});

test('the search is deterministic and its counterexample is locally minimal', () => {
  const ax = getSigmaAxiom('monotonicity');
  const a = searchCounterexample(ax, rule('instant-runoff'), { budget: 700, seed: 0 });
  const b = searchCounterexample(ax, rule('instant-runoff'), { budget: 700, seed: 0 });
  assert.deepEqual(a, b);
  assert.ok(a.counterexample && a.violation);
  const s = shrink(ax, rule('instant-runoff'), a.counterexample, a.violation);
  assert.deepEqual(s.election, a.counterexample);
});

test('property: a rule’s claimed axioms (registry metadata) are never violated by the matching checker', async () => {
  const claims: [string, string][] = [
    ['condorcet-winner', 'condorcet-winner'],
    ['condorcet-loser', 'condorcet-loser'],
    ['pareto', 'pareto'],
    ['smith', 'smith'],
    ['neutrality', 'neutrality'],
    ['monotonicity', 'monotonicity'],
  ];
  const claimed = rules.filter(
    (r) => r.input !== 'utilities' && (r.maxCandidates ?? 99) >= 4 && !['dodgson', 'young'].includes(r.name),
  );
  const specs = claimed.map((r) => parseMethodSpec(r.name));
  await prepareRules(specs);
  const arb = fc.integer({ min: 2, max: 4 }).chain((m) =>
    fc.tuple(
      fc.constant(m),
      fc.array(fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }), {
        minLength: 1,
        maxLength: 6,
      }),
    ),
  );
  fc.assert(
    fc.property(arb, ([m, orders]) => {
      const e = election(m, orders);
      for (const spec of specs)
        for (const [claim, axiom] of claims)
          if ((spec.rule.axioms as readonly string[]).includes(claim)) {
            const v = getSigmaAxiom(axiom).check(votingOf(spec), e);
            assert.equal(v, null, `${spec.rule.name} claims ${claim}: ${v?.explanation}`);
          }
    }),
    { numRuns: 40 },
  );
});
