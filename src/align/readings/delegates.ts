/**
 * parts/delegates: "Multiple AIs learn the preferences of different humans, and then negotiate
 * with each other." One delegate per part of H, each knowing its part's own-belief utilities,
 * negotiates under a protocol (alternating offers by default; also the Nash demand game and
 * voting among delegates; see ../negotiation). The agreement is the target. An action scores by
 * how close it comes to the agreement for every part: 1 − the largest gap, over the parts, between
 * its normalized welfare and the agreement's. Without an agreement, the delegates leave H to its
 * own behaviour.
 */
import { decisionValues, welfareMatrix } from '../../core/normalize.js';
import type { AlternatingOffersDetails } from '../negotiation/alternating-offers.js';
import { getProtocol, negotiate, protocols } from '../negotiation/index.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import type { Operationalization } from '../types.js';
import { boundaryInstruction } from './boundary.js';

// Every protocol's options, once each, plus `protocol` itself.
const options: OptionSpec[] = [
  {
    name: 'protocol',
    type: 'string',
    default: 'alternating-offers',
    description: protocols.map((p) => p.name).join(', '),
  },
];
for (const p of protocols)
  for (const o of p.options) if (!options.some((x) => x.name === o.name)) options.push(o);

export const delegates: Operationalization = {
  id: 'parts/delegates',
  family: 'parts',
  title: 'Parts: negotiating delegates',
  description:
    'One AI delegate per part negotiates with the others (alternating offers, Nash demand game, or voting); the agreement is the target.',
  claims: [],
  options,
  read(ctx, opts: Options) {
    // Lotteries by default: over pure actions the alternating-offers limit can depend on who
    // proposes last (no horizon-independent agreement), while over lotteries it is unique.
    const { protocol: name = 'alternating-offers', ...rest } = { lotteries: true, ...opts };
    const protocol = getProtocol(String(name));
    const own: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) if (protocol.options.some((o) => o.name === k)) own[k] = v;
    // Notes unread (steerability, sweeps): the limit's other residues feed only a note.
    if (ctx.quiet && protocol.name === 'alternating-offers') own.residues = 'first';
    const result = negotiate(ctx.own, protocol.name, own);
    const notes = [`protocol: ${protocol.name}`];
    const limit = (result.details as AlternatingOffersDetails | undefined)?.limit;
    const caveats = limit ? limitNotes(limit, own.lotteries === true) : [];
    notes.push(...caveats);
    const W = welfareMatrix(ctx.own);
    const n = ctx.own.parts;
    const A = ctx.own.actions;
    if (result.agreement === null) {
      // No deal: A does what H does, scored as boundary/instruction scores it.
      const own = boundaryInstruction.read(ctx, {});
      const none = `${protocol.name}: no agreement; the delegates leave H to its own behaviour`;
      return { ...own, notes: [none], caveats: [none] };
    }
    const t = result.agreement;
    const agreed = decisionValues(W, n, A, t.kind === 'lottery' ? t.lottery : t.action);
    const scores = new Float64Array(A);
    for (let a = 0; a < A; a++) {
      let gap = 0;
      for (let i = 0; i < n; i++) {
        if (!(ctx.own.weights[i] > 0)) continue;
        gap = Math.max(gap, Math.abs(W[i * A + a] - agreed[i]));
      }
      scores[a] = 1 - gap;
    }
    const scoreLottery = (l: Float64Array) => {
      const v = decisionValues(W, n, A, l);
      let gap = 0;
      for (let i = 0; i < n; i++) if (ctx.own.weights[i] > 0) gap = Math.max(gap, Math.abs(v[i] - agreed[i]));
      return 1 - gap;
    };
    return { target: t, scores, scoreLottery, notes, ...(caveats.length > 0 ? { caveats } : {}) };
  },
};

/** What the alternating-offers limit says of the agreement, when it is not the one limit of every horizon. */
function limitNotes(limit: NonNullable<AlternatingOffersDetails['limit']>, lotteries: boolean): string[] {
  const first = limit.byResidue[0];
  if (!first.converged && first.period === undefined)
    return [
      `the limit did not settle: the values still moved after ${first.played} rounds played (horizon ${first.horizon}); the agreement is that horizon's`,
    ];
  if (limit.horizonIndependent) return [];
  if (lotteries) {
    const period = limit.byResidue.find((h) => h.period !== undefined)?.period;
    return [
      period !== undefined
        ? `the agreement depends on who proposes last: as the horizon grows, the equilibria cycle with a period of ${period} rounds`
        : 'the agreement depends on who proposes last: the limits of the horizons differ, or one does not settle',
    ];
  }
  return ['the agreement depends on who proposes last (no horizon-independent limit over pure actions)'];
}
