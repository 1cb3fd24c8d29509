/**
 * Consensus builder (Charikar, Ramakrishnan, Wang & Wu 2024, deterministic version): take a
 * consensus-building ranking of the candidates; process them from its bottom up, and when
 * processing i, eliminate every candidate j still in and ranked above i whom at least a β share of
 * the voters rank below i. The last candidate processed (the highest one never eliminated) wins.
 *
 * Example: 3 voters 0≻1≻2, 2 voters 1≻2≻0, 2 voters 2≻0≻1, ranking 0, 1, 2 and β = ½. Processing 2
 * eliminates 0 (4 of 7 voters put 2 above 0) but not 1 (2 of 7); processing 1 then wins.
 */
import { UserError } from '../../../core/errors.js';
import type { Summary } from '../../profile.js';
import { EPS } from '../../result.js';
import type { Options, OptionSpec, ProfileRule } from '../../types.js';
import { inPlay, numberOption } from '../positional/positions.js';

/** The consensus-building ranking restricted to `cands` (default: index order), checked. */
export function buildingRanking(cands: readonly number[], m: number, opts?: Options): number[] {
  const given = opts?.ranking;
  if (given === undefined) return [...cands];
  if (!Array.isArray(given))
    throw new UserError('expected a list of candidates, best first', 'options.ranking');
  for (const c of given as readonly number[])
    if (!(Number.isInteger(c) && c >= 0 && c < m))
      throw new UserError(`candidate ${c} is not one of 0..${m - 1}`, 'options.ranking');
  if (new Set(given).size !== given.length)
    throw new UserError('a candidate appears twice', 'options.ranking');
  const set = new Set(cands);
  const order = (given as readonly number[]).filter((c) => set.has(c));
  if (order.length !== cands.length)
    throw new UserError(
      `expected every candidate in play (${cands.join(', ')}) to be ranked`,
      'options.ranking',
    );
  return order;
}

export function betaOption(opts?: Options): number {
  return numberOption(opts, 'beta', 0.5, (x) => x > 0 && x <= 1, 'a number in (0, 1]');
}

/** The winner of the consensus builder for `order` (best first) and threshold β. */
export function consensusWinner(s: Summary, order: readonly number[], beta: number): number {
  const sup = s.support();
  const m = s.m;
  const need = beta * s.n - EPS * Math.max(1, s.n);
  const out = new Uint8Array(m);
  let last = -1;
  for (let at = order.length - 1; at >= 0; at--) {
    const i = order[at];
    if (out[i]) continue;
    for (let up = 0; up < at; up++) {
      const j = order[up];
      if (!out[j] && sup[i * m + j] >= need) out[j] = 1;
    }
    last = i;
  }
  return last;
}

export const BETA: OptionSpec = {
  name: 'beta',
  type: 'number',
  default: 0.5,
  description: 'the share of voters that must prefer a lower candidate to eliminate a higher one, in (0, 1]',
};

export const consensusBuilder: ProfileRule = {
  name: 'consensus-builder',
  aliases: [],
  title: 'Consensus builder',
  description:
    'Process the candidates from the bottom of a consensus-building ranking up; each eliminates the candidates above it that at least a β share of the voters rank below it; the last processed wins.',
  family: 'procedural',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's consensus_builder: resolute; the default ranking is index order; shares are of all voters' weight (support ≥ β·n eliminates). Weak orders: only strict preferences count as support.",
  axioms: ['anonymity'],
  options: [
    {
      name: 'ranking',
      type: 'number[]',
      description: 'the consensus-building ranking, best first (default: index order)',
    },
    BETA,
  ],
  reference:
    'Charikar, Ramakrishnan, Wang & Wu (2024), Breaking the metric voting distortion barrier (arXiv:2306.17838); pref_voting iterative_methods.consensus_builder',
  run(s, cands, opts) {
    const cs = inPlay(s.m, cands);
    if (cs.length === 0) return { winners: [] };
    return { winners: [consensusWinner(s, buildingRanking(cs, s.m, opts), betaOption(opts))] };
  },
};
