/**
 * The loader of sequential scenarios (`kind: sequential`): the shape-checked file → a
 * `SequentialScenario`, every name resolved to an index and every table expanded into the typed
 * arrays of src/core/sequential.ts (S×A×S transitions `T[(s*A + a)*S + s2]`, S×A rewards, A×n and
 * S×n level shifts).
 *
 * What is checked here (each mistake one problem at the path and line it names): unique state,
 * action and part names; `'*'` expanded (explicit beats wildcard, see sequential-schema.ts) and
 * every (state, action) covered by the truth, by each part's beliefs and by each reward; every
 * distribution summing to 1; unknown states, actions and parts, with a "did you mean"; levels,
 * gains and initial levels; Σ against the Σ registry; agents against the agent registry. A part
 * that is itself a principal (a hierarchy) is read by sequential-nesting.ts.
 *
 * Pure: no Node imports.
 */
import { quoteName } from '../core/registry.js';
import { DEFAULT_SIGMA } from '../core/model.js';
import { ROW_TOLERANCE } from '../core/world.js';
import type { InternalModel, SeqPart } from '../core/sequential.js';
import { agentRegistry } from '../dynamics/registry.js';
import { type AddProblem, checkOptions, checkSigma, fmt, named } from './checks.js';
import { describeValue, firstProblem, type Problem } from './problems.js';
import {
  type AgentOptionsFile,
  type DynamicsFile,
  type RewardFile,
  type SequentialFile,
  type ShiftsFile,
  type StateDistributionFile,
  WILDCARD,
} from './sequential-schema.js';
import {
  defaultApproval,
  isHierarchy,
  leafKeys,
  leafPaths,
  type Placement,
  type PlacementFile,
  resolveLattice,
  resolveNesting,
} from './sequential-nesting.js';
import type { Path, Source } from './source.js';
import { resolveBounded, resolveEvolution } from './sequential-mechanisms.js';
import { hint } from '../core/names.js';
import type { AgentSpec, SequentialScenario } from '../core/scenario.js';

/** The agents a sequential scenario runs when it names none. */
export const DEFAULT_AGENTS: readonly string[] = ['boundary/approval', 'parts/original', 'critch/nrl'];

type Table<T> = Readonly<Record<string, Readonly<Record<string, T>>>>;

/** The entry of a two-level table for (x, y): the first written of [x][y], [x]['*'], ['*'][y], ['*']['*']. */
function lookup<T>(
  t: Table<T>,
  x: string,
  y: string,
): { readonly value: T; readonly path: Path } | undefined {
  for (const k of [x, WILDCARD])
    if (Object.hasOwn(t, k))
      for (const j of [y, WILDCARD]) if (Object.hasOwn(t[k], j)) return { value: t[k][j], path: [k, j] };
  return undefined;
}

function isObject(x: unknown): x is Readonly<Record<string, unknown>> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads the shape-checked file `f` of `src` as a SequentialScenario (the first mistake is thrown). */
export function resolveSequential(src: Source, f: SequentialFile): SequentialScenario {
  return new SequentialResolver(src, f).scenario();
}

class SequentialResolver {
  private readonly problems: Problem[] = [];
  readonly states: readonly string[];
  readonly actions: readonly string[];
  /** The parts' names; in a hierarchy, the leaves' paths (sequential-nesting.ts). */
  private readonly parts: readonly string[];
  private readonly nested: boolean;

  constructor(
    readonly src: Source,
    private readonly f: SequentialFile,
  ) {
    this.states = f.states;
    this.actions = f.actions;
    this.nested = isHierarchy(f.parts);
    this.parts = this.nested ? leafPaths(f.parts) : f.parts.map((p) => p.name);
  }

  readonly add: AddProblem = (path, message, at) => {
    this.problems.push(at ? { path, message, at } : { path, message });
  };

