/**
 * parts/unbounding: make the parts less bounded — each at its own rate (the file's per-part
 * `rate`) — and let them bargain, tracing the bargain along the way (../idealize/unbounding.ts).
 * The target is the first bargain's outcome at the limit (every part informed and exact); the
 * notes say, for every bargain, where along the path its outcome flips and whether it keeps H's
 * original choice B(H). Scores are that bargain's: Σ′'s approval of each action, or the closeness
 * of a lottery to the agreed one.
 */
import { UserError } from '../../core/errors.js';
import { sigmaRegistry } from '../../sigma/registry.js';
import { approvalOf } from '../../sigma/apply-utilities.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import { protocols } from '../negotiation/index.js';
import {
  DEFAULT_BARGAINS,
  type PathVerdict,
  pathVerdicts,
  type UnboundingPath,
  unboundingPath,
} from '../idealize/unbounding.js';
import type { AlignContext, Operationalization } from '../types.js';
import { lotteryProximity, targetAsLottery } from './common.js';

function ruleList(v: unknown): string[] {
  return String(v)
    .split(/[\s,]+/)
    .filter((x) => x !== '');
}

function checkRules(v: unknown): string | undefined {
  const rules = ruleList(v);
  if (rules.length === 0) return 'expected at least one bargain (delegates, or a Σ rule)';
  const bad = rules.find((r) => r !== 'delegates' && !sigmaRegistry.find(r));
  return bad === undefined
    ? undefined
    : `unknown bargain "${bad}": expected delegates or a Σ rule (\`sulab methods\`)`;
}

const options: readonly OptionSpec[] = [
  {
    name: 'rules',
    type: 'string',
    default: DEFAULT_BARGAINS.join(', '),
    description: 'the bargains traced along the path, comma-separated: Σ rules, and delegates',
    check: checkRules,
  },
  {
    name: 'protocol',
    type: 'string',
    default: 'nash-demand',
    description: `the protocol the delegates negotiate under along the path (${protocols.map((p) => p.name).join(', ')})`,
    check: (v) =>
      protocols.some((p) => p.name === v)
        ? undefined
        : `unknown protocol ${JSON.stringify(v)}; expected one of ${protocols.map((p) => p.name).join(', ')}`,
  },
  {
    name: 'steps',
    type: 'number',
    default: 8,
    description: 'points of the path before the limit: compute 0, 1, 2, 4, …',
    check: (v) =>
      Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 30
        ? undefined
        : 'expected a whole number from 1 to 30',
  },
  {
    name: 'samples',
    type: 'number',
    default: 32,
    description: 'noise draws per point (the same draws at every point)',
    check: (v) =>
      Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10000
        ? undefined
        : 'expected a whole number from 1 to 10000',
  },
  {
    name: 'noise',
    type: 'number',
    description:
      "the parts' noise with no compute, in units of their utility range (default: the scenario's bounds.noise)",
    check: (v) => ((v as number) >= 0 ? undefined : 'expected a non-negative noise'),
  },
];

const jsonCompute = (c: number): number | 'limit' => (c === Number.POSITIVE_INFINITY ? 'limit' : c);

const computeText = (c: number) => (c === Number.POSITIVE_INFINITY ? '∞' : String(c));

/** One line per bargain: its outcomes along the path, where they flip, and the verdict on H's choice. */
export function verdictLines(
  ctx: AlignContext,
  path: UnboundingPath,
  verdicts: readonly PathVerdict[],
): string[] {
  const names = (ms: readonly number[]) => ms.map((a) => ctx.actions[a]).join(' or ');
  const original = names(ctx.behaviour.modes);
  return verdicts.map((v, j) => {
    const outs = path.rules[j].outcomes;
    const runs: string[] = [];
    outs.forEach((o, k) => {
      if (k === 0 || names(o.modes) !== names(outs[k - 1].modes))
        runs.push(`${names(o.modes)} from c = ${computeText(path.compute[k])}`);
    });
    const verdict = v.keeps
      ? `keeps H's choice (${original})${v.departs !== null ? `, after leaving it at c = ${computeText(v.departs)}` : ''}`
      : `does not keep H's choice (${original}); leaves it at c = ${computeText(v.departs ?? 0)}`;
    return `${v.name}: ${runs.join(' → ')}; ${v.flips.length === 0 ? 'no flip' : `flips at c = ${v.flips.map(computeText).join(', ')}`}; ${verdict}`;
  });
}

