import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingRegistry } from '../../src/align/registry.js';
import { main as methods } from '../../src/cli/methods.js';
import { UserError } from '../../src/core/errors.js';
import { agentRegistry } from '../../src/dynamics/registry.js';
import { rules } from '../../src/sigma/registry.js';
import { inProcess } from './helpers.js';

test('methods --json is the Σ registry; --kind reading and --kind agent list the others', async () => {
  const sigma = JSON.parse(await inProcess(methods, ['--json']));
  assert.deepEqual(
    sigma.map((r: { name: string }) => r.name),
    rules.map((r) => r.name),
  );
  assert.deepEqual(JSON.parse(await inProcess(methods, ['--json', '--kind', 'sigma'])), sigma);
  const readings = JSON.parse(await inProcess(methods, ['--json', '--kind', 'reading']));
  assert.deepEqual(
    readings.map((r: { id: string }) => r.id),
    [...readingRegistry.list(), 'parts/<rule>'],
  );
  const delegates = readings.find((r: { id: string }) => r.id === 'parts/delegates');
  assert.ok(delegates.options.some((o: { name: string }) => o.name === 'protocol'));
  const agents = JSON.parse(await inProcess(methods, ['--json', '--kind', 'agent']));
  assert.deepEqual(
    agents.map((a: { id: string; options: { name: string }[] }) => [a.id, a.options.map((o) => o.name)]),
    agentRegistry.all().map((a) => [a.id, a.options.map((o) => o.name)]),
  );
  assert.deepEqual(agents[2].options[0].name, 'prior');
});

test('methods in the terminal shows the three registries, or the one --kind names', async () => {
  const all = await inProcess(methods, []);
  for (const title of ['Aggregators Σ', 'Readings of "A is aligned with H"', 'Agents A'])
    assert.ok(all.includes(title), title);
  assert.match(all, /critch\/nrl {2,}prior/);
  const one = await inProcess(methods, ['--kind', 'Agent']);
  assert.ok(!one.includes('Aggregators'));
  assert.match(one, /^agent +options +description/);
  await assert.rejects(
    inProcess(methods, ['--kind', 'voters']),
    (e: unknown) =>
      e instanceof UserError && e.message === '--kind: expected sigma, reading or agent, got "voters"',
  );
});
