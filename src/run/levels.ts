/**
 * Hierarchical agency evaluated at every level. A principal nested inside H (a team inside the
 * company, the reporter's deep intent inside the reporter) is a principal in its own right: the
 * same reading f applied to it alone says what f would have A do for that level, and whether that
 * level is self-aligned under f. And whatever A does for H as a whole (f's target at the top),
 * each level's own parts fare some way under it: a part's welfare inside its team.
 *
 * One entry per nested principal, depth first, its path the part names down the tree
 * (`company/engineering`). A flat principal has none, so its results are exactly the flat ones.
 */
import { buildContext } from '../align/context.js';
import { targetAsLottery } from '../align/readings/common.js';
import { getOperationalization } from '../align/registry.js';
import type { AlignContext, Target } from '../align/types.js';
import type { Principal } from '../core/model.js';
import { decisionValues, welfareMatrix } from '../core/normalize.js';
import type { Scenario } from '../core/scenario.js';
import { reflexivityGap } from '../measure/reflexivity.js';
import { allEqual, worstOff } from '../measure/welfare.js';

/** A nested principal and where it sits. */
export interface Level {
  /** Part names from the top, joined with "/". */
  readonly path: string;
  readonly principal: Principal;
  readonly depth: number;
}

/** Every nested principal of `h`, depth first (parents before their children). */
export function nestedLevels(h: Principal): Level[] {
  const out: Level[] = [];
  const walk = (p: Principal, prefix: string, depth: number) => {
    for (const part of p.parts)
      if (part.principal) {
        const path = prefix ? `${prefix}/${part.name}` : part.name;
        out.push({ path, principal: part.principal, depth });
        walk(part.principal, path, depth + 1);
      }
  };
  walk(h, '', 1);
  return out;
}

/** What one reading says at one level. */
export interface LevelResult {
  path: string;
  /** f applied to this level alone: its target (an action, or a lottery as {action: p}). */
  target?: string | Record<string, number>;
  /** Whether f applied to this level alone accepts the level's own behaviour B. */
  self_aligned?: boolean;
  reflexivity_gap?: number;
  /** Whether this level's own target is the top-level target (same action, or same lottery). */
  agrees_with_top?: boolean;
  /** Each of this level's parts' welfare (normalized, own beliefs) under the top-level target. */
  welfare: Record<string, number>;
  /** The worst-off part of this level under the top-level target; null when all fare the same. */
  worst_off: string | null;
  error?: string;
}

/** A level as a scenario of its own: its principal in place of H, everything else as at the top. */
export function levelScenario(scenario: Scenario, level: Level): Scenario {
  return { ...scenario, name: `${scenario.name}/${level.path}`, principal: level.principal };
}

const decision = (t: Target) => (t.kind === 'lottery' ? t.lottery : t.action);

/** Whether two targets are the same decision (an action is the lottery sure of it). */
function sameDecision(a: Target, b: Target, actions: number): boolean {
  const la = targetAsLottery(a, actions);
  const lb = targetAsLottery(b, actions);
  for (let k = 0; k < actions; k++) if (Math.abs(la[k] - lb[k]) > 1e-9) return false;
  return true;
}

/**
 * For each reading of the scenario (in order), its result at every level. `tops` are the
 * top-level targets (undefined where the reading failed at the top); `json` turns a target into
 * the output's decision form.
 */
export function evaluateLevels(
  scenario: Scenario,
  tops: readonly (Target | undefined)[],
  json: (ctx: AlignContext, t: Target) => string | Record<string, number>,
): LevelResult[][] {
  const levels = nestedLevels(scenario.principal);
  const out: LevelResult[][] = scenario.alignments.map(() => []);
  if (levels.length === 0) return out;
  const A = scenario.principal.actions.length;
  for (const level of levels) {
    const ctx = buildContext(levelScenario(scenario, level));
    const n = ctx.parts.length;
    const W = welfareMatrix(ctx.own);
    scenario.alignments.forEach((spec, k) => {
      const top = tops[k];
      // Fields are set in the documented order, the level's welfare under the top target last.
      const entry = { path: level.path } as LevelResult;
      try {
        const reading = getOperationalization(spec.id, spec.where).read(ctx, spec.options);
        const gap = reflexivityGap(reading, ctx.behaviour);
        entry.target = json(ctx, reading.target);
        entry.self_aligned = gap <= scenario.epsilon;
        entry.reflexivity_gap = gap;
        if (top) entry.agrees_with_top = sameDecision(reading.target, top, A);
      } catch (e) {
        entry.error = (e as Error).message;
      }
      const w = top ? decisionValues(W, n, A, decision(top)) : undefined;
      entry.welfare = w ? Object.fromEntries(ctx.parts.map((name, i) => [name, w[i]])) : {};
      entry.worst_off = w && !allEqual(w, ctx.own.weights) ? ctx.parts[worstOff(w, ctx.own.weights)] : null;
      out[k].push(entry);
    });
  }
  return out;
}
