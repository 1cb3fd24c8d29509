/**
 * scenarios/meta-fixed-points.yaml: the numbers docs/scenarios.md quotes. Three stable equilibria
 * of the weights, H doing something else at each, and the select rule deciding which is H's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { iterateMeta } from '../../src/align/idealize/meta-dynamics.js';
import { metaEndorsed, metaFromDeclared } from '../../src/align/idealize/meta-preferences.js';
import { mechanismLines } from '../../src/report/mechanisms-report.js';
import { load, reading, run } from './helpers.js';

interface Fp {
  weights: number[];
  basin: number;
  stable: boolean;
  choice: string[];
}

test('three stable fixed points, each a target of one part, with H choosing differently at each', () => {
  const r = run('meta-fixed-points');
  const a = reading(r, 'meta/equilibrium');
  const d = a.details as { fixed_points: Fp[]; selected: number; cycles: unknown[]; unconverged: number };
  assert.deepEqual(
    d.fixed_points.map((f) => [f.weights.map((x) => Number(x.toFixed(2))), f.stable, f.choice]),
    [
      [[0.2, 0.1, 0.7], true, ['hike']],
      [[0.3, 0.6, 0.1], true, ['inbox-zero']],
      [[0.6, 0.2, 0.2], true, ['thesis-chapter']],
    ],
  );
  assert.deepEqual(
    d.fixed_points.map((f) => f.basin),
    [0.365, 0.33, 0.305],
  );
  assert.equal(d.cycles.length, 0);
  assert.equal(d.unconverged, 0);
  // largest-basin picks the playful self; nearest H's current weights (0.35, 0.4, 0.25), the anxious one.
  assert.equal(a.target, 'hike');
  const near = r.alignments.find((x) => x.label === 'meta/equilibrium{select=nearest}');
  assert.equal(near?.target, 'inbox-zero');
  assert.equal(r.behaviour, 'inbox-zero');
});

test('each fixed point satisfies the fixed-point equation under H’s own Σ', () => {
  const s = load('meta-fixed-points');
  const m = metaFromDeclared(s.meta!, s.principal.sigma);
  const d = reading(run('meta-fixed-points'), 'meta/equilibrium').details as { fixed_points: Fp[] };
  for (const f of d.fixed_points) assert.deepEqual(Array.from(metaEndorsed(m, f.weights).target), f.weights);
});

test('reflective lands where the dynamics from H’s current weights land', () => {
  const s = load('meta-fixed-points');
  const m = metaFromDeclared(s.meta!, s.principal.sigma);
  const end = iterateMeta(m, s.principal.state.weights, { rate: s.meta!.rate });
  assert.equal(end.kind, 'fixed');
  // From (0.35, 0.4, 0.25) the anxious part's target wins: H clears its inbox.
  assert.deepEqual(
    Array.from(end.weights, (x) => Number(x.toFixed(6))),
    [0.3, 0.6, 0.1],
  );
  const r = run('meta-fixed-points');
  assert.equal(r.alignments.find((x) => x.id === 'parts/idealized')?.target, 'inbox-zero');
});

test('the terminal line states the finding', () => {
  const lines = mechanismLines(run('meta-fixed-points'));
  assert.equal(
    lines[0],
    'meta/equilibrium: 3 fixed points of the weights (3 stable; basins 37%, 33%, 31%); H would choose 3 different things at them; largest-basin picks the one where H chooses hike',
  );
});
