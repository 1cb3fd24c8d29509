import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { main as card } from '../../src/cli/card.js';
import { UserError } from '../../src/core/errors.js';
import { inProcess, tempFiles } from './helpers.js';

const boundary = pathToFileURL(
  join(import.meta.dirname, '..', '..', 'src', 'align', 'readings', 'boundary.ts'),
).href;

test('sulab card: a plugin first; the card of a built-in reading under another name is that reading’s row; a throwing plugin is reported and the rest go on', async () => {
  const dir = tempFiles({
    'same.mjs': `import { boundaryInstruction } from ${JSON.stringify(boundary)};
export default { ...boundaryInstruction, id: 'mine/instruction', title: 'Mine: what H would do' };
`,
    'throws.mjs': `export default { id: 'mine/throws', title: 'Mine: throws', read() { throw new Error('boom'); } };
`,
  });
  const out = JSON.parse(
    await inProcess(card, [
      '--plugin',
      join(dir, 'same.mjs'),
      '--plugin',
      join(dir, 'throws.mjs'),
      '--reading',
      'mine/instruction,mine/throws,boundary/instruction',
      '--budget',
      '3',
      '--json',
    ]),
  );
  assert.deepEqual(Object.keys(out.battery), ['version', 'seed', 'principals']);
  assert.ok(out.battery.principals > 20);
  const [mine, throws, builtin] = out.rows;
  assert.equal(mine.reading, 'mine/instruction');
  assert.deepEqual({ ...mine, reading: 'boundary/instruction' }, builtin);
  for (const k of [
    'reflexivity_rate',
    'worst_off_welfare',
    'override_rate',
    'pareto_violation_rate',
    'majority_consistency_rate',
    'manipulation_gain',
    'distortion',
  ])
    assert.equal(typeof builtin[k], 'number', k);
  // B(H) is H aligned with itself, never overriding it.
  assert.equal(builtin.reflexivity_rate, 1);
  assert.equal(builtin.override_rate, 0);
  assert.ok(builtin.distortion >= 1);
  assert.equal(throws.reading, 'mine/throws');
  assert.match(throws.error, /boom/);
  assert.equal(throws.reflexivity_rate, null);
});

test('sulab card: an unknown reading or a zero budget is a usage error', async () => {
  await assert.rejects(
    inProcess(card, ['--reading', 'boundary/instructon']),
    (e: unknown) => e instanceof UserError && /did you mean/.test(e.message),
  );
  await assert.rejects(
    inProcess(card, ['--budget', '0']),
    (e: unknown) => e instanceof UserError && e.where === '--budget',
  );
});
