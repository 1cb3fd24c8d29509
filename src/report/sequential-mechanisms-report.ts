/**
 * What a sequential scenario's mechanism blocks found, for the terminal, the claims and the HTML
 * report: the `bounded:` block (each split rule's compute, NRL's expected weights over time, the
 * parts' true utilities, and whether cheap values gained weight) and the `evolution:` block (what
 * H chose, where the weights drift, each part's welfare by its original and current utilities).
 * Every sentence is the run's own `findings`, computed from its numbers (run/sequential-*.ts).
 */
import type { SequentialResult } from '../run/sequential.js';
import type { ClaimCheck } from './claims.js';
import type { Cell, ReportFigure, ReportSection, ReportTable } from './html.js';
import { lineChartSpec } from './plots.js';
import { renderSvg } from './render.js';
import { hangingIndent } from './table.js';

const BOUNDED_CLAIM =
  'Parts whose values are cheap to compute gain weight over parts whose values are costly.';
const EVOLUTION_CLAIM =
  'Preferences evolve under H’s own choices: aligning with what H wants now is not stable.';

/** The terminal's block: each scenario's mechanism findings, one wrapped paragraph each. */
export function mechanismsText(results: readonly SequentialResult[], width: number): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.bounded) {
      lines.push(
        ...hangingIndent(
          '',
          `${r.scenario}: bounded parts splitting compute (${r.bounded.draws} noise draws)`,
          width,
        ),
      );
      if (r.bounded.error) lines.push(...hangingIndent('  ', `error: ${r.bounded.error}`, width));
      for (const f of r.bounded.findings) lines.push(...hangingIndent('  - ', f, width));
    }
    if (r.evolution) {
      const head = `${r.scenario}: H acting by its own Σ for ${r.evolution.steps} steps while its parts evolve (${r.evolution.choice_runs.join(', ')})`;
      lines.push(...hangingIndent('', head, width));
      for (const f of r.evolution.findings) lines.push(...hangingIndent('  - ', f, width));
    }
  }
  return lines.join('\n');
}

const names = (xs: readonly string[]) =>
  xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** The claims the mechanism blocks of this run test, with this run's verdicts. */
