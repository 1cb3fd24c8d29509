/**
 * The built-in studies, each run at a small size; the Condorcet study against exact values. Cells
 * run in this thread (--workers 0): the pool has its own tests, and starting it per run is most of
 * a small study's cost.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as study } from '../../src/cli/study.js';
import { UserError } from '../../src/core/errors.js';
import { studies } from '../../src/experiment/studies.js';
import { inProcess, tempFiles } from '../cli/helpers.js';

/** P(no Condorcet winner) for n voters with uniform random linear orders of m candidates, by enumeration. */
function exactNoCondorcet(m: number, n: number): number {
  const perms: number[][] = [];
  const permute = (xs: number[], out: number[]) => {
    if (xs.length === 0) perms.push(out);
    xs.forEach((x, i) => {
      permute([...xs.slice(0, i), ...xs.slice(i + 1)], [...out, x]);
    });
  };
  permute(
    Array.from({ length: m }, (_, i) => i),
    [],
  );
  const pos = perms.map((p) => {
    const r = new Array<number>(m);
    p.forEach((c, k) => {
      r[c] = k;
    });
    return r;
  });
  let none = 0;
  let total = 0;
  const walk = (voters: number[][]) => {
    if (voters.length === n) {
      total++;
      const cw = Array.from({ length: m }, (_, a) => a).some((a) =>
        Array.from({ length: m }, (_, b) => b).every(
          (b) => b === a || voters.filter((r) => r[a] < r[b]).length * 2 > n,
        ),
      );
      if (!cw) none++;
      return;
    }
    for (const r of pos) walk([...voters, r]);
  };
  walk([]);
  return none / total;
}

test('exact values by enumeration: the known 1/18 for three voters and three candidates', () => {
  assert.ok(Math.abs(exactNoCondorcet(3, 3) - 1 / 18) < 1e-12);
});

test('condorcet-frequency: within three standard errors of the exact value, in the documented JSON', async () => {
  for (const n of [3, 4]) {
    const dir = tempFiles({});
    const out = await inProcess(study, [
      'condorcet-frequency',
      '--m',
      '3',
      '--n',
      String(n),
      '--cells',
      '600',
      '--json',
      '--workers',
      '0',
      '--store',
      join(dir, 'c.duckdb'),
    ]);
    const [r] = JSON.parse(out.trim().split('\n').at(-1) as string);
    assert.deepEqual(Object.keys(r), ['m', 'n', 'cells', 'frequency', 'stderr', 'asymptotic']);
    assert.equal(r.cells, 600);
    const exact = exactNoCondorcet(3, n);
    assert.ok(
      Math.abs(r.frequency - exact) <= 3 * Math.max(r.stderr, 1e-3),
      `${r.frequency} vs ${exact} (n = ${n})`,
    );
    assert.ok(Math.abs(r.asymptotic - 0.0877) < 1e-4);
  }
});

test('every study runs at a small size and states a finding', async () => {
  for (const s of studies) {
    if (s.name === 'condorcet-frequency' || s.name === 'manipulation-horizon') continue;
    const dir = tempFiles({});
    const text = await inProcess(study, [
      s.name,
      '--cells',
      '1',
      '--workers',
      '0',
      '--store',
      join(dir, 's.duckdb'),
    ]);
    assert.match(text, new RegExp(s.title.slice(0, 20).replace(/[()]/g, '.')));
    const json = JSON.parse(
      (
        await inProcess(study, [
          s.name,
          '--cells',
          '1',
          '--workers',
          '0',
          '--store',
          join(dir, 's.duckdb'),
          '--resume',
          '--json',
        ])
      )
        .trim()
        .split('\n')
        .at(-1) as string,
    );
    assert.ok(Array.isArray(json) && json.length > 0);
  }
});

test('manipulation-horizon: reshaping H pays only from a long enough horizon, and never loses approval', async () => {
  const dir = tempFiles({});
  const out = await inProcess(study, [
    'manipulation-horizon',
    '--max-horizon',
    '14',
    '--workers',
    '0',
    '--store',
    join(dir, 'm.duckdb'),
    '--json',
  ]);
  const rows = JSON.parse(out.trim().split('\n').at(-1) as string);
  assert.deepEqual(
    rows.map((r: { horizon: number }) => r.horizon),
    Array.from({ length: 14 }, (_, i) => i + 1),
  );
  for (const r of rows) {
    // The planner maximizes total approval, so it never gets less than the myopic agent; what it
    // gains it takes from the original parts.
    assert.ok(r.approval_gain >= -1e-9, `horizon ${r.horizon}: ${r.approval_gain}`);
    assert.ok(r.welfare_cost >= -1e-9, `horizon ${r.horizon}: ${r.welfare_cost}`);
  }
  // Within a week a nudge (approved less than help with work today) cannot repay itself.
  for (const r of rows.slice(0, 7)) assert.ok(Math.abs(r.approval_gain) < 1e-9, `horizon ${r.horizon}`);
  const two = rows[13];
  assert.ok(two.approval_gain > 0.01 && two.welfare_cost > two.approval_gain, JSON.stringify(two));
  assert.ok(two.planner_drift > two.myopic_drift);
});

test('study mistakes: an unknown study, an option it does not take', async () => {
  await assert.rejects(
    inProcess(study, ['self-alignmnt']),
    (e: unknown) => e instanceof UserError && /did you mean self-alignment/.test(e.message),
  );
  await assert.rejects(inProcess(study, ['self-alignment', '--m', '3']), /self-alignment takes no --m/);
  const list = await inProcess(study, ['--list']);
  for (const s of studies) assert.match(list, new RegExp(`^${s.name} `, 'm'));
});
