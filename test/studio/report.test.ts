/**
 * The studio's report download: the same report code as `sulab run --report`, for one-shot and
 * sequential scenarios alike — self-contained (plots as SVG, no scripts). The one-shot report is
 * checked through the server (server.test.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAnyScenario } from '../../src/scenario/index.js';
import { studioReport } from '../../src/studio/report.js';

const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

test("a sequential scenario's report is the sequential report section, with its trajectories as SVG", async () => {
  const text = readFileSync(join(scenarios, 'coin-bet.yaml'), 'utf8');
  const html = await studioReport(text, 'coin-bet.yaml', '9.9.9');
  const s = parseAnyScenario(text, 'coin-bet.yaml');
  assert.equal(s.kind, 'sequential');
  // What report/sequential-report.ts writes for it: the agents' table and each agent's trajectories.
  assert.ok(html.includes(`id="${s.name}"`));
  assert.match(html, new RegExp(`Agents over ${s.env.horizon} steps`));
  assert.match(html, /time series of weights, approval and drift for /);
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /<svg/);
  assert.match(html, /9\.9\.9/);
  assert.doesNotMatch(html, /<script/i);
  // No summary of readings: a sequential scenario has none.
  assert.doesNotMatch(html, /id="summary"/);
});
