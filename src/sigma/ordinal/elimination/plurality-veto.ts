/**
 * Plurality veto (Kizilkaya & Kempe 2022), following pref_voting's plurality_veto exactly: every
 * candidate starts with its plurality score (first places among the candidates in play) and those
 * with none are out; then the voters, one at a time IN BALLOT ORDER, each take one point from their
 * bottom choice among the candidates still in (score above 0); a candidate whose score reaches 0 is
 * out. When one candidate is left in, it wins.
 *
 * The outcome depends on the order of the voters, so this rule is not anonymous: a ballot of count
 * w stands for w voters in a row, at its place in the profile (pref_voting's default voter order,
 * `range(num_voters)` over its rankings expanded in order). sulab keeps the ballot order of a file,
 * but merging identical ballots (or a profile built with counts) changes the order, as anonymizing a
 * profile does in pref_voting. Option `voter_order` gives another order of the voters.
 *
 * Example: ballots 0≻1≻2, 1≻2≻0, 2≻1≻0, 0≻1≻2 (one voter each): scores 2, 1, 1. Voter 1 vetoes 2
 * (out), voter 2 vetoes 0 (score 1), voter 3 vetoes 0 (out): 1 wins.
 */
import { UserError } from '../../../core/errors.js';
import type { Summary } from '../../profile.js';
import { setResult } from '../../result.js';
import type { Options, ProfileRule } from '../../types.js';
import { inPlay } from '../positional/positions.js';

/** The voters as ballot indices, one entry per voter, in the order they veto. */
function voterOrder(s: Summary, opts?: Options): number[] {
  const { k, counts } = s.profile;
  const voters: number[] = [];
  for (let b = 0; b < k; b++) {
    const w = counts[b];
    if (!Number.isInteger(w))
      throw new UserError(
        `plurality-veto counts voters one at a time, so ballot weights must be whole numbers; ballot ${b} has weight ${w}`,
        '--method plurality-veto',
      );
    for (let i = 0; i < w; i++) voters.push(b);
  }
  const given = opts?.voter_order;
  if (given === undefined) return voters;
  const n = voters.length;
  if (
    !Array.isArray(given) ||
    given.length !== n ||
    !given.every((v) => Number.isInteger(v) && v >= 0 && v < n) ||
    new Set(given).size !== n
  )
    throw new UserError(`expected a permutation of the voters 0..${n - 1}`, 'options.voter_order');
  return (given as readonly number[]).map((v) => voters[v]);
}

/** The winner, or −1 when no candidate is in play. */
export function pluralityVetoWinner(s: Summary, cands: readonly number[], opts?: Options): number {
  const { m, levels } = s.profile;
  if (!s.linear())
    throw new UserError(
      'plurality-veto reads linear orders only (as pref_voting): a ballot ties or leaves out candidates',
      '--method plurality-veto',
    );
  const voters = voterOrder(s, opts);
  if (cands.length === 0) return -1;
  const score = new Float64Array(m);
  for (const b of voters) {
    let top = cands[0];
    for (const c of cands) if (levels[b * m + c] < levels[b * m + top]) top = c;
    score[top]++;
  }
  // Candidates without first places are out from the start; the last of them (highest index, as
  // pref_voting removes them in ascending order) is the last one out so far.
  let last = -1;
  const alive = cands.filter((c) => {
    if (score[c] === 0) last = c;
    return score[c] > 0;
  });
  for (const b of voters) {
    if (alive.length === 0) return last;
    if (alive.length === 1) return alive[0];
    let bottom = 0;
    for (let i = 1; i < alive.length; i++)
      if (levels[b * m + alive[i]] > levels[b * m + alive[bottom]]) bottom = i;
    const c = alive[bottom];
    if (--score[c] === 0) {
      alive.splice(bottom, 1);
      last = c;
    }
  }
  // Each voter takes one of the n first places, so the last voter leaves one candidate or none.
  return alive.length === 1 ? alive[0] : last;
}

export const pluralityVeto: ProfileRule = {
  name: 'plurality-veto',
  aliases: [],
  title: 'Plurality veto',
  description:
    'Candidates start with their plurality scores; voters, in ballot order, each take a point from their bottom choice among the candidates with points left; the last candidate with points wins.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's plurality_veto with its default voter order: resolute, and it depends on the order of the voters (ballot order, a ballot of count w being w voters in a row; option voter_order permutes them), so it is not anonymous. Relabelling the candidates relabels the winner only while the voters keep their order; tools that treat a profile as anonymous (sorting its ballots) see it change. Linear orders and whole-number counts only (a UserError otherwise).",
  axioms: ['pareto'],
  options: [
    {
      name: 'voter_order',
      type: 'number[]',
      description: 'the order in which the voters veto, as a permutation of 0..n−1 (default: ballot order)',
    },
  ],
  reference:
    'Kizilkaya & Kempe (2022), Plurality veto: a simple voting rule achieving optimal metric distortion (IJCAI 2022; arXiv:2206.07098); pref_voting iterative_methods.plurality_veto',
  run(s, cands, opts) {
    const w = pluralityVetoWinner(s, inPlay(s.m, cands), opts);
    return setResult(w >= 0 ? [w] : []);
  },
};
