/**
 * meta/equilibrium: "Naive attempts just move the problem up a meta level. Instead of conflicting
 * preferences, there is now conflict between (preferences+metapreference) equilibria." The parts'
 * meta-preferences over the weights (the file's `meta:` block) drive the weights along
 * w ← (1 − λ) w + λ E(w) on the simplex; every fixed point is found (seeded starts, clustering,
 * every self-endorsing candidate), with its basin's share of the starts and its stability by
 * perturbation (../idealize/meta-dynamics.ts). One is selected by a stated rule — `largest-basin`
 * (default: where most starts end; ties: the first in lexicographic order of the weights) or
 * `nearest` (the one nearest H's current weight shares in L1; ties: the larger basin) — and the
 * target is what H, with its own Σ and bounds, does at those weights. Scores are as
 * boundary/instruction's at those weights: how likely that H is to choose each action.
 *
 * Without meta-preferences (or at a nested level, whose parts the file's weights are not over) the
 * weights stay H's own: the only fixed point is the current weights, and the target is B(H).
 */
import { totalVariation } from '../../core/distance.js';
import { UserError } from '../../core/errors.js';
import { type SigmaSpec, withWeights } from '../../core/model.js';
import type { ScenarioMeta } from '../../core/scenario.js';
import { buildContext } from '../context.js';
import { contextMeta } from '../idealize/meta-context.js';
import type { MetaPreferences } from '../idealize/meta-preferences.js';
import { type MetaEquilibria, metaEquilibria } from '../idealize/meta-dynamics.js';
import { shares } from '../idealize/view.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import type { AlignContext, Operationalization, Reading } from '../types.js';
import { actionTarget, unitScores } from './common.js';

export const SELECT_RULES = ['largest-basin', 'nearest'] as const;
export type SelectRule = (typeof SELECT_RULES)[number];

const options: readonly OptionSpec[] = [
  {
    name: 'select',
    type: 'string',
    default: 'largest-basin',
    description:
      "which fixed point is H's: largest-basin (where most seeded starts end) or nearest (nearest H's current weights)",
    check: (v) =>
      SELECT_RULES.includes(v as SelectRule)
        ? undefined
        : `unknown select rule ${JSON.stringify(v)}; expected ${SELECT_RULES.join(' or ')}`,
  },
];

