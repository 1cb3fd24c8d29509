/**
 * Majority judgment (Balinski & Laraki): each candidate's majority grade is the median of its
 * grades (the lower one when the number of voters is even); the highest majority grade wins. Ties
 * are broken as Balinski and Laraki define: remove one median grade from each tied candidate and
 * compare the new medians, and so on. Equivalently, candidates are ordered lexicographically by their
 * majority values (the medians taken in that order), which ranks everyone; only candidates with the
 * same multiset of grades stay tied.
 *
 * Example (Wikipedia, "Majority judgment", the Tennessee capital example with grades 0 = poor … 3 =
 * excellent): the majority grades are Memphis poor, Nashville good, Chattanooga fair, Knoxville fair;
 * Nashville wins, and Chattanooga beats Knoxville on the tie-break.
 */
import { UserError } from '../../../core/errors.js';
import type { Summary } from '../../profile.js';
import type { ProfileRule, RuleResult } from '../../types.js';
import { grades } from './grades.js';

/** A candidate's grades as runs, best first: grade[j] for positions ends[j-1]+1 .. ends[j] (1-based). */
interface Runs {
  readonly grade: number[];
  readonly ends: number[];
}

function runsOf(g: Float64Array, r: number, i: number, counts: Float64Array): Runs {
  const pairs: [number, number][] = [];
  for (let b = 0; b < counts.length; b++) if (counts[b] > 0) pairs.push([g[b * r + i], counts[b]]);
  pairs.sort((x, y) => y[0] - x[0]);
  const grade: number[] = [];
  const ends: number[] = [];
  let n = 0;
  for (const [x, w] of pairs) {
    n += w;
    if (grade.length > 0 && grade[grade.length - 1] === x) ends[ends.length - 1] = n;
    else {
      grade.push(x);
      ends.push(n);
    }
  }
  return { grade, ends };
}

/**
 * The place of position i (1-based, best first, of n) in the order majority values read the grades:
 * the lower median first, then alternately the next position below and above it.
 */
function order(i: number, n: number): number {
  const h = Math.floor(n / 2);
  if (n % 2 === 1) {
    const c = h + 1;
    return i === c ? 0 : i > c ? 2 * (i - c) - 1 : 2 * (c - i);
  }
  return i >= h + 1 ? 2 * (i - h - 1) : 2 * (h - i) + 1;
}

/** The earliest place in [lo, hi] (order is smallest at the centre and grows outwards). */
function earliest(lo: number, hi: number, n: number): number {
  const h = Math.floor(n / 2);
  let best = Math.min(order(lo, n), order(hi, n));
  for (const c of [h, h + 1]) if (c >= lo && c <= hi) best = Math.min(best, order(c, n));
  return best;
}

/** > 0 when a's majority value is lexicographically greater than b's, < 0 when smaller, 0 if equal. */
function compare(a: Runs, b: Runs, n: number): number {
  let ia = 0;
  let ib = 0;
  let pos = 1;
  let best = Number.POSITIVE_INFINITY;
  let sign = 0;
  while (pos <= n && ia < a.ends.length && ib < b.ends.length) {
    const end = Math.min(a.ends[ia], b.ends[ib]);
    if (a.grade[ia] !== b.grade[ib]) {
      const at = earliest(pos, end, n);
      if (at < best) {
        best = at;
        sign = a.grade[ia] > b.grade[ib] ? 1 : -1;
      }
    }
    pos = end + 1;
    if (a.ends[ia] === end) ia++;
    if (b.ends[ib] === end) ib++;
  }
  return sign;
}

/** The majority grade: the grade at the lower median position. */
function medianOf(x: Runs, n: number): number {
  const at = Math.floor(n / 2) + 1;
  for (let j = 0; j < x.ends.length; j++) if (x.ends[j] >= at) return x.grade[j];
  return Number.NaN;
}

export function majorityJudgment(s: Summary, cands?: readonly number[]): RuleResult {
  const { counts } = s.profile;
  for (let b = 0; b < counts.length; b++)
    if (!Number.isInteger(counts[b]))
      throw new UserError(
        `majority judgment removes one voter's grade at a time and needs whole voter counts, got ${counts[b]}`,
        `counts[${b}]`,
      );
  const G = grades(s, cands);
  const { cands: cs, g } = G;
  const r = cs.length;
  const n = s.n;
  const runs = cs.map((_, i) => runsOf(g, r, i, counts));
  const idx = cs.map((_, i) => i).sort((x, y) => -compare(runs[x], runs[y], n) || cs[x] - cs[y]);
  const ranking: number[][] = [];
  let prev = -1;
  for (const i of idx) {
    if (prev >= 0 && compare(runs[prev], runs[i], n) === 0) ranking[ranking.length - 1].push(cs[i]);
    else ranking.push([cs[i]]);
    prev = i;
  }
  for (const grp of ranking) grp.sort((x, y) => x - y);
  const scores = new Array<number>(s.m).fill(Number.NaN);
  for (let i = 0; i < r; i++) scores[cs[i]] = medianOf(runs[i], n);
  return { winners: ranking.length > 0 ? ranking[0] : [], ranking, scores };
}

export const majorityJudgmentRule: ProfileRule = {
  name: 'majority-judgment',
  aliases: ['majority-judgement', 'mj'],
  title: 'Majority judgment',
  description:
    "The highest median grade wins; ties are broken by removing one median grade at a time (Balinski–Laraki's majority values), which ranks everyone.",
  family: 'score',
  input: 'scores',
  output: 'ranking',
  ties: "Balinski–Laraki's full tie-break (repeatedly remove a median grade), not pref_voting's one-step majority gauge; with an even number of voters the lower median; candidates stay tied only with identical grade multisets. Needs whole voter counts. Unscored candidates get the profile's lowest score; rankings are graded by the number of candidates in play ranked strictly below.",
  axioms: ['anonymity', 'neutrality'],
  reference: 'Balinski & Laraki (2011), Majority Judgment: Measuring, Ranking, and Electing',
  run: (s, cands) => majorityJudgment(s, cands),
};
