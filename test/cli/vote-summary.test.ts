import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main as voteMain } from '../../src/cli/vote.js';
import { Random } from '../../src/core/random.js';
import { VoteSummary } from '../../src/run/vote.js';
import { inProcess, tempFiles } from './helpers.js';

// Three profiles over a, b, c (ids 0, 1, 2):
// 1. 2 × a>b>c, 1 × b>c>a: a is the Condorcet winner; plurality a, Borda a (4) vs b (4)? Borda:
//    a = 2·2 + 0 = 4, b = 2·1 + 2 = 4, c = 0 + 1 = 1 → {a, b}.
// 2. the cycle a>b>c, b>c>a, c>a>b: no Condorcet winner; every rule ties all three.
// 3. 1 × b>a>c: b wins everything.
const lines = [
  {
    candidates: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
    ],
    counts: [2, 1],
  },
  {
    candidates: 3,
    rankings: [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ],
  },
  { candidates: 3, rankings: [[1, 0, 2]] },
];

test('vote --summary: winner-set sizes, Condorcet efficiency and agreement, worked by hand', async () => {
  const dir = tempFiles({ 'p.jsonl': `${lines.map((l) => JSON.stringify(l)).join('\n')}\n` });
  const r = JSON.parse(
    await inProcess(voteMain, [
      '--method',
      'plurality,borda',
      '--input',
      join(dir, 'p.jsonl'),
      '--summary',
      '--json',
    ]),
  );
  assert.equal(r.profiles, 3);
  assert.equal(r.condorcet_profiles, 2);
  assert.deepEqual(r.rules, [
    // plurality: {a}, {a,b,c}, {b}; Condorcet winners a and b picked outright: efficiency 1.
    { method: 'plurality', profiles: 3, winners: { 1: 2, 3: 1 }, condorcet_efficiency: 1 },
    // borda: {a,b}, {a,b,c}, {b}: a with probability 1/2, b surely: (1/2 + 1) / 2.
    { method: 'borda', profiles: 3, winners: { 1: 1, 2: 1, 3: 1 }, condorcet_efficiency: 0.75 },
  ]);
  assert.deepEqual(r.agreement, {
    plurality: { plurality: 1, borda: 2 / 3 },
    borda: { plurality: 2 / 3, borda: 1 },
  });
  const text = await inProcess(voteMain, [
    '--method',
    'plurality,borda',
    '--input',
    join(dir, 'p.jsonl'),
    '--summary',
  ]);
  assert.match(text, /^3 profiles, 2 with a Condorcet winner\./);
  assert.match(text, /borda +3 +1 +1 +1 +75\.0%/);
});

test('the summary follows rules that skip a profile, and repeated methods', () => {
  const s = new VoteSummary(['a', 'b', 'a']);
  s.add(
    [
      { method: 'a', winners: [0] },
      { method: 'a', winners: [1] },
    ],
    null,
  );
  const r = s.result();
  assert.deepEqual(
    r.rules.map((x) => [x.method, x.profiles, x.condorcet_efficiency]),
    [
      ['a', 1, null],
      ['b', 0, null],
      ['a', 1, null],
    ],
  );
  assert.equal(r.agreement.a.b, null);
});

test('summaries merge: any split of the profiles, merged, is the summary of them all', () => {
  // Winner sets of sizes 1–3 (so efficiencies sum thirds), with and without a Condorcet winner.
  const rng = new Random(11);
  const entries = Array.from({ length: 60 }, () => {
    const set = (k: number) => [...rng.permutation(4)].slice(0, k).sort((a, b) => a - b);
    return {
      entries: [
        { method: 'x', winners: set(1 + rng.int(3)) },
        { method: 'y', winners: set(1 + rng.int(3)) },
      ],
      cw: rng.int(3) === 0 ? null : rng.int(4),
    };
  });
  const whole = new VoteSummary(['x', 'y']);
  for (const e of entries) whole.add(e.entries, e.cw);
  for (const cuts of [[30], [1, 59], [7, 20, 41]]) {
    const merged = new VoteSummary(['x', 'y']);
    let from = 0;
    for (const to of [...cuts, entries.length]) {
      const part = new VoteSummary(['x', 'y']);
      for (const e of entries.slice(from, to)) part.add(e.entries, e.cw);
      merged.merge(structuredClone(part.state()));
      from = to;
    }
    assert.deepEqual(merged.result(), whole.result(), `cut at ${cuts}`);
  }
});
