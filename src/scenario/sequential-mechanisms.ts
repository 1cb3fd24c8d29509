/**
 * The sequential format's mechanism blocks checked against the scenario's parts: `bounded:` (each
 * part's complexity and budget, the split rules, the forms) and `evolution:` (the rates of the
 * evolution model). Problems go through `add` at the file path they name, so each is reported at
 * its line: unknown or missing parts, a `fallback: beliefs` on a part without beliefs, a split
 * rule's parameter that is missing or belongs to another rule.
 *
 * Pure: no Node imports.
 */
import { quoteName } from '../core/registry.js';
import { hint } from '../core/names.js';
import type {
  DeclaredBounded,
  DeclaredBoundedPart,
  DeclaredEvolution,
  DeclaredSplit,
} from '../core/sequential-mechanisms.js';
import { type AddProblem, named } from './checks.js';
import { type BoundedFile, type EvolutionFile, MAX_SOLVES } from './sequential-mechanisms-schema.js';
import type { SeqPartFile } from './sequential-schema.js';
import type { Path, Source } from './source.js';

const WILDCARD = '*';

/** Each part's entry of a part → x map (explicit, else `'*'`), or undefined (problems added). */
function perPart<T>(
  src: Source,
  add: AddProblem,
  given: Readonly<Record<string, T>>,
  parts: readonly string[],
  path: Path,
  what: string,
): T[] | undefined {
  let ok = true;
  for (const key of src.keys(path, given))
    if (key !== WILDCARD && !parts.includes(key)) {
      add(
        [...path, key],
        `unknown part ${quoteName(key)}${hint(key, parts, `; H's parts are ${parts.join(', ')}`)}`,
      );
      ok = false;
    }
  const missing = parts.filter((p) => !Object.hasOwn(given, p) && !Object.hasOwn(given, WILDCARD));
  if (missing.length > 0) {
    add(path, `missing ${named('part', missing)} (give ${what}, or '*' for every part not given)`);
    ok = false;
  }
  return ok ? parts.map((p) => (Object.hasOwn(given, p) ? given[p] : given[WILDCARD])) : undefined;
}

/** Which parameters each split rule reads (the others are mistakes), and their defaults. */
const SPLIT_KEYS = {
  fixed: ['fraction'],
  precision: ['sd'],
  'best-response': ['grid', 'rounds', 'start'],
} as const;

function split(add: AddProblem, s: BoundedFile['splits'][number], path: Path): DeclaredSplit | undefined {
  const own: readonly string[] = SPLIT_KEYS[s.rule];
  let ok = true;
  for (const key of ['fraction', 'sd', 'grid', 'rounds', 'start'] as const)
    if (s[key] !== undefined && !own.includes(key)) {
      const rule = Object.entries(SPLIT_KEYS).find(([, ks]) => (ks as readonly string[]).includes(key))![0];
      add([...path, key], `${key} belongs to the ${rule} rule, not ${s.rule}`);
      ok = false;
    }
  if (s.rule === 'fixed' && s.fraction === undefined) {
    add(path, 'the fixed rule needs fraction (the share of the budget spent on values, in [0, 1])');
    ok = false;
  }
  if (s.rule === 'precision' && s.sd === undefined) {
    add(path, 'the precision rule needs sd (the value sd σ* each part buys first, ≥ 0)');
    ok = false;
  }
  if (!ok) return undefined;
  if (s.rule === 'fixed') return { kind: 'fixed', fraction: s.fraction! };
  if (s.rule === 'precision') return { kind: 'precision', sd: s.sd! };
  return { kind: 'best-response', grid: s.grid ?? 10, rounds: s.rounds ?? 5, start: s.start ?? 0.5 };
}

/** The `bounded:` block over the scenario's parts, or undefined (absent, or a problem added). */
export function resolveBounded(
  src: Source,
  add: AddProblem,
  b: BoundedFile | undefined,
  parts: readonly SeqPartFile[],
): DeclaredBounded | undefined {
  if (b === undefined) return undefined;
  const names = parts.map((p) => p.name);
  const path: Path = ['bounded', 'parts'];
  const given = perPart(src, add, b.parts, names, path, "every part's complexity and budget");
  let ok = given !== undefined;
  const declared: DeclaredBoundedPart[] = (given ?? []).map((g, i) => {
    const fallback = g.fallback ?? 'uniform';
    if (fallback === 'beliefs' && parts[i].beliefs === undefined) {
      const key = Object.hasOwn(b.parts, names[i]) ? names[i] : WILDCARD;
      add(
        [...path, key, 'fallback'],
        `part ${JSON.stringify(names[i])} declares no beliefs (give parts[${i}].beliefs, or fallback: uniform)`,
      );
      ok = false;
    }
    return { complexity: g.complexity, budget: g.budget, fallback };
  });
  const splits = b.splits.map((s, k) => split(add, s, ['bounded', 'splits', k]));
  if (!ok || splits.some((s) => s === undefined)) return undefined;
  const draws = b.draws ?? 32;
  const perDraw = (splits as DeclaredSplit[]).reduce(
    (t, s) => t + (s.kind === 'best-response' ? s.rounds * names.length * (s.grid + 2) + 1 : 1),
    0,
  );
  if (draws * perDraw > MAX_SOLVES) {
    add(
      b.draws === undefined ? ['bounded', 'splits'] : ['bounded', 'draws'],
      `${draws} draws × ${perDraw} negotiable-RL solves per draw is ${draws * perDraw}, at most ${MAX_SOLVES} (fewer draws, or a smaller best-response grid or fewer rounds)`,
    );
    return undefined;
  }
  return {
    parts: declared,
    splits: splits as DeclaredSplit[],
    forms: { sd0: b.forms?.sd0 ?? 1, halfModel: b.forms?.half_model ?? 1 },
    draws,
  };
}

/** The `evolution:` block over the scenario's parts, or undefined (absent, or a problem added). */
export function resolveEvolution(
  src: Source,
  add: AddProblem,
  e: EvolutionFile | undefined,
  parts: readonly string[],
  horizon: number,
): DeclaredEvolution | undefined {
  if (e === undefined) return undefined;
  let baseline: number | number[] = 0;
  if (typeof e.baseline === 'number') baseline = e.baseline;
  else if (e.baseline !== undefined) {
    const b = perPart(src, add, e.baseline, parts, ['evolution', 'baseline'], "every part's baseline");
    if (!b) return undefined;
    baseline = b;
  }
  return {
    steps: e.steps ?? horizon,
    habituation: e.habituation ?? 0,
    recovery: e.recovery ?? 0,
    baseline,
    endorsement: e.endorsement ?? 0,
    endorsers: e.endorsers ?? 'overruled',
    weightDrift: e.weight_drift ?? 0,
    tieBreak: e.tie_break ?? 'random',
    limit: e.limit ?? 5000,
  };
}
