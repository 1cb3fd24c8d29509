/**
 * The `whole-irl` experiment's report section (experiment/whole-irl.ts): the reward MaxEnt IRL
 * learned against H's own (up to the constant it cannot see), the returns of un-bounding, and the
 * Armstrong–Mindermann decompositions with their simplicity scores; also its claim for "What this
 * run shows".
 */
import type { SequentialResult } from '../run/sequential.js';
import type { ClaimCheck } from './claims.js';
import type { WholeIrlExperiment } from '../experiment/whole-irl.js';
import type { Cell, ReportSection, ReportTable } from './html.js';
import { groupedBarSpec } from './plots.js';
import { renderSvg } from './render.js';

/** The columns of a decompositions table: what the prior's score sums, and what un-bounding does. */
const DECOMPOSITION_HEADER = [
  'decomposition',
  'planner',
  'max |Δπ| from the fit',
  'log-likelihood',
  '‖R‖₁',
  'planner parameters',
  'score',
  'un-bounded return',
];

export async function wholeIrlSection(r: WholeIrlExperiment): Promise<Omit<ReportSection, 'heading'>> {
  const centred = (xs: Record<string, number>) => {
    const v = r.states.map((s) => xs[s]);
    const mean = v.reduce((t, x) => t + x, 0) / v.length;
    return v.map((x) => x - mean);
  };
  const truth = centred(Object.fromEntries(r.states.map((s) => [s, r.true_beta * r.true_reward[s]])));
  const fit = centred(r.fit.reward);
  const bars = groupedBarSpec(
    {
      groups: r.states,
      series: [
        `β·R, H’s own (β = ${r.true_beta})`,
        'learned (β = 1 assumed)',
        'anti-rational reading: −learned',
      ],
      values: r.states.map((_, s) => [truth[s], fit[s], -fit[s]]),
      xTitle: 'state',
      yTitle: 'reward, centred',
      seriesTitle: '',
    },
    { width: 420 },
  );
  const best = Math.min(...r.decompositions.map((d) => d.score));
  const rows: Cell[][] = r.decompositions.map((d) => [
    d.score === best ? { value: d.name, highlight: 'strong' } : d.name,
    d.planner,
    { value: d.policyDistance, precision: 17 },
    d.logLikelihood,
    d.rewardL1,
    { value: d.plannerParameters, precision: 0 },
    d.score === best ? { value: d.score, highlight: 'strong' } : d.score,
    d.unboundedReturn,
  ]);
  return {
    paragraphs: [
      `Un-bounding the learned reward (β → ∞) returns ${r.returns.unbounded_fit.toFixed(3)} of H’s Σ over ${r.horizon} steps; H itself gets ${r.returns.h.toFixed(3)}, the best plan ${r.returns.optimal.toFixed(3)}. (β, R) and (−β, −R) give policies that differ by ${r.sign_flip_distance} (exactly the same), so no amount of H’s behaviour tells them apart — yet un-bounded, the anti-rational reading plans for the opposite of what H wants.`,
    ],
    tables: [
      {
        caption: `Decompositions of H’s behaviour into planner and reward, scored by the simplicity prior (−log-likelihood + ${r.prior.l1}·‖R‖₁ + ${r.prior.per_parameter} per planner parameter; lower is simpler)`,
        header: DECOMPOSITION_HEADER,
        rows,
        precision: 3,
        note: `The log-likelihood is per demonstration (${r.demonstrations} of them). The simplest pair (bold) is ${r.simplest}: a fainter reward planned for more sharply, which the prior prefers without limit as the reward fades. The rational and the anti-rational pair tie.`,
      },
      {
        caption: `H’s reward, and what MaxEnt IRL learned from ${r.demonstrations} trajectories (after ${r.fit.iterations} gradient steps)`,
        header: ['state', 'H’s reward R', `β·R (β = ${r.true_beta})`, 'learned', 'error, both centred'],
        rows: r.states.map((s) => [
          s,
          r.true_reward[s],
          r.true_beta * r.true_reward[s],
          r.fit.reward[s],
          r.fit.centred_error[s],
        ]),
        precision: 3,
        note: `A constant added to every reward changes no trajectory’s probability (each has ${r.horizon} steps), and the fit absorbs H’s β into the reward: so the comparison is with β·R, both centred. The learned policy differs from H’s by at most ${r.fit.policy_distance.toFixed(3)} in any action probability (sampling error).`,
      },
    ],
    figures: [
      {
        svg: await renderSvg(bars),
        caption:
          'H’s reward (scaled by its β), the learned reward, and the anti-rational reading of the same behaviour (its negation), each centred: the data cannot tell the last two apart.',
        alt: 'grouped bar chart of the true, learned and anti-rational rewards per state',
      },
    ],
  };
}

