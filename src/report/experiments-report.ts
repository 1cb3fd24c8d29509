/**
 * The report of sulab's built-in experiments (experiment/registry.ts): one section holding a
 * summary table, then a subsection per experiment with a short table of its key numbers and its
 * plots — the expected NRL weights over time for bounded-compute, weights, utilities and Σ scores
 * over the years for career-evolution, the basins of the fixed points for meta-preferences. Also
 * the terminal's summary table. Pure apart from the async `renderSvg`.
 */
import type {
  BoundedComputeExperiment,
  CareerEvolutionExperiment,
  Experiment,
  ExperimentResult,
  MetaPreferencesExperiment,
} from '../experiment/registry.js';
import type { Cell, ReportFigure, ReportSection, ReportTable } from './html.js';
import {
  groupedBarSpec,
  type LineSeries,
  lineChartSpec,
  scatterSpec,
  WELFARE_BELIEFS,
  welfareSubtitle,
} from './plots.js';
import { renderSvg } from './render.js';
import { renderTable } from './table.js';
import { learnersSection } from './learners-report.js';
import { wholeIrlSection } from './whole-irl-report.js';

/** What a section needs from the registry entry besides the result. */
export type ExperimentText = Pick<Experiment, 'description' | 'essay'>;

const num = (x: number, d = 3) => Number(x.toFixed(d));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The terminal's block: one row per experiment, its key numbers (wrapped to `width` when given). */
export function experimentSummaryTable(results: readonly ExperimentResult[], width?: number): string {
  return renderTable(
    ['built-in experiment', 'key numbers'],
    results.map((r) => [r.experiment, r.summary]),
    { width, shrink: { 1: 20 } },
  );
}

async function boundedSection(r: BoundedComputeExperiment): Promise<Omit<ReportSection, 'heading'>> {
  const splits = [r.precision, r.fixed];
  const splitRows: Cell[][] = splits.flatMap((s) =>
    r.parts.map((p, i): Cell[] => [
      i === 0 ? s.rule : '',
      p,
      s.value_compute[p],
      s.model_compute[p],
      s.value_sd[p],
      s.model_share[p],
      s === r.precision && i === 0 ? { value: s.final_weights[p], highlight: 'strong' } : s.final_weights[p],
      s.utility[p],
      s.utility_se[p],
      s.own_utility[p],
    ]),
  );
  const [plain, refined] = r.parts;
  const sweepRows: Cell[][] = r.sweep.map((s) => [
    { value: s.complexity, precision: 1 },
    s.refined_value_compute,
    s.refined_model_share,
    s.final_weights[plain],
    s.final_weights[refined],
    s.utility[plain],
    s.utility[refined],
  ]);
  const days = range(r.horizon + 1);
  const series: LineSeries[] = splits.flatMap((s) =>
    r.parts.map((p) => ({ name: p, facet: `split: ${s.rule}`, x: days, y: s.expected_weights[p] })),
  );
  const weights = lineChartSpec(
    { series, xTitle: 'day t', yTitle: 'E[w(t)]', seriesTitle: 'part', yDomain: [0, 1], facetColumns: 2 },
    { width: 300, height: 180 },
  );
  const ks = r.sweep.map((s) => s.complexity);
  const sweep = lineChartSpec(
    {
      series: r.parts.map((p) => ({ name: p, x: ks, y: r.sweep.map((s) => s.final_weights[p]) })),
      xTitle: `${refined}’s value complexity k (${plain}: 1)`,
      yTitle: `E[w] after ${r.horizon} days`,
      seriesTitle: 'part',
      yDomain: [0, 1],
      points: true,
    },
    { width: 360, height: 200 },
  );
  const figures: ReportFigure[] = [
    {
      svg: await renderSvg(weights),
      caption: `NRL’s expected weights day by day, exact over every weather sequence: under the precision split the weight flows to ${plain}, whose values are cheap to compute; under the fixed split it does not move (the two lines coincide at 0.5).`,
      alt: `line charts of the expected weights of ${plain} and ${refined} over ${r.horizon} days under two split rules`,
    },
    {
      svg: await renderSvg(sweep),
      caption: `Precision split: the final expected weights as ${refined}’s values get costlier to compute. Equal complexities, no advantage.`,
      alt: `line chart of the final expected weights against ${refined}’s value complexity`,
    },
  ];
  const tables: ReportTable[] = [
    {
      caption: `What each split rule bought each part, and where NRL’s weight went (budget ${r.budget} each; value complexity ${plain} ${r.complexity[plain]}, ${refined} ${r.complexity[refined]})`,
      header: [
        'split rule',
        'part',
        'compute: values',
        'compute: model',
        'σ',
        'm',
        `E[w] day ${r.horizon}`,
        'true utility',
        '± se',
        'own view',
      ],
      rows: splitRows,
      precision: 3,
      note: `σ: the sd of the part’s estimate of its own reward; m: the truth’s share in its beliefs (the rest uniform). E[w]: NRL’s expected weight after the last day. True utility: expected total reward over ${r.horizon} days by the part’s true reward, averaged over ${r.draws} seeded draws of the value noise (seed ${r.seed}). Own view: by its noisy estimate under its own beliefs. The best-response rule (both parts spend almost everything on prediction) is not run here.`,
    },
    {
      caption: `Precision split, sweeping ${refined}’s value complexity`,
      header: [
        `${refined}’s complexity k`,
        `${refined}’s compute on values`,
        `${refined}’s m`,
        `E[w] ${plain}`,
        `E[w] ${refined}`,
        `utility ${plain}`,
        `utility ${refined}`,
      ],
      rows: sweepRows,
      precision: 3,
    },
  ];
  return { tables, figures };
}

