/**
 * The scenario loader: a YAML or JSON file's text → a `Scenario` (one-shot) or a
 * `SequentialScenario` (`kind: sequential`, resolved in sequential.ts), every name resolved to an
 * index and every rule and reading checked against its registry.
 *
 * Three passes, each reporting the first mistake in the file (one line, `FILE:LINE: path: what`):
 * 1. syntax (source.ts), 2. shape (the zod schema, schema.ts), 3. meaning (here): outcome and
 * action names, lotteries summing to 1, utilities covering every outcome, unique part names,
 * references between principals (unknown names, cycles), Σ rules, operationalizations and their
 * options, candidates (readings.ts). The principal is then built by `makePrincipal`, whose own errors are mapped
 * back to the file's paths.
 *
 * Hierarchy. A part is a leaf (it has a `utility`), an inline sub-principal (it has `parts`, and
 * optionally `sigma` and `world`), or a reference (`principal: <name>`) to a principal defined
 * under `principals:`, which several parts may share. Sub-principals have H's outcomes and
 * actions; their world model defaults to their parent's. References may nest; a cycle is an
 * error at the reference that closes it (`cycle company → team → company`).
 *
 * Pure: no Node imports.
 */
import { quoteName } from '../core/registry.js';
import { UserError } from '../core/errors.js';
import {
  makePrincipal,
  type PartSpec,
  type Principal,
  type PrincipalSpec,
  type SigmaSpec,
} from '../core/model.js';
import { ROW_TOLERANCE, type WorldModel, worldModel } from '../core/world.js';
import { type AddProblem, bare, checkSigma, checkUnique, fmt, quoteList } from './checks.js';
import {
  describeValue,
  firstProblem,
  issueMessage,
  issueProblems,
  type Problem,
  problemError,
} from './problems.js';
import {
  type DistributionFile,
  type PartFile,
  type PrincipalFile,
  type ScenarioFile,
  type SigmaFile,
  scenarioSchema,
  type WorldFile,
} from './schema.js';
import { checkScenarioSize, MAX_PRINCIPAL_LEVELS, type ScenarioLimits } from './limits.js';
import { resolveMeta, resolveRates } from './meta.js';
import { resolveAlignments, resolveCandidates } from './readings.js';
import { resolveSequential } from './sequential.js';
import { sequentialScenarioSchema } from './sequential-schema.js';
import { type Path, readSource, type Source } from './source.js';
import { hint } from '../core/names.js';
import type { Scenario, SequentialScenario } from '../core/scenario.js';

/** The name of the top-level principal. */
export const TOP_PRINCIPAL = 'H';

/**
 * Reads a one-shot scenario from the text of a YAML or JSON file (`file` names it in errors and
 * picks the format: .yaml/.yml, .json, else sniffed). Every mistake is a UserError with `where` =
 * `FILE:LINE`; a sequential scenario is one too (read those with `parseAnyScenario`).
 */
export function parseScenario(text: string, file: string, limits?: Partial<ScenarioLimits>): Scenario {
  return parseScenarioSource(readSource(text, file), limits);
}

/**
 * Reads a one-shot scenario from an already-read source, whose `data` may have been changed since
 * it was read (a sweep sets values into a copy of its base file's data and keeps the base's line
 * positions). Errors as in `parseScenario`.
 */
export function parseScenarioSource(src: Source, limits?: Partial<ScenarioLimits>): Scenario {
  checkScenarioSize(src, limits);
  if (kindOf(src) === 'sequential')
    throw problemError(src, {
      path: ['kind'],
      message: 'this is a sequential scenario; expected a one-shot scenario here',
    });
  return parseOneShot(src);
}

/**
 * Reads a scenario of any kind from the text of a YAML or JSON file: a sequential scenario when
 * it says `kind: sequential`, else a one-shot one. Errors as in `parseScenario`.
 */
export function parseAnyScenario(
  text: string,
  file: string,
  limits?: Partial<ScenarioLimits>,
): Scenario | SequentialScenario {
  return parseAnyScenarioSource(readSource(text, file), limits);
}

