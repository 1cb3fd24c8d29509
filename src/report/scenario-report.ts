/**
 * The report of `sulab run`: per scenario, a table of readings (target, self-aligned?, gap,
 * worst-off part, neglected parts, override), per-part welfare under each reading as a bar chart,
 * the interpretation matrix as a heat map, and the per-action metrics. Pure: data in, Report out
 * (figures are rendered by the async `renderSvg`).
 */
import { totalVariation } from '../core/distance.js';
import type { AlignmentResult, DecisionJson, ScenarioResult } from '../run/one-shot.js';
import type { Cell, Report, ReportSection, ReportTable } from './html.js';
import { groupedBarSpec, heatmapSpec, WELFARE_BELIEFS, welfareSubtitle } from './plots.js';
import { levelsSection } from './levels-report.js';
import { mechanismSections } from './mechanisms-report.js';
import { renderSvg } from './render.js';

export function decisionText(d: string | Record<string, number> | undefined): string {
  if (d === undefined) return '';
  if (typeof d === 'string') return d;
  return Object.entries(d)
    .map(([a, q]) => `${a} ${q.toFixed(2)}`)
    .join(', ');
}

/** A decision as probabilities over `actions` (an action name is the lottery sure of it). */
function lotteryOver(actions: readonly string[], d: DecisionJson): Float64Array {
  return Float64Array.from(actions, (a) => (typeof d === 'string' ? (a === d ? 1 : 0) : (d[a] ?? 0)));
}

/**
 * Whether a reading's target overrides B(H), what H does unaided; null for a reading that failed.
 * An action target overrides unless H's own choice is among the reading's ties: one of B(H)'s
 * modes is in its tie set. A lottery target overrides unless it puts all its mass on B(H)'s modes
 * or comes within ε of B(H) in total variation — so a delegates' agreement on B(H)'s own action,
 * or on B(H)'s own lottery, is no override.
 */
export function overridesBehaviour(r: ScenarioResult, a: AlignmentResult, epsilon: number): boolean | null {
  if (a.error !== undefined || a.target === undefined) return null;
  const isMode = (x: string) => r.metrics[x]?.override === false;
  if (typeof a.target === 'string' && a.target_ties !== undefined) return !a.target_ties.some(isMode);
  const target = lotteryOver(r.actions, a.target);
  if (r.actions.every((x, k) => target[k] === 0 || isMode(x))) return false;
  return totalVariation(target, lotteryOver(r.actions, r.behaviour)) > epsilon;
}

/** One summary row per (scenario, reading): what the terminal table and the report both show. */
export interface SummaryRow {
  scenario: string;
  reading: string;
  /** The target: an action, or a lottery as "a 0.70, b 0.30". */
  target: string;
  /** The other actions of the tie set the target was picked from. */
  tied: string[];
  selfAligned: boolean | null;
  gap: number | null;
  /** The worst-off part, or what stands for none (see `noWorstOff`); '' for a failed reading. */
  worstOff: string;
  neglected: string[];
  override: boolean | null;
  error?: string;
}

/**
 * What the worst-off cell says when every part fares the same (`worst_off: null` in the JSON):
 * nobody is below the best when all get their best.
 */
export function noWorstOff(welfare: number): string {
  return welfare >= 1 - 1e-12 ? 'none below best' : 'none (all equal)';
}

/** The target as the report shows it: with its tie set in full. */
export function targetWithTies(s: SummaryRow): string {
  return s.tied.length > 0 ? `${s.target} (tied with ${s.tied.join(', ')})` : s.target;
}

/** `epsilon`: the scenario's tolerance, for whether a lottery target overrides B(H). */
export function summaryRows(r: ScenarioResult, epsilon: number): SummaryRow[] {
  return r.alignments.map((a) => {
    if (a.error)
      return {
        scenario: r.scenario,
        reading: a.label,
        target: '',
        tied: [],
        selfAligned: null,
        gap: null,
        worstOff: '',
        neglected: [],
        override: null,
        error: a.error,
      };
    const welfare = Object.entries(a.target_welfare ?? {});
    const worst = welfare.reduce((m, e) => (e[1] < m[1] - 1e-12 ? e : m), welfare[0]);
    const even = welfare.every((e) => Math.abs(e[1] - worst[1]) <= 1e-12);
    const target = decisionText(a.target);
    return {
      scenario: r.scenario,
      reading: a.label,
      target,
      tied: (a.target_ties ?? []).filter((t) => t !== target),
      selfAligned: a.self_aligned ?? null,
      gap: a.reflexivity_gap ?? null,
      worstOff: worst === undefined ? '' : even ? noWorstOff(worst[1]) : worst[0],
      neglected: a.neglected ?? [],
      override: overridesBehaviour(r, a, epsilon),
    };
  });
}

/** A one-shot scenario's result with what the report needs from its file. */
export interface ScenarioRun {
  result: ScenarioResult;
  description: string;
  essay: string;
  /** The scenario's tolerance for "self-aligned", "accepted" and overriding by a lottery. */
  epsilon: number;
}