export const unbounding: Operationalization = {
  id: 'parts/unbounding',
  family: 'parts',
  title: 'Parts: un-bounded at their own rates, then bargain',
  description:
    'Each part gets more compute at its own rate (less noise on its values, beliefs closer to the truth); the bargains (Nash, Kalai–Smorodinsky, delegates) are traced along the way, and the target is the first one at the limit.',
  claims: [],
  options,
  read(ctx, opts: Options) {
    const rules = opts.rules === undefined ? [...DEFAULT_BARGAINS] : ruleList(opts.rules);
    const problem = checkRules(rules.join(','));
    if (problem) throw new UserError(problem, 'rules');
    const settings = {
      rules,
      protocol: typeof opts.protocol === 'string' ? opts.protocol : undefined,
      steps: typeof opts.steps === 'number' ? opts.steps : undefined,
      samples: typeof opts.samples === 'number' ? opts.samples : undefined,
      noise: typeof opts.noise === 'number' ? opts.noise : undefined,
    };
    const path = unboundingPath(ctx, ctx.rng('parts/unbounding'), settings);
    const verdicts = pathVerdicts(path, ctx.behaviour.modes);
    // The same path with every part at the same rate: what the rates themselves decide.
    const even = path.rates.every((r) => r === path.rates[0])
      ? undefined
      : unboundingPath(ctx, ctx.rng('parts/unbounding'), { ...settings, rates: path.rates.map(() => 1) });
    const evenVerdicts = even ? pathVerdicts(even, ctx.behaviour.modes) : undefined;
    const A = ctx.actions.length;
    const first = path.rules[0].limit;
    const scored =
      first.target.kind === 'action' && first.result
        ? { scores: approvalOf(first.result, A) }
        : lotteryProximity(targetAsLottery(first.target, A));
    const declared = ctx.scenario.rates !== undefined;
    const kept = verdicts.filter((v) => v.keeps).length;
    const notes = [
      `${declared ? 'rates' : 'no rates declared, every part un-bounds at rate 1'}: ${ctx.parts.map((p, i) => `${p} ${path.rates[i]}`).join(', ')}; part i's noise ${path.noise} / √(1 + rate·c) and its beliefs' share of the truth rate·c / (1 + rate·c), at compute c = ${path.compute.map(computeText).join(', ')}`,
      ...verdictLines(ctx, path, verdicts),
      `H's original choice survives un-bounding under ${kept} of ${verdicts.length} bargain${verdicts.length === 1 ? '' : 's'}`,
    ];
    if (even && evenVerdicts) {
      const differ = verdicts.filter(
        (v, j) =>
          v.flips.join() !== evenVerdicts[j].flips.join() ||
          path.rules[j].outcomes.some((o, k) => o.modes.join() !== even.rules[j].outcomes[k].modes.join()),
      );
      notes.push(
        differ.length === 0
          ? 'with every part at rate 1 instead, every bargain takes the same path: here the rates do not decide'
          : `with every part at rate 1 instead, ${differ.length} of ${verdicts.length} bargains ${differ.length === 1 ? 'takes' : 'take'} another path — how the parts scale decides what the bargain is along the way:`,
        ...(differ.length > 0
          ? verdictLines(ctx, even, evenVerdicts).map((l) => `  at equal rates, ${l}`)
          : []),
      );
    }
    const actions = (ms: readonly number[]) => ms.map((a) => ctx.actions[a]);
    return {
      target: first.target,
      ...scored,
      notes,
      details: {
        rates: Object.fromEntries(ctx.parts.map((p, i) => [p, path.rates[i]])),
        noise: path.noise,
        // The limit, c = ∞, is written as null (JSON has no infinity).
        compute: path.compute.map((c) => (c === Number.POSITIVE_INFINITY ? null : c)),
        sd: path.sd.map((s) => Array.from(s)),
        informed: path.informed.map((m) => Array.from(m)),
        original: actions(ctx.behaviour.modes),
        bargains: path.rules.map((r, j) => ({
          rule: r.name,
          modes: r.outcomes.map((o) => actions(o.modes)),
          lotteries: r.outcomes.map((o) => Array.from(o.lottery)),
          // Compute values; the limit is "limit", and departs is null when the bargain never leaves H's choice.
          flips: verdicts[j].flips.map(jsonCompute),
          departs: verdicts[j].departs === null ? null : jsonCompute(verdicts[j].departs),
          keeps: verdicts[j].keeps,
        })),
        ...(even && evenVerdicts
          ? {
              equal_rates: even.rules.map((r, j) => ({
                rule: r.name,
                modes: r.outcomes.map((o) => actions(o.modes)),
                lotteries: r.outcomes.map((o) => Array.from(o.lottery)),
                flips: evenVerdicts[j].flips.map(jsonCompute),
                keeps: evenVerdicts[j].keeps,
              })),
            }
          : {}),
      },
    };
  },
};
