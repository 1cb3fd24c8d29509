/**
 * "What this run shows": the essay's claims that the run's scenarios and experiments test, what
 * in the run tests each, and the verdict computed from the run's results — never fixed text. A
 * claim is listed only when the run holds something that tests it (a scenario with the readings or
 * agents it needs, or its experiment), so a user's own scenarios get the claims they can speak to.
 * Also the definitions of the terms the tables use, shared by the terminal and the HTML report.
 */
import type { ExperimentResult } from '../experiment/registry.js';
import type { AlignmentResult, ScenarioResult } from '../run/one-shot.js';
import type { AgentRun, SequentialResult } from '../run/sequential.js';
import type { ReportSection } from './html.js';
import { learnersClaim } from './learners-report.js';
import { mechanismClaims } from './sequential-mechanisms-report.js';
import { wholeIrlAgentClaim, wholeIrlClaim } from './whole-irl-report.js';
import { decisionText, overridesBehaviour, type ScenarioRun } from './scenario-report.js';
import { aggregationClaims } from './claims-aggregation.js';
import { hangingIndent } from './table.js';
import { fmt, names, plural, scenarios } from './words.js';

export interface ClaimCheck {
  /** The essay's claim, in a sentence. */
  claim: string;
  /** What in this run tests it: scenarios, and the readings or agents. */
  testedBy: string;
  /** What this run's results say. */
  verdict: string;
}

/** The terms of the tables, defined once for the terminal's legend and the report. */
export const DEFINITIONS: readonly (readonly [string, string])[] = [
  [
    'gap',
    'the reflexivity gap, max_d score_f(H, d) − score_f(H, B(H)), with each reading’s scores normalized to [0, 1]; H is self-aligned under f when the gap is at most ε (the scenario’s epsilon).',
  ],
  [
    'overrides B(H)',
    'f’s target is not what H does unaided: an action with none of B(H)’s likeliest actions among its ties, or a lottery with mass off them that is further than ε from B(H) in total variation.',
  ],
  [
    'worst-off',
    'the part with the lowest welfare at f’s target — its utility by its own beliefs, normalized to [0, 1] over the actions; “none below best”: every part gets its best, “none (all equal)”: every part fares the same.',
  ],
];

const ok = (r: ScenarioResult) => r.alignments.filter((a) => a.error === undefined);

function reflexivity(runs: readonly ScenarioRun[]): ClaimCheck {
  const all = runs.flatMap(({ result }) => ok(result).map((a) => ({ r: result, a })));
  const aligned = all.filter(({ a }) => a.self_aligned).length;
  const failing = (r: ScenarioResult) => ok(r).filter((a) => !a.self_aligned);
  const notEvery = runs
    .filter(({ result }) => failing(result).length > 0)
    .map(({ result }) => result.scenario);
  const allGood = runs
    .filter(({ result }) => failing(result).length === 0)
    .map(({ result }) => result.scenario);
  let verdict = `H is self-aligned under ${aligned} of ${plural(all.length, 'reading')}`;
  if (runs.length === 1) {
    const fails = failing(runs[0].result).map((a) => a.label);
    verdict += fails.length > 0 ? `; not under ${names(fails)}` : ': the claim does not show here';
  } else {
    verdict += `; not under some reading in ${notEvery.length} of ${runs.length} scenarios`;
    if (notEvery.length === 0) verdict += ': the claim does not show here';
    else if (allGood.length > 0) verdict += ` (all but ${names(allGood)})`;
  }
  return {
    claim: 'H is not self-aligned: under some readings of “aligned”, B(H) is not what the reading wants.',
    testedBy: `every reading of ${scenarios(runs.map((r) => r.result.scenario))}`,
    verdict,
  };
}