/**
 * Beliefs apart from values, where they come apart: the actions the parts agree on only because
 * they disagree about the world (spurious unanimity), and each reading's target judged ex ante
 * (the parts' own beliefs) and ex post (one belief for all, the pool of theirs) — Mongin's
 * impossibility, where both cannot hold. Nothing when the parts' beliefs change no verdict.
 */
function beliefTables(r: ScenarioResult): ReportTable[] {
  const spurious = r.actions.filter((a) => r.metrics[a].spurious_unanimity);
  const ok = r.alignments.filter((a) => !a.error && a.pareto_ex_ante !== undefined);
  const split = ok.some((a) => a.pareto_ex_ante !== a.pareto_ex_post);
  if (spurious.length === 0 && !split) return [];
  const yes = (x: boolean | undefined): Cell =>
    x === undefined ? null : x ? 'yes' : { value: 'no', highlight: 'bad' };
  return [
    {
      caption: `Beliefs apart from values: Pareto ex ante and ex post, and spurious unanimity (${r.title})`,
      header: ['reading f', 'target', 'Pareto ex ante (own beliefs)', 'Pareto ex post (pooled beliefs)'],
      rows: ok.map((a): Cell[] => [
        a.label,
        decisionText(a.target ?? ''),
        yes(a.pareto_ex_ante),
        yes(a.pareto_ex_post),
      ]),
      note: `${
        spurious.length > 0
          ? `Spurious unanimity: every part prefers ${spurious
              .map((a) => `${a} (to ${r.metrics[a].spurious_unanimity_over.join(', ')})`)
              .join(
                '; ',
              )} by its own beliefs, but neither H’s world model nor the pool of the parts’ beliefs agrees — they agree only because they disagree about the world. `
          : ''
      }Ex ante: no action every part expects, by its own beliefs, to be at least as good and one better; ex post: the same under one belief for all (the linear pool of theirs). A reading cannot keep both wherever the parts disagree about the world (Mongin 1995).`,
    },
  ];
}

