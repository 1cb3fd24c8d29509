/**
 * Tie-breaking, kept apart from the rules: a rule returns its full tie set and the caller chooses
 * how, if at all, to pick one. 'lexicographic' takes the lowest index; 'random' draws uniformly
 * with the given seeded source.
 */
import type { Random } from '../core/random.js';
import type { RuleResult } from './types.js';

export type TieBreak = { kind: 'none' } | { kind: 'lexicographic' } | { kind: 'random'; rng: Random };

export function breakTies(r: RuleResult, tb: TieBreak): RuleResult {
  // A multi-winner rule's winners are its committee, not a tie set (its own ties are settled inside).
  if (tb.kind === 'none' || r.winners.length <= 1 || r.details?.seats !== undefined) return r;
  const pick = tb.kind === 'lexicographic' ? Math.min(...r.winners) : r.winners[tb.rng.int(r.winners.length)];
  return { ...r, winners: [pick] };
}
