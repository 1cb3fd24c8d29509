/**
 * What the idealized choice depends on: each operator's level swept with the others as written
 * (where the choice flips), and every distinct order of the same operators (how many pick another
 * target than the order written — CEV's under-specification, counted).
 */
import type { Target } from '../types.js';
import { callText, getOperator, type OperatorCall } from './operators.js';

/** Runs the idealization + bargain for one operator list. */
export type Evaluate = (calls: readonly OperatorCall[]) => Target;

export interface LevelSweep {
  /** Index of the operator in the list. */
  readonly position: number;
  readonly operator: string;
  readonly levels: readonly number[];
  /** The target's label at each level. */
  readonly targets: readonly string[];
  /** The levels at which the target differs from the previous level's. */
  readonly flips: readonly number[];
}

export interface OrderCount {
  /** Distinct orders of the operators (0 when there were too many to count). */
  readonly orders: number;
  /** Orders whose target differs from the written order's. */
  readonly disagree: number;
  /** One disagreeing order and its target. */
  readonly example?: { readonly order: string; readonly target: string };
}

/** Orders are counted up to this many operators (6! = 720 bargains). */
export const MAX_ORDERED = 6;
/** A level sweep has at most this many steps. */
const STEPS = 10;

/** A target as text: the action's name (its ties after "="), or the lottery's support. */
export function targetLabel(t: Target, actions: readonly string[]): string {
  if (t.kind === 'action') return t.ties.map((a) => actions[a]).join(' = ');
  const parts: string[] = [];
  t.lottery.forEach((p, a) => {
    if (p > 1e-9) parts.push(`${actions[a]} ${p.toFixed(2)}`);
  });
  return `lottery(${parts.join(', ')})`;
}

/** The levels a sweep visits: tenths for a unit level, 0..k rounds (at most STEPS + 1 of them). */
export function sweepLevels(c: OperatorCall): number[] {
  const op = getOperator(c.name);
  if (op.level === 'unit') return Array.from({ length: STEPS + 1 }, (_, j) => j / STEPS);
  if (op.level === 'rounds') {
    const k = Math.max(c.level, 1);
    const out = new Set<number>();
    for (let j = 0; j <= Math.min(k, STEPS); j++) out.add(Math.round((j * k) / Math.min(k, STEPS)));
    return [...out];
  }
  return [];
}

export function sweepOperators(
  calls: readonly OperatorCall[],
  run: Evaluate,
  actions: readonly string[],
): LevelSweep[] {
  const out: LevelSweep[] = [];
  calls.forEach((c, position) => {
    const levels = sweepLevels(c);
    if (levels.length === 0) return;
    const targets = levels.map((level) =>
      targetLabel(run(calls.map((d, k) => (k === position ? { ...d, level } : d))), actions),
    );
    const flips = levels.filter((_, j) => j > 0 && targets[j] !== targets[j - 1]);
    out.push({ position, operator: c.name, levels, targets, flips });
  });
  return out;
}

/** Every distinct order of the list (equal calls are not told apart). */
export function distinctOrders(calls: readonly OperatorCall[]): OperatorCall[][] {
  const out: OperatorCall[][] = [];
  const rec = (rest: readonly OperatorCall[], acc: OperatorCall[]) => {
    if (rest.length === 0) {
      out.push(acc);
      return;
    }
    const seen = new Set<string>();
    rest.forEach((c, k) => {
      const key = callText(c);
      if (seen.has(key)) return;
      seen.add(key);
      rec([...rest.slice(0, k), ...rest.slice(k + 1)], [...acc, c]);
    });
  };
  rec(calls, []);
  return out;
}

export function countOrders(
  calls: readonly OperatorCall[],
  run: Evaluate,
  actions: readonly string[],
): OrderCount {
  if (calls.length > MAX_ORDERED) return { orders: 0, disagree: 0 };
  const written = targetLabel(run(calls), actions);
  const orders = distinctOrders(calls);
  let disagree = 0;
  let example: OrderCount['example'];
  for (const order of orders) {
    const t = targetLabel(run(order), actions);
    if (t === written) continue;
    disagree++;
    example ??= { order: order.map(callText).join(', '), target: t };
  }
  return { orders: orders.length, disagree, ...(example ? { example } : {}) };
}

/** One note per sweep: where the target flips as the level rises. */
export function sweepNote(s: LevelSweep): string {
  const from = s.levels[0];
  const to = s.levels[s.levels.length - 1];
  const head = `${s.operator} ${from} → ${to}`;
  if (s.flips.length === 0) return `${head}: ${s.targets[0]} throughout`;
  const segments: string[] = [`${s.targets[0]} at ${from}`];
  s.levels.forEach((level, j) => {
    if (j > 0 && s.targets[j] !== s.targets[j - 1]) segments.push(`${s.targets[j]} from ${level}`);
  });
  return `${head}: ${segments.join(', ')} (flips at ${s.flips.join(', ')})`;
}

export function orderNote(o: OrderCount, size: number): string | undefined {
  if (size > MAX_ORDERED) return `orders: not counted (more than ${MAX_ORDERED} operators)`;
  if (o.orders <= 1) return undefined;
  if (o.disagree === 0) return `orders: all ${o.orders} orders of these operators pick the same target`;
  return `orders: ${o.disagree} of ${o.orders} orders of these operators pick another target than the written one (e.g. ${o.example!.order} → ${o.example!.target})`;
}
