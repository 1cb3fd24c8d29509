/**
 * Axioms for readings f of "A is aligned with H", each a checker on one flat principal: the data
 * is loaded as `sulab run` loads it, H is read with f, and the target is judged against the
 * parts' own utilities. Targets are compared as lotteries (an action is a point mass); for
 * neutrality an action target is compared by its tie set, since which tied action a reading
 * names is its tie-break, not its judgement.
 */
import type { Operationalization } from '../align/types.js';
import { reflexivityGap } from '../measure/reflexivity.js';
import type { Options } from '../sigma/types.js';
import {
  evaluateData,
  evaluateReading,
  expected,
  type PrincipalData,
  permuteActions,
  reorderParts,
  targetLottery,
  targetText,
  withUtility,
} from './principal.js';
import type { Violation } from './types.js';

export interface ReadingAxiom {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly description: string;
  check(op: Operationalization, opts: Options, d: PrincipalData): Violation | null;
}

const TOL = 1e-9;
const sameLottery = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  for (let a = 0; a < x.length; a++) if (Math.abs(x[a] - y[a]) > 1e-7) return false;
  return true;
};
const num = (x: number) => String(+x.toFixed(3));

export const reflexivityAxiom: ReadingAxiom = {
  name: 'reflexivity',
  aliases: ['self-alignment'],
  title: 'Reflexivity',
  description:
    "H is aligned with itself: B(H)'s score is within ε of f's best (the reflexivity gap is at most ε).",
  check(op, opts, d) {
    const { scenario, ctx, reading } = evaluateReading(op, opts, d);
    const gap = reflexivityGap(reading, ctx.behaviour);
    if (gap <= scenario.epsilon) return null;
    return {
      explanation: `H's own choice scores ${num(1 - gap)} under ${op.id}, whose target is ${targetText(reading, ctx.actions)}: H is not aligned with itself (gap ${num(gap)})`,
    };
  },
};

export const readingParetoAxiom: ReadingAxiom = {
  name: 'pareto',
  aliases: ['pareto-efficiency'],
  title: 'Pareto',
  description:
    "The target is never Pareto-dominated by an action under the parts' own beliefs: no action every part finds at least as good and some part finds better.",
  check(op, opts, d) {
    const { ctx, reading } = evaluateReading(op, opts, d);
    const { parts, actions, u, weights } = ctx.own;
    const v = expected(u, parts, actions, targetLottery(reading, actions));
    for (let b = 0; b < actions; b++) {
      let weak = true;
      let strict = -1;
      for (let i = 0; i < parts && weak; i++) {
        if (!(weights[i] > 0)) continue;
        const x = u[i * actions + b];
        if (x < v[i] - TOL) weak = false;
        else if (x > v[i] + TOL && strict < 0) strict = i;
      }
      if (weak && strict >= 0)
        return {
          explanation: `every part finds ${ctx.actions[b]} at least as good as the target ${targetText(reading, ctx.actions)}, and ${ctx.parts[strict]} finds it better (${num(u[strict * actions + b])} > ${num(v[strict])})`,
        };
    }
    return null;
  },
};

export const majorityConsistencyAxiom: ReadingAxiom = {
  name: 'majority-consistency',
  aliases: ['pairwise-majority-consistency', 'condorcet-winner'],
  title: 'Pairwise majority consistency',
  description:
    'When an action beats every other by a weighted majority of the parts (own beliefs; indifferent parts abstain), the target is that action.',
  check(op, opts, d) {
    const { ctx, reading } = evaluateReading(op, opts, d);
    const { parts, actions, u, weights } = ctx.own;
    const beats = (a: number, b: number) => {
      let t = 0;
      for (let i = 0; i < parts; i++) {
        const x = u[i * actions + a] - u[i * actions + b];
        if (x > TOL) t += weights[i];
        else if (x < -TOL) t -= weights[i];
      }
      return t > TOL;
    };
    for (let c = 0; c < actions; c++) {
      let cw = true;
      for (let b = 0; b < actions && cw; b++) if (b !== c && !beats(c, b)) cw = false;
      if (!cw) continue;
      const l = targetLottery(reading, actions);
      return l[c] >= 1 - 1e-7
        ? null
        : {
            explanation: `${ctx.actions[c]} beats every other action by a weighted majority of the parts, but the target is ${targetText(reading, ctx.actions)}`,
          };
    }
    return null;
  },
};

