/** fast-check arbitraries for profiles, and a plain view of a profile for deep equality. */
import fc from 'fast-check';
import { type Profile, profileFromRankings, profileFromScores } from '../../src/sigma/profile.js';

export interface ProfileShape {
  /** Allow tied candidates. */
  ties?: boolean;
  /** Allow truncated ballots. */
  truncated?: boolean;
  /** Names are arbitrary strings (else the defaults "0", "1", …). */
  names?: boolean;
  /** Counts are positive integers (else any non-negative number, fractions included). */
  integerCounts?: boolean;
  maxCandidates?: number;
  maxBallots?: number;
}

/** Names that survive every format: trimmed, non-empty, one line, not a CSV count or rank header. */
export const safeName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => s !== '' && !/[\r\n]/.test(s) && !/^(#|count)$/i.test(s) && !/^rank\s*\d+$/i.test(s));

export function namesArb(m: number): fc.Arbitrary<string[]> {
  return fc.uniqueArray(safeName, { minLength: m, maxLength: m });
}

/** One ballot: a weak order over m candidates, possibly truncated, as groups best first. */
export function rankingArb(m: number, shape: ProfileShape): fc.Arbitrary<number[][]> {
  const all = Array.from({ length: m }, (_, i) => i);
  return fc
    .tuple(
      fc.shuffledSubarray(all, { minLength: m, maxLength: m }),
      fc.array(fc.boolean(), { minLength: m, maxLength: m }),
      fc.integer({ min: 0, max: m }),
    )
    .map(([perm, cuts, ranked]) => {
      const kept = shape.truncated ? perm.slice(0, ranked) : perm;
      const groups: number[][] = [];
      kept.forEach((c, i) => {
        if (i === 0 || !shape.ties || cuts[i]) groups.push([c]);
        else groups[groups.length - 1].push(c);
      });
      return groups.map((g) => g.sort((x, y) => x - y));
    });
}

export function profileArb(shape: ProfileShape = {}): fc.Arbitrary<Profile> {
  const maxM = shape.maxCandidates ?? 6;
  const maxK = shape.maxBallots ?? 8;
  return fc
    .integer({ min: 1, max: maxM })
    .chain((m) =>
      fc
        .tuple(
          fc.array(rankingArb(m, shape), { minLength: 0, maxLength: maxK }),
          shape.names ? namesArb(m) : fc.constant(undefined),
        )
        .chain(([rankings, names]) =>
          fc
            .array(
              shape.integerCounts === false
                ? fc.double({ min: 0, max: 1000, noNaN: true }).map((x) => (x === 0 ? 0 : x))
                : fc.integer({ min: 1, max: 50 }),
              { minLength: rankings.length, maxLength: rankings.length },
            )
            .map((counts) => profileFromRankings(m, rankings, counts, { names })),
        ),
    );
}

export interface ScoreShape {
  /** Scores are whole numbers in 0..grades-1 (else any finite number). */
  grades?: number;
  names?: boolean;
  maxCandidates?: number;
  maxBallots?: number;
}

export function scoreProfileArb(shape: ScoreShape = {}): fc.Arbitrary<Profile> {
  const maxM = shape.maxCandidates ?? 5;
  const maxK = shape.maxBallots ?? 6;
  const score: fc.Arbitrary<number> = shape.grades
    ? fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: shape.grades - 1 }))
    : fc.oneof(
        fc.constant(Number.NaN),
        fc.integer({ min: -5, max: 5 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
      );
  return fc
    .integer({ min: 1, max: maxM })
    .chain((m) =>
      fc
        .tuple(
          fc.array(fc.array(score, { minLength: m, maxLength: m }), { minLength: 0, maxLength: maxK }),
          shape.names ? namesArb(m) : fc.constant(undefined),
        )
        .chain(([rows, names]) =>
          fc
            .array(fc.integer({ min: 1, max: 30 }), { minLength: rows.length, maxLength: rows.length })
            .map((counts) =>
              profileFromScores(m, Float64Array.from(rows.flat()), Float64Array.from(counts), { names }),
            ),
        ),
    );
}

/** A plain view of a profile for deep equality (absent unranked flags read as all zero). */
export function plain(p: Profile) {
  return {
    m: p.m,
    ids: [...p.ids],
    names: [...p.names],
    k: p.k,
    levels: Array.from(p.levels),
    counts: Array.from(p.counts),
    unranked: p.unranked ? Array.from(p.unranked) : new Array<number>(p.k * p.m).fill(0),
    scores: p.scores ? Array.from(p.scores, (x) => (Number.isNaN(x) ? null : x)) : null,
  };
}