function boundaryNeglect(runs: readonly ScenarioRun[]): ClaimCheck | null {
  const tested = runs.flatMap(({ result }) => {
    const a = ok(result).find((x) => x.id === 'boundary/instruction');
    return a ? [{ scenario: result.scenario, neglected: a.neglected ?? [] }] : [];
  });
  if (tested.length === 0) return null;
  const hit = tested.filter((t) => t.neglected.length > 0);
  const shown = hit.slice(0, 3).map((t) => `${t.scenario}: ${names(t.neglected)}`);
  return {
    claim: 'Aligning with Σ’s output (the boundary of H) neglects some parts of H.',
    testedBy: `boundary/instruction in ${scenarios(tested.map((t) => t.scenario))}`,
    verdict:
      hit.length === 0
        ? 'B(H) leaves no part below the neglect threshold: the claim does not show here'
        : `B(H) leaves some part below the neglect threshold in ${hit.length} of ${tested.length} (${shown.join('; ')}${hit.length > 3 ? '; …' : ''})`,
  };
}

function partsOverride(runs: readonly ScenarioRun[]): ClaimCheck | null {
  const tested = runs.flatMap((run) => {
    const parts = ok(run.result).filter((a) => a.id.startsWith('parts/'));
    if (parts.length === 0) return [];
    const over = parts.filter((a) => overridesBehaviour(run.result, a, run.epsilon)).map((a) => a.label);
    return [{ scenario: run.result.scenario, count: parts.length, over }];
  });
  if (tested.length === 0) return null;
  const count = tested.reduce((s, t) => s + t.count, 0);
  const hit = tested.filter((t) => t.over.length > 0);
  const over = hit.reduce((s, t) => s + t.over.length, 0);
  // A scenario with one or two overriding readings names them; with more, counts them.
  const shown = hit
    .slice(0, 3)
    .map(
      (t) => `${t.scenario}: ${t.over.length <= 2 ? t.over.join(', ') : `${t.over.length} of ${t.count}`}`,
    );
  return {
    claim: 'Aligning with the parts (re-aggregating, bargaining, idealizing) can override H’s own choice.',
    testedBy: `${plural(count, 'parts/ reading')} in ${scenarios(tested.map((t) => t.scenario))}`,
    verdict:
      hit.length === 0
        ? 'no parts/ reading overrides B(H): the claim does not show here'
        : `${over} of ${count} override B(H), in ${hit.length} of ${plural(tested.length, 'scenario')} (${shown.join('; ')}${hit.length > 3 ? '; …' : ''})`,
  };
}

function sharedWorldModel(runs: readonly ScenarioRun[]): ClaimCheck | null {
  // Only scenarios whose parts see some action differently from the shared world model test it.
  const tested = runs
    .map(({ result }) => result)
    .filter((r) =>
      r.actions.some((x) =>
        r.parts.some((p) => Math.abs(r.metrics[x].welfare[p] - r.metrics[x].welfare_shared[p]) > 1e-9),
      ),
    );
  if (tested.length === 0) return null;
  const spurious = tested.flatMap((r) => {
    const xs = r.actions.filter(
      (x) => !r.metrics[x].pareto_dominated && r.metrics[x].pareto_dominated_shared,
    );
    return xs.length > 0 ? [`${r.scenario}: ${names(xs)}`] : [];
  });
  return {
    claim: 'With beliefs of their own, parts can agree on what any shared world model rules out.',
    testedBy: `the parts’ own beliefs against the shared world model in ${scenarios(tested.map((r) => r.scenario))}`,
    verdict:
      spurious.length === 0
        ? 'no action is efficient by the parts’ own beliefs yet dominated under the shared ones: the claim does not show here'
        : `efficient by the parts’ own beliefs, Pareto-dominated under the shared world model: ${spurious.join('; ')}`,
  };
}

/** The tie set a reading picked from (a lottery's support when its target is one). */
function picks(a: AlignmentResult): string[] {
  if (typeof a.target === 'string') return a.target_ties ?? [a.target];
  return Object.keys(a.target ?? {});
}

