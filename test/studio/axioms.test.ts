/**
 * The axioms view: the verdict and the smallest counterexample come from the library's own search
 * (the same rows as `sulab axioms --json`), and a counterexample opens in the form as a scenario
 * on which H's own Σ does what the rule does on the profile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { buildContext } from '../../src/align/context.js';
import { getOperationalization } from '../../src/align/registry.js';
import { election, toProfile } from '../../src/axioms/election.js';
import { asFlat } from '../../src/axioms/principal.js';
import { getReadingAxiom } from '../../src/axioms/reading-registry.js';
import { readingCheckRow, sigmaRow } from '../../src/axioms/run.js';
import { getSigmaAxiom } from '../../src/axioms/sigma-registry.js';
import { parseScenario } from '../../src/scenario/index.js';
import { applyRule, parseMethodSpec } from '../../src/sigma/apply.js';
import { Summary } from '../../src/sigma/profile.js';
import { axiomCatalog, profileScenario, studioAxioms } from '../../src/studio/axioms.js';

test('plurality elects someone other than a Condorcet winner; the profile shows it', () => {
  // Plurality fails the Condorcet criterion (a classic: Felsenthal 2012, "Review of paradoxes
  // afflicting procedures for electing a single candidate").
  const a = studioAxioms({
    kind: 'sigma',
    subject: 'plurality',
    axiom: 'condorcet-winner',
    budget: 1000,
    seed: 0,
  });
  assert.ok(a.ok && a.kind === 'sigma');
  assert.deepEqual(
    a.row,
    sigmaRow(parseMethodSpec('plurality'), getSigmaAxiom('condorcet-winner'), { budget: 1000, seed: 0 }),
  );
  assert.equal(a.row.violated, true);
  const e = a.row.counterexample!;
  // Checked by hand from the profile: some candidate beats every other by a strict majority…
  const beats = (x: number, y: number) =>
    e.rankings.reduce((n, r, k) => n + (r.indexOf(x) < r.indexOf(y) ? e.counts[k] : -e.counts[k]), 0) > 0;
  const cw = [...Array(e.candidates).keys()].find((x) =>
    [...Array(e.candidates).keys()].every((y) => y === x || beats(x, y)),
  );
  assert.ok(cw !== undefined);
  // …and plurality's winners are not that candidate alone.
  const top = new Map<number, number>();
  for (const [k, r] of e.rankings.entries()) top.set(r[0], (top.get(r[0]) ?? 0) + e.counts[k]);
  const most = Math.max(...top.values());
  const winners = [...top].filter(([, n]) => n === most).map(([c]) => c);
  assert.notDeepEqual(winners, [cw]);
});

test('Borda keeps Pareto: no counterexample within the budget, every profile searched', () => {
  // Borda never elects a Pareto-dominated candidate (every voter's score of the dominator is higher).
  const a = studioAxioms({ kind: 'sigma', subject: 'borda', axiom: 'pareto', budget: 300, seed: 0 });
  assert.ok(a.ok && a.kind === 'sigma');
  assert.equal(a.row.violated, false);
  assert.equal(a.row.searched, 300);
  assert.equal(a.scenario, null);
});

test("a reading's counterexample is a scenario the form opens, and on it the reading still breaks the axiom", () => {
  const a = studioAxioms({
    kind: 'reading',
    subject: 'parts/pareto',
    axiom: 'majority-consistency',
    budget: 100,
    seed: 0,
  });
  assert.ok(a.ok && a.kind === 'reading' && a.row.violated && a.scenario);
  const data = asFlat(parse(a.scenario), 'counterexample.yaml');
  const again = readingCheckRow(
    getOperationalization('parts/pareto'),
    {},
    getReadingAxiom('majority-consistency'),
    data,
  );
  assert.equal(again.violated, true);
  assert.equal(again.explanation, a.row.explanation);
  parseScenario(a.scenario, 'counterexample.yaml');
});

test('property: a profile opened as a principal — H with the rule as its Σ picks what the rule picks', () => {
  const orders = (m: number) =>
    fc.array(fc.shuffledSubarray([...Array(m).keys()], { minLength: m }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(
      fc
        .integer({ min: 2, max: 4 })
        .chain((m) =>
          fc.tuple(
            fc.constant(m),
            orders(m),
            fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
          ),
        ),
      fc.constantFrom('plurality', 'borda', 'copeland', 'instant-runoff'),
      ([m, os, counts], rule) => {
        const e = election(m, os, counts.slice(0, os.length));
        const spec = parseMethodSpec(rule);
        const row = {
          method: rule,
          axiom: 'any',
          violated: true,
          counterexample: { candidates: e.m, rankings: e.orders.map((o) => [...o]), counts: [...e.counts] },
          searched: 1,
          explanation: 'a profile',
          ballots: '',
        };
        const s = parseScenario(profileScenario(row, spec)!, 'profile.yaml');
        const modes = [...buildContext(s).behaviour.modes].sort((x, y) => x - y);
        assert.deepEqual(modes, applyRule(spec, new Summary(toProfile(e))).winners);
      },
    ),
    { numRuns: 40 },
  );
});

test('the catalog lists the registries; a budget out of range is the answer, not a throw', () => {
  const c = axiomCatalog();
  assert.ok(c.rules.includes('borda') && !c.rules.includes('weighted-utilitarian'));
  assert.ok(c.readings.includes('boundary/approval'));
  assert.ok(c.sigmaAxioms.some((a) => a.id === 'condorcet-winner'));
  assert.ok(c.readingAxioms.some((a) => a.id === 'reflexivity'));
  const bad = studioAxioms({ kind: 'sigma', subject: 'borda', axiom: 'pareto', budget: 0, seed: 0 });
  assert.deepEqual(bad, { ok: false, error: 'budget: expected a whole number from 1 to 20000, got 0' });
  const unknown = studioAxioms({ kind: 'sigma', subject: 'borda', axiom: 'no-such', budget: 10, seed: 0 });
  assert.ok(!unknown.ok && /no-such/.test(unknown.error));
});
