/**
 * What the mechanism readings found beyond their targets, for the terminal and the report:
 * meta/equilibrium's fixed points of the weights (basin, stability, what H would choose at each,
 * which one the rule selected) and parts/unbounding's path (each bargain's outcome as the parts
 * un-bound at their own rates, where it flips, whether it keeps H's choice, and the same path at
 * equal rates). Read from the `details` of `sulab run --json`, so the JSON and the report agree.
 */
import type { AlignmentResult, ScenarioResult } from '../run/one-shot.js';
import type { Cell, ReportSection } from './html.js';
import { lineChartSpec } from './plots.js';
import { renderSvg } from './render.js';

interface FixedPointJson {
  weights: number[];
  basin: number;
  stable: boolean;
  returned?: number;
  perturbations?: number;
  choice: string[];
}

interface MetaDetails {
  select: string;
  declared: boolean;
  parts?: string[];
  fixed_points: FixedPointJson[];
  cycles: { orbit: number[][]; basin: number }[];
  unconverged: number;
  selected: number;
}

interface BargainJson {
  rule: string;
  modes: string[][];
  lotteries: number[][];
  flips: (number | 'limit')[];
  keeps: boolean;
}

interface UnboundingDetails {
  rates: Record<string, number>;
  compute: (number | null)[];
  original: string[];
  bargains: BargainJson[];
  equal_rates?: BargainJson[];
}

const pct = (x: number) => `${Math.round(100 * x)}%`;
const at = (c: number | 'limit' | null) => (c === 'limit' || c === null ? '∞' : String(c));

function withDetails<T>(r: ScenarioResult, id: string): [AlignmentResult, T][] {
  return r.alignments.filter((a) => a.id === id && a.details && !a.error).map((a) => [a, a.details as T]);
}

/** One line per mechanism reading of the scenario: its finding in the essay's terms. */
export function mechanismLines(r: ScenarioResult): string[] {
  const lines: string[] = [];
  for (const [a, d] of withDetails<MetaDetails>(r, 'meta/equilibrium')) {
    if (!d.declared) continue;
    const fps = d.fixed_points;
    const stable = fps.filter((f) => f.stable).length;
    const choices = new Set(fps.map((f) => f.choice.join(' or ')));
    const chosen = fps[d.selected];
    lines.push(
      `${a.label}: ${fps.length} fixed points of the weights (${stable} stable; basins ${fps.map((f) => pct(f.basin)).join(', ')})${d.cycles.length > 0 ? ` and ${d.cycles.length} cycle${d.cycles.length === 1 ? '' : 's'}` : ''}; H would choose ${choices.size} different thing${choices.size === 1 ? '' : 's'} at them${chosen ? `; ${d.select} picks the one where H chooses ${chosen.choice.join(' or ')}` : ''}`,
    );
  }
  for (const [a, d] of withDetails<UnboundingDetails>(r, 'parts/unbounding')) {
    const kept = d.bargains.filter((b) => b.keeps).length;
    const flips = d.bargains
      .filter((b) => b.flips.length > 0)
      .map((b) => `${b.rule} flips at c = ${b.flips.map(at).join(', ')}`);
    lines.push(
      `${a.label}: H's choice (${d.original.join(' or ')}) survives un-bounding at these rates under ${kept} of ${d.bargains.length} bargains${flips.length > 0 ? `; ${flips.join('; ')}` : '; no bargain flips'}`,
    );
  }
  return lines;
}

