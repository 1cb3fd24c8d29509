/**
 * `sulab run`'s output, run in-process (console.log captured): the JSON's additive fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/run.js';

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