function learnedBorda(runs: readonly ScenarioRun[]): ClaimCheck | null {
  const tested = runs.flatMap((run) => {
    const learned = ok(run.result).find((a) => a.id === 'whole/learned' && a.options === undefined);
    const borda = ok(run.result).find((a) => a.id === 'parts/borda');
    return learned && borda ? [{ run, learned, borda }] : [];
  });
  if (tested.length === 0) return null;
  const same = tested.filter(
    ({ learned, borda }) => [...picks(learned)].sort().join('\n') === [...picks(borda)].sort().join('\n'),
  );
  const over = tested
    .filter(({ run, learned }) => overridesBehaviour(run.result, learned, run.epsilon))
    .map(({ run }) => run.result.scenario);
  return {
    claim:
      'A learned model of H, un-bounded, follows what was easy to learn (the parts’ Borda count, not Σ).',
    testedBy: `whole/learned next to parts/borda in ${scenarios(tested.map((t) => t.run.result.scenario))}`,
    verdict: `whole/learned picks what parts/borda picks in ${same.length} of ${tested.length}${
      over.length > 0
        ? `, and overrides B(H) in ${over.length} (${names(over)})`
        : ', and never overrides B(H)'
    }`,
  };
}

function decompositions(runs: readonly ScenarioRun[]): ClaimCheck | null {
  // Scenarios with the same actions and the same B(H): one behaviour, read as different principals.
  const groups = new Map<string, { scenario: string; target: string }[]>();
  for (const { result } of runs) {
    const idealized = ok(result).find((a) => a.id === 'parts/idealized');
    if (!idealized) continue;
    const key = `${result.actions.join('\n')}\n\n${decisionText(result.behaviour)}`;
    groups.set(key, [
      ...(groups.get(key) ?? []),
      { scenario: result.scenario, target: decisionText(idealized.target) },
    ]);
  }
  const shared = [...groups.values()].filter((g) => g.length > 1);
  if (shared.length === 0) return null;
  const differ = shared.filter((g) => new Set(g.map((x) => x.target)).size > 1);
  const describe = (g: { scenario: string; target: string }[]) =>
    `${g.map((x) => x.scenario).join(' / ')}: ${
      new Set(g.map((x) => x.target)).size > 1 ? g.map((x) => x.target).join(' / ') : `all ${g[0].target}`
    }`;
  return {
    claim: 'One behaviour, several decompositions: un-bounding H depends on the parts one reads into it.',
    testedBy: `parts/idealized in ${plural(shared.length, 'group')} of scenarios with the same actions and the same B(H)`,
    verdict: `the un-bounded choice differs within ${differ.length} of ${plural(shared.length, 'group')} (${shared.map(describe).join('; ')})`,
  };
}

function bottomLine(runs: readonly ScenarioRun[]): ClaimCheck {
  const results = runs.map((r) => r.result);
  const candidates = results.reduce((s, r) => s + r.candidates.length, 0);
  const accepted = results.reduce((s, r) => s + r.accepted_by_some, 0);
  const holds = results.filter((r) => r.accepted_by_some === r.candidates.length).map((r) => r.scenario);
  let verdict: string;
  if (results.length === 1) {
    const r = results[0];
    const none = r.candidates.filter((c) => (r.interpretation[c] ?? []).length === 0);
    verdict = `some reading accepts ${r.accepted_by_some} of ${r.candidates.length} candidate behaviours: ${
      none.length === 0
        ? 'the bottom line holds here'
        : `it does not hold here (${names(none)}: accepted by none)`
    }`;
  } else
    verdict = `some reading accepts every candidate in ${holds.length} of ${results.length} scenarios${
      holds.length > 0 ? ` (${names(holds)})` : ''
    }; ${accepted} of ${candidates} candidates in all`;
  return {
    claim: 'The bottom line: any behaviour can be read as aligned under some reading of “aligned”.',
    testedBy: `${plural(candidates, 'candidate behaviour')} against the readings of ${scenarios(results.map((r) => r.scenario))}`,
    verdict,
  };
}

const agent = (r: SequentialResult, pick: (a: AgentRun) => boolean) =>
  r.alignments.find((a) => a.error === undefined && a.expected !== undefined && pick(a));