async function careerSection(r: CareerEvolutionExperiment): Promise<Omit<ReportSection, 'heading'>> {
  const last = r.by_year[r.by_year.length - 1];
  const rank = (g: string[][]) => g.map((x) => x.join(' = ')).join(' > ');
  const years = (ts: number[]) => (ts.length === 0 ? 'none' : ts.join(', '));
  const partRows: Cell[][] = r.per_part.map((p) => [
    p.name,
    p.weight,
    p.evolved_weight,
    p.mean_welfare_original,
    p.mean_welfare_current,
    p.drift,
  ]);
  const utilityRows: Cell[][] = r.per_part.map((p) => [
    p.name,
    ...r.paths.map((k) => `${num(p.original[k])} → ${num(p.evolved[k])}`),
  ]);
  const limit =
    r.limit.kind === 'none'
      ? `no fixed point or cycle within ${r.limit.steps} steps`
      : `${r.limit.kind === 'fixed' ? 'a fixed point' : `a ${r.limit.period}-cycle`} (${r.limit.orbit.join(' ↔ ')}) after ${r.limit.steps} steps; weights ${r.parts
          .map((p) => `${p} ${num(r.limit.weights[p])}`)
          .join(
            ', ',
          )}; its Σ ${r.limit.still_chooses ? 'still chooses' : 'no longer chooses'} the year-0 path`;
  const story: Cell[][] = [
    ['choices', r.choice_runs.join('; ')],
    ['the original H’s Σ ranking', rank(r.original_ranking)],
    [`the evolved H’s Σ ranking (after ${r.years} years)`, rank(r.evolved_ranking)],
    ['years against the original H’s first choice', years(r.against_original)],
    ['… of them approved fully by the evolved H of that year', years(r.endorsed_against_original)],
    ['iterated on', limit],
  ];
  const x = r.by_year.map((y) => y.year);
  // Paths whose utilities never change (for any part) are left out of the plot; Table 3 has them.
  const moving = r.paths.filter((k) =>
    r.by_year.some((y) => r.parts.some((p) => y.utilities[p][k] !== r.by_year[0].utilities[p][k])),
  );
  const still = r.paths.filter((k) => !moving.includes(k));
  const welfare = (key: 'welfare_original' | 'welfare_current', facet: string) =>
    r.parts.map((p) => ({ name: p, facet, x, y: r.by_year.map((y) => y[key]?.[p] ?? Number.NaN) }));
  const series: LineSeries[] = [
    ...r.parts.map((p) => ({ name: p, facet: 'H’s weights', x, y: r.by_year.map((y) => y.weights[p]) })),
    ...moving.flatMap((k) =>
      r.parts.map((p) => ({
        name: p,
        facet: `utility of ${k}`,
        x,
        y: r.by_year.map((y) => y.utilities[p][k]),
      })),
    ),
    ...r.paths.map((k) => ({
      name: k,
      facet: 'Σ score (highest: chosen)',
      x,
      y: r.by_year.map((y) => y.sigma_score[k]),
    })),
    ...welfare('welfare_original', 'welfare, original utilities'),
    ...welfare('welfare_current', 'welfare, current utilities'),
  ];
  const chart = lineChartSpec(
    { series, xTitle: 'year', seriesTitle: 'part / path', facetColumns: 3, independentY: true },
    { width: 210, height: 140, title: 'Year by year', subtitle: welfareSubtitle('none') },
  );
  return {
    paragraphs: [
      `What H chose: ${r.choice_runs.join('; ')}. After ${r.years} years its weights are ${r.parts
        .map((p) => `${p} ${num(last.weights[p])}`)
        .join(', ')}.`,
    ],
    tables: [
      {
        caption: 'What H chose, and how the original and the evolved H rank the paths',
        header: ['', ''],
        rows: story,
        rowHeaders: true,
      },
      {
        caption: `Each part: weight, and its welfare of what happened by its original and by its current utilities (mean over ${r.years} years)`,
        header: [
          'part',
          'weight at year 0',
          `weight after ${r.years} years`,
          'welfare by original utilities',
          'welfare by current utilities',
          'drift',
        ],
        rows: partRows,
        precision: 3,
        note: 'Welfare: the utility of the path taken, min–max normalized over the paths (0 = the part’s worst, 1 = its best). Drift: the largest change of the part’s utilities, in units of its original range.',
      },
      {
        caption: `Utilities of each path, at year 0 → after ${r.years} years`,
        header: ['part', ...r.paths],
        rows: utilityRows,
      },
    ],
    figures: [
      {
        svg: await renderSvg(chart),
        caption: `Year by year, at the start of each year: H’s weights, each part’s utility of ${moving.join(' and ')}${still.length > 0 ? ` (${still.join(', ')}: unchanged)` : ''}, H’s Σ score of each path (the weighted sum; the path with the highest score is the one taken, ties to the first); and each part’s welfare of the path taken that year, by its original and by its current utilities (${WELFARE_BELIEFS.none}). Year ${r.years}: after the last year.`,
        alt: 'line charts of weights, utilities and Σ scores over the years',
      },
    ],
  };
}

