/**
 * scenarios/unbounding-rates.yaml: the numbers docs/scenarios.md quotes. Whether H's choice
 * survives un-bounding depends on the bargain, and where Kalai–Smorodinsky leaves it depends on
 * the rates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mechanismLines, mechanismSections } from '../../src/report/mechanisms-report.js';
import { reading, run } from './helpers.js';

interface Bargain {
  rule: string;
  modes: string[][];
  flips: (number | 'limit')[];
  keeps: boolean;
}

test('Nash and the delegates keep H’s choice; Kalai–Smorodinsky leaves it, later at equal rates', () => {
  const r = run('unbounding-rates');
  const a = reading(r, 'parts/unbounding');
  const d = a.details as {
    original: string[];
    bargains: Bargain[];
    equal_rates: Bargain[];
    compute: unknown[];
  };
  assert.deepEqual(d.original, ['teaching']);
  assert.deepEqual(d.compute, [0, 1, 2, 4, 8, 16, 32, 64, null]);
  assert.deepEqual(
    d.bargains.map((b) => [b.rule, b.keeps, b.flips]),
    [
      ['nash-bargaining', true, []],
      ['kalai-smorodinsky', false, [16, 64, 'limit']],
      ['delegates (nash-demand)', true, []],
    ],
  );
  assert.deepEqual(
    d.equal_rates.map((b) => [b.rule, b.keeps, b.flips]),
    [
      ['nash-bargaining', true, []],
      ['kalai-smorodinsky', false, [32]],
      ['delegates (nash-demand)', true, []],
    ],
  );
  assert.equal(a.target, 'teaching');
  assert.deepEqual(mechanismLines(r), [
    "parts/unbounding: H's choice (teaching) survives un-bounding at these rates under 2 of 3 bargains; kalai-smorodinsky flips at c = 16, 64, ∞",
  ]);
});

test('the report section: a table along the path and a plot', async () => {
  const sections = await mechanismSections(run('unbounding-rates'));
  assert.equal(sections.length, 1);
  assert.equal(sections[0].tables?.[0].rows.length, 9);
  assert.match(sections[0].figures?.[0].svg ?? '', /^<svg/);
});