/** `parseAnyScenario` on an already-read source (as `parseScenarioSource`: a sweep's cells). */
export function parseAnyScenarioSource(
  src: Source,
  limits?: Partial<ScenarioLimits>,
): Scenario | SequentialScenario {
  checkScenarioSize(src, limits);
  if (kindOf(src) !== 'sequential') return parseOneShot(src);
  const parsed = sequentialScenarioSchema.safeParse(src.data, { error: issueMessage });
  if (!parsed.success)
    throw firstProblem(
      src,
      parsed.error.issues.flatMap((i) => issueProblems(i)),
    );
  return resolveSequential(src, parsed.data);
}

/** Whether a loaded scenario is sequential. */
export function isSequential(s: Scenario | SequentialScenario): s is SequentialScenario {
  return s.kind === 'sequential';
}

const KINDS = ['one-shot', 'sequential'];

/** The `kind` a file gives (undefined when it gives none); a kind that is no kind is an error. */
function kindOf(src: Source): string | undefined {
  const data = src.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.hasOwn(data, 'kind'))
    return undefined;
  const kind: unknown = (data as Record<string, unknown>).kind;
  if (typeof kind === 'string' && KINDS.includes(kind)) return kind;
  throw problemError(src, {
    path: ['kind'],
    message: `expected "one-shot" or "sequential", got ${describeValue(kind)}${
      typeof kind === 'string' ? hint(kind, KINDS, '') : ''
    }`,
  });
}

function parseOneShot(src: Source): Scenario {
  if (src.data === null || src.data === undefined)
    throw new UserError(
      'empty file; expected a scenario (an object with name, outcomes and parts)',
      `${src.file}:1`,
    );
  const parsed = scenarioSchema.safeParse(src.data, { error: issueMessage });
  if (!parsed.success)
    throw firstProblem(
      src,
      parsed.error.issues.flatMap((i) => issueProblems(i)),
    );
  return new Resolver(src, parsed.data).scenario();
}

interface Built {
  /** File path of the principal's definition (the part for inline ones, principals.<name> for named). */
  readonly path: Path;
  readonly top: boolean;
}

class Resolver {
  private readonly problems: Problem[] = [];
  private readonly outcomes: readonly string[];
  private actions: readonly string[] = [];
  private readonly defs: Readonly<Record<string, PrincipalFile>>;
  private readonly defNames: readonly string[];
  /** Named principals already built (undefined while being built: a reference then is a cycle). */
  private readonly named = new Map<string, PrincipalSpec | undefined>();
  private readonly stack: string[] = [];
  private readonly built = new Map<PrincipalSpec, Built>();
  /** Principals being built, one inside the other (H is level 1). */
  private level = 0;

  constructor(
    private readonly src: Source,
    private readonly f: ScenarioFile,
  ) {
    this.outcomes = f.outcomes;
    this.defs = f.principals ?? {};
    this.defNames = f.principals ? src.keys(['principals'], f.principals) : [];
  }

  private readonly add: AddProblem = (path, message, at) => {
    this.problems.push(at ? { path, message, at } : { path, message });
  };

  private check(): void {
    if (this.problems.length > 0) throw firstProblem(this.src, this.problems);
  }

