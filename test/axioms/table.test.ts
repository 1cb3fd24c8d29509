import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sigmaAxioms } from '../../src/axioms/sigma-registry.js';

/** docs/axioms.md's generated table as rule → axiom → '✓' | '✗'. */
function table(): Map<string, Map<string, string>> {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'axioms.md'), 'utf8');
  const block = text.slice(text.indexOf('<!-- table'), text.indexOf('<!-- /table -->'));
  const rows = block.split('\n').filter((l) => l.startsWith('| '));
  const head = rows[0].split('|').map((c) => c.trim());
  const out = new Map<string, Map<string, string>>();
  for (const row of rows.slice(1)) {
    const cells = row.split('|').map((c) => c.trim());
    out.set(cells[1], new Map(head.slice(2, -1).map((a, i) => [a, cells[i + 2]])));
  }
  return out;
}

test('the rule × axiom table of docs/axioms.md states the textbook facts', () => {
  const t = table();
  const cell = (rule: string, axiom: string) => t.get(rule)?.get(axiom);
  const facts: [string, string, '✓' | '✗'][] = [
    ['borda', 'condorcet-winner', '✗'],
    ['instant-runoff', 'monotonicity', '✗'],
    ['instant-runoff', 'participation', '✗'],
    ['plurality', 'condorcet-loser', '✗'],
    ['schulze', 'independence-of-clones', '✓'],
    ['copeland', 'independence-of-clones', '✗'],
    ['kemeny-young', 'independence-of-clones', '✗'],
    ['borda', 'pareto', '✓'],
    ['kemeny-young', 'condorcet-winner', '✓'],
    ['schulze', 'reinforcement', '✗'],
    ['borda', 'reinforcement', '✓'],
    ['dodgson', 'homogeneity', '✗'],
    ['sequential-majority', 'pareto', '✗'],
    ['bradley-terry', 'condorcet-winner', '✗'],
    ['maximal-lottery', 'condorcet-winner', '✓'],
    ['split-cycle', 'positive-involvement', '✓'],
    ['borda', 'strategy-proofness', '✗'],
  ];
  for (const [rule, axiom, mark] of facts) assert.equal(cell(rule, axiom), mark, `${rule} × ${axiom}`);
  // Every column is a registered axiom, and every row has a mark for each.
  const first = t.values().next().value as Map<string, string>;
  assert.deepEqual(
    [...first.keys()],
    sigmaAxioms.map((a) => a.name),
  );
  for (const [rule, row] of t) for (const [axiom, m] of row) assert.match(m, /^[✓✗–]$/, `${rule} × ${axiom}`);
});
