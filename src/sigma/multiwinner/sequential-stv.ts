/**
 * Sequential STV (Hill & Gazeley, Voting Matters 15 and the 2005 revision in issue 20), as
 * pref_voting's sequential_stv counts it. It guards against STV's premature exclusion by asking,
 * for every candidate left out, whether it could displace a member of the committee:
 *
 * 1. A Meek STV count for K seats gives the "probables" (its committee) and a queue of the others in
 *    the reverse order of their exclusion, the runner-up moved to the end.
 * 2. The head of the queue challenges: a Meek count of the probables and the challenger for K seats.
 *    If it is elected it becomes a probable and the one it beat joins the end of the queue;
 *    otherwise (a tie included: the challenger loses ties) it joins the end itself. A full pass of
 *    the queue with no successful challenge ends the count: the probables are elected.
 * 3. A loop — the probables return to an earlier set with the queue in the same order, or a second
 *    time with any order — excludes every candidate never a probable since the last restart; if
 *    there is none, the "at-risk" candidate (not always a probable since the last restart) with the
 *    lowest Borda score among the continuing candidates (2 points per continuing candidate ranked
 *    below, tied and unranked ones sharing the average) is excluded, and a probable so excluded is
 *    replaced by the head of the queue. Then the count restarts with the probables and queue as
 *    they are.
 *
 * With one seat it is Condorcet-consistent (a Condorcet winner, once a probable, survives every
 * challenge, and challenges it). Ties follow pref_voting: within a count candidates tied for
 * election go by lower index, tied for exclusion the higher index goes (the challenger first),
 * equal Borda scores the lower index. The count gives up after 1000 challenges, returning the
 * probables (pref_voting's max_iterations).
 *
 * Example (one seat): 4 voters 0≻1≻2, 3 voters 2≻1≻0, 2 voters 1≻0≻2. IRV excludes 1 (2 first
 * places) and elects 0 (6–3). Queue: 1, then 2 (the runner-up, last). 1 challenges 0: 1 beats 0
 * 5–4 and becomes the probable; 0 queues. 2 challenges 1: 1 wins 6–3; 0 challenges 1: 1 wins. A
 * full pass without a change: 1, the Condorcet winner, is elected.
 */
import type { Summary } from '../profile.js';
import type { ProfileRule } from '../types.js';
import { type Ballots, ballotsOf, SEATS, seatsOf } from './ballots.js';
import { keepValueStv } from './meek.js';

const MAX_CHALLENGES = 1000;

export interface SequentialCount {
  readonly elected: number[];
  /** The initial Meek committee. */
  readonly initial: number[];
  /** Challenges run, and loops resolved by exclusion. */
  readonly challenges: number;
  readonly restarts: number;
}

/** Meek's count with pref_voting's keys: ties for election by `priority`, exclusion of the largest. */
function meek(s: Summary, cands: readonly number[], seats: number, priority: (c: number) => number) {
  return keepValueStv(ballotsOf(s, cands), seats, 'meek', {
    elect: priority,
    exclude: (c) => -priority(c),
  });
}

/** Each continuing candidate's Borda score: 2 per continuing candidate below, ties averaged. */
function borda(b: Ballots, continuing: readonly number[]): Map<number, number> {
  const score = new Map(continuing.map((c) => [c, 0]));
  b.tiers.forEach((tiers, v) => {
    const w = b.weights[v];
    const ranked = tiers.flat().length;
    const unranked = continuing.length - ranked;
    let below = unranked;
    for (const c of continuing)
      if (!tiers.some((t) => t.includes(c))) score.set(c, (score.get(c) ?? 0) + (unranked - 1) * w);
    for (let i = tiers.length - 1; i >= 0; i--) {
      const g = tiers[i];
      for (const c of g) score.set(c, (score.get(c) ?? 0) + (2 * below + g.length - 1) * w);
      below += g.length;
    }
  });
  return score;
}

const keyOf = (xs: readonly number[]) => xs.join(',');
const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

