/**
 * parts/pareto: "System A makes all the Pareto-improvement steps." Starting from B(H) (its likeliest
 * action), A moves to an action every part weakly prefers and some part strictly prefers, judged
 * by the parts' own beliefs, until none is left; each step takes the dominating action with the
 * largest weighted gain in normalized welfare (lowest index on ties; a step must gain, so the walk
 * ends). An action scores 1 when it is Pareto-undominated and weakly improves, for every part, on
 * one of B(H)'s likeliest actions, else 0. H is self-aligned under this reading exactly when its
 * own behaviour is Pareto-efficient.
 */
import { dominators, paretoFrontier, weaklyImproves } from '../../core/pareto.js';
import { welfareMatrix } from '../../core/normalize.js';
import type { Operationalization } from '../types.js';
import { actionTarget } from './common.js';

export const paretoSteps: Operationalization = {
  id: 'parts/pareto',
  family: 'parts',
  title: 'Parts: Pareto-improvement steps',
  description: 'A makes every Pareto-improvement step from B(H), judged by each part’s own beliefs.',
  claims: ['pareto'],
  read(ctx) {
    const p = ctx.own;
    const W = welfareMatrix(p);
    const start = ctx.behaviour.modes[0];
    const gain = (b: number, a: number) => {
      let t = 0;
      for (let i = 0; i < p.parts; i++) t += p.weights[i] * (W[i * p.actions + b] - W[i * p.actions + a]);
      return t;
    };
    let current = start;
    const path = [start];
    for (;;) {
      const better = dominators(p, current);
      if (better.length === 0) break;
      let next = better[0];
      for (const b of better) if (gain(b, current) > gain(next, current) + 1e-12) next = b;
      current = next;
      path.push(current);
    }
    const frontier = new Set(paretoFrontier(p));
    const scores = new Float64Array(p.actions);
    for (let a = 0; a < p.actions; a++) scores[a] = frontier.has(a) && weaklyImproves(p, a, start) ? 1 : 0;
    const notes =
      path.length > 1
        ? [
            `B(H) = ${ctx.actions[start]} is Pareto-dominated; steps: ${path.map((a) => ctx.actions[a]).join(' → ')}`,
          ]
        : [`B(H) = ${ctx.actions[start]} is Pareto-efficient under the parts’ own beliefs`];
    return { target: actionTarget([current]), scores, notes };
  },
};
