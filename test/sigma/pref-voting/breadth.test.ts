/**
 * Plurality veto, absolute majority, Dis&approval, cumulative voting and sequential STV against
 * pref_voting on 1,300 seeded random profiles (sequential STV: 255 of linear orders, 85 with ties
 * and truncation, 1 to 3 seats) (breadth.txt: the profiles and the winners pref_voting's functions return;
 * the source, commit and format are in its header). Ballot order is kept, as plurality veto needs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { profileFromRankings, profileFromScores, Summary } from '../../../src/sigma/profile.js';
import { getRule } from '../../../src/sigma/registry.js';

interface Fact {
  kind: 'rankings' | 'grades' | 'points' | 'tiers';
  s: Summary;
  seats?: number;
  expected: Map<string, number[]>;
  line: number;
}

function parse(text: string): Fact[] {
  const facts: Fact[] = [];
  text.split('\n').forEach((row, i) => {
    if (row.startsWith('#') || row.trim() === '') return;
    const [input, output] = row.split(' => ');
    const [kind, mField, ...rest] = input.split(' ');
    const m = Number(mField.slice(2));
    const seats = rest[0].startsWith('seats=') ? Number(rest[0].slice(6)) : undefined;
    const ballots = seats === undefined ? rest : rest.slice(1);
    const rows = ballots.map((b) => {
      const at = b.lastIndexOf('x');
      return { body: b.slice(0, at), count: Number(b.slice(at + 1)) };
    });
    const counts = rows.map((r) => r.count);
    const profile =
      kind === 'rankings'
        ? profileFromRankings(
            m,
            rows.map((r) => [...r.body].map(Number)),
            counts,
          )
        : kind === 'tiers'
          ? profileFromRankings(
              m,
              rows.map((r) => r.body.split('>').map((g) => g.split('=').map(Number))),
              counts,
            )
          : profileFromScores(
              m,
              Float64Array.from(
                rows.flatMap((r) => r.body.split(':').map((g) => (g === '_' ? Number.NaN : Number(g)))),
              ),
              Float64Array.from(counts),
            );
    const expected = new Map(
      output.split(' ').map((e) => {
        const [name, ws] = e.split('=');
        return [name, ws === '-' ? [] : ws.split(',').map(Number)];
      }),
    );
    facts.push({ kind: kind as Fact['kind'], s: new Summary(profile), seats, expected, line: i + 1 });
  });
  return facts;
}

const facts = parse(readFileSync(new URL('./breadth.txt', import.meta.url), 'utf8'));

test('the fixture names its source and holds 300+ profiles per rule', () => {
  assert.match(
    readFileSync(new URL('./breadth.txt', import.meta.url), 'utf8'),
    /pref_voting .*commit bd92589/,
  );
  for (const kind of ['rankings', 'grades', 'points', 'tiers'])
    assert.ok(facts.filter((f) => f.kind === kind).length >= 300, kind);
  // Both answers of absolute majority occur.
  const am = facts.filter((f) => f.kind === 'rankings').map((f) => f.expected.get('absolute-majority'));
  assert.ok(am.some((w) => w?.length === 0) && am.some((w) => w?.length === 1));
});

test('every recorded profile: the winners pref_voting gives', () => {
  for (const f of facts)
    for (const [name, expected] of f.expected) {
      const rule = getRule(name);
      assert.ok(rule.input !== 'utilities');
      const opts = f.seats === undefined ? undefined : { seats: f.seats };
      assert.deepEqual(
        rule.run(f.s, undefined, opts).winners,
        expected,
        `${name} on breadth.txt line ${f.line}`,
      );
    }
});
