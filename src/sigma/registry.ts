/**
 * The registry of aggregators (Σ). Each family folder exports its list; adding a rule is one file
 * plus one line in its family's index. Names are kebab-case; lookups accept aliases, any case,
 * and underscores for hyphens (src/core/registry.ts, the shape every pluggable kind shares).
 */
import { kebabName, Registry } from '../core/registry.js';
import { cardinalRules } from './cardinal/index.js';
import { marketRules } from './market/index.js';
import { multiwinnerRules } from './multiwinner/index.js';
import { eliminationRules } from './ordinal/elimination/index.js';
import { exactRules } from './ordinal/exact/index.js';
import { pairwiseRules } from './ordinal/pairwise/index.js';
import { positionalRules } from './ordinal/positional/index.js';
import { proceduralRules } from './ordinal/procedural/index.js';
import { scoreRules } from './ordinal/score/index.js';
import { probabilisticRules } from './probabilistic/index.js';
import { tournamentRules } from './ordinal/tournament/index.js';
import type { Rule } from './types.js';

export const rules: readonly Rule[] = [
  ...positionalRules,
  ...eliminationRules,
  ...pairwiseRules,
  ...exactRules,
  ...tournamentRules,
  ...proceduralRules,
  ...scoreRules,
  ...probabilisticRules,
  ...cardinalRules,
  ...marketRules,
  ...multiwinnerRules,
];

/** The Σ registry: rules answer to their name and aliases, in any case, with `_` or spaces for `-`. */
export const sigmaRegistry = new Registry<Rule>('method', rules, {
  expected: () => '`sulab methods` lists them',
});

export const normalizeName = kebabName;

/** The rule called `name` (or one of its aliases); a UserError naming close matches otherwise. */
export function getRule(name: string): Rule {
  return sigmaRegistry.get(name, '--method');
}