export function sequentialStv(
  s: Summary,
  cands: readonly number[] | undefined,
  seats: number,
): SequentialCount {
  const all = ballotsOf(s, cands).cands;
  if (seats >= all.length) return { elected: [...all], initial: [...all], challenges: 0, restarts: 0 };
  const first = meek(s, all, seats, (c) => c);
  let probables = sorted(first.elected);
  const initial = [...probables];
  const exclusion = [...first.excluded, ...first.unelected];
  if (exclusion.length === 0) return { elected: probables, initial, challenges: 0, restarts: 0 };
  const reversed = [...exclusion].reverse();
  let queue = reversed.length > 1 ? [...reversed.slice(1), reversed[0]] : reversed;
  let ever = new Set(probables);
  let always = new Set(probables);
  const seen = new Map<string, string[]>([[keyOf(probables), [keyOf(queue)]]]);
  const secondChance = new Set<string>();
  let last = keyOf(probables);
  let sinceChange = 0;
  let challenges = 0;
  let restarts = 0;
  const done = (elected: number[]) => ({ elected: sorted(elected), initial, challenges, restarts });

  while (challenges < MAX_CHALLENGES) {
    challenges++;
    if (sinceChange >= queue.length) return done(probables);
    const challenger = queue.shift() as number;
    const contest = [...probables, challenger];
    // The challenger loses ties: its key ranks after every probable's.
    const won = new Set(meek(s, contest, seats, (c) => (c === challenger ? s.m : 0) + c).elected);
    const lost = contest.filter((c) => !won.has(c));
    if (won.size === seats && lost.length === 1 && won.has(challenger)) {
      probables = sorted(won);
      queue.push(lost[0]);
      sinceChange = 0;
      ever.add(challenger);
      always = new Set([...always].filter((c) => won.has(c)));
    } else {
      queue.push(challenger);
      sinceChange++;
    }
    const now = keyOf(probables);
    const order = keyOf(queue);
    const changed = now !== last;
    let loop = false;
    if (changed && seen.has(now)) {
      if ((seen.get(now) as string[]).includes(order) || secondChance.has(now)) loop = true;
      else secondChance.add(now);
    }
    if (loop) {
      restarts++;
      const continuing = new Set([...probables, ...queue]);
      const never = [...continuing].filter((c) => !ever.has(c));
      if (never.length > 0) {
        queue = queue.filter((c) => !never.includes(c));
        if (probables.length === seats && queue.length === 0) return done(probables);
      } else {
        const atRisk = [...continuing].filter((c) => !always.has(c));
        if (atRisk.length === 0) return done(probables);
        const score = borda(ballotsOf(s, [...continuing]), [...probables, ...queue]);
        atRisk.sort((a, b) => (score.get(a) as number) - (score.get(b) as number) || a - b);
        const out = atRisk[0];
        if (probables.includes(out)) {
          probables = probables.filter((c) => c !== out);
          if (queue.length > 0) probables = sorted([...probables, queue.shift() as number]);
          if (probables.length === seats && queue.length === 0) return done(probables);
        } else {
          queue = queue.filter((c) => c !== out);
          if (probables.length === seats && queue.length === 0) return done(probables);
        }
      }
      ever = new Set(probables);
      always = new Set(probables);
      seen.clear();
      secondChance.clear();
      sinceChange = 0;
      last = keyOf(probables);
      seen.set(last, [keyOf(queue)]);
      continue;
    }
    if (changed) {
      const list = seen.get(now);
      if (list) list.push(order);
      else seen.set(now, [order]);
    }
    last = now;
  }
  return done(probables);
}

export const sequentialStvRule: ProfileRule = {
  name: 'sequential-stv',
  aliases: ['stv-sequential'],
  title: 'Sequential STV',
  description:
    'A Meek STV committee, then every candidate left out challenges it: a Meek count of the committee and the challenger for K seats decides whether it displaces a member, until a full round of challenges changes nothing (loops resolved by exclusion).',
  family: 'multiwinner',
  input: 'rankings',
  output: 'set',
  ties: "As pref_voting's sequential_stv: in every Meek count, candidates tied for election go by lower index and the higher index is excluded first; a challenger loses ties; equal Borda scores in a loop exclude the lower index. details: the initial Meek committee, the challenges run and the loops resolved. Ballots with ties split their value equally; unranked candidates never receive.",
  axioms: ['anonymity'],
  options: [SEATS],
  reference:
    'Hill & Gazeley, Sequential STV, Voting Matters 15 (2002) and 20 (2005 revision); pref_voting proportional_methods.sequential_stv',
  run(s, cands, opts) {
    const seats = seatsOf(opts);
    const r = sequentialStv(s, cands, seats);
    return {
      winners: r.elected,
      details: { seats, initial: r.initial, challenges: r.challenges, restarts: r.restarts },
    };
  },
};
