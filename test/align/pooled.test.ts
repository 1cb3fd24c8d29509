import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildContext } from '../../src/align/context.js';
import { getOperationalization } from '../../src/align/registry.js';
import { pooledWorld } from '../../src/align/readings/pooled.js';
import { parseScenario } from '../../src/scenario/index.js';
import { scenario } from './helpers.js';

test('parts/pooled on spurious unanimity: the bet every part wants is not supported by any pool of their beliefs', () => {
  const s = parseScenario(
    readFileSync('scenarios/spurious-unanimity.yaml', 'utf8'),
    'spurious-unanimity.yaml',
  );
  const ctx = buildContext(s);
  for (const pooling of ['linear', 'geometric']) {
    const r = getOperationalization('parts/pooled').read(ctx, { pooling });
    // Pooled at 0.9/0.1 with equal weights, the coin is fair (linear) or fair (geometric, by symmetry):
    // the bet is worth √2/2 < 1 to each part, so the utilitarian choice is no payment.
    assert.equal(r.target.kind === 'action' && ctx.actions[r.target.action], 'no-payment');
    assert.match(
      r.notes.join('\n'),
      /spurious unanimity: every part prefers bet over pay-heads-0\.6; .*bet over no-payment/,
    );
  }
});

test('pooled beliefs, worked by hand: linear and geometric pools of two coins', () => {
  // Two parts weighted 3 : 1 over outcomes x, y with one action each believing P(x) = 0.8 and 0.2.
  const s = scenario({
    outcomes: ['x', 'y'],
    actions: ['a', 'b'],
    world: [
      [0.5, 0.5],
      [0, 1],
    ],
    parts: [
      {
        name: 'p',
        utility: [1, 0],
        weight: 3,
        beliefs: [
          [0.8, 0.2],
          [0, 1],
        ],
      },
      {
        name: 'q',
        utility: [0, 1],
        weight: 1,
        beliefs: [
          [0.2, 0.8],
          [0, 1],
        ],
      },
    ],
  });
  const ctx = buildContext(s);
  const lin = pooledWorld(ctx, 'linear').world.p;
  assert.ok(Math.abs(lin[0] - (0.75 * 0.8 + 0.25 * 0.2)) < 1e-12);
  const geo = pooledWorld(ctx, 'geometric').world.p;
  const gx = 0.8 ** 0.75 * 0.2 ** 0.25;
  const gy = 0.2 ** 0.75 * 0.8 ** 0.25;
  assert.ok(Math.abs(geo[0] - gx / (gx + gy)) < 1e-12);
  // Row b: both parts sure of y, in both pools.
  assert.deepEqual([lin[2], lin[3], geo[2], geo[3]], [0, 1, 0, 1]);
  assert.throws(
    () => getOperationalization('parts/pooled').read(ctx, { pooling: 'mean' }),
    /linear or geometric/,
  );
});
