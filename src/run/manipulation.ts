/**
 * Strategic parts: a part may misreport its utility to a reading that learns or aggregates it.
 * For a small principal, every report on a grid — each outcome's utility in {0, 1/(g−1), …, 1} —
 * is tried for every top-level leaf part, the others reporting truly, and the reading re-read; the
 * part's gain is what the new target is worth to it by its true utility and its own beliefs,
 * normalized to its welfare scale [0, 1] over the actions, minus what the truthful target is worth.
 * The best gain over parts and reports makes manipulability a number per reading (0: no part
 * gains by lying on the grid).
 */
import { buildContext } from '../align/context.js';
import { targetAsLottery } from '../align/readings/common.js';
import { getOperationalization } from '../align/registry.js';
import type { Principal } from '../core/model.js';
import { welfareMatrix } from '../core/normalize.js';
import type { AlignmentSpec, Scenario } from '../core/scenario.js';
import { lotteryWelfare } from '../measure/pluralism.js';

/** Grid points per outcome (0, ½, 1). */
export const GRID = 3;
/** Reports tried per part are GRID^outcomes: past this many outcomes the search is not run. */
export const MAX_OUTCOMES = 5;

export interface Manipulation {
  /** The best gain any part gets (≥ 0), in its normalized welfare. */
  gain: number;
  /** The part that gains most (null when none gains). */
  part: string | null;
  /** Its best report, utility per outcome (null when none gains). */
  report: number[] | null;
  /** Reports tried in all. */
  tried: number;
}

/** Whether the search applies: leaf parts at the top, few outcomes. */
export function manipulable(h: Principal): boolean {
  return h.outcomes.length <= MAX_OUTCOMES && h.parts.some((p) => !p.principal);
}

function withReport(h: Principal, i: number, report: Float64Array): Principal {
  return { ...h, parts: h.parts.map((p, j) => (j === i ? { ...p, utility: report } : p)) };
}

/** Every grid report over `outcomes` outcomes, as index → utilities. */
function gridReport(k: number, outcomes: number, grid: number): Float64Array {
  const u = new Float64Array(outcomes);
  for (let o = 0; o < outcomes; o++) {
    u[o] = (k % grid) / (grid - 1);
    k = Math.floor(k / grid);
  }
  return u;
}

/** The best misreport of any part to the reading `spec` (see the module comment). */
export function bestMisreport(scenario: Scenario, spec: AlignmentSpec, grid = GRID): Manipulation {
  const op = getOperationalization(spec.id, spec.where);
  const h = scenario.principal;
  const lotteryOf = (s: Scenario) =>
    targetAsLottery(op.read(buildContext(s), spec.options).target, s.principal.actions.length);
  const truthful = buildContext(scenario);
  const n = truthful.parts.length;
  const A = truthful.actions.length;
  const W = welfareMatrix(truthful.own); // each part's true welfare, own beliefs
  const before = lotteryWelfare(W, n, A, lotteryOf(scenario));
  const out: Manipulation = { gain: 0, part: null, report: null, tried: 0 };
  const reports = grid ** h.outcomes.length;
  h.parts.forEach((part, i) => {
    if (part.principal) return;
    for (let k = 0; k < reports; k++) {
      const report = gridReport(k, h.outcomes.length, grid);
      out.tried++;
      let lottery: Float64Array;
      try {
        lottery = lotteryOf({ ...scenario, principal: withReport(h, i, report) });
      } catch {
        continue; // a report the reading cannot read (all outcomes equal, say) gains nothing
      }
      const after = lotteryWelfare(W, n, A, lottery)[i];
      if (after - before[i] > out.gain + 1e-9) {
        out.gain = after - before[i];
        out.part = part.name;
        out.report = Array.from(report);
      }
    }
  });
  return out;
}