  scenario(): SequentialScenario {
    const f = this.f;
    this.names(f.states, ['states'], 'state');
    this.names(f.actions, ['actions'], 'action');
    const truth = this.dynamics(f.truth, ['truth']);
    const start = f.start === undefined ? this.sure(0) : this.distribution(f.start, ['start'], 'start state');
    // A hierarchy's leaves, tree and merged internal model come from sequential-nesting.ts.
    const { parts, internal, tree } = this.nested
      ? (resolveNesting(this, f.parts, f.internal, resolveLattice(f.internal, this.add)) ?? { parts: [] })
      : this.flat();
    const sigma = f.sigma === undefined ? DEFAULT_SIGMA : checkSigma(this.src, this.add, f.sigma, ['sigma']);
    const agents = this.agents();
    const observe = this.observe();
    const bounded = resolveBounded(this.src, this.add, f.bounded, f.parts);
    const evolution = resolveEvolution(this.src, this.add, f.evolution, this.parts, f.horizon);
    if (this.problems.length > 0 || !truth || !start || !internal || !sigma)
      throw firstProblem(this.src, this.problems);
    return {
      kind: 'sequential',
      name: f.name,
      title: f.title ?? f.name,
      description: f.description ?? '',
      essay: f.essay ?? '',
      env: { states: [...f.states], actions: [...f.actions], truth, start, horizon: f.horizon },
      // The score reading needs Σ scores in [0, 1]: the weighted-utilitarian mean has them; other
      // rules default to the rank reading.
      principal: {
        parts: parts as SeqPart[],
        sigma,
        internal,
        approval: f.approval ?? defaultApproval(sigma),
        ...(tree ? { tree } : {}),
      },
      agents,
      seed: f.seed,
      ...(observe ? { observe } : {}),
      ...(bounded ? { bounded } : {}),
      ...(evolution ? { evolution } : {}),
      file: this.src.file,
    };
  }

  /** The parts of a flat H and its internal model. */
  private flat(): { parts: (SeqPart | undefined)[]; internal?: InternalModel; tree?: undefined } {
    const f = this.f;
    this.names(this.parts, ['parts'], 'part', 'name');
    const parts = f.parts.map((p, i): SeqPart | undefined => {
      const path = ['parts', i];
      if (!leafKeys(this.add, p, path)) return undefined;
      const reward = this.reward(p.reward!, [...path, 'reward']);
      const beliefs = p.beliefs === undefined ? undefined : this.dynamics(p.beliefs, [...path, 'beliefs']);
      if (!reward || (p.beliefs !== undefined && !beliefs)) return undefined;
      return { name: p.name, reward, ...(beliefs ? { beliefs } : {}), weight: p.weight ?? 1 };
    });
    const weights = f.parts.map((p) => p.weight ?? 1);
    if (!weights.some((w) => w > 0)) this.add(['parts'], 'expected at least one part with a positive weight');
    return { parts, internal: this.internal(weights) };
  }

  /** Names must be unique, and `'*'` is not a name. */
  names(names: readonly string[], path: Path, what: string, key?: string): void {
    const at = (k: number): Path => (key ? [...path, k, key] : [...path, k]);
    const seen = new Set<string>();
    names.forEach((n, k) => {
      if (n === WILDCARD)
        this.add(
          at(k),
          `"*" cannot be ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} name (it stands for every ${what} not given)`,
        );
      else if (seen.has(n)) this.add(at(k), `${what} ${JSON.stringify(n)} appears more than once`);
      seen.add(n);
    });
  }

  private sure(s: number): Float64Array {
    const d = new Float64Array(this.states.length);
    d[s] = 1;
    return d;
  }

  private unknown(key: string, path: Path, what: string, known: readonly string[]): void {
    this.add(
      path,
      `unknown ${what} ${JSON.stringify(key)}${hint(key, known, `; ${what}s are ${known.join(', ')}`)}`,
    );
  }

  /** Keys of `obj` (at `path`) that are neither `'*'` nor in `known` are problems; false if any. */
  private known(obj: object, path: Path, what: string, known: readonly string[]): boolean {
    let ok = true;
    for (const key of this.src.keys(path, obj))
      if (key !== WILDCARD && !known.includes(key)) {
        this.unknown(key, [...path, key], what, known);
        ok = false;
      }
    return ok;
  }

  // ---- distributions and dynamics ----------------------------------------------------------

  /** A distribution over states (length S), or undefined (problem added). */
  private distribution(d: StateDistributionFile, path: Path, what = 'state'): Float64Array | undefined {
    const S = this.states;
    if (typeof d === 'string') {
      const s = S.indexOf(d);
      if (s < 0) {
        this.add(path, `unknown ${what} ${JSON.stringify(d)}${hint(d, S, `; states are ${S.join(', ')}`)}`);
        return undefined;
      }
      return this.sure(s);
    }
    const row = new Float64Array(S.length);
    for (const key of this.src.keys(path, d)) {
      const s = S.indexOf(key);
      if (s < 0) {
        this.add(
          [...path, key],
          key === WILDCARD
            ? `"*" cannot be a next state (give each state's probability)`
            : `unknown state ${quoteName(key)}${hint(key, S, `; states are ${S.join(', ')}`)}`,
        );
        return undefined;
      }
      row[s] = d[key];
    }
    let sum = 0;
    for (const x of row) sum += x;
    if (Math.abs(sum - 1) > ROW_TOLERANCE) {
      this.add(path, `probabilities sum to ${fmt(sum)}, expected 1`);
      return undefined;
    }
    return row;
  }

