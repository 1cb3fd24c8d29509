/**
 * The tournament rules against brute-force transcriptions of their definitions, and the inclusions
 * known between them: Schwartz ⊆ Smith and Fishburn ⊆ Gillies always; on tournaments (odd number of
 * voters with linear orders) Schwartz = Smith, Gillies = Fishburn, and Banks ⊆ uncovered ⊆ Smith,
 * with Copeland winners uncovered (Miller 1980; Laslier 1997).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { copeland } from '../../../src/sigma/ordinal/pairwise/copeland.js';
import { splitCycle } from '../../../src/sigma/ordinal/pairwise/split-cycle.js';
import { banks } from '../../../src/sigma/ordinal/tournament/banks.js';
import { pareto } from '../../../src/sigma/ordinal/tournament/pareto.js';
import { schwartz } from '../../../src/sigma/ordinal/tournament/schwartz.js';
import { smith } from '../../../src/sigma/ordinal/tournament/smith.js';
import {
  uncoveredSetFishburn,
  uncoveredSetGillies,
} from '../../../src/sigma/ordinal/tournament/uncovered-set.js';
import { Summary } from '../../../src/sigma/profile.js';
import { build, paretoDominated, profileArb, subset } from '../pairwise/helpers.js';

const range = (k: number) => Array.from({ length: k }, (_, i) => i);
const beatsOf = (s: Summary) => {
  const g = s.margin();
  return (a: number, b: number) => g[a * s.m + b] > 0;
};

/** pref_voting's `banks`, by subsets: the tops of the maximal sets linearly ordered by majority. */
function banksReference(m: number, beats: (a: number, b: number) => boolean): number[] {
  const chains: number[] = [];
  for (let set = 1; set < 1 << m; set++) {
    const members = range(m).filter((i) => set & (1 << i));
    const chain = members.every((a) =>
      members.every(
        (b) =>
          a === b ||
          ((beats(a, b) || beats(b, a)) &&
            members.every((c) => !(beats(a, b) && beats(b, c)) || beats(a, c))),
      ),
    );
    if (chain) chains.push(set);
  }
  const tops = new Set<number>();
  for (const set of chains) {
    if (chains.some((other) => other !== set && (other & set) === set)) continue;
    const members = range(m).filter((i) => set & (1 << i));
    tops.add(members.find((a) => members.every((b) => b === a || beats(a, b)))!);
  }
  return [...tops].sort((x, y) => x - y);
}

/** The Schwartz set by its definition: the union of the minimal undominated sets. */
function schwartzReference(m: number, beats: (a: number, b: number) => boolean): number[] {
  const undominated = (set: number) =>
    range(m).every((x) => set & (1 << x) || range(m).every((y) => !(set & (1 << y)) || !beats(x, y)));
  const sets: number[] = [];
  for (let set = 1; set < 1 << m; set++) if (undominated(set)) sets.push(set);
  const minimal = sets.filter((set) => !sets.some((o) => o !== set && (o & set) === o));
  return range(m).filter((x) => minimal.some((set) => set & (1 << x)));
}

const weak = profileArb({ maxM: 6, maxBallots: 6 });
const tournaments = profileArb({ maxM: 7, maxBallots: 7, linear: true, oddVoters: true });

test('Banks = the tops of the maximal chains, found by enumerating every subset (with ties)', () => {
  fc.assert(
    fc.property(profileArb({ maxM: 7, maxBallots: 6 }), (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(banks.run(s).winners, banksReference(gen.m, beatsOf(s)));
    }),
    { numRuns: 400 },
  );
});

test('Banks on tournaments of up to 9 candidates = the brute-force definition', () => {
  fc.assert(
    fc.property(profileArb({ minM: 7, maxM: 9, maxBallots: 5, linear: true, oddVoters: true }), (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(banks.run(s).winners, banksReference(gen.m, beatsOf(s)));
    }),
    { numRuns: 100 },
  );
});

test('Schwartz = the union of the minimal undominated sets', () => {
  fc.assert(
    fc.property(weak, (gen) => {
      const s = new Summary(build(gen));
      assert.deepEqual(schwartz.run(s).winners, schwartzReference(gen.m, beatsOf(s)));
    }),
    { numRuns: 300 },
  );
});

test('always: Schwartz ⊆ Smith, Fishburn ⊆ Gillies ⊆ Smith, Split Cycle ⊆ Smith, Banks ⊆ Smith', () => {
  fc.assert(
    fc.property(weak, (gen) => {
      const s = new Summary(build(gen));
      const sm = smith.run(s).winners;
      assert.ok(subset(schwartz.run(s).winners, sm));
      const gill = uncoveredSetGillies.run(s).winners;
      assert.ok(subset(uncoveredSetFishburn.run(s).winners, gill));
      assert.ok(subset(gill, sm));
      assert.ok(subset(splitCycle.run(s).winners, sm));
      assert.ok(subset(banks.run(s).winners, sm));
    }),
    { numRuns: 300 },
  );
});

test('tournaments (odd n, linear orders): Schwartz = Smith, Gillies = Fishburn, Banks ⊆ UC ⊆ Smith, Copeland ⊆ UC', () => {
  fc.assert(
    fc.property(tournaments, (gen) => {
      const s = new Summary(build(gen));
      const sm = smith.run(s).winners;
      assert.deepEqual(schwartz.run(s).winners, sm);
      const uc = uncoveredSetGillies.run(s).winners;
      assert.deepEqual(uncoveredSetFishburn.run(s).winners, uc);
      assert.ok(subset(banks.run(s).winners, uc), 'Banks ⊄ UC');
      assert.ok(subset(uc, sm), 'UC ⊄ Smith');
      assert.ok(subset(copeland.run(s).winners, uc), 'Copeland ⊄ UC');
    }),
    { numRuns: 300 },
  );
});

test('Pareto set = the candidates no one strongly Pareto-dominates; UC and Banks stay inside it', () => {
  fc.assert(
    fc.property(weak, (gen) => {
      const s = new Summary(build(gen));
      const all = range(gen.m);
      const ps = pareto.run(s).winners;
      assert.deepEqual(
        ps,
        all.filter((x) => !paretoDominated(s, x, all)),
      );
      for (const rule of [uncoveredSetGillies, uncoveredSetFishburn, banks])
        assert.ok(subset(rule.run(s).winners, ps), `${rule.name} ⊄ Pareto`);
    }),
    { numRuns: 300 },
  );
});