function approvalReshaping(seq: readonly SequentialResult[]): ClaimCheck | null {
  const tested = seq.flatMap((r) => {
    const approval = agent(r, (a) => a.id === 'boundary/approval' && a.options?.myopic !== true);
    const original = agent(r, (a) => a.id === 'parts/original');
    return approval?.expected && original?.expected
      ? [{ r, a: approval.expected, o: original.expected }]
      : [];
  });
  if (tested.length === 0) return null;
  const verdicts = tested.map(({ r, a, o }) => {
    const gain = a.approval - o.approval;
    if (gain <= 1e-9)
      return `${r.scenario}: the approval agent collects no more approval than parts/original (${fmt(a.approval)} vs ${fmt(o.approval)}): the claim does not show here`;
    const drift =
      a.mean_drift !== null && o.mean_drift !== null
        ? ` (mean drift ${fmt(a.mean_drift)} vs ${fmt(o.mean_drift)})`
        : '';
    const welfare =
      a.original_welfare < o.original_welfare - 1e-9
        ? `while the original parts’ welfare drops from ${fmt(o.original_welfare)} to ${fmt(a.original_welfare)}`
        : `and the original parts’ welfare does not drop (${fmt(a.original_welfare)} vs ${fmt(o.original_welfare)})`;
    return `${r.scenario}: the approval agent gains ${fmt(gain)} approval (${fmt(a.approval)} vs ${fmt(o.approval)}) by reshaping H${drift} ${welfare}`;
  });
  return {
    claim: 'An approval maximizer gains by reshaping H, at the cost of the parts H started with.',
    testedBy: `boundary/approval (far-sighted) against parts/original in ${scenarios(tested.map((t) => t.r.scenario))}`,
    verdict: verdicts.join('; '),
  };
}

function negotiableRl(seq: readonly SequentialResult[]): ClaimCheck | null {
  const tested = seq.flatMap((r) => {
    const nrl = agent(r, (a) => a.nrl !== undefined)?.nrl;
    return nrl ? [{ r, nrl }] : [];
  });
  if (tested.length === 0) return null;
  const values = (xs: Record<string, number>) => {
    const vs = Object.values(xs);
    return vs.every((v) => Math.abs(v - vs[0]) < 1e-9)
      ? `each ${fmt(vs[0])}`
      : Object.entries(xs)
          .map(([p, v]) => `${p} ${fmt(v)}`)
          .join(', ');
  };
  return {
    claim: 'A Pareto-optimal policy favours the parts whose beliefs predict better (Critch).',
    testedBy: `critch/nrl in ${scenarios(tested.map((t) => t.r.scenario))}`,
    verdict: tested
      .map(
        ({ r, nrl }) =>
          `${r.scenario}: expected utility by the parts’ own beliefs ${values(nrl.own_beliefs)}; by the truth ${values(nrl.truth)}`,
      )
      .join('; '),
  };
}

const ranking = (groups: readonly (readonly string[])[]) => groups.map((g) => g.join(' = ')).join(' > ');

function experimentClaim(e: ExperimentResult): ClaimCheck {
  const testedBy = `built-in experiment ${e.experiment} (seed ${e.seed})`;
  if (e.experiment === 'bounded-compute') {
    const [cheap, dear] = [...e.parts].sort((a, b) => e.complexity[a] - e.complexity[b]);
    const w = (s: typeof e.precision) => `${fmt(s.final_weights[cheap])} / ${fmt(s.final_weights[dear])}`;
    const wins = e.precision.final_weights[cheap] > e.precision.final_weights[dear] + 1e-9;
    return {
      claim: 'Parts whose values are cheap to compute gain weight over parts whose values are costly.',
      testedBy,
      verdict: `NRL weight after ${e.horizon} days, ${cheap} (complexity ${e.complexity[cheap]}) / ${dear} (${e.complexity[dear]}): ${w(e.precision)} under the precision split, ${w(e.fixed)} under the fixed split${
        wins ? ` — the cheap values win under the precision split` : ''
      }`,
    };
  }
  if (e.experiment === 'career-evolution') {
    const moved = [...e.per_part].sort(
      (a, b) =>
        Math.abs(b.mean_welfare_current - b.mean_welfare_original) -
        Math.abs(a.mean_welfare_current - a.mean_welfare_original),
    )[0];
    const changed = ranking(e.original_ranking) !== ranking(e.evolved_ranking);
    return {
      claim: 'Preferences evolve under H’s own choices: aligning with what H wants now is not stable.',
      testedBy,
      verdict: `over ${e.years} years Σ’s ranking ${changed ? 'goes' : 'stays'} from ${ranking(e.original_ranking)}${
        changed ? ` to ${ranking(e.evolved_ranking)}` : ''
      }; ${moved.name}’s mean welfare is ${fmt(moved.mean_welfare_original)} by its original utilities, ${fmt(moved.mean_welfare_current)} by its current ones`,
    };
  }
  if (e.experiment === 'learners') return { ...learnersClaim(e), testedBy };
  if (e.experiment === 'whole-irl') return { ...wholeIrlClaim(e), testedBy };
  const points = e.fixed_points.map((f) => `${f.label} ${Math.round(100 * f.frequency)}%`);
  return {
    claim: 'Meta-preferences move the conflict up a level: H has several fixed points.',
    testedBy,
    verdict: `${plural(e.fixed_points.length, 'fixed point')} from ${e.starts} starts (${points.join(', ')})${
      e.fixed_points.length > 1 ? ': which self H ends up with depends on where it starts' : ''
    }`,
  };
}

