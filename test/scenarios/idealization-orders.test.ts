/**
 * scenarios/idealization-orders.yaml: the same idealization operators in two orders pick two
 * different savings plans (docs/scenarios.md#idealization-orders).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { parseScenario } from '../../src/scenario/index.js';
import { sulab, tempFiles } from '../cli/helpers.js';
import type { AlignmentResult, ScenarioResult } from '../../src/run/one-shot.js';
import { load, run, text } from './helpers.js';

const NAME = 'idealization-orders';
const COHERE_FIRST = 'parts/idealized{operators=coherent, informed, unbounded}';
const LEARN_FIRST = 'parts/idealized{operators=informed, unbounded, coherent}';
const DELIBERATE = 'parts/idealized{operators=informed:0.5, deliberated:6}';

/** The reading labelled `label` (id with its options); fails if it is missing or errored. */
function reading(r: ScenarioResult, label: string): AlignmentResult {
  const a = r.alignments.find((x) => x.label === label);
  assert.ok(a, `no reading ${label}`);
  assert.equal(a.error, undefined, `${label}: ${a.error}`);
  return a;
}

test('idealization-orders: H splits the bonus; cohere-then-inform splits, inform-then-cohere buys the fund', () => {
  const r = run(NAME);
  // Own beliefs, weights 0.4 / 0.6: spend 0.4, split 0.24 + 0.27 = 0.51, bonds 0.12 + 0.36 = 0.48,
  // fund 0.4·0.24 + 0.6·0.4 = 0.336 → split.
  assert.equal(r.behaviour, 'split');
  assert.equal(reading(r, 'parts/nash-bargaining').target, 'split');
  assert.equal(reading(r, 'parts/idealized').target, 'buy-index-fund');
  assert.equal(reading(r, COHERE_FIRST).target, 'split');
  assert.equal(reading(r, COHERE_FIRST).self_aligned, true);
  assert.equal(reading(r, LEARN_FIRST).target, 'buy-index-fund');
  assert.equal(reading(r, LEARN_FIRST).self_aligned, false);
  // Coherence first rules the fund out (bonds dominate it under H's beliefs): its score is 0.
  assert.equal(reading(r, COHERE_FIRST).scores!['buy-index-fund'], 0);
  // Learning first rules bonds out (the fund dominates them in truth).
  assert.equal(reading(r, LEARN_FIRST).scores!['buy-bonds'], 0);
});

test('idealization-orders: the notes count the disagreeing orders and say where levels flip', () => {
  const r = run(NAME);
  const notes = (label: string) => reading(r, label).notes ?? [];
  // Of the 6 orders of {coherent, informed, unbounded}, the 3 with coherent before informed split.
  for (const label of [COHERE_FIRST, LEARN_FIRST])
    assert.ok(
      notes(label).some((n) => /^orders: 3 of 6 orders/.test(n)),
      label,
    );
  assert.ok(
    notes('parts/idealized').includes('informed 0 → 1: split at 0, buy-index-fund from 0.7 (flips at 0.7)'),
  );
  assert.ok(notes(COHERE_FIRST).includes('informed 0 → 1: split throughout'));
  // Half informed, the parts split; four rounds of deliberation bring their values close enough.
  assert.equal(reading(r, DELIBERATE).target, 'buy-index-fund');
  assert.ok(notes(DELIBERATE).includes('deliberated 0 → 6: split at 0, buy-index-fund from 4 (flips at 4)'));
  // informed and deliberated commute (both affine in the beliefs): the orders agree.
  assert.ok(notes(DELIBERATE).includes('orders: all 2 orders of these operators pick the same target'));
});

const broken = (from: string, to: string) => text(NAME).replace(from, to);

test('idealization-orders: an unknown operator or a bad level is one line naming the file, line and option', () => {
  const cases: [string, RegExp][] = [
    [
      'coherent, infromed, unbounded',
      /^scenarios\/idealization-orders\.yaml:\d+: alignments\[4\]\.options\.operators: unknown idealization operator "infromed"; did you mean informed\? \(option operators of parts\/idealized\)$/,
    ],
    [
      'informed:2, unbounded, coherent',
      /^scenarios\/idealization-orders\.yaml:\d+: alignments\[5\]\.options\.operators: informed: expected a level in \[0, 1\], got "2"/,
    ],
  ];
  const line = (from: string) =>
    text(NAME)
      .split('\n')
      .findIndex((l) => l.includes(from)) + 1;
  for (const [to, message] of cases) {
    const from = to.startsWith('coherent')
      ? 'coherent, informed, unbounded'
      : 'informed, unbounded, coherent';
    assert.throws(
      () => parseScenario(broken(from, to), `scenarios/${NAME}.yaml`),
      (e: unknown) =>
        e instanceof UserError &&
        message.test(e.message) &&
        e.message.includes(`.yaml:${line(from)}:`) &&
        !e.message.includes('\n'),
      to,
    );
  }
  // A level that is not a string at all is the option's type error.
  assert.throws(
    () => parseScenario(broken('"informed:0.5, deliberated:6"', '3'), `scenarios/${NAME}.yaml`),
    /alignments\[6\]\.options\.operators: expected a string \(option operators of parts\/idealized\), got 3/,
  );
  assert.equal(load(NAME).name, NAME);
});

test('sulab run: the scenario runs, and a bad level exits 2 with one line', () => {
  const ok = sulab(['run', join('scenarios', `${NAME}.yaml`), '--no-report']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /buy-index-fund/);
  const dir = tempFiles({ 'bad.yaml': broken('deliberated:6', 'deliberated:-1') });
  const bad = sulab(['run', join(dir, 'bad.yaml'), '--no-report']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(
    bad.stderr,
    /bad\.yaml:\d+: alignments\[6\]\.options\.operators: deliberated: expected a whole number of rounds/,
  );
});
