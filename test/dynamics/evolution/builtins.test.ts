import assert from 'node:assert/strict';
import { test } from 'node:test';
import { careerEvolution } from '../../../src/dynamics/evolution/index.js';
import { metaPreferenceExample } from '../../../src/dynamics/meta/index.js';
import { assertClose } from './helpers.js';

const round = (xs: readonly number[], d = 3) => xs.map((x) => Number(x.toFixed(d)));

test('career: the numbers the built-in documents', () => {
  const r = careerEvolution();
  assert.equal(r.years, 25);
  assert.equal(r.records.length, 25);
  assert.deepEqual(r.choices, [...new Array(19).fill('startup'), ...new Array(6).fill('research')]);
  // After year 18 the three parts value the startup alike; ambition carries the weight.
  assertClose(
    [0, 1, 2].map((i) => r.records[18].utilities[i * 3 + 1]),
    [0.564, 0.564, 0.564],
    5e-4,
  );
  assert.deepEqual(round(Array.from(r.records[18].weights)), [0.186, 0.628, 0.186]);
  assert.deepEqual(r.originalRanking, [['startup'], ['research'], ['teaching']]);
  assert.deepEqual(r.evolvedRanking, [['research'], ['startup'], ['teaching']]);
  assert.deepEqual(r.againstOriginal, [19, 20, 21, 22, 23, 24]);
  assert.deepEqual(r.endorsedAgainstOriginal, r.againstOriginal);
  const care = r.parts[2];
  assert.equal(care.name, 'care');
  assert.deepEqual(care.original, [0.4, 0.2, 1]);
  assert.deepEqual(round(care.evolved), [0.763, 0.679, 1]);
  assert.deepEqual(round([care.meanWelfareOriginal, care.meanWelfareCurrent]), [0.06, 0.371]);
  assert.deepEqual(round(r.parts.map((p) => p.evolvedWeight)), [0.215, 0.625, 0.16]);
  assert.deepEqual(round([r.parts[0].meanWelfareOriginal, r.parts[0].meanWelfareCurrent]), [0.566, 0.668]);
  assert.deepEqual(round([r.parts[1].meanWelfareOriginal, r.parts[1].meanWelfareCurrent]), [0.88, 0.998]);
  assert.equal(r.limit.kind, 'cycle');
  assert.equal(r.limit.period, 2);
  assert.equal(r.limit.steps, 422);
  assert.deepEqual([...r.limit.orbit].sort(), ['research', 'startup']);
  assert.equal(r.limit.stillChooses, true);
  assert.ok(r.limit.weights[2] < 1e-6);
});

test('career: every overruled part comes to value the paths taken more than it did', () => {
  const r = careerEvolution();
  for (const name of ['curiosity', 'care']) {
    const p = r.parts.find((x) => x.name === name)!;
    for (const path of ['research', 'startup']) {
      const k = r.paths.indexOf(path);
      if (p.original[k] < Math.max(...p.original)) assert.ok(p.evolved[k] > p.original[k], `${name} ${path}`);
    }
    assert.ok(p.meanWelfareCurrent > p.meanWelfareOriginal);
  }
  // The evolved H approves the last years' path fully; the original H would not have chosen it.
  assert.deepEqual(r.evolvedApprovalOfPast.slice(19), [1, 1, 1, 1, 1, 1]);
  assert.deepEqual(r.originalApprovalOfPast.slice(19), [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
});

test('career: the seed and the years are options; the data is plain', () => {
  const short = careerEvolution({ years: 3 });
  assert.deepEqual(short.choices, ['startup', 'startup', 'startup']);
  assert.deepEqual(short.againstOriginal, []);
  const again = careerEvolution({ years: 3 });
  assert.deepEqual(again, short);
  const json = JSON.parse(JSON.stringify({ ...short, records: undefined }));
  assert.equal(json.paths.length, 3);
});

test('meta-preference example: two fixed points with their basins', () => {
  const r = metaPreferenceExample();
  assert.equal(r.starts, 400);
  assert.equal(r.unconverged, 0);
  assert.equal(r.cycles, 0);
  assert.equal(r.meta.count, 66);
  assert.deepEqual(
    r.fixedPoints.map((f) => [round(f.weights, 6), f.count, f.frequency]),
    [
      [[0.6, 0.1, 0.3], 316, 0.79],
      [[0.2, 0.7, 0.1], 84, 0.21],
    ],
  );
  assert.deepEqual(
    r.selfEndorsing.map((s) => round(s.weights, 6)),
    [
      [0.6, 0.1, 0.3],
      [0.2, 0.7, 0.1],
    ],
  );
  assert.ok(r.selfEndorsing.every((s) => s.strict && s.fixed));
});