async function metaSection(r: MetaPreferencesExperiment): Promise<Omit<ReportSection, 'heading'>> {
  const tuple = (w: Record<string, number>) => `(${r.parts.map((p) => num(w[p])).join(', ')})`;
  const rows: Cell[][] = r.fixed_points.map((f) => [
    f.ideal_of ? `${f.label} ${tuple(f.weights)}` : f.label,
    ...r.parts.map((p) => f.weights[p]),
    { value: f.count, precision: 0 },
    f.frequency,
    f.strict ? 'yes' : 'no',
  ]);
  const missing = r.target_outcomes.filter((t) => !t.fixed_point);
  for (const t of missing)
    rows.push([
      { value: `${t.part}’s ideal ${tuple(r.targets[t.part])}`, highlight: 'muted' },
      ...r.parts.map((p) => r.targets[t.part][p]),
      { value: 0, precision: 0 },
      0,
      { value: 'not a fixed point', highlight: 'bad' },
    ]);
  const groups = [...r.fixed_points.map((f) => f.label), ...missing.map((t) => `${t.part}’s ideal`)];
  const bars = groupedBarSpec(
    {
      groups,
      series: ['share of starts'],
      values: [...r.fixed_points.map((f) => [f.frequency]), ...missing.map(() => [0])],
      yTitle: 'share of the starts (basin)',
      seriesTitle: '',
      xTitle: 'where the meta-preference dynamics ends',
      yDomain: [0, 1],
    },
    { width: Math.max(300, 130 * groups.length) },
  );
  const endLabel = (e: number) => (e >= 0 ? r.fixed_points[e].label : 'a cycle or none');
  const [px, py] = r.parts;
  const scatter = scatterSpec(
    {
      points: r.runs.map((s) => ({ x: s.start[0], y: s.start[1], group: endLabel(s.end) })),
      xTitle: `${px}’s weight at the start`,
      yTitle: `${py}’s weight at the start`,
      groupTitle: 'ends at',
      otherTitle: 'a start',
      xDomain: [0, 1],
      yDomain: [0, 1],
    },
    { width: 300, height: 300 },
  );
  return {
    tables: [
      {
        caption: `Fixed points of the meta-preference dynamics and their basins (${r.starts} seeded uniform starts, seed ${r.seed}; rate ${r.rate})`,
        header: ['fixed point', ...r.parts.map((p) => `w ${p}`), 'starts', 'basin', 'strict'],
        rows,
        precision: 3,
        note: `Strict: the only Σ winner among the ${r.candidates} candidate weight vectors at its own weights. ${r.cycles} starts ended in a cycle, ${r.unconverged} reached neither.`,
      },
    ],
    figures: [
      {
        svg: await renderSvg(bars),
        caption: `Basin frequencies: the share of the starts that end at each fixed point.${missing.map((t) => ` ${t.part}’s ideal is not a fixed point: no start ends there.`).join('')}`,
        alt: 'bar chart of basin frequencies of the fixed points',
      },
      {
        svg: await renderSvg(scatter),
        caption: `The basins: every start, placed by its ${px} and ${py} weights (${r.parts[2]} has the rest), coloured by the fixed point it ends at. Where H ends up is decided by where it starts.`,
        alt: 'scatter plot of the starting weights coloured by the fixed point reached',
      },
    ],
  };
}

