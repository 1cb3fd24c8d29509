/**
 * Shared by the built-in scenarios' tests: load a file of scenarios/ through the real loader,
 * evaluate it, and build variants of it (edited as plain data, then loaded again), so the numbers
 * the docs quote are the numbers the files give.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildContext } from '../../src/align/context.js';
import type { AlignContext } from '../../src/align/types.js';
import { type AlignmentResult, evaluate, type ScenarioResult } from '../../src/run/one-shot.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/core/scenario.js';

export const scenariosDir = join(import.meta.dirname, '..', '..', 'scenarios');

/** The built-in one-shot scenario files, sorted (sequential ones have their own tests). */
export function scenarioFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .filter((f) => !/^kind:\s*sequential\s*$/m.test(readFileSync(join(scenariosDir, f), 'utf8')))
    .sort();
}

export function text(name: string): string {
  return readFileSync(join(scenariosDir, `${name}.yaml`), 'utf8');
}

/** scenarios/<name>.yaml, loaded. */
export function load(name: string): Scenario {
  return parseScenario(text(name), `scenarios/${name}.yaml`);
}

/** scenarios/<name>.yaml as plain data (for variants). */
// biome-ignore lint/suspicious/noExplicitAny: a scenario file is untyped YAML until the loader reads it
export type FileData = Record<string, any>;

export function data(name: string): FileData {
  return parse(text(name)) as FileData;
}

/** A variant of scenarios/<name>.yaml: `edit` changes the file's data in place; the loader checks it. */
export function variant(name: string, edit: (f: FileData) => void): Scenario {
  const f = data(name);
  edit(f);
  return parseScenario(JSON.stringify(f), `${name}-variant.json`);
}

const results = new Map<string, ScenarioResult>();

/** evaluate(scenarios/<name>.yaml), computed once per test file. */
export function run(name: string): ScenarioResult {
  let r = results.get(name);
  if (!r) {
    r = evaluate(load(name));
    results.set(name, r);
  }
  return r;
}

export function context(name: string): AlignContext {
  return buildContext(load(name));
}

/** The result of the reading `id` (as written in the file); fails if it is missing or errored. */
export function reading(r: ScenarioResult, id: string): AlignmentResult {
  const a = r.alignments.find((x) => x.id === id);
  assert.ok(a, `${r.scenario}: no reading ${id}`);
  assert.equal(a.error, undefined, `${r.scenario}: ${id} failed: ${a.error}`);
  return a;
}

/** reading id → target, for every reading of the result. */
export function targets(r: ScenarioResult): Record<string, unknown> {
  return Object.fromEntries(r.alignments.map((a) => [a.id, a.target]));
}

/** Rounds every number in a (nested) value, for comparisons of computed floats. */
export function round<T>(x: T, digits = 6): T {
  const f = 10 ** digits;
  if (typeof x === 'number') return (Math.round(x * f) / f) as T;
  if (Array.isArray(x)) return x.map((y) => round(y, digits)) as T;
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v, digits)])) as T;
  return x;
}

/** The candidates some reading accepts, leaving out the readings in `without`. */
export function acceptedWithout(r: ScenarioResult, without: readonly string[]): string[] {
  return Object.entries(r.interpretation)
    .filter(([, ids]) => ids.some((id) => !without.includes(id)))
    .map(([c]) => c);
}
