import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  EXPERIMENTS,
  type ExperimentResult,
  experimentNames,
  getExperiment,
} from '../../src/experiment/registry.js';
import { experimentSummaryTable, experimentsSection } from '../../src/report/experiments-report.js';
import { renderHtmlReport } from '../../src/report/html.js';

// Every experiment once, shared by the tests below.
const results: ExperimentResult[] = EXPERIMENTS.map((e) => e.run(1));

test('the registry: kebab-case names, each with a title, a description and the essay quoted', () => {
  assert.deepEqual(experimentNames(), [
    'bounded-compute',
    'career-evolution',
    'meta-preferences',
    'learners',
    'whole-irl',
  ]);
  for (const e of EXPERIMENTS) {
    assert.match(e.name, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(e.title.length > 0 && e.description.length > 100, e.name);
    assert.match(e.essay, /“.+”/, e.name);
    assert.equal(getExperiment(e.name), e);
  }
  // The bounded-compute description is honest about the rules under which the weights do not flow.
  const bounded = getExperiment('bounded-compute').description;
  assert.match(bounded, /fixed split/);
  assert.match(bounded, /best-respond/);
});

test('an unknown experiment is a UserError naming the closest experiment, or every one', () => {
  assert.throws(
    () => getExperiment('bounded-computer', '--experiment'),
    (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.equal(
        e.message,
        '--experiment: unknown experiment "bounded-computer"; did you mean bounded-compute?',
      );
      return true;
    },
  );
});

test('results are plain JSON with the experiment envelope', () => {
  results.forEach((r, i) => {
    assert.equal(r.kind, 'experiment');
    assert.equal(r.experiment, EXPERIMENTS[i].name);
    assert.equal(r.title, EXPERIMENTS[i].title);
    assert.equal(r.seed, 1);
    assert.ok(r.summary.length > 0 && !r.summary.includes('\n'));
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r, r.experiment);
  });
});

test('the report: a section per experiment with its tables and plots; the terminal block', async () => {
  const section = await experimentsSection(results.map((result, i) => ({ result, text: EXPERIMENTS[i] })));
  assert.equal(section.id, 'experiments');
  assert.deepEqual(
    section.sections?.map((s) => s.id),
    [
      'experiment-bounded-compute',
      'experiment-career-evolution',
      'experiment-meta-preferences',
      'experiment-learners',
      'experiment-whole-irl',
    ],
  );
  const figures = section.sections?.map((s) => s.figures?.length);
  assert.deepEqual(figures, [2, 1, 2, 2, 1]);
  for (const s of section.sections ?? []) {
    assert.ok((s.tables?.length ?? 0) >= 1, s.id);
    for (const f of s.figures ?? []) assert.match(f.svg, /^<svg/);
    assert.match(s.paragraphs?.[1] ?? '', /^The essay: .*“/);
  }
  const html = renderHtmlReport({ title: 'sulab', meta: { version: 'test' }, sections: [section] });
  assert.match(html, /Built-in experiments/);
  assert.match(html, /conscience’s ideal/);
  assert.doesNotMatch(html, /<script/);
  const block = experimentSummaryTable(results).split('\n');
  assert.equal(block.length, 2 + results.length);
  assert.match(block[2], /^bounded-compute +precision split: /);
});