/** The section of one experiment. */
export async function experimentSection(r: ExperimentResult, text: ExperimentText): Promise<ReportSection> {
  const body =
    r.experiment === 'bounded-compute'
      ? await boundedSection(r)
      : r.experiment === 'career-evolution'
        ? await careerSection(r)
        : r.experiment === 'learners'
          ? await learnersSection(r)
          : r.experiment === 'whole-irl'
            ? await wholeIrlSection(r)
            : await metaSection(r);
  return {
    heading: r.title,
    id: `experiment-${r.experiment}`,
    ...body,
    paragraphs: [text.description, `The essay: ${text.essay}`, ...(body.paragraphs ?? [])],
  };
}

/** The report's section of the built-in experiments: a summary table, then one subsection each. */
export async function experimentsSection(
  results: readonly { result: ExperimentResult; text: ExperimentText }[],
): Promise<ReportSection> {
  const sections: ReportSection[] = [];
  for (const { result, text } of results) sections.push(await experimentSection(result, text));
  return {
    heading: 'Built-in experiments',
    id: 'experiments',
    paragraphs: [
      'The essay’s examples whose parameters (compute budgets, value complexities, habituation and endorsement rates, meta-preference targets) are not in the scenario file format: defined in code, deterministic from the seed.',
    ],
    tables: [
      {
        caption: 'Built-in experiments: the key numbers',
        header: ['experiment', 'key numbers'],
        rows: results.map(({ result }) => [result.title, result.summary]),
      },
    ],
    sections,
  };
}