const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`;

function weightsText(parts: readonly string[], w: ArrayLike<number>): string {
  return parts.map((p, i) => `${p} ${w[i].toFixed(2)}`).join(', ');
}

function l1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i] - b[i]);
  return d;
}

/** What H does at these weight shares (its own Σ and bounds): the reading of those weights. */
function atWeights(ctx: AlignContext, s: Float64Array): Reading & { modes: readonly number[] } {
  let total = 0;
  for (const x of ctx.h.state.weights) total += x;
  const h = withWeights(
    ctx.h,
    s.map((x) => x * total),
  );
  const b = buildContext({ ...ctx.scenario, principal: h }).behaviour;
  return {
    target: actionTarget(b.modes),
    scores: unitScores(b.lottery),
    scoreLottery: (l) => 1 - totalVariation(l, b.lottery),
    notes: [],
    modes: b.modes,
  };
}

/**
 * The equilibria depend on the meta-preferences, H's Σ and the seed, not on H's current weights;
 * readings of the same scenario at other weights (steerability, sweeps of the weights) reuse them.
 * Keyed by the file's meta block itself, so nothing outlives the scenario.
 */
const memo = new WeakMap<ScenarioMeta, { sigma: SigmaSpec; seed: number; eq: MetaEquilibria }[]>();

function equilibriaOf(ctx: AlignContext, meta: MetaPreferences, declared: ScenarioMeta): MetaEquilibria {
  const seen = memo.get(declared) ?? [];
  const hit = seen.find((x) => x.sigma === ctx.h.sigma && x.seed === ctx.scenario.seed);
  if (hit) return hit.eq;
  const eq = metaEquilibria(meta, ctx.rng('meta/equilibrium'), {
    starts: declared.starts,
    rate: declared.rate,
  });
  memo.set(declared, [...seen, { sigma: ctx.h.sigma, seed: ctx.scenario.seed, eq }]);
  return eq;
}

/** The index of the fixed point the rule selects (fixed points are ordered by basin, largest first). */
export function selectFixedPoint(eq: MetaEquilibria, rule: SelectRule, current: ArrayLike<number>): number {
  if (eq.fixedPoints.length === 0) return -1;
  if (rule === 'largest-basin') return 0;
  let best = 0;
  eq.fixedPoints.forEach((f, j) => {
    if (l1(f.weights, current) < l1(eq.fixedPoints[best].weights, current) - 1e-12) best = j;
  });
  return best;
}

export const metaEquilibrium: Operationalization = {
  id: 'meta/equilibrium',
  family: 'meta',
  title: 'Meta-preferences: an equilibrium of the weights',
  description:
    'The parts’ preferences over the weights of the parts move the weights to a fixed point; every fixed point is reported with its basin and stability, one is selected (largest basin, or nearest H’s current weights), and A does what H would do at those weights.',
  claims: [],
  options,
  read(ctx, opts: Options) {
    const rule = (opts.select ?? 'largest-basin') as SelectRule;
    if (!SELECT_RULES.includes(rule))
      throw new UserError(
        `unknown select rule ${JSON.stringify(rule)}; expected ${SELECT_RULES.join(' or ')}`,
        'select',
      );
    const current = shares(ctx.h.state.weights);
    const meta = contextMeta(ctx);
    const declared = ctx.scenario.meta;
    if (!meta || !declared) {
      const r = atWeights(ctx, current);
      return {
        ...r,
        notes: [
          "no meta-preferences: the weights stay H's own, so the only fixed point is H's current weights and A does what H does",
        ],
        details: {
          select: rule,
          declared: false,
          current: Array.from(current),
          fixed_points: [
            {
              weights: Array.from(current),
              basin: 1,
              stable: true,
              choice: r.modes.map((a) => ctx.actions[a]),
            },
          ],
          cycles: [],
          unconverged: 0,
          selected: 0,
        },
      };
    }
    const eq = equilibriaOf(ctx, meta, declared);
    const k = selectFixedPoint(eq, rule, current);
    const points = eq.fixedPoints.map((f, j) => ({
      f,
      stability: eq.stability[j],
      at: atWeights(ctx, f.weights),
    }));
    const choice = (modes: readonly number[]) => modes.map((a) => ctx.actions[a]).join(' or ');
    const notes = [
      `${eq.fixedPoints.length} fixed point${eq.fixedPoints.length === 1 ? '' : 's'} of the weights under w ← ${1 - declared.rate}·w + ${declared.rate}·E(w), over ${eq.starts} seeded starts:`,
      ...points.map(
        ({ f, stability, at }, j) =>
          `${j === k ? '▸ ' : ''}(${weightsText(meta.parts, f.weights)}): ${stability.stable ? 'stable' : `unstable (${stability.returned} of ${stability.perturbations} perturbations return)`}, basin ${pct(f.frequency)}; H would choose ${choice(at.modes)}`,
      ),
    ];
    const cycleShare = eq.cycles.reduce((t, c) => t + c.frequency, 0);
    if (eq.cycles.length > 0)
      notes.push(
        `${eq.cycles.length} cycle${eq.cycles.length === 1 ? '' : 's'} (periods ${eq.cycles.map((c) => c.orbit.length).join(', ')}) take ${pct(cycleShare)} of the starts: the weights never settle there`,
      );
    if (eq.unconverged > 0) notes.push(`${eq.unconverged} starts settle on neither within the step limit`);
    const choices = new Set(points.map((p) => choice(p.at.modes)));
    if (choices.size > 1)
      notes.push(
        `the equilibria disagree on what H does (${[...choices].join('; ')}): which self H is depends on the rule that picks the fixed point, not on the meta-preferences alone`,
      );
    let r: ReturnType<typeof atWeights>;
    if (k < 0) {
      r = atWeights(ctx, current);
      notes.push("no start reaches a fixed point (cycles only): the weights stay H's own");
    } else {
      r = points[k].at;
      notes.push(
        `selected by ${rule}: (${weightsText(meta.parts, eq.fixedPoints[k].weights)}); H's current weights are (${weightsText(meta.parts, current)})`,
      );
    }
    return {
      ...r,
      notes,
      details: {
        select: rule,
        declared: true,
        parts: [...meta.parts],
        current: Array.from(current),
        rate: declared.rate,
        starts: eq.starts,
        fixed_points: points.map(({ f, stability, at }) => ({
          weights: Array.from(f.weights),
          basin: f.frequency,
          stable: stability.stable,
          returned: stability.returned,
          perturbations: stability.perturbations,
          strict: f.strict,
          choice: at.modes.map((a) => ctx.actions[a]),
        })),
        cycles: eq.cycles.map((c) => ({ orbit: c.orbit.map((x) => Array.from(x)), basin: c.frequency })),
        unconverged: eq.unconverged / eq.starts,
        selected: k,
      },
    };
  },
};