  scenario(): Scenario {
    const f = this.f;
    this.checkUnique(f.outcomes, ['outcomes'], 'outcome');
    const world = this.sharedWorld();
    const truth = f.truth === undefined ? undefined : this.world(f.truth, ['truth']);
    const top: PrincipalSpec = this.principal(
      { sigma: f.sigma, parts: f.parts },
      [],
      TOP_PRINCIPAL,
      world ?? [],
    );
    // Named principals nobody refers to are still checked (and their cycles found).
    for (const n of this.defNames) if (!this.named.has(n)) this.resolve(n, ['principals', n]);
    const partCount = Array.isArray(f.parts) ? f.parts.length : undefined;
    const alignments = resolveAlignments(this.src, this.add, f.alignments, partCount);
    const candidates = resolveCandidates(this.add, f.candidates, this.actions);
    const own = f.parts.map((p) => p.name);
    const meta = resolveMeta(this.src, this.add, f.meta, own);
    const rates = resolveRates(this.add, f.parts, this.defs);
    this.check();

    let principal: Principal;
    try {
      principal = makePrincipal(top);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      throw firstProblem(this.src, [{ path: this.filePath(top, e.where ?? ''), message: bare(e) }]);
    }
    const truthModel: WorldModel = truth
      ? worldModel(truth, { outcomes: this.outcomes.length, actionNames: this.actions, where: 'truth' })
      : principal.world;
    return {
      kind: 'one-shot',
      name: f.name,
      title: f.title ?? f.name,
      description: f.description ?? '',
      essay: f.essay ?? '',
      principal,
      truth: truthModel,
      bounds: { noise: f.bounds?.noise ?? 0, samples: f.bounds?.samples ?? 1000 },
      alignments,
      candidates,
      seed: f.seed,
      epsilon: f.epsilon,
      neglectThreshold: f.neglect_threshold,
      ...(meta ? { meta } : {}),
      ...(rates ? { rates } : {}),
      file: this.src.file,
    };
  }

  private checkUnique(names: readonly string[], path: Path, what: string): void {
    checkUnique(this.add, names, path, what);
  }

  // ---- actions and world models ------------------------------------------------------------

  /** The actions (sets `this.actions`) and the shared world model's rows. */
  private sharedWorld(): number[][] | undefined {
    const { actions } = this.f;
    const O = this.outcomes.length;
    const sure = (o: number) => Array.from({ length: O }, (_, k) => (k === o ? 1 : 0));
    if (actions === undefined) {
      this.actions = this.outcomes;
      return this.outcomes.map((_, o) => sure(o));
    }
    if (Array.isArray(actions)) {
      this.actions = actions;
      this.checkUnique(actions, ['actions'], 'action');
      let ok = true;
      const rows = actions.map((a, k) => {
        const o = this.outcomes.indexOf(a);
        if (o < 0) {
          ok = false;
          this.add(
            ['actions', k],
            `unknown outcome ${quoteName(a)}${hint(a, this.outcomes)} (a list of actions names sure outcomes; give an object action → lottery otherwise)`,
          );
        }
        return sure(Math.max(o, 0));
      });
      return ok ? rows : undefined;
    }
    const names = this.src.keys(['actions'], actions);
    this.actions = names;
    if (names.length === 0) {
      this.add(['actions'], 'expected at least one action');
      return undefined;
    }
    let ok = true;
    const rows = names.map((a) => {
      if (a === '') this.add(['actions', a], 'expected a non-empty action name');
      const row = this.lottery(actions[a], ['actions', a]);
      if (!row) ok = false;
      return row ?? [];
    });
    return ok ? rows : undefined;
  }

  /** A lottery over outcomes as probabilities in outcome order, or undefined (problem added). */
  private lottery(d: DistributionFile, path: Path): number[] | undefined {
    const O = this.outcomes.length;
    if (typeof d === 'string') {
      const o = this.outcomes.indexOf(d);
      if (o < 0) {
        this.add(path, `unknown outcome ${quoteName(d)}${hint(d, this.outcomes)}`);
        return undefined;
      }
      return Array.from({ length: O }, (_, k) => (k === o ? 1 : 0));
    }
    let row: number[];
    if (Array.isArray(d)) {
      if (d.length !== O) {
        this.add(
          path,
          `expected ${O} probabilities (one per outcome: ${this.outcomes.join(', ')}), got ${d.length}`,
        );
        return undefined;
      }
      row = [...d];
    } else {
      row = new Array<number>(O).fill(0);
      for (const key of this.src.keys(path, d)) {
        const o = this.outcomes.indexOf(key);
        if (o < 0) {
          this.add([...path, key], `unknown outcome ${quoteName(key)}${hint(key, this.outcomes)}`);
          return undefined;
        }
        row[o] = d[key];
      }
    }
    let s = 0;
    for (const x of row) s += x;
    if (Math.abs(s - 1) > ROW_TOLERANCE) {
      this.add(path, `probabilities sum to ${fmt(s)}, expected 1`);
      return undefined;
    }
    return row;
  }

