/** Profiles shared by the rule tests. */
import { profileFromRankings, Summary } from '../../../src/sigma/profile.js';

export type Ranking = (number | number[])[];

/** A Summary of rankings (best first; arrays are tied groups; omitted candidates unranked). */
export const S = (m: number, rankings: Ranking[], counts?: number[]): Summary =>
  new Summary(profileFromRankings(m, rankings, counts));

/**
 * The Tennessee capital example of Wikipedia's voting-system articles: 0 Memphis, 1 Nashville,
 * 2 Chattanooga, 3 Knoxville; 42% near Memphis, 26% Nashville, 15% Chattanooga, 17% Knoxville, each
 * ranking the cities by distance.
 */
export const TENNESSEE = (): Summary =>
  S(
    4,
    [
      [0, 1, 2, 3],
      [1, 2, 3, 0],
      [2, 3, 1, 0],
      [3, 2, 1, 0],
    ],
    [42, 26, 15, 17],
  );
