/**
 * The built-in profiles of the social-choice demo: small elections where rules famously disagree.
 * Each says what it shows; the real election is read from data/preflib by the CLI.
 */
import { type Profile, profileFromRankings } from '../sigma/profile.js';

export interface DemoProfile {
  readonly id: string;
  readonly title: string;
  readonly shows: string;
  readonly profile: Profile;
}

const named = (names: string[]) => ({ names });

export const demoProfiles: readonly DemoProfile[] = [
  {
    id: 'condorcet-cycle',
    title: 'Condorcet cycle',
    shows:
      'a > b > c > a by majority: no Condorcet winner, and every neutral, anonymous rule must tie all three',
    profile: profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
      [1, 1, 1],
      named(['a', 'b', 'c']),
    ),
  },
  {
    id: 'borda-vs-condorcet',
    title: 'Borda vs Condorcet',
    shows:
      'a beats b and c by majority (3–2), yet b has the higher Borda score: positional and majority rules split',
    profile: profileFromRankings(
      3,
      [
        [0, 1, 2],
        [1, 2, 0],
      ],
      [3, 2],
      named(['a', 'b', 'c']),
    ),
  },
  {
    id: 'tennessee',
    title: 'Tennessee capital',
    shows:
      'the textbook election: Memphis has a plurality but Nashville is the Condorcet winner; Knoxville wins instant runoff',
    profile: profileFromRankings(
      4,
      [
        [0, 1, 2, 3],
        [1, 2, 3, 0],
        [2, 3, 1, 0],
        [3, 2, 1, 0],
      ],
      [42, 26, 15, 17],
      named(['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']),
    ),
  },
];