/** Every claim the run tests, in the essay's order, with this run's verdict. */
export function claimChecks(run: {
  oneShot: readonly ScenarioRun[];
  sequential: readonly SequentialResult[];
  experiments: readonly ExperimentResult[];
}): ClaimCheck[] {
  const { oneShot, sequential, experiments } = run;
  const checks: (ClaimCheck | null)[] =
    oneShot.length > 0
      ? [
          reflexivity(oneShot),
          boundaryNeglect(oneShot),
          partsOverride(oneShot),
          sharedWorldModel(oneShot),
          learnedBorda(oneShot),
          decompositions(oneShot),
          bottomLine(oneShot),
        ]
      : [];
  checks.push(
    approvalReshaping(sequential),
    negotiableRl(sequential),
    ...aggregationClaims(oneShot, sequential),
    wholeIrlAgentClaim(sequential),
    ...mechanismClaims(sequential),
    ...experiments.map(experimentClaim),
  );
  // A claim tested both by a scenario's mechanism block and by its experiment is listed once.
  const merged: ClaimCheck[] = [];
  for (const c of checks) {
    if (c === null) continue;
    const k = merged.findIndex((m) => m.claim === c.claim);
    if (k < 0) merged.push(c);
    else
      merged[k] = {
        claim: c.claim,
        testedBy: `${merged[k].testedBy}, and ${c.testedBy}`,
        // Each verdict says what it comes from: the second source is named before its own.
        verdict: `${merged[k].verdict}; ${c.testedBy.replace(/ \(seed \d+\)$/, '')}: ${c.verdict}`,
      };
  }
  return merged;
}

/** The terminal's block: numbered claims, each with what tests it and this run's verdict. */
export function claimsText(claims: readonly ClaimCheck[], width: number): string {
  const wrap = (first: string, text: string) => hangingIndent(first, text, width);
  return [
    'What this run shows: each claim of the essay it tests, by what, and what its results say.',
    ...claims.flatMap((c, k) => {
      const indent = ' '.repeat(`${k + 1}. `.length);
      return [
        ...wrap(`${k + 1}. `, c.claim),
        ...wrap(indent, `Tested by ${c.testedBy}. This run: ${c.verdict}.`),
      ];
    }),
  ].join('\n');
}

/** The report's opening section: the claims as a table, and the definitions of the tables' terms. */
export function claimsSection(claims: readonly ClaimCheck[]): ReportSection {
  return {
    heading: 'What this run shows',
    id: 'what-this-shows',
    paragraphs: [
      'Each claim of the essay that this run tests, the scenarios and readings (or agents, or experiments) that test it, and what this run’s results say — computed from them, so another run, or your own scenarios, can say otherwise.',
    ],
    tables: [
      {
        header: ['the essay’s claim', 'tested by', 'this run'],
        rows: claims.map((c) => [c.claim, c.testedBy, c.verdict]),
      },
    ],
    blocks: [
      {
        kind: 'paragraph',
        text: `Definitions. ${DEFINITIONS.map(([term, text]) => `${term[0].toUpperCase()}${term.slice(1)}: ${text}`).join(' ')}`,
      },
    ],
  };
}
