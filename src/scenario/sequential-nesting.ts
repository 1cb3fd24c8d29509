/**
 * The loader of a sequential H that is a hierarchy (sequential-nesting-schema.ts): the file's
 * tree of parts → the leaves (every part with a reward, depth first, each named by its path, e.g.
 * "team/alice"), the tree over them (core/sequential.ts `SeqNode`), and one internal model over
 * the leaves, merged from every principal's `internal` block (each names its own parts; the
 * levels and gains are the top-level block's).
 *
 * What is checked here, each at its line: unique names within each principal; a leaf has a
 * reward and no `sigma`, `approval` or `internal`; a nested principal has no `reward` or
 * `beliefs`; a positive weight in every principal, also at the initial levels; initial levels and
 * shifts name the principal's own parts, and never a nested principal (attention belongs to
 * leaves); at most MAX_PRINCIPAL_LEVELS levels of principals. Rewards and beliefs are read by the
 * main loader (sequential.ts), which hands its readers over as a `NestingHost`.
 *
 * Pure: no Node imports.
 */
import { DEFAULT_SIGMA, type SigmaSpec } from '../core/model.js';
import type { InternalModel, SeqNode, SeqPart } from '../core/sequential.js';
import { type AddProblem, checkSigma } from './checks.js';
import { MAX_PRINCIPAL_LEVELS } from './limits.js';
import type {
  DynamicsFile,
  RewardFile,
  SeqPartFile,
  SequentialFile,
  ShiftsFile,
} from './sequential-schema.js';
import type { Path, Source } from './source.js';

/** H's attention lattice: levels and each level's gain. */
export interface Lattice {
  readonly levels: number;
  readonly gain: Float64Array;
}

/** Where a principal's own parts start and how A's actions (A×m) and states (S×m) shift them. */
export interface Placement {
  readonly initial: Int32Array;
  readonly actionShift: Int32Array;
  readonly stateShift: Int32Array;
}

/** The part of an `internal` block that places parts: initial levels and shifts. */
export interface PlacementFile {
  readonly initial?: number | Readonly<Record<string, number>>;
  readonly actions?: ShiftsFile;
  readonly states?: ShiftsFile;
}

/** What the main loader lends this one: its problem list and its readers. */
export interface NestingHost {
  readonly src: Source;
  readonly add: AddProblem;
  readonly states: readonly string[];
  readonly actions: readonly string[];
  names(names: readonly string[], path: Path, what: string, key?: string): void;
  reward(r: RewardFile, path: Path): Float64Array | undefined;
  dynamics(d: DynamicsFile, path: Path): Float64Array | undefined;
  placement(b: PlacementFile, path: Path, names: readonly string[], levels: number): Placement | undefined;
}

/** The approval reading a principal has when its file names none: score for weighted-utilitarian. */
export function defaultApproval(sigma: SigmaSpec): 'score' | 'rank' {
  // The score reading needs Σ scores in [0, 1]: the weighted-utilitarian mean has them; other
  // rules default to the rank reading.
  return sigma.rule === 'weighted-utilitarian' ? 'score' : 'rank';
}

/** H's attention lattice from the top-level internal block: levels and gains (problems added). */
export function resolveLattice(i: SequentialFile['internal'], add: AddProblem): Lattice | undefined {
  const ip: Path = ['internal'];
  const levels = i?.levels ?? i?.gain?.length ?? 1;
  if (i?.gain === undefined) {
    if (levels === 1) return { levels, gain: new Float64Array(1).fill(1) };
    add(
      [...ip, 'gain'],
      `required with levels: ${levels} (the weight multiplier of each level, ${levels} numbers)`,
      [...ip, 'levels'],
    );
    return undefined;
  }
  if (i.gain.length !== levels)
    add(
      [...ip, 'gain'],
      `expected ${levels} numbers (one per level: levels is ${levels}), got ${i.gain.length}`,
    );
  else if (!i.gain.some((g) => g > 0)) add([...ip, 'gain'], 'expected at least one positive gain');
  else return { levels, gain: Float64Array.from(i.gain) };
  return undefined;
}

/**
 * Whether a part without `parts` is a well-formed leaf: it has a reward and none of a nested
 * principal's keys (problems added).
 */
export function leafKeys(add: AddProblem, p: SeqPartFile, at: Path): boolean {
  let ok = true;
  for (const key of ['sigma', 'approval', 'internal'] as const)
    if (p[key] !== undefined) {
      add([...at, key], `only a part that is itself a principal (with parts) has its own ${key}`);
      ok = false;
    }
  if (p.reward === undefined) {
    add(
      [...at, 'reward'],
      'required (action → reward, or state → action → reward; a part that is itself a principal has parts instead)',
    );
    ok = false;
  }
  return ok;
}

/** Whether some part of the file is itself a principal. */
export function isHierarchy(parts: readonly SeqPartFile[]): boolean {
  return parts.some((p) => p.parts !== undefined);
}

/** The leaves' paths, depth first (names a critch/nrl prior may use). */
export function leafPaths(parts: readonly SeqPartFile[], prefix = ''): string[] {
  return parts.flatMap((p) => {
    const path = prefix ? `${prefix}/${p.name}` : p.name;
    return p.parts ? leafPaths(p.parts, path) : [path];
  });
}

/** Keys naming `name` explicitly in an initial-level object or a shifts table. */
function namedIn(b: PlacementFile, name: string, path: Path): Path[] {
  const out: Path[] = [];
  if (typeof b.initial === 'object' && Object.hasOwn(b.initial, name)) out.push([...path, 'initial', name]);
  for (const key of ['actions', 'states'] as const) {
    const t = b[key];
    if (t)
      for (const row of Object.keys(t)) if (Object.hasOwn(t[row], name)) out.push([...path, key, row, name]);
  }
  return out;
}

