import type { ProfileRule } from '../../types.js';
import { banks } from './banks.js';
import { condorcet } from './condorcet.js';
import { condorcetWinnerRule } from './condorcet-winner.js';
import { pareto } from './pareto.js';
import { schwartz } from './schwartz.js';
import { smith } from './smith.js';
import { uncoveredSetFishburn, uncoveredSetGillies } from './uncovered-set.js';
import { weakCondorcet } from './weak-condorcet.js';
import { betaUncoveredSet } from './beta-uncovered-set.js';
import { bipartisanSet, essentialSet } from './essential-set.js';
import { uncoveredSetBordes, uncoveredSetMckelvey } from './uncovered-set-bordes.js';
import { weightedCovering } from './weighted-covering.js';

/** The tournament rules, in the order `sulab methods` lists them. */
export const tournamentRules: ProfileRule[] = [
  condorcet,
  condorcetWinnerRule,
  weakCondorcet,
  smith,
  schwartz,
  uncoveredSetGillies,
  uncoveredSetFishburn,
  banks,
  pareto,
  uncoveredSetBordes,
  uncoveredSetMckelvey,
  weightedCovering,
  betaUncoveredSet,
  essentialSet,
  bipartisanSet,
];
