/**
 * Claims about what is aggregated, computed from the run: beliefs apart from values (Mongin's
 * ex-ante / ex-post Pareto, spurious unanimity) in one-shot scenarios, and whole policies rather
 * than each step's choice in sequential ones (policy aggregation).
 */
import type { SequentialResult } from '../run/sequential.js';
import type { ClaimCheck } from './claims.js';
import type { ScenarioRun } from './scenario-report.js';
import { fmt, names, plural, scenarios } from './words.js';

/**
 * Where the parts' beliefs differ, a target can be Pareto-optimal by their own beliefs and not by
 * any one belief for all, or the reverse: no reading keeps both (Mongin 1995). Tested by scenarios
 * whose readings were judged both ways and differ somewhere, or that have a spurious unanimity.
 */
function beliefsApartFromValues(runs: readonly ScenarioRun[]): ClaimCheck | null {
  const tested = runs.flatMap(({ result: r }) => {
    const judged = r.alignments.filter((a) => !a.error && a.pareto_ex_ante !== undefined);
    const split = judged.filter((a) => a.pareto_ex_ante !== a.pareto_ex_post);
    const spurious = r.actions.filter((x) => r.metrics[x].spurious_unanimity);
    return split.length > 0 || spurious.length > 0 ? [{ r, judged, split, spurious }] : [];
  });
  if (tested.length === 0) return null;
  const verdicts = tested.map(({ r, judged, split, spurious }) => {
    const anteOnly = split.filter((a) => a.pareto_ex_ante).map((a) => a.label);
    const postOnly = split.filter((a) => a.pareto_ex_post).map((a) => a.label);
    const parts = [
      anteOnly.length > 0
        ? `${plural(anteOnly.length, 'reading')} of ${judged.length} Pareto-optimal ex ante only (${names(anteOnly)})`
        : '',
      postOnly.length > 0 ? `ex post only: ${names(postOnly)}` : '',
      spurious.length > 0
        ? `spurious unanimity on ${names(spurious)} (every part prefers it by its own beliefs, which the pool of their beliefs does not)`
        : '',
    ].filter((x) => x !== '');
    return `${r.scenario}: ${parts.join('; ')}`;
  });
  return {
    claim:
      'Aggregating beliefs apart from values: a choice efficient by the parts’ own beliefs (ex ante) is not efficient under one belief for all (ex post), and parts can agree only because they disagree about the world.',
    testedBy: `Pareto ex ante and ex post of every reading’s target in ${scenarios(tested.map((t) => t.r.scenario))}`,
    verdict: verdicts.join('; '),
  };
}

/**
 * With the parts ranking whole policies (policy/* agents), the chosen policy's standing with each
 * part — the share of all policies that part ranks below it — depends on the rule; the per-step
 * Σ (parts/original) maximizes the weighted total instead.
 */
function wholePolicies(seq: readonly SequentialResult[]): ClaimCheck | null {
  const tested = seq.filter((r) => r.alignments.some((a) => a.policy && !a.error));
  if (tested.length === 0) return null;
  const verdicts = tested.map((r) => {
    // A part's level: the share of all policies it ranks below the chosen one (1 = its best).
    const rules = r.alignments.filter((a) => a.policy && !a.error);
    const worst = rules.map((a) => {
      const levels = Object.entries(a.policy?.level ?? {});
      const low = Math.min(...levels.map(([, v]) => v));
      const who = levels.filter(([, v]) => v === low).map(([p]) => p);
      return { a, low, who };
    });
    const fairest = worst.reduce((b, w) => (w.low > b.low ? w : b));
    const perStep = r.alignments.find((a) => a.id === 'parts/original' && a.expected);
    const total = (x: { expected?: { original_welfare: number } }) =>
      fmt(x.expected?.original_welfare ?? Number.NaN);
    const lines = worst.map(
      ({ a, low, who }) =>
        `${a.label} leaves ${names(who)} worst-off at level ${fmt(low)} (Σ total ${total(a)})`,
    );
    const most = Math.max(...rules.map((a) => a.expected?.original_welfare ?? Number.NEGATIVE_INFINITY));
    const step = perStep?.expected
      ? `; per-step Σ (parts/original) collects ${perStep.expected.original_welfare >= most - 1e-9 ? 'more of the weighted total than any of them' : 'less of the weighted total than the best of them'}, ${total(perStep)}`
      : '';
    return `${r.scenario}: ${lines.join('; ')}; the highest floor is ${fairest.a.label}’s (${fmt(fairest.low)})${step}`;
  });
  return {
    claim:
      'What is aggregated matters: when the parts rank whole policies by their own returns, the rule decides which part is left worst-off, where Σ step by step serves the weighted total.',
    testedBy: `the policy/ agents in ${scenarios(tested.map((r) => r.scenario))}`,
    verdict: verdicts.join('; '),
  };
}

export function aggregationClaims(
  oneShot: readonly ScenarioRun[],
  sequential: readonly SequentialResult[],
): ClaimCheck[] {
  return [beliefsApartFromValues(oneShot), wholePolicies(sequential)].filter(
    (c): c is ClaimCheck => c !== null,
  );
}