export const overrideFreedomAxiom: ReadingAxiom = {
  name: 'override-freedom',
  aliases: ['no-override'],
  title: 'Override-freedom',
  description: "The target never overrides H: it puts all its mass on B(H)'s most likely actions.",
  check(op, opts, d) {
    const { ctx, reading } = evaluateReading(op, opts, d);
    const l = targetLottery(reading, ctx.actions.length);
    let outside = 0;
    l.forEach((q, a) => {
      if (!ctx.behaviour.modes.includes(a)) outside += q;
    });
    return outside > 1e-7
      ? {
          explanation: `H itself picks ${ctx.behaviour.modes.map((a) => ctx.actions[a]).join(' or ')}, but the target is ${targetText(reading, ctx.actions)}`,
        }
      : null;
  },
};

export const anonymityAxiom: ReadingAxiom = {
  name: 'anonymity',
  aliases: [],
  title: 'Anonymity among parts',
  description: 'Listing the parts in another order (reversed) leaves the target unchanged.',
  check(op, opts, d) {
    const a = evaluateReading(op, opts, d);
    const order = d.parts.map((_, i) => d.parts.length - 1 - i);
    const b = evaluateReading(op, opts, reorderParts(d, order));
    const A = a.ctx.actions.length;
    return sameLottery(targetLottery(a.reading, A), targetLottery(b.reading, A))
      ? null
      : {
          explanation: `the target is ${targetText(a.reading, a.ctx.actions)}, but with the parts listed in reverse order it is ${targetText(b.reading, b.ctx.actions)}`,
        };
  },
};

export const readingNeutralityAxiom: ReadingAxiom = {
  name: 'neutrality',
  aliases: [],
  title: 'Neutrality among actions',
  description:
    "Relabelling the actions (reversing their order) relabels the target the same way (an action target's tie set, a lottery's probabilities).",
  check(op, opts, d) {
    const a = evaluateReading(op, opts, d);
    const A = a.ctx.actions.length;
    const perm = Array.from({ length: A }, (_, k) => A - 1 - k); // new k = old perm[k]
    const b = evaluateReading(op, opts, permuteActions(d, perm));
    const ta = a.reading.target;
    const tb = b.reading.target;
    let same: boolean;
    if (ta.kind === 'action' && tb.kind === 'action') {
      const mapped = tb.ties.map((k) => perm[k]).sort((x, y) => x - y);
      same = mapped.length === ta.ties.length && mapped.every((x, i) => x === ta.ties[i]);
    } else {
      const la = targetLottery(a.reading, A);
      const lb = targetLottery(b.reading, A);
      same = sameLottery(
        la,
        Array.from({ length: A }, (_, x) => lb[perm.indexOf(x)]),
      );
    }
    if (same) return null;
    const renamed = (k: number) => a.ctx.actions[perm[k]];
    const shown = tb.kind === 'action' ? tb.ties.map(renamed).join(' or ') : 'a different lottery';
    return {
      explanation: `the target is ${targetText(a.reading, a.ctx.actions)}; with the actions relabelled in reverse it is ${shown} (in the original names)`,
    };
  },
};

