/**
 * The vote runner: rules applied to one profile, answered in the profile's own candidate ids —
 * what `sulab vote` prints for each profile it reads, and what a library user or a worker calls.
 */
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { applicable, applyRule, type MethodSpec } from '../sigma/apply.js';
import { type Profile, Summary } from '../sigma/profile.js';
import { breakTies, type TieBreak } from '../sigma/tiebreak.js';
import type { RuleResult } from '../sigma/types.js';

export interface VoteEntry {
  method: string;
  winners: number[];
  ranking?: number[][];
  scores?: number[];
  lottery?: number[];
}

/** Runs the methods on one profile, in the profile's own candidate ids. */
export function vote(
  p: Profile,
  methods: readonly MethodSpec[],
  tb: TieBreak,
  onlyApplicable: boolean,
): VoteEntry[] {
  const s = new Summary(p);
  const id = (c: number) => p.ids[c];
  const out: VoteEntry[] = [];
  for (const spec of methods) {
    if (onlyApplicable && !applicable(spec.rule, p)) continue;
    let result: RuleResult;
    try {
      result = applyRule(spec, s);
    } catch (e) {
      // With "all", a rule that cannot read this profile (Dodgson on ties, a limit) is skipped.
      if (onlyApplicable && e instanceof UserError) continue;
      throw e;
    }
    const r = breakTies(result, tb);
    const e: VoteEntry = { method: spec.text, winners: r.winners.map(id) };
    if (r.ranking) e.ranking = r.ranking.map((g) => g.map(id));
    if (r.lottery) e.lottery = r.lottery;
    out.push(e);
  }
  return out;
}

/** The tie-break a `--tiebreak` value names (random ones draw from `seed`). */
export function tieBreakFrom(kind: string | undefined, seed: number): TieBreak {
  switch (kind ?? 'none') {
    case 'none':
      return { kind: 'none' };
    case 'lexicographic':
      return { kind: 'lexicographic' };
    case 'random':
      return { kind: 'random', rng: new Random(seed) };
    default:
      throw new UserError(`expected none, lexicographic or random, got "${kind}"`, '--tiebreak');
  }
}
