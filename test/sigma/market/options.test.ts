/**
 * The options every market rule shares: budgets, the computation currency, coalitions (collusion)
 * and the regulator's cap and floor; and the rules' place in the registry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { main as methods } from '../../../src/cli/methods.js';
import { UserError } from '../../../src/core/errors.js';
import { marketDetails, regulate } from '../../../src/sigma/market/common.js';
import { marketRules } from '../../../src/sigma/market/index.js';
import { getRule } from '../../../src/sigma/registry.js';
import { inProcess } from '../../cli/helpers.js';
import { close, fine, problem, realProblemOf, rule } from './helpers.js';

test('the market rules are in the registry and in `sulab methods --json`, family market', async () => {
  const listed = JSON.parse(await inProcess(methods, ['--json']));
  const market = listed.filter((r: { family: string }) => r.family === 'market');
  assert.deepEqual(
    market.map((r: { name: string }) => r.name),
    ['first-price', 'vcg', 'quadratic-voting', 'fisher-market'],
  );
  assert.ok(market[1].aliases.includes('second-price'));
  for (const name of ['first-price', 'second-price', 'vcg', 'quadratic-voting', 'fisher-market'])
    assert.equal(getRule(name).family, 'market');
  for (const r of market)
    assert.deepEqual(
      r.options.map((o: { name: string }) => o.name),
      ['budgets', 'currency', 'complexity', 'coalitions', 'cap', 'floor'],
    );
});

test('budgets: weights by default, equal, a list, or one number for everyone', () => {
  const p = problem(
    [
      [1, 0],
      [0, 1],
    ],
    [3, 1],
  );
  const fp = rule('first-price');
  assert.deepEqual(fp.run(p).winners, [0]);
  assert.deepEqual(fp.run(p, { budgets: 'equal' }).winners, [0, 1]);
  assert.deepEqual(fp.run(p, { budgets: [1] }).winners, [0, 1]);
  assert.deepEqual(fp.run(p, { budgets: [1, 2] }).winners, [1]);
  const d = marketDetails(fp.run(p));
  close(
    d.parts.map((x) => x.stake),
    [0.75, 0.25],
  );
});

test('bad options are UserErrors that name the option', () => {
  const p = problem([
    [1, 0],
    [0, 1],
  ]);
  const fp = rule('first-price');
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ budgets: [1, 2, 3] }, /option budgets: expected 2 numbers/],
    [{ budgets: 'rich' }, /option budgets: expected numbers, weights or equal/],
    [{ budgets: [1, -1] }, /option budgets\[1\]: expected a non-negative budget/],
    [{ currency: 'gold' }, /option currency: expected one of money, computation/],
    [{ complexity: [0.5, 0] }, /complexity costs budget only under currency computation/],
    [
      { currency: 'computation', complexity: [2, 0] },
      /option complexity\[0\]: expected a number in \[0, 1\]/,
    ],
    [{ cap: 0.4 }, /option cap: 2 parts cannot hold all the currency at 0.4 each/],
    [{ floor: 0.6 }, /option floor: 2 parts cannot each hold 0.6 of the currency/],
    [{ cap: 0.5, floor: 0.6 }, /option floor: expected a share in \[0, cap\]/],
    [
      { currency: 'computation', complexity: [1, 0], cap: 0.6 },
      /option cap: the parts with currency left \(1\) cannot hold it all at 0.6 each/,
    ],
    [{ coalitions: [0.5, 1] }, /option coalitions\[0\]: expected an integer label/],
  ];
  for (const [opts, message] of bad)
    assert.throws(
      () => fp.run(p, opts as never),
      (e: unknown) => e instanceof UserError && message.test(e.message),
      JSON.stringify(opts),
    );
});

test('computation currency: a part whose values cost more to compute gets a smaller share, all else equal', () => {
  const arb = realProblemOf(4, 5).chain((p) =>
    fc.tuple(
      fc.constant(p),
      fc.nat({ max: p.parts - 1 }),
      fc.array(
        fine.map((x) => 0.9 * x),
        { minLength: p.parts, maxLength: p.parts },
      ),
      fine,
    ),
  );
  fc.assert(
    fc.property(arb, ([p, j, complexity, extra]) => {
      const more = [...complexity];
      more[j] = complexity[j] + (1 - complexity[j]) * (0.05 + 0.95 * extra);
      for (const r of marketRules) {
        const before = marketDetails(r.run(p, { currency: 'computation', complexity }));
        const after = marketDetails(r.run(p, { currency: 'computation', complexity: more }));
        assert.equal(before.currency, 'computation');
        const [b, a] = [before.parts[j], after.parts[j]];
        assert.equal(a.stake, b.stake, 'the stake is the budget as given');
        if (p.parts > 1) assert.ok(a.budgetShare < b.budgetShare, `${r.name}: budget share`);
        // Less currency never buys a better decision for the part (the choice maximizes a sum in
        // which its weight shrank; the Fisher lottery has no such guarantee).
        if (r.output !== 'lottery')
          assert.ok(a.utility <= b.utility + 1e-9, `${r.name}: utility ${a.utility} > ${b.utility}`);
        if (r.name === 'fisher-market' && b.spent > 0 && p.parts > 1)
          assert.ok(a.decisionShare < b.decisionShare, 'fisher: share of the decision');
      }
    }),
    { numRuns: 100 },
  );
});

test('computation currency: easy-to-compute values win (hand case)', () => {
  // Equal money; part 1's values cost it 60% of its compute.
  const p = problem([
    [1, 0, 0],
    [0, 1, 0],
  ]);
  for (const r of marketRules) {
    const money = r.run(p);
    const compute = r.run(p, { currency: 'computation', complexity: [0, 0.6] });
    const d = marketDetails(compute);
    close(
      d.parts.map((x) => x.budget),
      [1, 0.4],
    );
    if (r.output === 'lottery') {
      close(money.lottery, [0.5, 0.5, 0], 1e-9);
      close(compute.lottery, [1 / 1.4, 0.4 / 1.4, 0], 1e-9);
    } else {
      assert.deepEqual(money.winners, [0, 1], r.name);
      assert.deepEqual(compute.winners, [0], r.name);
    }
  }
});

test('collusion: two parts pooling behind a compromise beat a richer third part (first-price, vcg)', () => {
  const p = problem(
    [
      [1, 0, 0, 0.7],
      [0, 1, 0, 0.7],
      [0, 0, 1, 0],
    ],
    [1, 1, 1.5],
  );
  for (const name of ['first-price', 'vcg']) {
    const r = rule(name);
    assert.deepEqual(r.run(p).winners, [2], name);
    const pooled = r.run(p, { coalitions: [0, 0, -1] });
    assert.deepEqual(pooled.winners, [3], name);
    const [c] = marketDetails(pooled).coalitions;
    assert.deepEqual(c.members, [0, 1]);
    close([c.utility.alone, c.utility.pooled, c.gain], [0, 1.4, 1.4], 1e-12);
    assert.equal(c.spent.alone, 0);
    // Pooled value V_C = (1, 1, 0, 1.4) scaled to the pooled budget 2: bids (10/7, 10/7, 0, 2).
    if (name === 'first-price') assert.equal(c.spent.pooled, 2);
    // VCG: without the coalition action 2 wins (1.5), with it the others get 0 at action 3.
    else close([c.spent.pooled], [1.5], 1e-12);
  }
});

test('collusion in the Fisher market: the members gain by pooling (hand case), and the gain is what is reported', () => {
  const p = problem([
    [1, 0, 0],
    [1, 0.5, 0],
    [0, 0, 1],
  ]);
  const fisher = rule('fisher-market');
  const pooled = fisher.run(p, { coalitions: [3, 3, 7] });
  const alone = fisher.run(p);
  const [c] = marketDetails(pooled).coalitions;
  const u = (r: typeof alone, i: number) => marketDetails(r).parts[i].utility;
  close([c.utility.alone], [u(alone, 0) + u(alone, 1)], 1e-12);
  close([c.utility.pooled], [u(pooled, 0) + u(pooled, 1)], 1e-12);
  // Alone: prices (4/3, 2/3, 1), lottery (4/9, 2/9, 3/9); members get 4/9 + 5/9 = 1.
  close(alone.lottery, [4 / 9, 2 / 9, 3 / 9], 1e-9);
  // Pooled: value (1, 0, 0) + (1, 0.5, 0) = (2, 0.5, 0) → (1, 0.25, 0) with budget 2, indifferent
  // between actions 0 and 1: p_0 = 4 p_1, p_0 + p_1 = 2 → p = (1.6, 0.4, 1), lottery (8, 2, 5)/15;
  // members get 8/15 + 9/15 = 17/15.
  close(pooled.lottery, [8 / 15, 2 / 15, 5 / 15], 1e-9);
  close([c.utility.alone, c.utility.pooled, c.gain], [1, 17 / 15, 2 / 15], 1e-9);
  close([c.gain], [c.utility.pooled - c.utility.alone], 1e-15);
});

test('regulator cap: the richest part’s share falls to the cap, and with it its say (hand case)', () => {
  const p = problem(
    [
      [1, 0],
      [0, 1],
      [0, 1],
    ],
    [6, 2, 2],
  );
  for (const r of marketRules) {
    const free = marketDetails(r.run(p));
    const capped = marketDetails(r.run(p, { cap: 0.4 }));
    close(
      capped.parts.map((x) => x.budgetShare),
      [0.4, 0.3, 0.3],
      1e-12,
    );
    close(
      capped.parts.map((x) => x.budget),
      [4, 3, 3],
      1e-12,
    );
    // Quadratic voting already gives the rich part only √6 votes against 2·√2: it loses anyway.
    if (r.name === 'quadratic-voting') assert.equal(free.parts[0].decisionShare, 0);
    else assert.ok(capped.parts[0].decisionShare < free.parts[0].decisionShare, r.name);
  }
  assert.deepEqual(rule('first-price').run(p).winners, [0]);
  assert.deepEqual(rule('first-price').run(p, { cap: 0.4 }).winners, [1]);
});

test('regulator floor: a part priced out by the computation currency is lifted to the floor', () => {
  const p = problem([
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ]);
  const opts = { currency: 'computation', complexity: [0, 0, 0.9] } as const;
  const fisher = rule('fisher-market');
  const r = fisher.run(p, { ...opts, floor: 0.2 });
  const d = marketDetails(r);
  close(
    d.parts.map((x) => x.budgetShare),
    [0.4, 0.4, 0.2],
    1e-12,
  );
  close(r.lottery, [0.4, 0.4, 0.2], 1e-9);
  close(fisher.run(p, opts).lottery, [1 / 2.1, 1 / 2.1, 0.1 / 2.1], 1e-9);
});

test('regulate: shares clamp(t·r, floor, cap) summing to 1', () => {
  const arb = fc
    .array(
      fine.map((x) => x + 1e-3),
      { minLength: 1, maxLength: 6 },
    )
    .chain((r) => fc.tuple(fc.constant(r), fine, fine));
  fc.assert(
    fc.property(arb, ([raw, x, y]) => {
      const n = raw.length;
      const t = raw.reduce((s, v) => s + v, 0);
      const r = Float64Array.from(raw, (v) => v / t);
      const cap = 1 / n + (1 - 1 / n) * x;
      const floor = (1 / n) * y;
      const s = regulate(
        r,
        Array.from({ length: n }, (_, i) => i),
        floor,
        cap,
      );
      close([s.reduce((a, b) => a + b, 0)], [1], 1e-12);
      for (let i = 0; i < n; i++) assert.ok(s[i] >= floor - 1e-15 && s[i] <= cap + 1e-15);
      // Order is kept, and parts strictly inside the bounds keep their proportions.
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) if (r[i] < r[j]) assert.ok(s[i] <= s[j] + 1e-15);
    }),
    { numRuns: 300 },
  );
});
