/** Every file under scenarios/: it loads, every reading it names runs, and it says what it models. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';
import { scenarioFiles, text } from './helpers.js';

const files = scenarioFiles();

test('the built-in scenarios are the essay’s', () => {
  assert.deepEqual(files, [
    'committee-cycle.yaml',
    'hidden-context.yaml',
    'holiday.yaml',
    'idealization-orders.yaml',
    'market-computation.yaml',
    'meta-fixed-points.yaml',
    'planner-reward-a.yaml',
    'planner-reward-b.yaml',
    'spurious-unanimity.yaml',
    'sydney-company.yaml',
    'sydney-instructions.yaml',
    'sydney-reporter.yaml',
    'sydney.yaml',
    'unbounding-rates.yaml',
  ]);
});

for (const file of files) {
  test(`scenarios/${file}: loads, names itself after its file, quotes the essay, and every reading runs`, () => {
    const name = file.replace(/\.ya?ml$/, '');
    const s = parseScenario(text(name), `scenarios/${file}`);
    assert.equal(s.name, name);
    assert.ok(s.title.length > 0 && s.title !== s.name);
    assert.ok(s.description.length > 50);
    assert.ok(s.essay.includes('"'), 'the essay field quotes the essay');
    const r = evaluate(s);
    for (const a of r.alignments) {
      assert.equal(a.error, undefined, `${a.id}: ${a.error}`);
      assert.ok(a.reflexivity_gap! >= 0 && a.reflexivity_gap! <= 1, a.id);
    }
    assert.ok(r.accepted_by_some >= 1);
    // Deterministic: a second run gives the same numbers.
    assert.deepEqual(evaluate(s), r);
  });
}