async function scenarioSection({
  result: r,
  description,
  essay,
  epsilon,
}: ScenarioRun): Promise<ReportSection> {
  const ok = r.alignments.filter((a) => !a.error);
  const rows: Cell[][] = summaryRows(r, epsilon).map((s): Cell[] => [
    s.reading,
    s.error ? { value: `error: ${s.error}`, highlight: 'bad' } : targetWithTies(s),
    s.selfAligned === null
      ? null
      : { value: s.selfAligned ? 'yes' : 'no', highlight: s.selfAligned ? 'good' : 'bad' },
    s.gap,
    s.worstOff,
    s.neglected.join(', '),
    s.override === null ? null : s.override ? { value: 'yes', highlight: 'warn' } : 'no',
  ]);
  const figures = [];
  if (ok.length > 0) {
    const bars = groupedBarSpec(
      {
        groups: ok.map((a) => a.label),
        series: r.parts,
        values: ok.map((a) => r.parts.map((p) => a.target_welfare?.[p] ?? null)),
        xTitle: 'reading f',
        yTitle: 'welfare at f’s target, own beliefs',
        seriesTitle: 'part',
        yDomain: [0, 1],
      },
      {
        width: Math.max(320, 70 * ok.length),
        title: 'Per-part welfare at each reading’s target',
        subtitle: welfareSubtitle('own'),
      },
    );
    figures.push({
      svg: await renderSvg(bars),
      caption: `Per-part welfare at each reading’s target, ${WELFARE_BELIEFS.own} (${r.title}); the per-action table gives it under H’s shared world model too.`,
      alt: 'grouped bar chart of per-part welfare for each alignment reading',
    });
    const heat = heatmapSpec(
      {
        rows: r.candidates,
        cols: ok.map((a) => a.label),
        cells: r.candidates.map((c) => ok.map((a) => (r.interpretation[c] ?? []).includes(a.label))),
        rowTitle: 'candidate behaviour',
        colTitle: 'reading f',
        valueTitle: 'accepted as aligned',
      },
      {},
    );
    figures.push({
      svg: await renderSvg(heat),
      caption: `Interpretation matrix: which readings accept each candidate behaviour (${r.accepted_by_some} of ${r.candidates.length} candidates are accepted by some reading).`,
      alt: 'heat map of candidate behaviours against alignment readings',
    });
  }
  const levels = levelsSection(r);
  const metricRows: Cell[][] = r.actions.map((a): Cell[] => {
    const m = r.metrics[a];
    return [
      a,
      { value: m.sigma_rank, precision: 0 },
      m.override ? 'yes' : { value: 'no (B(H))', highlight: 'strong' },
      m.worst_off ?? noWorstOff(Math.min(...Object.values(m.welfare))),
      ...r.parts.map((p) => m.welfare[p]),
      m.pareto_dominated ? { value: `yes (by ${m.pareto_dominated_by.join(', ')})`, highlight: 'bad' } : 'no',
      m.pareto_dominated_shared ? { value: 'yes', highlight: 'bad' } : 'no',
    ];
  });
  return {
    heading: r.title,
    id: r.scenario,
    paragraphs: [
      description,
      essay ? `The essay: ${essay}` : '',
      `H’s own behaviour B(H): ${decisionText(r.behaviour)}.`,
    ].filter((x) => x !== ''),
    tables: [
      {
        caption: `Readings of “A is aligned with H” (${r.title})`,
        header: [
          'reading f',
          'target',
          'H self-aligned?',
          'reflexivity gap',
          'worst-off part',
          'neglected parts',
          'overrides B(H)?',
        ],
        rows,
        precision: 3,
        note: 'Self-aligned: the reflexivity gap max_d score_f(H, d) − score_f(H, B(H)) is at most ε. Scores are normalized per reading to [0, 1].',
      },
      ...(ok.some((a) => a.notes && a.notes.length > 0)
        ? [
            {
              caption: `What each reading notes about its answer (${r.title})`,
              header: ['reading f', 'notes'],
              rows: ok
                .filter((a) => a.notes && a.notes.length > 0)
                .map((a): Cell[] => [a.label, (a.notes ?? []).join(' · ')]),
              note: 'The protocol or operators a reading used, what it found on the way, and where its target is one answer among several (a bargaining limit that cycles or does not settle, steerability left out). In sulab run --json as alignments[].notes.',
            },
          ]
        : []),
      ...(ok.some((a) => a.pluralism)
        ? [
            {
              caption: `Pluralism and distortion of each reading’s target (${r.title})`,
              header: [
                'reading f',
                'worst-off welfare',
                'Overton coverage',
                'steerability',
                'distance from the parts’ spread',
                'jury welfare (geometric)',
                'distortion',
              ],
              rows: ok.map((a): Cell[] => {
                const p = a.pluralism ?? {};
                const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);
                return [
                  a.label,
                  num(p.worst_off_welfare),
                  num(p.overton_coverage),
                  num(p.steerability),
                  num(p.distributional_fit),
                  num(p.jury_welfare),
                  p.distortion === Number.POSITIVE_INFINITY ? '∞' : num(p.distortion),
                ];
              }),
              precision: 3,
              note: 'Defined in docs/concepts.md (“Pluralism and distortion”): Overton coverage is the share of the actions most parts find reasonable that the target puts mass on; steerability the share of parts that move the target to their favourites when given two thirds of the weight; the distance is Jensen–Shannon from the weighted spread of the parts’ favourites; distortion the best utilitarian welfare ÷ the target’s.',
            },
          ]
        : []),
      ...beliefTables(r),
      {
        caption: `Every action: H’s Σ rank, per-part welfare, Pareto domination (${r.title})`,
        header: [
          'action',
          'Σ rank',
          'overrides B(H)?',
          'worst-off',
          ...r.parts.map((p) => `welfare: ${p}`),
          'dominated (own beliefs)',
          'dominated (shared beliefs)',
        ],
        rows: metricRows,
        precision: 3,
      },
    ],
    figures,
    sections: [...(levels ? [levels] : []), ...(await mechanismSections(r))],
  };
}

export async function scenarioReport(
  results: readonly ScenarioRun[],
  meta: Report['meta'],
  /** Sections of sequential scenarios (sequential-report.ts), placed after the one-shot ones. */
  more: readonly ReportSection[] = [],
  /** Sections that open the report, before the summary (what the run shows: claims.ts). */
  lead: readonly ReportSection[] = [],
): Promise<Report> {
  // The scenario is named on its first row only, so the table reads as groups.
  const summary: Cell[][] = results.flatMap(({ result, epsilon }) =>
    summaryRows(result, epsilon).map((s, k): Cell[] => [
      k === 0 ? { value: result.title, highlight: 'strong' } : '',
      s.reading,
      s.error ? { value: 'error', highlight: 'bad' } : targetWithTies(s),
      s.selfAligned === null
        ? null
        : { value: s.selfAligned ? 'yes' : 'no', highlight: s.selfAligned ? 'good' : 'bad' },
      s.worstOff,
      s.override === null ? null : s.override ? 'yes' : 'no',
    ]),
  );
  const sections: ReportSection[] = [
    ...lead,
    {
      heading: 'Summary',
      id: 'summary',
      tables: [
        {
          caption: 'Every scenario under every reading',
          header: ['scenario', 'reading f', 'target', 'H self-aligned?', 'worst-off part', 'overrides B(H)?'],
          rows: summary,
          note: 'Self-aligned (the reflexivity gap at most ε), overrides B(H) and worst-off are defined under “What this run shows”.',
        },
      ],
    },
  ];
  for (const r of results) sections.push(await scenarioSection(r));
  sections.push(...more);
  return {
    title: 'sulab: readings of “A is aligned with H”',
    subtitle: 'Who inside H wins under each reading, who is neglected, and whether H is aligned with itself.',
    meta,
    sections,
  };
}
