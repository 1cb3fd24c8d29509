import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const tennessee = JSON.stringify({
  candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  rankings: [
    [0, 1, 2, 3],
    [1, 2, 3, 0],
    [2, 3, 1, 0],
    [3, 2, 1, 0],
  ],
  counts: [42, 26, 15, 17],
});

test('vote --json prints each rule with winners in the input ids', () => {
  const dir = tempFiles({ 'tn.json': tennessee });
  const r = sulab([
    'vote',
    '--method',
    'plurality,irv,borda,copeland',
    '--input',
    join(dir, 'tn.json'),
    '--json',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(
    out.map((e: { method: string; winners: number[] }) => [e.method, e.winners]),
    [
      ['plurality', [0]],
      ['irv', [3]],
      ['borda', [1]],
      ['copeland', [1]],
    ],
  );
  assert.deepEqual(out[2].ranking, [[1], [2], [0], [3]]);
});

test('vote on a PrefLib file answers in the file’s own candidate numbers', () => {
  const r = sulab(['vote', '-m', 'plurality', '-i', 'data/preflib/00004-00000006.soc', '--json']);
  assert.equal(r.code, 0, r.stderr);
  // 300 + 269 voters rank candidate 2 first: plurality winner is PrefLib's candidate 2.
  assert.deepEqual(JSON.parse(r.stdout)[0].winners, [2]);
});

test('vote streams .jsonl: one output line per input line', () => {
  const lines = [
    { candidates: 3, rankings: [[0, 1, 2]] },
    { candidates: 3, rankings: [[2, 1, 0]], counts: [4] },
  ]
    .map((x) => JSON.stringify(x))
    .join('\n');
  const dir = tempFiles({ 'p.jsonl': `${lines}\n` });
  const r = sulab(['vote', '--method', 'borda', '--input', join(dir, 'p.jsonl'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    out.map((a) => a[0].winners),
    [[0], [2]],
  );
});

test('ties are kept unless a tie-break is asked for', () => {
  const dir = tempFiles({
    'cycle.json': JSON.stringify({
      candidates: 3,
      rankings: [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
    }),
  });
  const file = join(dir, 'cycle.json');
  assert.deepEqual(
    JSON.parse(sulab(['vote', '-m', 'borda', '-i', file, '--json']).stdout)[0].winners,
    [0, 1, 2],
  );
  const lex = sulab(['vote', '-m', 'borda', '-i', file, '--json', '--tiebreak', 'lexicographic']);
  assert.deepEqual(JSON.parse(lex.stdout)[0].winners, [0]);
});

for (const [what, files, args, pattern] of [
  [
    'an unknown method',
    { 'a.json': tennessee },
    ['-m', 'bordaa'],
    /unknown method "bordaa"; did you mean borda/,
  ],
  [
    'a ranking that repeats a candidate',
    { 'a.json': JSON.stringify({ candidates: 3, rankings: [[0, 0, 1]] }) },
    ['-m', 'borda'],
    /a\.json.*rankings\[0\].*candidate 0 appears more than once/,
  ],
  [
    'a malformed PrefLib line',
    {
      'a.soc':
        '# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 3\n# NUMBER VOTERS: 2\n# NUMBER UNIQUE ORDERS: 1\n2: 1,2,x\n',
    },
    ['-m', 'borda'],
    /a\.soc:5/,
  ],
  ['a missing file', {}, ['-m', 'borda'], /no such file/],
] as const) {
  test(`bad input: ${what} is a one-line error with exit code 2`, () => {
    const dir = tempFiles(files as Record<string, string>);
    const name = Object.keys(files)[0] ?? 'missing.json';
    const r = sulab(['vote', ...args, '--input', join(dir, name)]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
}

test('an unknown flag or command is a usage error, exit 2', () => {
  assert.equal(sulab(['vote', '--bogus']).code, 2);
  assert.equal(sulab(['frobnicate']).code, 2);
});

test('methods --json lists the registry with its metadata', () => {
  const r = sulab(['methods', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const rules = JSON.parse(r.stdout);
  const irv = rules.find((x: { name: string }) => x.name === 'instant-runoff');
  assert.ok(irv.aliases.includes('irv') && irv.aliases.includes('hare'));
  for (const x of rules)
    for (const k of ['name', 'input', 'output', 'ties', 'description']) assert.ok(x[k], `${x.name}.${k}`);
});

test('vote --method all skips the rules that cannot read the profile', () => {
  const dir = tempFiles({
    'tie.json': JSON.stringify({
      candidates: 3,
      rankings: [
        [[0, 1], 2],
        [2, 0, 1],
      ],
    }),
  });
  const r = sulab(['vote', '--method', 'all', '--input', join(dir, 'tie.json'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const methods = JSON.parse(r.stdout).map((e: { method: string }) => e.method);
  assert.ok(methods.includes('borda'));
  assert.ok(!methods.includes('dodgson'));
});

test('a rule refusing a .jsonl profile names the file and line', () => {
  const lines = [
    { candidates: 3, rankings: [[0, 1, 2]] },
    { candidates: 3, rankings: [[[0, 1], 2]] },
  ]
    .map((x) => JSON.stringify(x))
    .join('\n');
  const dir = tempFiles({ 'p.jsonl': `${lines}\n` });
  const r = sulab(['vote', '--method', 'dodgson', '--input', join(dir, 'p.jsonl'), '--json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /p\.jsonl:2: .*dodgson needs linear orders/);
  // Output goes out in blocks, but what was done before the bad line is printed first.
  assert.deepEqual(JSON.parse(r.stdout), [{ method: 'dodgson', winners: [0], ranking: [[0], [1], [2]] }]);
});
