/**
 * The `learners` experiment's report section (experiment/learners.ts): the planners and the
 * learners side by side, and per learner its learning curve — H's approval, the original parts'
 * welfare and the drift of H's attention of the policy it would act on after each episode count —
 * against the planner that knows H's dynamics and the myopic one that never reshapes H. Also its
 * claim for "What this run shows".
 */
import type { LearnersExperiment } from '../experiment/learners.js';
import type { Cell, ReportFigure, ReportSection } from './html.js';
import { type LineSeries, lineChartSpec } from './plots.js';
import { renderSvg } from './render.js';

const MEASURES = [
  ['approval', 'H’s approval'],
  ['original_welfare', 'original parts’ welfare'],
  ['mean_drift', 'mean drift of H’s attention'],
] as const;

export async function learnersSection(r: LearnersExperiment): Promise<Omit<ReportSection, 'heading'>> {
  const [far, myopic] = r.planners;
  const rows: Cell[][] = [
    ...r.planners.map((p): Cell[] => [
      p.id,
      'given',
      p.approval,
      p.original_welfare,
      p.mean_drift,
      p.reshaping_gain,
      '',
    ]),
    ...r.learners.map((l): Cell[] => [
      l.id,
      `${l.episodes} episodes`,
      l.final.approval,
      l.final.original_welfare,
      l.final.mean_drift,
      l.final.reshaping_gain,
      l.manipulation_from === null
        ? { value: 'not within its episodes', highlight: 'muted' }
        : { value: `from episode ${l.manipulation_from}`, highlight: 'bad' },
    ]),
  ];
  const figures: ReportFigure[] = [];
  for (const l of r.learners) {
    const x = l.curve.episode;
    const ends = [x[0], x[x.length - 1]];
    const series: LineSeries[] = MEASURES.flatMap(([k, facet]) => [
      { name: l.id, facet, x, y: l.curve[k] },
      { name: `${far.id} (knows H)`, facet, x: ends, y: [far[k], far[k]] },
      { name: `${myopic.id} (never reshapes H)`, facet, x: ends, y: [myopic[k], myopic[k]] },
    ]);
    const spec = lineChartSpec(
      { series, xTitle: 'learning episodes', seriesTitle: 'agent', facetColumns: 3, independentY: true },
      { width: 220, height: 150 },
    );
    figures.push({
      svg: await renderSvg(spec),
      caption: `${l.title}: the policy it would act on after each number of episodes, measured exactly under the truth, against the planners’ constant values. ${
        l.manipulation_from === null
          ? `Within ${l.episodes} episodes it does not settle on reshaping H (drift past ${r.drift_threshold.toFixed(3)}): its approval peaks at ${l.peak.approval.toFixed(2)} with drift ${l.peak.mean_drift.toFixed(3)} after ${l.peak.episode} episodes${
              l.peak.approval > myopic.approval && l.peak.approval < far.approval
                ? ', part of the way from the myopic planner’s to the far-sighted one’s'
                : ''
            }.`
          : `From episode ${l.manipulation_from} on it reshapes H: its drift is past ${r.drift_threshold.toFixed(3)} and the original parts’ welfare falls towards the planner’s.`
      }`,
      alt: `line charts of approval, original welfare and drift over learning episodes for ${l.id}`,
    });
  }
  return {
    paragraphs: [
      `PSRL’s posterior-mean transitions end ${r.psrl_transition_tv.toFixed(3)} from the truth in total variation, averaged over every (state, internal state, action) — including internal states no policy reaches, which stay at the prior.`,
    ],
    tables: [
      {
        caption: `Who reshapes H, and when (${r.horizon} days; reshaping gain: approval above the myopic planner’s)`,
        header: [
          'agent',
          'H’s dynamics',
          'approval',
          'original welfare',
          'mean drift',
          'reshaping gain',
          'reshapes H',
        ],
        rows,
        precision: 3,
      },
    ],
    figures,
  };
}

/** The claim this experiment tests, with this run's verdict. */
export function learnersClaim(r: LearnersExperiment): { claim: string; verdict: string } {
  const far = r.planners[0];
  return {
    claim: 'A smart learner will invert the hidden dynamics: learning H’s approval leads to reshaping H.',
    verdict: r.learners
      .map((l) =>
        l.manipulation_from === null
          ? `${l.id} does not settle on reshaping H within ${l.episodes} episodes (its approval peaks at ${l.peak.approval.toFixed(2)}, drift ${l.peak.mean_drift.toFixed(2)})`
          : `${l.id} reshapes H from episode ${l.manipulation_from}, reaching approval ${l.final.approval.toFixed(2)} (planner ${far.approval.toFixed(2)}) at original welfare ${l.final.original_welfare.toFixed(2)} (planner ${far.original_welfare.toFixed(2)})`,
      )
      .join('; '),
  };
}
