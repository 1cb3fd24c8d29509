/**
 * Tideman's alternative method, in pref_voting's two versions (Smith and Schwartz): restrict to the
 * Smith set (or the Schwartz set) of the remaining candidates; if it has one member, it wins;
 * otherwise remove, from the remaining candidates, the members of that set with the fewest first
 * places among the set's members, and repeat (the set is recomputed on what remains). If all members
 * tie for the fewest first places, they all win.
 *
 * The PUT versions remove one of the tied members at a time, following every choice; the winners are
 * the union over all of them.
 *
 * Example: 2 voters 0≻1≻2, 2 voters 1≻2≻0, 1 voter 2≻0≻1 (a cycle, so the Smith set is everyone).
 * Among the three, 2 has the fewest first places and goes; then 0 beats 1 3–2 and wins.
 */
import { smithSet } from '../../majority.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { inPlay } from '../positional/positions.js';
import { schwartz } from '../tournament/schwartz.js';
import { lowest, PUT_LIMIT, parallelUniverses, placeShares } from './rounds.js';

type Core = (s: Summary, rem: readonly number[]) => readonly number[];

const smithCore: Core = (s, rem) => smithSet(s, rem);
const schwartzCore: Core = (s, rem) => schwartz.run(s, rem).winners;

function alternative(s: Summary, cands: readonly number[] | undefined, core: Core): RuleResult {
  let rem = inPlay(s.m, cands);
  if (rem.length === 0) return { winners: [] };
  const first = new Float64Array(s.m);
  for (;;) {
    const ws = core(s, rem);
    placeShares(s.profile, ws, first);
    const out = new Set(lowest(ws, first));
    if (out.size === ws.length) return { winners: [...ws].sort((a, b) => a - b) };
    rem = rem.filter((c) => !out.has(c));
  }
}

function alternativePut(
  s: Summary,
  cands: readonly number[] | undefined,
  core: Core,
  name: string,
): RuleResult {
  const first = new Float64Array(s.m);
  return parallelUniverses(
    inPlay(s.m, cands),
    (rem) => {
      const ws = core(s, rem);
      if (ws.length === 1) return { winners: ws };
      placeShares(s.profile, ws, first);
      return { tied: lowest(ws, first) };
    },
    name,
  );
}

const FIRST =
  'First places are counted among the members of the set only (1/t to each of t candidates a weak order ties at the top of them).';

export const tidemanAlternativeSmith: ProfileRule = {
  name: 'tideman-alternative-smith',
  aliases: ['tideman-alternative', 'alternative-smith'],
  title: "Tideman's alternative (Smith)",
  description:
    'Restrict to the Smith set of the remaining candidates; if it has one member it wins; otherwise remove its members with the fewest first places among them, and repeat.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's tideman_alternative_smith: all members tied for the fewest first places go at once; if all members tie, they all win. ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference:
    'Tideman (2006), Collective Decisions and Voting; pref_voting iterative_methods.tideman_alternative_smith',
  run: (s, cands) => alternative(s, cands, smithCore),
};

export const tidemanAlternativeSchwartz: ProfileRule = {
  name: 'tideman-alternative-schwartz',
  aliases: ['tideman-alternative-gocha', 'alternative-schwartz'],
  title: "Tideman's alternative (Schwartz)",
  description:
    'Restrict to the Schwartz set (GOCHA) of the remaining candidates; if it has one member it wins; otherwise remove its members with the fewest first places among them, and repeat.',
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's tideman_alternative_gocha: all members tied for the fewest first places go at once; if all members tie, they all win. ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  reference:
    'Tideman (2006), Collective Decisions and Voting; pref_voting iterative_methods.tideman_alternative_gocha',
  run: (s, cands) => alternative(s, cands, schwartzCore),
};

export const tidemanAlternativeSmithPut: ProfileRule = {
  name: 'tideman-alternative-smith-put',
  aliases: ['tideman-alternative-put'],
  title: "Tideman's alternative (Smith, parallel-universe tie-breaking)",
  description:
    "Tideman's alternative (Smith) removing one of the members tied for the fewest first places at a time, following every choice; the winners are the union over all of them.",
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's tideman_alternative_smith_put: a one-member Smith set wins; otherwise every tied member is removed in its own universe (exact, memoized on the remaining set). ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.tideman_alternative_smith_put',
  run: (s, cands) => alternativePut(s, cands, smithCore, 'tideman-alternative-smith-put'),
};

export const tidemanAlternativeSchwartzPut: ProfileRule = {
  name: 'tideman-alternative-schwartz-put',
  aliases: ['tideman-alternative-gocha-put'],
  title: "Tideman's alternative (Schwartz, parallel-universe tie-breaking)",
  description:
    "Tideman's alternative (Schwartz) removing one of the members tied for the fewest first places at a time, following every choice; the winners are the union over all of them.",
  family: 'elimination',
  input: 'rankings',
  output: 'set',
  ties: `As pref_voting's tideman_alternative_gocha_put: a one-member Schwartz set wins; otherwise every tied member is removed in its own universe (exact, memoized on the remaining set). ${FIRST}`,
  axioms: ['anonymity', 'neutrality', 'condorcet-winner', 'condorcet-loser', 'smith'],
  maxCandidates: PUT_LIMIT,
  reference: 'pref_voting iterative_methods.tideman_alternative_gocha_put',
  run: (s, cands) => alternativePut(s, cands, schwartzCore, 'tideman-alternative-schwartz-put'),
};
