/**
 * `sulab run`'s output, run in-process (console.log captured): the JSON's additive fields, and
 * options a scenario file gives its readings.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/run.js';
import { tempFiles } from './helpers.js';

/** What `sulab run ARGS` prints on stdout. */
async function runOutput(args: string[]): Promise<string> {
  const out: string[] = [];
  const log = console.log;
  console.log = (...xs: unknown[]) => void out.push(xs.join(' '));
  try {
    await main(args);
  } finally {
    console.log = log;
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
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