function metaSection(r: ScenarioResult, a: AlignmentResult, d: MetaDetails): ReportSection {
  const parts = d.parts ?? r.parts;
  const rows: Cell[][] = d.fixed_points.map((f, j) => [
    j === d.selected ? { value: `${j + 1} (selected)`, highlight: 'strong' } : String(j + 1),
    ...f.weights,
    f.basin,
    f.stable
      ? { value: 'stable', highlight: 'good' }
      : { value: `unstable (${f.returned ?? 0}/${f.perturbations ?? 0} return)`, highlight: 'warn' },
    f.choice.join(', '),
  ]);
  for (const c of d.cycles)
    rows.push([
      { value: `cycle of ${c.orbit.length}`, highlight: 'muted' },
      ...parts.map(() => ''),
      c.basin,
      'never settles',
      '',
    ]);
  return {
    heading: `Meta-preference equilibria: ${a.label}`,
    paragraphs: [
      `The parts’ preferences over the weights move H’s weights along w ← (1 − λ) w + λ E(w); “naive attempts just move the problem up a meta level”: here there are ${d.fixed_points.length} fixed points, and ${d.select} selects one.`,
    ],
    tables: [
      {
        caption: `Fixed points of the weights, their basins (share of the seeded starts) and stability by perturbation (${r.title})`,
        header: ['fixed point', ...parts.map((p) => `weight: ${p}`), 'basin', 'stability', 'H would choose'],
        rows,
        precision: 2,
        note: 'Basins, cycles and unconverged starts sum to 1. Stable: every small perturbation of the weights returns to the point.',
      },
    ],
  };
}

async function unboundingSection(
  r: ScenarioResult,
  a: AlignmentResult,
  d: UnboundingDetails,
): Promise<ReportSection> {
  const x = d.compute.map((_, k) => k);
  const share = (l: number[]) =>
    r.actions.reduce((t, act, k) => t + (d.original.includes(act) ? (l[k] ?? 0) : 0), 0);
  const series = [
    ...d.bargains.map((b) => ({ name: b.rule, x, y: b.lotteries.map(share) })),
    ...(d.equal_rates ?? []).map((b) => ({ name: `${b.rule}, equal rates`, x, y: b.lotteries.map(share) })),
  ];
  const spec = lineChartSpec(
    {
      series,
      xTitle: `point on the path: compute c = ${d.compute.map(at).join(', ')}`,
      yTitle: `share of draws choosing H’s choice (${d.original.join(' or ')})`,
      seriesTitle: 'bargain',
      yDomain: [0, 1],
    },
    {
      title: 'Un-bounding at different rates',
      subtitle: Object.entries(d.rates)
        .map(([p, v]) => `${p} ${v}`)
        .join(', '),
    },
  );
  const rows: Cell[][] = d.compute.map((c, k) => [
    at(c),
    ...d.bargains.map((b) => {
      const m = b.modes[k].join(' or ');
      return d.original.some((o) => b.modes[k].includes(o)) ? m : { value: m, highlight: 'warn' as const };
    }),
  ]);
  return {
    heading: `Un-bounding at different rates: ${a.label}`,
    paragraphs: [
      `“We don’t know how different parts will scale.” Each part’s compute grows at its own rate (${Object.entries(
        d.rates,
      )
        .map(([p, v]) => `${p} ${v}`)
        .join(
          ', ',
        )}); its noise falls and its beliefs approach the truth. H’s original choice survives under ${d.bargains.filter((b) => b.keeps).length} of ${d.bargains.length} bargains.`,
    ],
    tables: [
      {
        caption: `Each bargain’s most likely outcome along the un-bounding path (${r.title}); tinted where it is not H’s choice`,
        header: ['compute c', ...d.bargains.map((b) => b.rule)],
        rows,
      },
    ],
    figures: [
      {
        svg: await renderSvg(spec),
        caption: `How often each bargain picks H’s original choice as the parts un-bound (${r.title}), at the declared rates and at equal rates.`,
        alt: 'line chart of the share of draws choosing H’s original choice along the un-bounding path, one line per bargain',
      },
    ],
  };
}

/** The report's sections for the scenario's mechanism readings (none when it has none). */
export async function mechanismSections(r: ScenarioResult): Promise<ReportSection[]> {
  const out: ReportSection[] = [];
  for (const [a, d] of withDetails<MetaDetails>(r, 'meta/equilibrium'))
    if (d.declared) out.push(metaSection(r, a, d));
  for (const [a, d] of withDetails<UnboundingDetails>(r, 'parts/unbounding'))
    out.push(await unboundingSection(r, a, d));
  return out;
}
