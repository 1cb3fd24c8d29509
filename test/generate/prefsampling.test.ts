/**
 * Statistics of the generators next to prefsampling's on the same models and parameters (the
 * fixture records prefsampling's figures and how they were measured). Samples differ (another
 * random generator); the means agree within sampling error.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Random } from '../../src/core/random.js';
import { getGenerator } from '../../src/generate/registry.js';

interface Model {
  generator: string;
  candidates: number;
  options: Record<string, number | string | number[]>;
  prefsampling: number[];
}
const fx = JSON.parse(
  readFileSync(new URL('fixtures/prefsampling-statistics.json', import.meta.url), 'utf8'),
) as {
  ordinal: { models: Record<string, Model> };
  approval: { models: Record<string, Model> };
};
const K = 4000;

function swaps(a: number[], b: number[]): number {
  const pos = new Map(b.map((c, i) => [c, i]));
  let d = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = i + 1; j < a.length; j++) if ((pos.get(a[i]) as number) > (pos.get(a[j]) as number)) d++;
  return d;
}

test('ordinal cultures: swap distances, first places and unanimity as prefsampling measures them', () => {
  for (const [name, x] of Object.entries(fx.ordinal.models)) {
    const g = getGenerator(x.generator);
    const m = x.candidates;
    const s = [0, 0, 0, 0];
    for (let k = 0; k < K; k++) {
      const p = g.generate(new Random([99, k]), m, 3, x.options);
      const v = [0, 1, 2].map((b) => {
        const o = new Array<number>(m);
        for (let c = 0; c < m; c++) o[p.levels[b * m + c]] = c;
        return o;
      });
      s[0] += swaps(v[0], v[1]);
      s[1] += swaps(v[1], v[2]);
      if (v[0][0] === 0) s[2]++;
      if (v[0].join() === v[1].join() && v[1].join() === v[2].join()) s[3]++;
    }
    const mine = s.map((t) => t / K);
    // means of swap distances (sd ≤ 2.1): 0.2 is over 4 combined standard errors; shares: 0.035
    const tolerance = [0.2, 0.2, 0.035, 0.01];
    for (let i = 0; i < 4; i++)
      assert.ok(
        Math.abs(mine[i] - x.prefsampling[i]) <= tolerance[i],
        `${name} statistic ${i}: ${mine[i]} vs ${x.prefsampling[i]}`,
      );
  }
});

test('approval models: ballot sizes and distances as prefsampling measures them', () => {
  for (const [name, x] of Object.entries(fx.approval.models)) {
    const g = getGenerator(x.generator);
    const m = x.candidates;
    let size = 0;
    let ham = 0;
    for (let k = 0; k < K; k++) {
      const sc = g.generate(new Random([98, k]), m, 3, x.options).scores as Float64Array;
      for (let c = 0; c < m; c++) {
        size += sc[c];
        if (sc[m + c] !== sc[2 * m + c]) ham++;
      }
    }
    assert.ok(
      Math.abs(size / K - x.prefsampling[0]) <= 0.12,
      `${name} size: ${size / K} vs ${x.prefsampling[0]}`,
    );
    assert.ok(
      Math.abs(ham / K - x.prefsampling[1]) <= 0.15,
      `${name} distance: ${ham / K} vs ${x.prefsampling[1]}`,
    );
  }
});