export function mechanismClaims(seq: readonly SequentialResult[]): ClaimCheck[] {
  const out: ClaimCheck[] = [];
  const bounded = seq.filter((r) => r.bounded && !r.bounded.error && r.bounded.splits.length > 0);
  if (bounded.length > 0)
    out.push({
      claim: BOUNDED_CLAIM,
      testedBy: `the bounded: block of ${names(bounded.map((r) => r.scenario))}`,
      verdict: bounded
        .map(
          (r) =>
            `${r.scenario}: ${r
              .bounded!.splits.map(
                (s) =>
                  `${s.rule} ${s.advantage === 'cheap' ? 'favours the cheap values' : s.advantage === 'costly' ? 'favours the costly values' : 'gives no advantage'} (final weights ${r.parts
                    .map((p) => `${p} ${s.final_weights[p].toFixed(3)}`)
                    .join(', ')})`,
              )
              .join('; ')}`,
        )
        .join('; '),
    });
  const evolving = seq.filter((r) => r.evolution);
  if (evolving.length > 0)
    out.push({
      claim: EVOLUTION_CLAIM,
      testedBy: `the evolution: block of ${names(evolving.map((r) => r.scenario))}`,
      verdict: evolving
        .map((r) => {
          const e = r.evolution!;
          const ranking = (g: string[][]) => g.map((x) => x.join(' = ')).join(' > ');
          const changed = ranking(e.original_ranking) !== ranking(e.evolved_ranking);
          return `${r.scenario}: over ${e.steps} steps Σ’s ranking ${changed ? `goes from ${ranking(e.original_ranking)} to ${ranking(e.evolved_ranking)}` : `stays ${ranking(e.original_ranking)}`}; the parts’ original welfare ${e.original_welfare_survives ? 'survives' : 'does not survive'}`;
        })
        .join('; '),
    });
  return out;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The HTML report's subsections for the mechanism blocks of a sequential result. */
export async function mechanismSections(r: SequentialResult): Promise<ReportSection[]> {
  const out: ReportSection[] = [];
  const b = r.bounded;
  if (b) {
    const tables: ReportTable[] = [];
    const figures: ReportFigure[] = [];
    if (b.splits.length > 0) {
      const rows: Cell[][] = b.splits.flatMap((s) =>
        b.parts.map((p, i): Cell[] => [
          i === 0 ? s.rule : '',
          p,
          b.complexity[p],
          s.value_compute[p],
          s.model_compute[p],
          s.value_sd[p],
          s.model_share[p],
          s.weight_gain[p] > 1e-9 ? { value: s.final_weights[p], highlight: 'strong' } : s.final_weights[p],
          s.utility[p],
          s.utility_se[p],
          s.own_utility[p],
        ]),
      );
      tables.push({
        caption: `Bounded parts: what each split rule buys each part, and NRL’s weights after ${b.horizon} steps`,
        header: [
          'split rule',
          'part',
          'k',
          'compute: values',
          'compute: model',
          'σ',
          'm',
          'E[w] final',
          'true utility',
          '± se',
          'own view',
        ],
        rows,
        precision: 3,
        note: `k: value complexity; σ = σ0/√(1 + c_v/k) the sd of the part’s value estimate (σ0 = ${b.sd0}); m = c_m/(c_m + h) the truth’s share in its beliefs (h = ${b.half_model}). E[w] is exact over every trajectory of the truth; utilities average ${b.draws} seeded noise draws. Bold: a part that gained weight.`,
      });
      const T = b.horizon + 1;
      const spec = lineChartSpec(
        {
          series: b.splits.flatMap((s) =>
            b.parts.map((p) => ({ name: p, facet: s.rule, x: range(T), y: s.expected_weights[p] })),
          ),
          xTitle: 't',
          yTitle: 'E[w(t)]',
          seriesTitle: 'part',
          yDomain: [0, 1],
          facetColumns: 2,
        },
        { width: 300, height: 180 },
      );
      figures.push({
        svg: await renderSvg(spec),
        caption: `NRL’s expected weights step by step under each split rule (${r.scenario}). ${b.findings[b.findings.length - 1]}`,
        alt: `line charts of the parts’ expected weights over ${b.horizon} steps, one panel per split rule`,
      });
    }
    out.push({
      heading: `${r.title}: bounded parts`,
      id: `${r.scenario}-bounded`,
      paragraphs: b.error ? [`The bounded parts could not be solved: ${b.error}`] : b.findings,
      tables,
      figures,
    });
  }
  const e = r.evolution;
  if (e) {
    const rows: Cell[][] = e.per_part.map((p) => [
      p.name,
      p.weight,
      p.evolved_weight,
      p.mean_welfare_unevolved,
      p.mean_welfare_original < p.mean_welfare_unevolved - 1e-9
        ? { value: p.mean_welfare_original, highlight: 'bad' }
        : p.mean_welfare_original,
      p.mean_welfare_current,
      p.drift,
    ]);
    const spec = lineChartSpec(
      {
        series: r.parts.map((p) => ({ name: p, x: range(e.steps + 1), y: e.weights[p] })),
        xTitle: 'step',
        yTitle: 'weight share',
        seriesTitle: 'part',
        yDomain: [0, 1],
      },
      { width: 420, height: 200 },
    );
    out.push({
      heading: `${r.title}: preferences that evolve`,
      id: `${r.scenario}-evolution`,
      paragraphs: [`What H chose: ${e.choice_runs.join(', ')}.`, ...e.findings],
      tables: [
        {
          caption: `Each part after ${e.steps} steps of H acting by its own Σ while its parts evolve`,
          header: [
            'part',
            'weight at start',
            'weight after',
            'welfare had it not evolved',
            'welfare by original utilities',
            'welfare by current utilities',
            'drift',
          ],
          rows,
          precision: 3,
          note: 'Welfare: the mean over the steps of the part’s utility of what happened, normalized to [0, 1] over its items; “had it not evolved”: the same H with every rate 0. Red: the part gets less by its original utilities than the unevolved H gave it. Drift: the largest utility change, in units of the part’s original range.',
        },
      ],
      figures: [
        {
          svg: await renderSvg(spec),
          caption: `The parts’ weight shares step by step as H acts by its own Σ (${r.scenario}).`,
          alt: `line chart of the parts’ weight shares over ${e.steps} steps`,
        },
      ],
    });
  }
  return out;
}
