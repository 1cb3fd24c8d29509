/**
 * The report section of a sequential scenario: the agents side by side (expected totals of H's
 * approval, the original parts' welfare and drift over the horizon), and for each agent the
 * recorded trajectory as time series — the parts' weights (H's attention, or NRL's priorities),
 * approval next to the original parts' welfare, and drift.
 */
import type { SequentialResult } from '../run/sequential.js';
import { runSeries } from '../dynamics/recorder.js';
import type { Cell, ReportFigure, ReportSection } from './html.js';
import { lineChartSpec, WELFARE_BELIEFS, welfareSubtitle } from './plots.js';
import { renderSvg } from './render.js';
import { sequentialLevelLines, sequentialLevelTables } from './sequential-levels-report.js';
import { irlAgentTables } from './whole-irl-report.js';
import { mechanismSections } from './sequential-mechanisms-report.js';

export async function sequentialSection(
  r: SequentialResult,
  description: string,
  essay: string,
): Promise<ReportSection> {
  const rows: Cell[][] = r.alignments.map((a): Cell[] =>
    a.error
      ? [a.label, { value: `error: ${a.error}`, highlight: 'bad' }, null, null, null, null]
      : [
          a.label,
          a.expected?.approval ?? null,
          a.expected?.original_welfare ?? null,
          a.expected?.mean_drift ?? null,
          a.expected?.method ?? null,
          a.nrl
            ? Object.entries(a.nrl.own_beliefs)
                .map(([p, v]) => `${p} ${v.toFixed(3)}`)
                .join(', ')
            : a.policy
              ? Object.entries(a.policy.level)
                  .map(([p, v]) => `${p} ${v.toFixed(3)}`)
                  .join(', ')
              : '',
        ],
  );
  const figures: ReportFigure[] = [];
  for (const a of r.alignments) {
    if (!a.rows || a.rows.length === 0) continue;
    const spec = lineChartSpec(
      {
        series: runSeries(a.rows, r.parts),
        xTitle: 't',
        seriesTitle: 'series',
        facetColumns: 3,
        independentY: true,
      },
      {
        width: 260,
        height: 160,
        title: `${a.label}: one recorded run`,
        subtitle: welfareSubtitle('reached'),
      },
    );
    figures.push({
      svg: await renderSvg(spec),
      caption: `${a.label}: one recorded run (seed ${r.seed}${r.observed ? ', replayed observations' : ''}) — ${
        a.id === 'critch/nrl' ? 'NRL priorities (prior × likelihood)' : 'H’s weight shares'
      }, approval and the original parts’ welfare (their t = 0 rewards, normalized, ${WELFARE_BELIEFS.reached}), drift.`,
      alt: `time series of weights, approval and drift for ${a.label}`,
    });
  }
  return {
    heading: r.title,
    id: r.scenario,
    paragraphs: [description, essay ? `The essay: ${essay}` : '', sequentialLevelLines(r).join(' ')].filter(
      (x) => x !== '',
    ),
    tables: [
      {
        caption: `Agents over ${r.horizon} steps (${r.title})`,
        header: [
          'agent',
          'E[Σ approval]',
          'E[Σ original welfare]',
          'E[mean drift]',
          'how',
          'NRL: utility under own beliefs; policy/: each part’s level',
        ],
        rows,
        precision: 3,
        note: 'Original welfare: Σ_t Σ_i w_i(0) · r̂_i(s_t, a_t), the parts as they were at t = 0 with their t = 0 weights; r̂ is each reward normalized to [0, 1]. Drift: total-variation distance of H’s weight shares from t = 0. A part’s level under a policy/ agent: the share of all policies it ranks below the chosen one by its own return (1 = its best).',
      },
      ...sequentialLevelTables(r),
      ...irlAgentTables(r),
    ],
    figures,
    sections: await mechanismSections(r),
  };
}
