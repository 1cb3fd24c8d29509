/**
 * The terminal summary of `sulab run`, in lines of at most TERMINAL_WIDTH columns: what the run
 * shows (claims.ts), the readings of each one-shot scenario with a legend of their terms, the
 * agents of each sequential scenario, and the experiments' key numbers. Long cells wrap and a
 * target's tie set is counted ("a (+2 tied)"); `--json` and the HTML report give the sets in full.
 */
import type { ExperimentResult } from '../experiment/registry.js';
import type { SequentialResult } from '../run/sequential.js';
import { mechanismsText } from './sequential-mechanisms-report.js';
import { claimChecks, claimsText, DEFINITIONS } from './claims.js';
import { experimentSummaryTable } from './experiments-report.js';
import { levelLines } from './levels-report.js';
import { mechanismLines } from './mechanisms-report.js';
import { sequentialLevelLines } from './sequential-levels-report.js';
import { decisionText, type ScenarioRun, summaryRows } from './scenario-report.js';
import { hangingIndent, renderTable, type TableRow } from './table.js';

export const TERMINAL_WIDTH = 100;

const wrap = (first: string, text: string) => hangingIndent(first, text, TERMINAL_WIDTH);

/** The readings of every one-shot scenario, grouped under a line naming it and B(H); a legend below. */
export function readingsTable(runs: readonly ScenarioRun[]): string {
  const rows: TableRow[] = runs.flatMap(({ result: r, epsilon }, k) => [
    ...(k > 0 ? [{ span: '' }] : []),
    {
      span: `${r.scenario}: B(H) = ${decisionText(r.behaviour)}; ${r.accepted_by_some} of ${r.candidates.length} candidate behaviours accepted as aligned by some reading`,
    },
    ...summaryRows(r, epsilon).map((s) => [
      s.reading,
      s.error ? `error: ${s.error}` : s.tied.length > 0 ? `${s.target} (+${s.tied.length} tied)` : s.target,
      s.selfAligned === null ? '' : s.selfAligned ? 'yes' : `no (gap ${s.gap?.toFixed(3)})`,
      s.worstOff,
      s.override === null ? '' : s.override ? 'yes' : 'no',
    ]),
    // What qualifies a target (a bargaining limit that does not settle, no agreement), under the rows.
    ...r.alignments.flatMap((a) => (a.caveats ?? []).map((c) => ({ span: `${a.label}: ${c}` }))),
    ...levelLines(r).map((span) => ({ span })),
    ...mechanismLines(r).map((span) => ({ span })),
  ]);
  const table = renderTable(
    ['reading f', 'target', 'self-aligned?', 'worst-off part', 'overrides B(H)?'],
    rows,
    // The reading's name keeps its line unless its options are long; targets and parts wrap.
    { width: TERMINAL_WIDTH, shrink: { 0: 26, 1: 12, 2: 8, 3: 12, 4: 8 }, lists: true },
  );
  const pad = Math.max(...DEFINITIONS.map(([term]) => term.length)) + 2;
  return [table, '', ...DEFINITIONS.flatMap(([term, text]) => wrap(term.padEnd(pad), text))].join('\n');
}

/** The agents of every sequential scenario: expected totals over the horizon and one recorded run. */
export function agentsTable(results: readonly SequentialResult[]): string {
  const rows: TableRow[] = results.flatMap((r, k) => [
    ...(k > 0 ? [{ span: '' }] : []),
    {
      span: `${r.scenario}: ${r.horizon} steps; recorded run ${r.observed ? 'replaying the given observations' : `sampled from the truth with seed ${r.seed}`}`,
    },
    ...r.alignments.map((a) => [
      a.label,
      a.error ? `error: ${a.error}` : (a.expected?.approval.toFixed(3) ?? ''),
      a.expected?.original_welfare.toFixed(3) ?? '',
      a.expected?.mean_drift?.toFixed(3) ?? (a.expected ? '–' : ''),
      a.trajectory
        ? a.trajectory
            .map((x) => x.action)
            .slice(0, 4)
            .join(' → ') + (a.trajectory.length > 4 ? ' → …' : '')
        : '',
    ]),
    ...sequentialLevelLines(r).map((span) => ({ span })),
  ]);
  const table = renderTable(
    ['agent', 'E[Σ approval]', 'E[Σ original welfare]', 'E[mean drift]', 'recorded run'],
    rows,
    { width: TERMINAL_WIDTH, shrink: { 0: 17, 1: 6, 2: 6, 3: 6, 4: 20 }, lists: true },
  );
  const legend =
    'E[…]: expected totals over the horizon. Original welfare: Σ_t Σ_i w_i(0) · r̂_i(s_t, a_t), the parts as they were at t = 0 (rewards normalized to [0, 1]) in the states the true dynamics reach; no part’s beliefs enter. Drift: total-variation distance of H’s weight shares from t = 0 (– for critch/nrl, whose weights are its priorities).';
  return [table, '', ...wrap('', legend)].join('\n');
}

/**
 * Everything `sulab run` prints without --json. The claims open it; a run of experiments alone
 * keeps the first line it always had (the key numbers' header) and the claims follow its table.
 */
export function terminalSummary(run: {
  oneShot: readonly ScenarioRun[];
  sequential: readonly SequentialResult[];
  experiments: readonly ExperimentResult[];
}): string {
  const claims = claimsText(claimChecks(run), TERMINAL_WIDTH);
  const blocks: string[] = [];
  if (run.oneShot.length > 0) blocks.push(readingsTable(run.oneShot));
  if (run.sequential.length > 0) blocks.push(agentsTable(run.sequential));
  if (run.sequential.length > 0) blocks.push(mechanismsText(run.sequential, TERMINAL_WIDTH));
  if (run.experiments.length > 0) blocks.push(experimentSummaryTable(run.experiments, TERMINAL_WIDTH));
  return [claims, ...blocks].filter((b) => b !== '').join('\n\n');
}
