/**
 * A generator base's cells without the loader's passes over every number. A cell of a sweep whose
 * base is a principal generator, and whose every parameter is a generator option, is the
 * generator's principal with the sweep's readings and the cell's seed: the same structure (names,
 * nesting, Σ, readings, sizes) wherever the options are the same, only the drawn numbers differ.
 * So the first cell of each set of options is loaded in full (limits, schema, meaning) and kept as
 * the template; the others build their principal straight from the generator's parts with
 * `makePrincipal`, which checks every number as it always does, and take everything else from
 * the template. The direct build is only trusted where it reproduced the loader exactly on the
 * template's own cell, and any mistake it meets sends that cell through the loader, so a cell's
 * scenario — or its error — is the loader's in every case.
 */
import { isDeepStrictEqual } from 'node:util';
import { makePrincipal, type PartSpec, type Principal, type WorldInput } from '../core/model.js';
import type { Scenario, SequentialScenario } from '../core/scenario.js';
import type { Sweep } from '../core/sweep.js';
import type { GeneratedPart, GeneratedScenario } from '../generate/principals.js';
import { parseAnyScenarioSource } from '../scenario/load.js';
import type { Source } from '../scenario/source.js';

/** Option sets whose templates are kept (a swept continuous option makes each cell its own). */
const MAX_TEMPLATES = 64;

/** The fields a generated scenario and its parts have (and a cell's `alignments`); others go to the loader. */
const SCENARIO_KEYS = new Set([
  'name',
  'title',
  'description',
  'outcomes',
  'actions',
  'parts',
  'sigma',
  'bounds',
  'seed',
  'alignments',
]);
const PART_KEYS = new Set(['name', 'weight', 'utility', 'beliefs', 'sigma', 'parts']);

/** Whether a sweep's cells can be built directly: a generator base, only generator options swept. */
export function generatorOnly(sweep: Sweep): boolean {
  return sweep.base.kind === 'generator' && sweep.params.every((p) => p.path[0] === 'generator');
}

/** A set of options' template: the scenario its first cell loaded to, that cell's data until checked. */
interface Template {
  readonly scenario: Scenario;
  /** The first cell's data, until a second cell checks the direct build on it; then undefined. */
  data?: GeneratedScenario;
  /** Whether the direct build reproduced the template (false: every cell of it is loaded). */
  trusted: boolean;
}

/** Loads the cells of one generator sweep (in one thread), templates kept by option values. */
export class GeneratedCells {
  /** Option values → the template, or null where the first cell is not a one-shot scenario. */
  private readonly templates = new Map<string, Template | null>();
  /** Cells built directly so far (the others went through the loader). */
  direct = 0;

  /** The scenario of a cell's source (`cellSource`), with its parameter values. */
  load(src: Source, values: readonly unknown[]): Scenario | SequentialScenario {
    const key = JSON.stringify(values);
    const template = this.templates.get(key);
    if (template === undefined) {
      const scenario = parseAnyScenarioSource(src);
      if (this.templates.size >= MAX_TEMPLATES) this.templates.clear();
      this.templates.set(
        key,
        scenario.kind === 'one-shot'
          ? { scenario, data: src.data as GeneratedScenario, trusted: true }
          : null,
      );
      return scenario;
    }
    // The check waits for a second cell: options that change from cell to cell cost nothing.
    if (template?.data) {
      template.trusted = reproduces(template.data, template.scenario);
      template.data = undefined;
    }
    if (!template?.trusted) return parseAnyScenarioSource(src);
    try {
      const scenario = direct(src.data as GeneratedScenario, template.scenario);
      this.direct++;
      return scenario;
    } catch {
      return parseAnyScenarioSource(src);
    }
  }
}

/** Whether the direct build of a cell's data gives what the loader gave. */
function reproduces(data: GeneratedScenario, loaded: Scenario): boolean {
  try {
    return isDeepStrictEqual(direct(data, loaded), loaded);
  } catch {
    return false;
  }
}

/**
 * A generated scenario built as the loader builds it, with `template`'s structure: parts in the
 * same places, Σ as resolved there, readings, candidates and defaults as loaded there.
 */
function direct(f: GeneratedScenario, template: Scenario): Scenario {
  if (!Object.keys(f).every((k) => SCENARIO_KEYS.has(k)))
    throw new Error('a field the template may not have');
  const like = template.principal;
  const actions = f.actions ? Object.keys(f.actions) : f.outcomes;
  if (!sameNames(f.outcomes, like.outcomes) || !sameNames(actions, like.actions))
    throw new Error('not the template’s outcomes or actions');
  // An identity world is the template's; a random one is its rows, in action order.
  const world: WorldInput = f.actions
    ? actions.map((a) => (f.actions as Record<string, number[]>)[a])
    : like.world;
  const principal = makePrincipal({
    name: like.name,
    outcomes: f.outcomes,
    actions,
    world,
    parts: partSpecs(f.parts, like, actions),
    sigma: like.sigma,
  });
  return {
    ...template,
    name: f.name,
    title: f.title ?? f.name,
    description: f.description ?? '',
    principal,
    truth: principal.world,
    bounds: { noise: f.bounds?.noise ?? 0, samples: f.bounds?.samples ?? 1000 },
    seed: f.seed,
  };
}

/** The part specs of generated parts, checked against the template principal `like`'s. */
function partSpecs(parts: readonly GeneratedPart[], like: Principal, actions: readonly string[]): PartSpec[] {
  if (parts.length !== like.parts.length) throw new Error('not the template’s parts');
  return parts.map((p, i) => {
    const t = like.parts[i];
    if (!Object.keys(p).every((k) => PART_KEYS.has(k))) throw new Error('a field the template may not have');
    if (p.name !== t.name || (p.parts !== undefined) !== (t.principal !== undefined))
      throw new Error('not the template’s parts');
    const weight = p.weight !== undefined ? { weight: p.weight } : {};
    if (p.parts !== undefined) {
      const sub = t.principal as Principal;
      return {
        name: p.name,
        ...weight,
        principal: { name: p.name, parts: partSpecs(p.parts, sub, actions), sigma: sub.sigma },
      };
    }
    const beliefs = p.beliefs;
    return {
      name: p.name,
      ...weight,
      ...(p.utility !== undefined ? { utility: p.utility } : {}),
      ...(beliefs !== undefined ? { beliefs: actions.map((a) => beliefs[a]) } : {}),
    };
  });
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}