/**
 * The leaves, tree and internal model of a hierarchical H (problems added to the host; undefined
 * when any was found or the lattice is unknown).
 */
export function resolveNesting(
  host: NestingHost,
  top: readonly SeqPartFile[],
  topInternal: SequentialFile['internal'],
  lattice: Lattice | undefined,
): { parts: SeqPart[]; tree: SeqNode[]; internal: InternalModel } | undefined {
  const A = host.actions.length;
  const S = host.states.length;
  const levels = lattice?.levels ?? 1;
  const gain = lattice?.gain;
  const leaves: (SeqPart | undefined)[] = [];
  const initial: number[] = [];
  const byAction: Int32Array[] = [];
  const byState: Int32Array[] = [];
  let ok = true;
  const problem = (path: Path, message: string) => {
    host.add(path, message);
    ok = false;
  };

  const principal = (
    parts: readonly SeqPartFile[],
    block: PlacementFile | undefined,
    path: Path,
    prefix: string,
    depth: number,
  ): SeqNode[] => {
    const pp: Path = [...path, 'parts'];
    host.names(
      parts.map((p) => p.name),
      pp,
      'part',
      'name',
    );
    const nodes = parts.map((p, k): SeqNode => {
      const at: Path = [...pp, k];
      const name = prefix ? `${prefix}/${p.name}` : p.name;
      if (p.parts !== undefined) {
        for (const key of ['reward', 'beliefs'] as const)
          if (p[key] !== undefined)
            problem(
              [...at, key],
              key === 'reward'
                ? `a part that is itself a principal has no reward of its own: its reward at its parent is its approval (its Σ over its parts); remove reward or parts`
                : `a part that is itself a principal has no beliefs of its own; give beliefs to its parts`,
            );
        if (depth >= MAX_PRINCIPAL_LEVELS) {
          problem(
            [...at, 'parts'],
            `principals nest more than ${MAX_PRINCIPAL_LEVELS} levels deep (parts that are themselves principals)`,
          );
          return { name: p.name, weight: p.weight ?? 1, parts: [], sigma: DEFAULT_SIGMA, approval: 'score' };
        }
        const sigma =
          (p.sigma === undefined
            ? DEFAULT_SIGMA
            : checkSigma(host.src, host.add, p.sigma, [...at, 'sigma'])) ?? DEFAULT_SIGMA;
        return {
          name: p.name,
          weight: p.weight ?? 1,
          parts: principal(p.parts, p.internal, at, name, depth + 1),
          sigma,
          approval: p.approval ?? defaultApproval(sigma),
        };
      }
      let part: SeqPart | undefined;
      if (!leafKeys(host.add, p, at)) ok = false;
      else {
        const reward = host.reward(p.reward!, [...at, 'reward']);
        const beliefs = p.beliefs === undefined ? undefined : host.dynamics(p.beliefs, [...at, 'beliefs']);
        if (reward && (p.beliefs === undefined || beliefs))
          part = { name, reward, ...(beliefs ? { beliefs } : {}), weight: p.weight ?? 1 };
        else ok = false;
      }
      leaves.push(part);
      return { leaf: leaves.length - 1, name: p.name };
    });
    place(parts, nodes, block, path);
    return nodes;
  };

  /** Scatters the principal's placement over its leaves; refuses levels given to nested principals. */
  const place = (
    parts: readonly SeqPartFile[],
    nodes: readonly SeqNode[],
    block: PlacementFile | undefined,
    path: Path,
  ) => {
    const ip: Path = [...path, 'internal'];
    const names = parts.map((p) => p.name);
    const b = block ?? {};
    const at = host.placement(b, ip, names, levels);
    if (!at) {
      ok = false;
      return;
    }
    const m = names.length;
    nodes.forEach((x, k) => {
      if (!('leaf' in x)) {
        for (const where of namedIn(b, names[k], ip))
          problem(
            where,
            `${JSON.stringify(names[k])} is a principal: attention levels belong to the parts with rewards, and its weight here is its declared weight; move its parts' levels in its own internal block`,
          );
        return;
      }
      initial[x.leaf] = at.initial[k];
      byAction[x.leaf] = Int32Array.from({ length: A }, (_, a) => at.actionShift[a * m + k]);
      byState[x.leaf] = Int32Array.from({ length: S }, (_, s) => at.stateShift[s * m + k]);
    });
    // Someone must have a say in every principal, as it starts.
    const declared = parts.map((p) => p.weight ?? 1);
    if (!declared.some((w) => w > 0))
      problem([...path, 'parts'], 'expected at least one part with a positive weight');
    else if (gain && !nodes.some((x, k) => declared[k] * ('leaf' in x ? gain[at.initial[k]] : 1) > 0))
      problem(
        block?.initial === undefined
          ? path.length === 0
            ? ['internal', 'gain']
            : [...path, 'parts']
          : [...ip, 'initial'],
        "every part's weight is 0 at its initial level (weight × gain); start a part with a positive weight at a level with a positive gain",
      );
  };

  const tree = principal(top, topInternal, [], '', 1);
  if (!ok || !lattice || leaves.some((p) => p === undefined)) return undefined;
  const n = leaves.length;
  const actionShift = new Int32Array(A * n);
  const stateShift = new Int32Array(S * n);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < A; a++) actionShift[a * n + i] = byAction[i][a];
    for (let s = 0; s < S; s++) stateShift[s * n + i] = byState[i][s];
  }
  return {
    parts: leaves as SeqPart[],
    tree,
    internal: { ...lattice, initial: Int32Array.from(initial), actionShift, stateShift },
  };
}