  /** A transition model (truth or beliefs) as S×A×S, or undefined (problems added). */
  dynamics(d: DynamicsFile, path: Path): Float64Array | undefined {
    const S = this.states.length;
    const A = this.actions.length;
    let ok = this.known(d, path, 'state', this.states);
    // Every written distribution is checked once, where it is written, used or not.
    const rows = new Map<string, Float64Array>();
    for (const s of this.src.keys(path, d)) {
      if (s !== WILDCARD && !this.states.includes(s)) continue;
      const sp = [...path, s];
      if (!this.known(d[s], sp, 'action', this.actions)) ok = false;
      for (const a of this.src.keys(sp, d[s])) {
        if (a !== WILDCARD && !this.actions.includes(a)) continue;
        const row = this.distribution(d[s][a], [...sp, a]);
        if (row) rows.set(`${s}\n${a}`, row);
        else ok = false;
      }
    }
    if (!ok) return undefined;
    if (!this.covered(d, path, 'next state')) return undefined;
    const T = new Float64Array(S * A * S);
    for (let s = 0; s < S; s++)
      for (let a = 0; a < A; a++) {
        const hit = lookup(d, this.states[s], this.actions[a])!;
        T.set(rows.get(`${hit.path[0]}\n${hit.path[1]}`)!, (s * A + a) * S);
      }
    return T;
  }

  /**
   * Whether every (state, action) of a state → action → x table has an entry after `'*'`;
   * otherwise problems, one per row that lacks actions (or one for the missing states).
   */
  private covered(t: Table<unknown>, path: Path, what: string): boolean {
    const absent: string[] = [];
    /** States given only by the '*' row, and the actions that row lacks (the same for all of them). */
    const starOnly: string[] = [];
    let starMissing: string[] = [];
    let ok = true;
    for (const s of this.states) {
      const missing = this.actions.filter((a) => !lookup(t, s, a));
      if (missing.length === 0) continue;
      ok = false;
      if (Object.hasOwn(t, s))
        this.add(
          [...path, s],
          `no ${what} for ${named('action', missing)} (give ${missing.length > 1 ? 'them' : 'it'}, or '*' for every action not given)`,
        );
      else if (Object.hasOwn(t, WILDCARD)) {
        starOnly.push(s);
        starMissing = missing;
      } else absent.push(s);
    }
    if (starOnly.length > 0)
      this.add(
        [...path, WILDCARD],
        `no ${what} for ${named('action', starMissing)}, needed for ${named('state', starOnly)} (give ${starMissing.length > 1 ? 'them' : 'it'}, or '*' for every action not given)`,
      );
    if (absent.length > 0)
      this.add(
        path,
        `missing ${named('state', absent)} (give ${absent.length > 1 ? 'them' : 'it'}, or '*' for every state not given)`,
      );
    return ok;
  }

  // ---- rewards -----------------------------------------------------------------------------

