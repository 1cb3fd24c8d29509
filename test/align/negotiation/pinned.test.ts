/**
 * The protocols and the parts/delegates reading give what the step-by-step solvers gave (pinned/,
 * see pinned.ts): the same agreements (actions with their ties, lotteries to 1e-9), utilities,
 * plans, limits and convergence, and the same reading targets, scores and notes, on seeded random
 * problems under every option and on the built-in scenarios.
 */
import { test } from 'node:test';
import { buildContext } from '../../../src/align/context.js';
import { negotiate } from '../../../src/align/negotiation/index.js';
import { getOperationalization } from '../../../src/align/registry.js';
import { load } from '../../scenarios/helpers.js';
import { assertSame, attempt, loadPinned, summarize, summarizeReading, toProblem } from './pinned.js';

const { lines, readings } = loadPinned();

for (const protocol of ['alternating-offers', 'nash-demand', 'voting'] as const)
  test(`${protocol}: the pinned results on random problems`, () => {
    for (const { k, problem, cases } of lines)
      for (const c of cases.filter((x) => x.protocol === protocol)) {
        const got = attempt(() => summarize(negotiate(toProblem(problem), protocol, c.options)));
        // A limit's horizon may move by one turn (L rounds, the length of its offers).
        const turn = 'offers' in c.result && 'limit' in c.result ? c.result.offers.length : 0;
        assertSame(got, c.result, `problem ${k} ${JSON.stringify(c.options)}`, 1e-9, turn);
      }
  });

test('parts/delegates: the pinned targets and scores on the built-in scenarios', () => {
  const delegates = getOperationalization('parts/delegates');
  const contexts = new Map<string, ReturnType<typeof buildContext>>();
  for (const r of readings) {
    if (!contexts.has(r.scenario)) contexts.set(r.scenario, buildContext(load(r.scenario)));
    const got = attempt(() => summarizeReading(delegates.read(contexts.get(r.scenario)!, r.options)));
    assertSame(got, r.result, `${r.scenario} ${JSON.stringify(r.options)}`);
  }
});
