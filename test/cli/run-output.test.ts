/**
 * `sulab run`'s output, run in-process (console.log captured): the JSON's additive fields, and
 * options a scenario file gives its readings.
 */
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/run.js';
import { tempFiles } from './helpers.js';

/** What `sulab run ARGS` prints: console.log's lines, what it writes to stderr, what it threw. */
async function capture(args: string[]): Promise<{ out: string; err: string; error?: unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const write = process.stderr.write;
  console.log = (...xs: unknown[]) => void out.push(`${xs.join(' ')}\n`);
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    await main(args);
    return { out: out.join(''), err: err.join('') };
  } catch (error) {
    return { out: out.join(''), err: err.join(''), error };
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
}

/** What `sulab run ARGS` prints on stdout; what it throws, rethrown. */
async function runOutput(args: string[]): Promise<string> {
  const r = await capture(args);
  if ('error' in r) throw r.error;
  return r.out;
}

test('--json: each reading says whether its target overrides B(H)', async () => {
  const out = JSON.parse(await runOutput(['scenarios/sydney.yaml', '--json', '--no-report']));
  const delegates = out.alignments.find((a: { id: string }) => a.id === 'parts/delegates');
  assert.equal(delegates.target, 'playful-shadow-self');
  assert.equal(delegates.overrides_behaviour, false);
  const holiday = JSON.parse(await runOutput(['scenarios/holiday.yaml', '--json', '--no-report']));
  assert.deepEqual(
    holiday.alignments
      .filter((a: { overrides_behaviour: boolean }) => a.overrides_behaviour)
      .map((a: { label: string }) => a.label),
    ['parts/delegates{lotteries=true}', 'parts/idealized'],
  );
});

test('whole/learned’s features option in a scenario file: a learner of limited capacity, end to end', async () => {
  // Everyone prefers the middle action; with one feature x = (0, 1, 2) the learner can only rank
  // monotonically in x, so it picks an end (c: it beats a in 2/3 of the comparisons).
  const file = (features: string) =>
    join(
      tempFiles({
        'm.yaml': `name: middle
outcomes: [a, b, c]
parts:
  - {name: p1, utility: [0.5, 1, 0]}
  - {name: p2, utility: [0, 1, 0.6], weight: 2}
sigma: weighted-utilitarian
alignments:
  - whole/learned
  - {id: whole/learned, options: {features: ${features}}}
`,
      }),
      'm.yaml',
    );
  const out = JSON.parse(await runOutput([file('[0, 1, 2]'), '--json', '--no-report']));
  const [full, limited] = out.alignments;
  assert.equal(full.target, 'b');
  assert.equal(limited.target, 'c');
  assert.equal(limited.self_aligned, false);
  assert.deepEqual(limited.options, { features: [0, 1, 2] });
  assert.deepEqual(limited.notes, ['capacity: 1 feature(s) per action']);
  // Two features per action, row-major: (1, 0), (0, 1), (0, 0) can represent any order.
  const two = JSON.parse(await runOutput([file('[1, 0, 0, 1, 0, 0]'), '--json', '--no-report']));
  assert.equal(two.alignments[1].target, 'b');
  // A list that is not actions × d numbers is that reading's error; the other reading goes on.
  const bad = JSON.parse(await runOutput([file('[0, 1]'), '--json', '--no-report']));
  assert.equal(bad.alignments[0].target, 'b');
  assert.match(bad.alignments[1].error, /features: expected 3×d numbers \(row-major\), got 2/);
  // Not numbers: refused when the file is read, at its line.
  await assert.rejects(runOutput([file('[a, b, c]'), '--json', '--no-report']), {
    name: 'UserError',
    message: /m\.yaml:9: alignments\[1\]\.options\.features\[0\]: expected a number, got "a"/,
  });
});

