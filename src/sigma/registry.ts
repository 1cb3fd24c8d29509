/**
 * The registry of aggregators (Σ). Each family folder exports its list; adding a rule is one file
 * plus one line in its family's index. Names are kebab-case; lookups accept aliases, any case,
 * and underscores for hyphens.
 */
import { UserError } from '../core/errors.js';
import { cardinalRules } from './cardinal/index.js';
import { eliminationRules } from './ordinal/elimination/index.js';
import { exactRules } from './ordinal/exact/index.js';
import { pairwiseRules } from './ordinal/pairwise/index.js';
import { positionalRules } from './ordinal/positional/index.js';
import { proceduralRules } from './ordinal/procedural/index.js';
import { scoreRules } from './ordinal/score/index.js';
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
  ...cardinalRules,
];

const byName = new Map<string, Rule>();
for (const r of rules) {
  for (const n of [r.name, ...r.aliases]) {
    const key = normalizeName(n);
    const clash = byName.get(key);
    if (clash && clash !== r)
      throw new Error(`registry: name ${n} is used by both ${clash.name} and ${r.name}`);
    byName.set(key, r);
  }
}

export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
}

/** The rule called `name` (or one of its aliases); a UserError naming close matches otherwise. */
export function getRule(name: string): Rule {
  const r = byName.get(normalizeName(name));
  if (r) return r;
  const key = normalizeName(name);
  const close = [...byName.keys()]
    .map((k) => [k, editDistance(k, key)] as const)
    .filter(([, d]) => d <= Math.max(2, key.length / 3))
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([k]) => k);
  const hint = close.length > 0 ? `; did you mean ${close.join(', ')}?` : '; `sulab methods` lists them';
  throw new UserError(`unknown method "${name}"${hint}`, '--method');
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
