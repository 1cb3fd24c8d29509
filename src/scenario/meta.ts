/**
 * The one-shot format's mechanism blocks, checked against H's own parts: `meta:` (the parts'
 * meta-preferences over the weights, with the dynamics' settings) and each part's `rate:` (how
 * fast it un-bounds). Problems go through `add` with the file path they name, so each one is
 * reported at its line: unknown part names, target shares outside the simplex, a rate on a part
 * that is not one of H's own.
 */
import { quoteName } from '../core/registry.js';
import { hint } from '../core/names.js';
import type { DeclaredMetaPreference, ScenarioMeta } from '../core/scenario.js';
import { type AddProblem, fmt } from './checks.js';
import type { MetaFile, PartFile } from './schema.js';
import type { Path, Source } from './source.js';

/** How far from 1 target shares may sum (rounding in a file's decimals). */
const SUM_TOLERANCE = 1e-9;

/** A part → number map as one number per part of `parts` (left out: 0), or undefined (problem added). */
function perPart(
  src: Source,
  add: AddProblem,
  given: Readonly<Record<string, number>>,
  parts: readonly string[],
  path: Path,
): number[] | undefined {
  const out = new Array<number>(parts.length).fill(0);
  for (const key of src.keys(path, given)) {
    const i = parts.indexOf(key);
    if (i < 0) {
      add(
        [...path, key],
        `unknown part ${quoteName(key)}${hint(key, parts, `; H's parts are ${parts.join(', ')}`)}`,
      );
      return undefined;
    }
    out[i] = given[key];
  }
  return out;
}

/** Target shares: a point of the simplex (non-negative, summing to 1). */
function target(
  src: Source,
  add: AddProblem,
  given: Readonly<Record<string, number>>,
  parts: readonly string[],
  path: Path,
): number[] | undefined {
  const t = perPart(src, add, given, parts, path);
  if (!t) return undefined;
  const negative = t.findIndex((x) => !(x >= 0));
  if (negative >= 0) {
    add(
      [...path, parts[negative]],
      `expected a share ≥ 0 (weights lie on the simplex), got ${fmt(t[negative])}`,
    );
    return undefined;
  }
  const sum = t.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    add(path, `shares sum to ${fmt(sum)}, expected 1 (weights lie on the simplex)`);
    return undefined;
  }
  return t;
}

/** The `meta:` block over H's own parts `parts`, or undefined (absent, or a problem added). */
export function resolveMeta(
  src: Source,
  add: AddProblem,
  meta: MetaFile | undefined,
  parts: readonly string[],
): ScenarioMeta | undefined {
  if (meta === undefined) return undefined;
  const preferences: DeclaredMetaPreference[] = [];
  let ok = true;
  for (const name of src.keys(['meta', 'preferences'], meta.preferences)) {
    const path: Path = ['meta', 'preferences', name];
    if (!parts.includes(name)) {
      add(path, `unknown part ${quoteName(name)}${hint(name, parts, `; H's parts are ${parts.join(', ')}`)}`);
      ok = false;
      continue;
    }
    const p = meta.preferences[name];
    if (p.target === undefined && p.say === undefined) {
      add(path, 'expected a target, a say, or both');
      ok = false;
      continue;
    }
    const t = p.target === undefined ? undefined : target(src, add, p.target, parts, [...path, 'target']);
    const say = p.say === undefined ? undefined : perPart(src, add, p.say, parts, [...path, 'say']);
    if ((p.target !== undefined && !t) || (p.say !== undefined && !say)) {
      ok = false;
      continue;
    }
    preferences.push({ part: name, ...(t ? { target: t } : {}), ...(say ? { say } : {}) });
  }
  if (!ok) return undefined;
  return {
    parts: [...parts],
    preferences,
    resolution: meta.resolution,
    distance: meta.distance,
    rate: meta.rate,
    starts: meta.starts,
  };
}

/**
 * The un-bounding rates of H's own parts (name → rate), or undefined when no part gives one. A
 * rate inside a nested principal is a problem: the path un-bounds the parts that bargain at H.
 */
export function resolveRates(
  add: AddProblem,
  parts: readonly PartFile[],
  principals: Readonly<Record<string, { readonly parts: readonly PartFile[] }>> = {},
): Readonly<Record<string, number>> | undefined {
  const nested = (ps: readonly PartFile[], path: Path) =>
    ps.forEach((p, i) => {
      if (p.rate !== undefined)
        add(
          [...path, i, 'rate'],
          "only H's own parts un-bound at a rate (the parts that bargain at the top); move rate to the top-level part",
        );
      if (p.parts) nested(p.parts, [...path, i, 'parts']);
    });
  parts.forEach((p, i) => {
    if (p.parts) nested(p.parts, ['parts', i, 'parts']);
  });
  for (const [name, def] of Object.entries(principals)) nested(def.parts, ['principals', name, 'parts']);
  const given = parts.filter((p) => p.rate !== undefined);
  if (given.length === 0) return undefined;
  return Object.fromEntries(parts.map((p) => [p.name, p.rate ?? 1]));
}
