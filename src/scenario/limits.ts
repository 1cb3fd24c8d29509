/**
 * Size limits of a scenario file, checked on the parsed data before the schema sees it: nesting
 * deeper than a stack can validate, `__proto__` keys (which an object would silently drop), and
 * more parts, actions, outcomes or principals than a run finishes in reasonable time. Each is one
 * line at the file's line; `sulab run --max-parts` (and friends) raise the counts.
 *
 * Pure: no Node imports.
 */
import { UserError } from '../core/errors.js';
import { formatPath, type Path, type Source } from './source.js';

/** Levels of data (objects and lists) a scenario file may nest. */
export const MAX_NESTING = 100;

/** Levels of principals (a part that is a principal, inline or by reference). */
export const MAX_PRINCIPAL_LEVELS = 32;

/** Monte Carlo samples of `bounds.samples`. */
export const MAX_SAMPLES = 1_000_000;

/**
 * Sequential: horizon × states² × actions, the backward induction every agent runs (the horizon
 * alone is at most 1,000, sequential-schema.ts).
 */
export const MAX_SEQUENTIAL_WORK = 100_000_000;

/**
 * One-shot runs: steerability reads H again once per part, and each reading of H draws B(H) anew
 * (context.ts, behaviourWork): past this many part-utilities drawn in all (parts × the draws of
 * one B(H)), steerability is left out with a note. 10⁷ draws take a few seconds.
 */
export const MAX_STEERING_WORK = 10_000_000;

/**
 * How many of each a scenario may hold. Every default reading runs on every file, and some grow
 * fast with parts and actions (5 parts × 1,000 actions took 1.5 minutes): past these a run takes
 * minutes, so the user raises them knowingly.
 */
export interface ScenarioLimits {
  /** Parts over the whole hierarchy (every `parts` list, inline or under `principals`). */
  readonly parts: number;
  readonly actions: number;
  readonly outcomes: number;
  /** Named principals (`principals:`). */
  readonly principals: number;
  /** Sequential: states. */
  readonly states: number;
}

export const SCENARIO_LIMITS: ScenarioLimits = {
  parts: 100,
  actions: 200,
  outcomes: 200,
  principals: 100,
  states: 200,
};

/** The CLI flag that raises each limit. */
export const LIMIT_FLAGS: Record<keyof ScenarioLimits, string> = {
  parts: '--max-parts',
  actions: '--max-actions',
  outcomes: '--max-outcomes',
  principals: '--max-principals',
  states: '--max-states',
};

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Walks the parsed data once (iteratively, so any depth is safe): refuses nesting past
 * MAX_NESTING and `__proto__` keys, and counts parts; then checks the counts against `limits`.
 */
export function checkScenarioSize(src: Source, limits: Partial<ScenarioLimits> = {}): void {
  const at = (path: Path, message: string) =>
    new UserError(
      path.length > 0 ? `${formatPath(path)}: ${message}` : message,
      `${src.file}:${src.line(path)}`,
    );
  const lim = { ...SCENARIO_LIMITS, ...limits };
  // The top-level counts first: they name the list that is too long, not a part deep inside it.
  const data = (
    typeof src.data === 'object' && src.data !== null && !Array.isArray(src.data) ? src.data : {}
  ) as Record<string, unknown>;
  const count = (x: unknown) =>
    Array.isArray(x) ? x.length : typeof x === 'object' && x !== null ? Object.keys(x).length : 0;
  const checks: [keyof ScenarioLimits, string][] = [
    ['outcomes', 'outcomes'],
    ['actions', 'actions'],
    ['principals', 'principals'],
    ['states', 'states'],
  ];
  for (const [what, key] of checks) {
    const c = count(data[key]);
    if (c > lim[what]) throw at([key], tooMany(what, c, lim[what]));
  }
  let parts = 0;
  const stack: { value: unknown; path: Path }[] = [{ value: src.data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_NESTING)
      throw at(
        path,
        `nested more than ${MAX_NESTING} levels deep (a principal may hold principals ${MAX_PRINCIPAL_LEVELS} levels down)`,
      );
    if (Array.isArray(value)) {
      if (path.at(-1) === 'parts') {
        parts += value.length;
        if (parts > lim.parts) throw at(path, tooMany('parts', parts, lim.parts));
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      // An object built from this key would take it as its prototype and lose it.
      if (key === '__proto__') throw at([...path, key], 'the key "__proto__" is not allowed');
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  const { horizon, states, actions } = data;
  if (data.kind === 'sequential' && typeof horizon === 'number' && Array.isArray(states)) {
    const work = horizon * states.length ** 2 * Math.max(1, count(actions));
    if (work > MAX_SEQUENTIAL_WORK)
      throw at(
        ['horizon'],
        `horizon × states² × actions is ${n(work)}, more than the limit of ${n(MAX_SEQUENTIAL_WORK)} (every agent solves the whole table; shorten the horizon or use fewer states)`,
      );
  }
}

function tooMany(what: keyof ScenarioLimits, count: number, limit: number): string {
  return `${n(count)} ${what} is more than the limit of ${n(limit)} (raise it with ${LIMIT_FLAGS[what]})`;
}
