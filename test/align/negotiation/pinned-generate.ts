/**
 * Writes pinned/ (see pinned.ts): run from the repository root with
 *
 *   npx tsx test/align/negotiation/pinned-generate.ts
 *
 * It records what the code gives now, so it is run only to pin a reference before a change that
 * must not change results, never to make pinned.test.ts pass.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContext } from '../../../src/align/context.js';
import { negotiate } from '../../../src/align/negotiation/index.js';
import { getOperationalization } from '../../../src/align/registry.js';
import { load, scenarioFiles } from '../../scenarios/helpers.js';
import {
  attempt,
  demandSets,
  optionSets,
  PROBLEMS,
  type PinnedCase,
  type PinnedLine,
  type PinnedReading,
  pinnedDir,
  randomProblem,
  readingSets,
  SHARD,
  summarize,
  summarizeReading,
  toProblem,
  votingSets,
} from './pinned.js';

const jsonl = (xs: readonly unknown[]) => `${xs.map((x) => JSON.stringify(x)).join('\n')}\n`;
mkdirSync(pinnedDir, { recursive: true });

const lines: PinnedLine[] = [];
for (let k = 0; k < PROBLEMS; k++) {
  const p = randomProblem(k);
  const problem = toProblem(p);
  const cases: PinnedCase[] = [];
  const add = (protocol: PinnedCase['protocol'], options: PinnedCase['options']) =>
    cases.push({
      protocol,
      options,
      result: attempt(() => summarize(negotiate(problem, protocol, options))),
    });
  for (const o of optionSets(k, p)) add('alternating-offers', o);
  for (const o of demandSets(k, p)) add('nash-demand', o);
  for (const o of votingSets) add('voting', o);
  lines.push({ k, problem: p, cases });
  if ((k + 1) % SHARD === 0 || k + 1 === PROBLEMS) {
    writeFileSync(join(pinnedDir, `problems-${Math.floor(k / SHARD)}.jsonl`), jsonl(lines));
    lines.length = 0;
    console.error(`${k + 1} problems`);
  }
}

const delegates = getOperationalization('parts/delegates');
const readings: PinnedReading[] = [];
for (const file of scenarioFiles()) {
  const scenario = file.replace(/\.ya?ml$/, '');
  const ctx = buildContext(load(scenario));
  for (const options of readingSets)
    readings.push({
      scenario,
      options,
      result: attempt(() => summarizeReading(delegates.read(ctx, options))),
    });
}
writeFileSync(join(pinnedDir, 'readings.jsonl'), jsonl(readings));