  /** A world model given as action → lottery (every action needed), as rows in action order. */
  private world(w: WorldFile, path: Path): number[][] | undefined {
    const keys = this.src.keys(path, w);
    for (const key of keys)
      if (!this.actions.includes(key)) {
        this.add([...path, key], `unknown action ${quoteName(key)}${hint(key, this.actions)}`);
        return undefined;
      }
    const missing = this.actions.filter((a) => !Object.hasOwn(w, a));
    if (missing.length > 0) {
      this.add(
        path,
        `missing action${missing.length > 1 ? 's' : ''} ${quoteList(missing)} (a world model gives a lottery for every action)`,
      );
      return undefined;
    }
    let ok = true;
    const rows = this.actions.map((a) => {
      const row = this.lottery(w[a], [...path, a]);
      if (!row) ok = false;
      return row ?? [];
    });
    return ok ? rows : undefined;
  }

  // ---- principals and parts ----------------------------------------------------------------

  /** The spec of a principal (top, inline or named) at `path`, its problems added. */
  private principal(
    def: { sigma?: SigmaFile; world?: WorldFile; parts: readonly PartFile[] },
    path: Path,
    name: string,
    topWorld?: number[][],
  ): PrincipalSpec {
    // Everything downstream walks the hierarchy recursively: stop a chain of references early.
    if (this.level >= MAX_PRINCIPAL_LEVELS)
      throw problemError(this.src, {
        path,
        message: `principals nest more than ${MAX_PRINCIPAL_LEVELS} levels deep (parts that are principals, inline or by reference)`,
      });
    this.level++;
    try {
      return this.principalIn(def, path, name, topWorld);
    } finally {
      this.level--;
    }
  }

  private principalIn(
    def: { sigma?: SigmaFile; world?: WorldFile; parts: readonly PartFile[] },
    path: Path,
    name: string,
    topWorld?: number[][],
  ): PrincipalSpec {
    const names = new Set<string>();
    const parts: PartSpec[] = [];
    def.parts.forEach((part, i) => {
      const pp = [...path, 'parts', i];
      if (names.has(part.name))
        this.add([...pp, 'name'], `part ${JSON.stringify(part.name)} appears more than once`);
      names.add(part.name);
      const spec = this.part(part, pp);
      if (spec) parts.push(spec);
    });
    const sigma = this.sigma(def.sigma, [...path, 'sigma']);
    const world =
      topWorld ?? (def.world === undefined ? undefined : this.world(def.world, [...path, 'world']));
    const spec: PrincipalSpec = {
      name,
      ...(topWorld ? { outcomes: this.outcomes, actions: this.actions } : {}),
      ...(world ? { world } : {}),
      parts,
      ...(sigma ? { sigma } : {}),
    };
    this.built.set(spec, { path, top: topWorld !== undefined });
    return spec;
  }