  /**
   * A reward (S×A) given as action → reward, or as state → action → reward. Which form is decided
   * by the first key that names a state or an action (else by the type of the first value); a
   * key that names both, or a key of the other kind, is a problem.
   */
  reward(r: RewardFile, path: Path): Float64Array | undefined {
    const S = this.states.length;
    const A = this.actions.length;
    const keys = this.src.keys(path, r);
    let ok = true;
    for (const k of keys)
      if (this.states.includes(k) && this.actions.includes(k)) {
        this.add(
          [...path, k],
          `${JSON.stringify(k)} is both a state and an action, so this reward is ambiguous (rename one of them)`,
        );
        ok = false;
      }
    if (!ok) return undefined;
    const first = keys.find((k) => this.states.includes(k) || this.actions.includes(k));
    const byState =
      first !== undefined ? this.states.includes(first) : keys.length > 0 && isObject(r[keys[0]]);
    const x = new Float64Array(S * A);
    if (!byState) {
      for (const k of keys) {
        const v = r[k];
        if (this.states.includes(k)) {
          this.add(
            [...path, k],
            `${JSON.stringify(k)} is a state, but this reward is by action (give action → reward, or state → action → reward, not a mix)`,
          );
          ok = false;
        } else if (k !== WILDCARD && !this.actions.includes(k)) {
          this.unknown(k, [...path, k], 'action', this.actions);
          ok = false;
        } else if (typeof v !== 'number') {
          this.add(
            [...path, k],
            `expected a number (this reward is action → reward), got ${describeValue(v)}`,
          );
          ok = false;
        }
      }
      if (!ok) return undefined;
      const byAction = r as Readonly<Record<string, number>>;
      const missing = this.actions.filter(
        (a) => !Object.hasOwn(byAction, a) && !Object.hasOwn(byAction, WILDCARD),
      );
      if (missing.length > 0) {
        this.add(
          path,
          `missing ${named('action', missing)} (give ${missing.length > 1 ? 'them' : 'it'}, or '*' for every action not given)`,
        );
        return undefined;
      }
      for (let a = 0; a < A; a++) {
        const name = this.actions[a];
        const v = Object.hasOwn(byAction, name) ? byAction[name] : byAction[WILDCARD];
        for (let s = 0; s < S; s++) x[s * A + a] = v;
      }
      return x;
    }
    for (const k of keys) {
      const v = r[k];
      if (this.actions.includes(k)) {
        this.add(
          [...path, k],
          `${JSON.stringify(k)} is an action, but this reward is by state (give action → reward, or state → action → reward, not a mix)`,
        );
        ok = false;
      } else if (k !== WILDCARD && !this.states.includes(k)) {
        this.unknown(k, [...path, k], 'state', this.states);
        ok = false;
      } else if (!isObject(v)) {
        this.add(
          [...path, k],
          `expected an object action → reward (this reward is state → action → reward), got ${describeValue(v)}`,
        );
        ok = false;
      } else if (!this.known(v, [...path, k], 'action', this.actions)) ok = false;
    }
    if (!ok) return undefined;
    const table = r as Table<number>;
    if (!this.covered(table, path, 'reward')) return undefined;
    for (let s = 0; s < S; s++)
      for (let a = 0; a < A; a++) x[s * A + a] = lookup(table, this.states[s], this.actions[a])!.value;
    return x;
  }

  // ---- internal state ----------------------------------------------------------------------

  private internal(weights: readonly number[]): InternalModel | undefined {
    const i: NonNullable<SequentialFile['internal']> = this.f.internal ?? {};
    const ip: Path = ['internal'];
    const lattice = resolveLattice(this.f.internal, this.add);
    const at = this.placement(i, ip, this.parts, i.levels ?? i.gain?.length ?? 1);
    if (!lattice || !at) return undefined;
    const { gain } = lattice;
    const { initial } = at;
    if (!weights.some((w, k) => w * gain[initial[k]] > 0) && weights.some((w) => w > 0))
      this.add(
        i.initial === undefined ? [...ip, 'gain'] : [...ip, 'initial'],
        "every part's weight is 0 at its initial level (weight × gain); start a part with a positive weight at a level with a positive gain",
      );
    return { ...lattice, ...at };
  }

  /** The initial levels and level shifts of `names` written in the block at `path`, or undefined. */
  placement(b: PlacementFile, path: Path, names: readonly string[], levels: number): Placement | undefined {
    const n = names.length;
    let ok = true;
    const initial = new Int32Array(n);
    const range = (v: number, at: Path): void => {
      if (v > levels - 1) {
        this.add(
          at,
          levels === 1
            ? `expected level 0 (there is one level), got ${v}`
            : `expected a level from 0 to ${levels - 1}, got ${v}`,
        );
        ok = false;
      }
    };
    const init = b.initial;
    if (typeof init === 'number') {
      range(init, [...path, 'initial']);
      initial.fill(init);
    } else if (init !== undefined) {
      const ip = [...path, 'initial'];
      if (!this.known(init, ip, 'part', names)) ok = false;
      for (const k of this.src.keys(ip, init)) range(init[k], [...ip, k]);
      names.forEach((p, k) => {
        initial[k] = Object.hasOwn(init, p) ? init[p] : (init[WILDCARD] ?? 0);
      });
    }
    const actionShift = this.shifts(b.actions, [...path, 'actions'], this.actions, 'action', levels, names);
    const stateShift = this.shifts(b.states, [...path, 'states'], this.states, 'state', levels, names);
    if (!ok || !actionShift || !stateShift) return undefined;
    return { initial, actionShift, stateShift };
  }

