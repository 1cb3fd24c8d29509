import assert from 'node:assert/strict';
import { test } from 'node:test';
import { careerEvolution } from '../../src/dynamics/evolution/index.js';
import { getExperiment } from '../../src/experiment/registry.js';
import { runCareerEvolution } from '../../src/experiment/career-evolution.js';

const round = (xs: readonly number[], d = 3) => xs.map((x) => Number(x.toFixed(d)));
const r = runCareerEvolution(1);

test('career-evolution: choices by year and the two Σ rankings', () => {
  assert.equal(r.experiment, 'career-evolution');
  assert.deepEqual(r.paths, ['research', 'startup', 'teaching']);
  assert.deepEqual(r.parts, ['curiosity', 'ambition', 'care']);
  assert.equal(r.years, 25);
  assert.deepEqual(r.choices, [...new Array(19).fill('startup'), ...new Array(6).fill('research')]);
  assert.deepEqual(r.choice_runs, ['0–18 startup', '19–24 research']);
  assert.deepEqual(r.original_ranking, [['startup'], ['research'], ['teaching']]);
  assert.deepEqual(r.evolved_ranking, [['research'], ['startup'], ['teaching']]);
  assert.deepEqual(r.against_original, [19, 20, 21, 22, 23, 24]);
  assert.deepEqual(r.endorsed_against_original, r.against_original);
  assert.deepEqual(
    r.by_year.slice(19, 25).map((y) => [y.approval, y.original_approval]),
    new Array(6).fill([1, 0.5]),
  );
});

test('career-evolution: year by year, the Σ scores pick the path taken', () => {
  assert.equal(r.by_year.length, 26);
  // Year 0, by hand: research 0.3·1 + 0.4·0.5 + 0.3·0.4 = 0.62, startup 0.18 + 0.4 + 0.06 = 0.64, teaching 0.39.
  assert.deepEqual(round(Object.values(r.by_year[0].sigma_score)), [0.62, 0.64, 0.39]);
  for (const y of r.by_year.slice(0, 25)) {
    const s = r.paths.map((k) => y.sigma_score[k]);
    assert.equal(y.choice, r.paths[s.indexOf(Math.max(...s))], `year ${y.year}`);
  }
  // The switch: at the start of year 19 research overtakes the startup.
  assert.deepEqual(
    round([r.by_year[19].sigma_score.research, r.by_year[19].sigma_score.startup]),
    [0.574, 0.564],
  );
  assert.deepEqual(round(Object.values(r.by_year[19].weights)), [0.186, 0.628, 0.186]);
  assert.equal(r.by_year[25].choice, null);
  assert.equal(r.by_year[25].welfare_original, null);
});

test('career-evolution: each part’s welfare by original and by current utilities; weights', () => {
  const [curiosity, ambition, care] = r.per_part;
  assert.deepEqual(round([care.mean_welfare_original, care.mean_welfare_current]), [0.06, 0.371]);
  assert.deepEqual(round([curiosity.mean_welfare_original, curiosity.mean_welfare_current]), [0.566, 0.668]);
  assert.deepEqual(round([ambition.mean_welfare_original, ambition.mean_welfare_current]), [0.88, 0.998]);
  assert.deepEqual(care.original, { research: 0.4, startup: 0.2, teaching: 1 });
  assert.deepEqual(round(Object.values(care.evolved)), [0.763, 0.679, 1]);
  assert.deepEqual(round(r.per_part.map((p) => p.evolved_weight)), [0.215, 0.625, 0.16]);
  assert.equal(r.limit.kind, 'cycle');
  assert.equal(r.limit.period, 2);
  assert.equal(r.limit.steps, 422);
  assert.equal(r.limit.still_chooses, true);
  assert.ok(r.limit.weights.care < 1e-6);
});

test('career-evolution: the evolution built-in’s numbers, plain; the seed changes nothing but itself', () => {
  const b = careerEvolution();
  assert.deepEqual(
    r.per_part.map((p) => [p.mean_welfare_original, p.mean_welfare_current, p.evolved_weight, p.drift]),
    b.parts.map((p) => [p.meanWelfareOriginal, p.meanWelfareCurrent, p.evolvedWeight, p.drift]),
  );
  assert.deepEqual(getExperiment('career-evolution').run(1), r);
  assert.deepEqual({ ...runCareerEvolution(9), seed: 1 }, r);
  assert.match(r.summary, /^years 0–18 startup, 19–24 research; /);
  assert.match(r.summary, /care’s mean welfare 0\.060 by its original utilities, 0\.371 by its current ones/);
});
