/**
 * scenarios/market-computation.yaml — markets between H's parts, paid in computation.
 *
 * Hand-worked (first-price: each part bids budget × its utility on [0, 1]; the largest total wins).
 * Money, budgets 1 each: totals binge 1 + 0 + 0.1 + 0.3 = 1.4, run 1.5, novel 1.4, dinner
 * 0.4 + 0.4 + 0 + 1 = 1.8 → dinner, H's own weighted-sum choice.
 * Computation, complexity 0.1 / 0.6 / 0.7 / 0.6: budgets left 0.9, 0.4, 0.3, 0.4 (shares 45%, 20%,
 * 15%, 20% against a stake of 25% each). Totals binge 0.9 + 0 + 0.03 + 0.12 = 1.05, dinner
 * 0.36 + 0.16 + 0 + 0.4 = 0.92, run 0.61, novel 0.51 → binge: the cheap value wins the day.
 * Collusion of health, craft and friendship: pooled budget 1.1, pooled value 0.4·ū_health +
 * 0.3·ū_craft + 0.4·ū_friendship = (0.15, 0.57, 0.42, 0.56), on [0, 1] (0, 1, 0.643, 0.976); bids
 * 1.1 × that; with appetite's (0.9, 0, 0.09, 0.36): binge 0.9, dinner 1.434 → dinner.
 * Cap 30%: appetite 0.3 of the currency (0.6), the others 0.7 in proportion 0.4 : 0.3 : 0.4
 * (0.509, 0.382, 0.509): binge 0.6 + 0.038 + 0.153 = 0.791, dinner 0.24 + 0.204 + 0.509 = 0.953
 * → dinner. Floor 20%: craft is lifted to 20%, and rescaling leaves health and friendship there too
 * (appetite 40%): binge 0.8 + 0.04 + 0.12 = 0.96, dinner 0.32 + 0.16 + 0.4 = 0.88 → binge.
 * Fisher market: every part spends its whole budget on its favourite (each part's best is a
 * different action), so the lottery is the budget shares: 25% each with money, 45% binge under
 * computation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { summaryRows } from '../../src/report/scenario-report.js';
import { parseScenario } from '../../src/scenario/index.js';
import { applySigma } from '../../src/sigma/apply-utilities.js';
import { marketDetails } from '../../src/sigma/market/common.js';
import { getRule } from '../../src/sigma/registry.js';
import type { Options } from '../../src/sigma/types.js';
import { context, data, round, run, text } from './helpers.js';

const r = run('market-computation');
const ctx = context('market-computation');
const file = data('market-computation');
/** The alignments in file order: [reading id, its options]. */
const entries: [string, Options][] = file.alignments.map((a: string | { id: string; options: Options }) =>
  typeof a === 'string' ? [a, {}] : [a.id, a.options],
);
const market = (i: number) => {
  const [id, options] = entries[i];
  return marketDetails(applySigma({ rule: getRule(id.slice('parts/'.length)), options }, ctx.own));
};
const at = (id: string, has: (o: Options) => boolean) => entries.findIndex(([x, o]) => x === id && has(o));
const MONEY = at('parts/first-price', (o) => o.currency === undefined);
const COMPUTATION = at(
  'parts/first-price',
  (o) => o.currency === 'computation' && Object.keys(o).length === 3,
);
const COALITION = at('parts/first-price', (o) => o.coalitions !== undefined);
const CAP = at('parts/first-price', (o) => o.cap !== undefined);
const FLOOR = at('parts/first-price', (o) => o.floor !== undefined);

test('market-computation: money keeps H’s choice; computation hands the day to the cheap value; a coalition or a cap takes it back', () => {
  assert.equal(r.behaviour, 'dinner-with-friends');
  const target = (i: number) => r.alignments[i].target;
  assert.equal(target(MONEY), 'dinner-with-friends');
  assert.equal(target(COMPUTATION), 'binge-series');
  assert.equal(target(COALITION), 'dinner-with-friends');
  assert.equal(target(CAP), 'dinner-with-friends');
  assert.equal(target(FLOOR), 'binge-series');
  const byId = (id: string) => r.alignments.filter((a) => a.id === id).map((a) => a.target);
  assert.deepEqual(byId('parts/vcg'), ['binge-series']);
  assert.deepEqual(byId('parts/quadratic-voting'), ['dinner-with-friends']);
  assert.deepEqual(round(byId('parts/fisher-market'), 9), [
    { 'binge-series': 0.45, 'morning-run': 0.2, 'work-on-novel': 0.15, 'dinner-with-friends': 0.2 },
    { 'binge-series': 0.25, 'morning-run': 0.25, 'work-on-novel': 0.25, 'dinner-with-friends': 0.25 },
  ]);
});