  /** Level shifts keyed by action or state (`rows`) then part, as rows×n, or undefined. */
  private shifts(
    t: ShiftsFile | undefined,
    path: Path,
    rows: readonly string[],
    what: string,
    levels: number,
    parts: readonly string[],
  ): Int32Array | undefined {
    const n = parts.length;
    const out = new Int32Array(rows.length * n);
    if (t === undefined) return out;
    let ok = this.known(t, path, what, rows);
    for (const k of this.src.keys(path, t))
      if ((k === WILDCARD || rows.includes(k)) && !this.known(t[k], [...path, k], 'part', parts)) ok = false;
    if (!ok) return undefined;
    rows.forEach((r, x) => {
      parts.forEach((p, k) => {
        // Levels are clamped when a shift is applied, so a shift past the lattice's size is the
        // same as the largest one.
        const v = lookup(t, r, p)?.value ?? 0;
        out[x * n + k] = Math.max(-(levels - 1), Math.min(levels - 1, v));
      });
    });
    return out;
  }

  // ---- agents and observations -------------------------------------------------------------

  private agents(): AgentSpec[] {
    const written = this.f.agents;
    const list = written ?? DEFAULT_AGENTS;
    const ids = agentRegistry.list();
    const seen = new Set<string>();
    const out: AgentSpec[] = [];
    list.forEach((entry, k) => {
      const path: Path = written ? ['agents', k] : ['agents'];
      const id = typeof entry === 'string' ? entry : entry.id;
      const info = agentRegistry.find(id);
      if (!info) {
        this.add(
          typeof entry === 'string' ? path : [...path, 'id'],
          `unknown agent ${quoteName(id)}${hint(id, ids, `; agents are ${ids.join(', ')}`)}`,
        );
        return;
      }
      let given = typeof entry === 'string' ? undefined : entry.options;
      const op = [...path, 'options'];
      if (given?.prior !== undefined && info.options.some((o) => o.name === 'prior')) {
        const prior = this.prior(given.prior, [...op, 'prior']);
        if (!prior) return;
        given = { ...given, prior };
      }
      const options = checkOptions(this.src, this.add, given, info.options, op, id);
      if (!options) return;
      const key = `${id} ${JSON.stringify(options)}`;
      if (seen.has(key)) {
        this.add(path, `${JSON.stringify(id)} appears more than once (with the same options)`);
        return;
      }
      seen.add(key);
      const where = written
        ? `${this.src.file}:${this.src.line(path)}: agents[${k}]`
        : `${this.src.file}: default agents[${k}]`;
      out.push({ id, options, where });
    });
    return out;
  }

  /** critch/nrl's prior weights as a list in part order, or undefined (problem added). */
  private prior(p: AgentOptionsFile[string], path: Path): number[] | undefined {
    const n = this.parts.length;
    let list: number[];
    if (isObject(p)) {
      if (!this.known(p, path, 'part', this.parts)) return undefined;
      if (Object.hasOwn(p, WILDCARD)) {
        this.add([...path, WILDCARD], "expected a part name (give every part's prior weight)");
        return undefined;
      }
      const missing = this.parts.filter((name) => !Object.hasOwn(p, name));
      if (missing.length > 0) {
        this.add(path, `missing ${named('part', missing)} (give every part's prior weight)`);
        return undefined;
      }
      list = this.parts.map((name) => p[name]);
    } else if (Array.isArray(p)) {
      if (p.length !== n) {
        this.add(path, `expected ${n} numbers (one per part: ${this.parts.join(', ')}), got ${p.length}`);
        return undefined;
      }
      list = [...p];
    } else {
      this.add(
        path,
        `expected a list of weights in part order (${this.parts.join(', ')}), or an object part → weight, got ${describeValue(p)}`,
      );
      return undefined;
    }
    const bad = list.findIndex((w) => !(w >= 0));
    if (bad >= 0) {
      this.add(
        isObject(p) ? [...path, this.parts[bad]] : [...path, bad],
        `expected a non-negative weight, got ${describeValue(list[bad])}`,
      );
      return undefined;
    }
    if (!list.some((w) => w > 0)) {
      this.add(path, 'expected at least one positive prior weight');
      return undefined;
    }
    return list;
  }

  private observe(): number[] | undefined {
    const o = this.f.observe;
    if (o === undefined) return undefined;
    if (o.length > this.f.horizon)
      this.add(
        ['observe'],
        `expected at most ${this.f.horizon} observations (one per step: horizon is ${this.f.horizon}), got ${o.length}`,
      );
    return o.map((name, k) => {
      const s = this.states.indexOf(name);
      if (s < 0) this.unknown(name, ['observe', k], 'state', this.states);
      return s;
    });
  }
}