/** The claim this experiment tests, with this run's verdict. */
export function wholeIrlClaim(r: WholeIrlExperiment): { claim: string; verdict: string } {
  const [rational, anti] = r.decompositions;
  return {
    claim:
      'Learning the whole H needs assumptions about its rationality: the learned H is not identified from behaviour.',
    verdict: `(β, R) and (−β, −R) give the same policy (largest difference ${r.sign_flip_distance}) and the same simplicity score (${rational.score.toFixed(3)}); un-bounded they return ${rational.unboundedReturn.toFixed(3)} and ${anti.unboundedReturn.toFixed(3)} of H’s Σ; the simplest decomposition under the prior is ${r.simplest}`,
  };
}

/**
 * The same claim tested by whole/maxent-irl agents of sequential scenarios, one verdict per prior
 * the scenario states: whether that prior tells (β, R) from (−β, −R).
 */
export function wholeIrlAgentClaim(seq: readonly SequentialResult[]): ClaimCheck | null {
  const tested = seq.flatMap((r) =>
    r.alignments.flatMap((a) => (a.irl && !a.error ? [{ r, a, irl: a.irl }] : [])),
  );
  if (tested.length === 0) return null;
  let tied = 0;
  const verdicts = tested.map(({ r, irl }) => {
    const rational = irl.decompositions.find((d) => d.name === 'rational');
    const anti = irl.decompositions.find((d) => d.name === 'anti-rational');
    if (!rational || !anti) return `${r.scenario}: no rational and anti-rational decompositions`;
    const tie = Math.abs(rational.score - anti.score) <= 1e-9 * Math.max(1, Math.abs(rational.score));
    if (tie) tied++;
    const f = (x: number) => x.toFixed(3);
    return `${r.scenario}, prior λ = ${irl.prior.l1}, μ = ${irl.prior.per_parameter}: (β, R) and (−β, −R) give the same policy (largest difference ${f(irl.sign_flip_distance)}) and score ${f(rational.score)} and ${f(anti.score)}${tie ? ' — a tie' : ''}; un-bounded they return ${f(rational.unbounded_return)} and ${f(anti.unbounded_return)} of H’s Σ (H itself ${f(irl.returns.h)}); the simplest is ${irl.simplest.join(' = ')}`;
  });
  return {
    claim:
      'Learning the whole H needs assumptions about its rationality: the learned H is not identified from behaviour.',
    testedBy: `whole/maxent-irl under ${tested.length === 1 ? 'the simplicity prior' : `${tested.length} simplicity priors`} stated in ${[...new Set(tested.map((t) => t.r.scenario))].join(', ')}`,
    verdict: `${verdicts.join('; ')}${tied === tested.length ? `; no prior stated here separates the two` : ''}`,
  };
}

/** For each whole/maxent-irl agent of a sequential scenario: its decompositions under the file's prior. */
export function irlAgentTables(r: SequentialResult): ReportTable[] {
  return r.alignments.flatMap((a) => {
    const irl = a.irl;
    if (!irl || a.error) return [];
    const best = Math.min(...irl.decompositions.map((d) => d.score));
    const simplest = new Set(irl.simplest);
    return [
      {
        caption: `${a.label}: H’s behaviour decomposed into planner and reward, scored by the prior the scenario states (−log-likelihood + ${irl.prior.l1}·‖R‖₁ + ${irl.prior.per_parameter} per planner parameter; lower is simpler)`,
        header: DECOMPOSITION_HEADER,
        rows: irl.decompositions.map((d): Cell[] => [
          simplest.has(d.name) ? { value: d.name, highlight: 'strong' } : d.name,
          d.planner,
          { value: d.policy_distance, precision: 17 },
          d.log_likelihood,
          d.reward_l1,
          { value: d.planner_parameters, precision: 0 },
          d.score <= best + 1e-9 * Math.max(1, Math.abs(best))
            ? { value: d.score, highlight: 'strong' }
            : d.score,
          d.unbounded_return,
        ]),
        precision: 3,
        note: `From ${irl.demonstrations} trajectories of H (β = ${irl.rationality}); un-bounded, the learned reward returns ${irl.returns.unbounded_fit.toFixed(3)} of H’s Σ (H itself ${irl.returns.h.toFixed(3)}, the best plan ${irl.returns.optimal.toFixed(3)}). The rational and anti-rational pairs have the same likelihood, ‖R‖₁ and parameters, so every prior of this form ties them.`,
      },
    ];
  });
}