test('the essay’s prediction: under a computation currency the cheap-to-compute value gets a larger share than its stake', () => {
  const money = market(MONEY).parts;
  const comp = market(COMPUTATION).parts;
  assert.deepEqual(round(comp.map((p) => p.stake)), [0.25, 0.25, 0.25, 0.25]);
  assert.deepEqual(round(comp.map((p) => p.budgetShare)), [0.45, 0.2, 0.15, 0.2]);
  // Share of the currency behind the decision: appetite's bid on dinner is 0.4 of 1.8 with money;
  // 0.9 of 1.05 on binge under computation.
  assert.equal(round(money[0].decisionShare), round(0.4 / 1.8));
  assert.equal(round(comp[0].decisionShare), round(0.9 / 1.05));
  assert.equal(comp[0].utility, 1);
  assert.ok(comp[2].utility < 0.2, 'craft gets its near-worst');
});

test('collusion: pooling moves the decision and the coalition gains; a cap holds the cheap value to 30%', () => {
  const c = market(COALITION).coalitions;
  assert.equal(c.length, 1);
  assert.deepEqual(c[0].members, [1, 2, 3]);
  // Dinner instead of binge: health 0.4 + craft 0 + friendship 1 against 0 + 0.1 + 0.3.
  assert.equal(round(c[0].utility.pooled), 1.4);
  assert.equal(round(c[0].utility.alone), 0.4);
  assert.ok(c[0].gain > 0.99);
  const cap = market(CAP).parts;
  assert.equal(round(cap[0].budgetShare), 0.3);
  assert.ok(cap.every((p) => p.budgetShare <= 0.3 + 1e-9));
  const floor = market(FLOOR).parts;
  assert.ok(floor.every((p) => p.budgetShare >= 0.2 - 1e-9));
  assert.deepEqual(round(floor.map((p) => p.budgetShare)), [0.4, 0.2, 0.2, 0.2]);
});

test('its rows appear in the interpretation matrix and the report', () => {
  const ids = (c: string) => r.interpretation[c];
  // Binge is accepted only by the readings that pay in computation without a cap or a coalition.
  assert.equal(ids('binge-series').length, 3);
  assert.ok(ids('binge-series').every((id) => /first-price|vcg/.test(id)));
  assert.ok(ids('dinner-with-friends').includes('boundary/instruction'));
  const rows = summaryRows(r, 0.1);
  assert.equal(rows.length, entries.length);
  assert.equal(rows[COMPUTATION].target, 'binge-series');
  assert.equal(rows[COMPUTATION].override, true);
  assert.match(rows[COMPUTATION].reading, /currency=computation/);
  assert.equal(rows[CAP].override, false);
});

test('bad market options in the file are found by the loader: file, line and what was expected (exit 2)', () => {
  const original = text('market-computation');
  const cases: [string, string, RegExp][] = [
    [
      'options: {budgets: [1]}}',
      'options: {budgets: [1, -2, 1, 1]}}',
      /expected a non-negative budget, got -2 \(entry 1\)/,
    ],
    // Five labels for four parts: a coalition naming a part H does not have.
    ['coalitions: [-1, 0, 0, 0]', 'coalitions: [-1, 0, 0, 0, 0]', /expected 4 numbers, one per part/],
    ['floor: 0.2}', 'floor: -0.2}', /expected a share in \[0, 1\], got -0.2/],
  ];
  for (const [from, to, expected] of cases) {
    const lineNo = original.split('\n').findIndex((l) => l.includes(from)) + 1;
    assert.throws(
      () => parseScenario(original.replace(from, to), 'scenarios/market-computation.yaml'),
      (e) => {
        assert.ok(e instanceof UserError, String(e));
        assert.match(
          e.message,
          new RegExp(`^scenarios/market-computation\\.yaml:${lineNo}: alignments\\[\\d+\\]\\.options\\.`),
        );
        assert.match(e.message, expected);
        return true;
      },
    );
  }
});