  private part(part: PartFile, path: Path): PartSpec | undefined {
    const O = this.outcomes.length;
    const ref = part.principal;
    const inline = part.parts !== undefined;
    if (ref !== undefined)
      for (const key of ['parts', 'sigma', 'world'] as const)
        if (part[key] !== undefined)
          this.add(
            [...path, key],
            `a part that refers to principal ${JSON.stringify(ref)} takes its ${key} from principals.${ref}; remove ${key} here or drop principal`,
          );
    if (ref === undefined && !inline)
      for (const key of ['sigma', 'world'] as const)
        if (part[key] !== undefined)
          this.add(
            [...path, key],
            `only a part that is itself a principal (with parts, or principal: <name>) has its own ${key}`,
          );
    if ((ref !== undefined || inline) && part.beliefs !== undefined)
      this.add(
        [...path, 'beliefs'],
        "a part that is itself a principal takes its beliefs from its principal's world model; give world there",
      );
    if (ref === undefined && !inline && part.utility === undefined)
      this.add(
        [...path, 'utility'],
        `required: a part needs a utility for every outcome (${this.outcomes.join(', ')}), unless it is itself a principal (parts, or principal: <name>)`,
      );

    let utility: number[] | undefined;
    const u = part.utility;
    if (Array.isArray(u)) {
      if (u.length !== O)
        this.add(
          [...path, 'utility'],
          `expected ${O} numbers (one per outcome: ${this.outcomes.join(', ')}), got ${u.length}`,
        );
      else utility = [...u];
    } else if (u !== undefined) {
      const up = [...path, 'utility'];
      const unknown = this.src.keys(up, u).find((k) => !this.outcomes.includes(k));
      const missing = this.outcomes.filter((o) => !Object.hasOwn(u, o));
      if (unknown !== undefined)
        this.add([...up, unknown], `unknown outcome ${quoteName(unknown)}${hint(unknown, this.outcomes)}`);
      else if (missing.length > 0)
        this.add(up, `missing outcome${missing.length > 1 ? 's' : ''} ${quoteList(missing)}`);
      else utility = this.outcomes.map((o) => u[o]);
    }
    const beliefs =
      part.beliefs !== undefined && ref === undefined && !inline
        ? this.world(part.beliefs, [...path, 'beliefs'])
        : undefined;
    let principal: PrincipalSpec | undefined;
    if (ref !== undefined) principal = this.resolve(ref, [...path, 'principal']);
    else if (inline)
      principal = this.principal(
        { sigma: part.sigma, world: part.world, parts: part.parts ?? [] },
        path,
        part.name,
      );
    return {
      name: part.name,
      ...(part.weight !== undefined ? { weight: part.weight } : {}),
      ...(utility ? { utility } : {}),
      ...(beliefs ? { beliefs } : {}),
      ...(principal ? { principal } : {}),
    };
  }

  /** The spec of the named principal `name`, referred to at `path` (cycles and unknown names are problems). */
  private resolve(name: string, path: Path): PrincipalSpec | undefined {
    if (!Object.hasOwn(this.defs, name)) {
      this.add(
        path,
        this.defNames.length === 0
          ? `unknown principal ${quoteName(name)}: no principals are defined (define it under principals:)`
          : `unknown principal ${quoteName(name)}${hint(name, this.defNames, `; principals are ${this.defNames.join(', ')}`)}`,
      );
      return undefined;
    }
    if (this.named.has(name)) {
      const done = this.named.get(name);
      if (done) return done;
      const from = this.stack.indexOf(name);
      this.add(path, `cycle ${[...this.stack.slice(from), name].join(' → ')}`);
      return undefined;
    }
    this.named.set(name, undefined);
    this.stack.push(name);
    const spec = this.principal(this.defs[name], ['principals', name], name);
    this.stack.pop();
    this.named.set(name, spec);
    return spec;
  }

  // ---- rules, readings, candidates ---------------------------------------------------------

  private sigma(s: SigmaFile | undefined, path: Path): SigmaSpec | undefined {
    return checkSigma(this.src, this.add, s, path);
  }

  // ---- errors from makePrincipal -----------------------------------------------------------

  /**
   * The file path of a `makePrincipal` error location such as `parts[1].principal.world[2]`:
   * nested principals become their definitions (the part itself, or principals.<name>), rows of
   * world models become action names.
   */
  private filePath(top: PrincipalSpec, where: string): Path {
    const segs = [...where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
      m[2] !== undefined ? Number(m[2]) : m[1],
    );
    let spec = top;
    let path: (string | number)[] = [...(this.built.get(top)?.path ?? [])];
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k];
      const next = segs[k + 1];
      if (seg === 'parts' && typeof next === 'number') {
        const here = this.built.get(spec)?.path ?? [];
        path = [...here, 'parts', next];
        const sub = spec.parts[next]?.principal;
        if (segs[k + 2] === 'principal' && sub && !('state' in sub)) {
          spec = sub as PrincipalSpec;
          path = [...(this.built.get(spec)?.path ?? path)];
          k += 2;
        } else k += 1;
      } else if ((seg === 'world' || seg === 'beliefs') && typeof next === 'number') {
        const top_ = seg === 'world' && this.built.get(spec)?.top;
        path = top_ ? ['actions', this.actions[next]] : [...path, seg, this.actions[next]];
        k += 1;
      } else path.push(seg);
    }
    return path;
  }
}