test('--plugin: its readings join every one-shot scenario after the scenario’s own', async () => {
  const dir = tempFiles({
    'first.mjs': `export default {
  id: 'mine/first-action',
  title: 'Mine: the first action',
  read(ctx) {
    const scores = Float64Array.from(ctx.actions, (_, a) => (a === 0 ? 1 : 0));
    return { target: { kind: 'action', action: 0, ties: [0] }, scores, notes: [] };
  },
};
`,
  });
  const plugin = ['--plugin', join(dir, 'first.mjs')];
  const out = JSON.parse(
    await runOutput([
      'scenarios/holiday.yaml',
      'scenarios/committee-cycle.yaml',
      ...plugin,
      '--json',
      '--no-report',
    ]),
  );
  for (const r of out) {
    assert.equal(r.alignments.at(-1).id, 'mine/first-action');
    assert.equal(r.alignments.at(-1).target, r.actions[0]);
    assert.equal(r.alignments.filter((a: { id: string }) => a.id === 'mine/first-action').length, 1);
  }
  // A sequential scenario has agents, not readings: the run says the plugin went unused.
  const seq = await capture(['scenarios/coin-bet.yaml', '--no-report']);
  assert.equal(seq.err, '');
  // (Another file: a plugin's id can be registered once per process.)
  const again = tempFiles({
    'second.mjs': (await readFile(join(dir, 'first.mjs'), 'utf8')).replace('first-action', 'second'),
  });
  const withPlugin = await capture([
    'scenarios/coin-bet.yaml',
    '--plugin',
    join(again, 'second.mjs'),
    '--no-report',
  ]);
  assert.match(withPlugin.err, /note: --plugin readings apply to one-shot scenarios; this run has none/);
});

test('--csv and the report are written before anything is printed: a write error leaves stdout empty', async () => {
  const dir = tempFiles({});
  const csv = await capture([
    'scenarios/coin-bet.yaml',
    '--json',
    '--no-report',
    '--csv',
    join(dir, 'no', 'rows.csv'),
  ]);
  assert.match(String(csv.error), /UserError: .*no\/rows\.csv: cannot write: no such directory/);
  assert.equal(csv.out, '');
  // The report directory cannot be made under a file.
  writeFileSync(join(dir, 'f.txt'), 'x');
  const under = await capture(['scenarios/holiday.yaml', '--json', '--report', join(dir, 'f.txt', 'r')]);
  assert.match(String(under.error), /cannot create the report directory \(ENOTDIR\)/);
  assert.equal(under.out, '');
  // Written: the CSV is there when the JSON is printed, and the report's path follows it on stderr.
  const ok = await capture([
    'scenarios/coin-bet.yaml',
    '--json',
    '--csv',
    join(dir, 'rows.csv'),
    '--report',
    join(dir, 'r'),
  ]);
  assert.equal(ok.error, undefined);
  assert.ok(existsSync(join(dir, 'rows.csv')) && existsSync(join(dir, 'r', 'index.html')));
  assert.equal(JSON.parse(ok.out).scenario, 'coin-bet');
  assert.match(ok.err, /report written to .*index\.html/);
});

test('the default run reads in 100 columns, opens with what it shows, and defines its terms', async () => {
  const out = await runOutput(['--no-report']);
  const lines = out.trimEnd().split('\n');
  const wide = lines.filter((l) => [...l].length > 100);
  assert.deepEqual(wide, [], 'every line fits in 100 columns');
  assert.match(lines[0], /^What this run shows/);
  assert.match(
    out,
    /\n1\. H is not self-aligned: .*\n {3}Tested by every reading of \d+ scenarios\. This run: H is self-aligned under \d+ of \d+/,
  );
  // The legend under the readings table; the tie sets counted; nobody worse off than the best.
  for (const term of ['gap', 'overrides B(H)', 'worst-off'])
    assert.match(out, new RegExp(`\\n${term.replace(/[()]/g, '\\$&')} +\\S`));
  assert.match(out, /\nparts\/copeland +a \(\+2 tied\) +yes/);
  assert.match(out, /\nboundary\/instruction +playful-shadow-self +yes +none below best +no\n/);
  // Experiments' key numbers wrap under their column.
  assert.match(out, /\nmeta-preferences +2 fixed points from 400 starts/);
});

test('the HTML report opens with what the run shows and says whose beliefs its welfare is under', async () => {
  const dir = tempFiles({});
  await runOutput(['scenarios/holiday.yaml', 'scenarios/productivity.yaml', '--report', dir]);
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const first = html.indexOf('<h2');
  assert.match(html.slice(first, first + 200), /What this run shows/);
  assert.match(html, /Definitions\. Gap: the reflexivity gap/);
  assert.match(
    html,
    /H is self-aligned under 7 of 9 readings; not under parts\/delegates\{lotteries=true\}, parts\/idealized/,
  );
  assert.match(html, /the approval agent gains 0\.519 approval/);
  assert.match(html, /Welfare by each part’s own beliefs/);
  assert.match(html, /Welfare in the states reached under the true dynamics/);
  // The report keeps tie sets in full.
  assert.doesNotMatch(html, /\+\d+ tied/);
});