/** The misreports tried for a part: all-for-one-action, each action raised to 1 or buried at 0, the reverse. */
export function misreports(u: readonly number[]): number[][] {
  const A = u.length;
  const out: number[][] = [];
  for (let a = 0; a < A; a++) out.push(u.map((_, k) => (k === a ? 1 : 0)));
  for (let a = 0; a < A; a++) {
    out.push(u.map((x, k) => (k === a ? 1 : x)));
    out.push(u.map((x, k) => (k === a ? 0 : x)));
  }
  out.push(u.map((x) => 1 - x));
  const seen = new Set([u.join(',')]);
  return out.filter((r) => {
    const key = r.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const manipulationProofnessAxiom: ReadingAxiom = {
  name: 'manipulation-proofness',
  aliases: ['strategy-proofness', 'incentive-compatibility'],
  title: 'Manipulation-proofness',
  description:
    'No part gains, by its true utility, from reporting another utility (all on one action, one action raised to its best or buried at 0, or its utility reversed).',
  check(op, opts, d) {
    const truthful = evaluateReading(op, opts, d);
    const A = truthful.ctx.actions.length;
    const before = targetLottery(truthful.reading, A);
    for (let i = 0; i < d.parts.length; i++) {
      const u = d.parts[i].utility;
      const value = (l: ArrayLike<number>) => u.reduce((t, x, a) => t + x * l[a], 0);
      for (const lie of misreports(u)) {
        const r = evaluateReading(op, opts, withUtility(d, i, lie));
        const after = targetLottery(r.reading, A);
        if (value(after) > value(before) + 1e-7)
          return {
            explanation: `${d.parts[i].name} (utility [${u.map(num).join(', ')}]) reports [${lie.map(num).join(', ')}]: the target moves from ${targetText(truthful.reading, truthful.ctx.actions)} to ${targetText(r.reading, r.ctx.actions)}, worth ${num(value(after))} > ${num(value(before))} to it`,
          };
      }
    }
    return null;
  },
};

/**
 * One level up: H made the only part of a principal above it that aggregates by the same Σ (the
 * part is heard through its own Σ, as every nested principal is). A reading consistent across
 * levels gives the principal above the target it gives H.
 */
export const levelConsistencyAxiom: ReadingAxiom = {
  name: 'level-consistency',
  aliases: ['consistency-across-levels', 'hierarchy-consistency'],
  title: 'Consistency across hierarchy levels',
  description:
    'H made the only part of a principal one level above it (with the same Σ) gets the same target as H itself: reading the whole and reading the level inside it agree.',
  check(op, opts, d) {
    const flat = evaluateReading(op, opts, d);
    const nested = {
      ...d,
      name: `${d.name}-above`,
      parts: [{ name: d.name, sigma: d.sigma, parts: d.parts }],
    };
    const above = evaluateData(op, opts, nested);
    const A = flat.ctx.actions.length;
    return sameLottery(targetLottery(flat.reading, A), targetLottery(above.reading, A))
      ? null
      : {
          explanation: `the target for H is ${targetText(flat.reading, flat.ctx.actions)}, but for a principal whose only part is H (heard through its Σ) it is ${targetText(above.reading, above.ctx.actions)}`,
        };
  },
};

/** H's noise in the bounded principal `unboundingStability` compares (σ × each part's range). */
const BOUNDED_NOISE = 0.2;

export const unboundingStabilityAxiom: ReadingAxiom = {
  name: 'unbounding-stability',
  aliases: ['stability-under-unbounding'],
  title: 'Stability under un-bounding',
  description: `H seeing its parts with noise (σ = ${BOUNDED_NOISE} of each part's range) and H seeing them exactly get the same target: making H less bounded does not change what the reading asks of A.`,
  check(op, opts, d) {
    const exact = evaluateReading(op, opts, { ...d, bounds: { noise: 0, samples: 1 } });
    const bounded = evaluateReading(op, opts, { ...d, bounds: { noise: BOUNDED_NOISE, samples: 400 } });
    const A = exact.ctx.actions.length;
    return sameLottery(targetLottery(exact.reading, A), targetLottery(bounded.reading, A))
      ? null
      : {
          explanation: `with H's noise at ${BOUNDED_NOISE} the target is ${targetText(bounded.reading, bounded.ctx.actions)}; un-bounded (no noise) it is ${targetText(exact.reading, exact.ctx.actions)}`,
        };
  },
};
