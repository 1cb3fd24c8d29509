/**
 * Pinned outputs of the negotiation protocols and of the parts/delegates reading: the cases (seeded
 * random problems × options, and the built-in scenarios × protocols), what to record of a result,
 * and how to compare a recorded result with a new one. The records in pinned/ (JSON Lines: one
 * problem with its cases a line, in shards of 50 problems; one reading a line) were written by
 * pinned-generate.ts from the step-by-step solvers — backward induction through every round, a
 * fresh LP for every round and every grid cell — as the reference any faster solver must
 * reproduce; pinned.test.ts checks the current code against them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyNegotiationResult } from '../../../src/align/negotiation/index.js';
import type { Reading, Target } from '../../../src/align/types.js';
import { Random } from '../../../src/core/random.js';
import type { UtilityProblem } from '../../../src/core/utility.js';
import type { Options } from '../../../src/sigma/types.js';

export const pinnedDir = join(import.meta.dirname, 'pinned');

export interface PinnedProblem {
  readonly parts: number;
  readonly actions: number;
  readonly u: number[];
  readonly weights: number[];
  readonly disagreement?: number[];
}

export interface PinnedCase {
  readonly protocol: 'alternating-offers' | 'nash-demand' | 'voting';
  readonly options: Record<string, unknown>;
  /** The summary of the result, or the error message. */
  readonly result: Summary | { readonly error: string };
}

/** One line of a problems shard. */
export interface PinnedLine {
  readonly k: number;
  readonly problem: PinnedProblem;
  readonly cases: PinnedCase[];
}

/** One line of readings.jsonl. */
export interface PinnedReading {
  readonly scenario: string;
  readonly options: Options;
  readonly result: ReadingSummary | { readonly error: string };
}

/** Every record of pinned/: the problems' lines in order, and the readings. */
export function loadPinned(): { lines: PinnedLine[]; readings: PinnedReading[] } {
  const read = (f: string) =>
    readFileSync(join(pinnedDir, f), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l));
  const shards = readdirSync(pinnedDir)
    .filter((f) => /^problems-\d+\.jsonl$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return { lines: shards.flatMap(read), readings: read('readings.jsonl') };
}

// biome-ignore lint/suspicious/noExplicitAny: a summary is plain JSON
type Summary = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: a summary is plain JSON
type ReadingSummary = Record<string, any>;

export function toProblem(p: PinnedProblem): UtilityProblem {
  return {
    parts: p.parts,
    actions: p.actions,
    u: Float64Array.from(p.u),
    weights: Float64Array.from(p.weights),
    ...(p.disagreement ? { disagreement: Float64Array.from(p.disagreement) } : {}),
  };
}

const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(15)) : String(x));
const vec = (x: ArrayLike<number> | null | undefined) => (x ? Array.from(x, num) : null);

function target(t: Target | null): Summary | null {
  if (t === null) return null;
  return t.kind === 'action' ? { action: t.action, ties: [...t.ties] } : { lottery: vec(t.lottery) };
}

/** What is recorded of a protocol's result: everything but the solver's own intermediate objects. */
export function summarize(r: AnyNegotiationResult): Summary {
  const out: Summary = { agreement: target(r.agreement), utilities: vec(r.utilities) };
  if (r.protocol === 'alternating-offers') {
    const d = r.details;
    out.round = d.round;
    out.discounted = vec(d.discounted);
    out.offers = d.offers.map((o) => ({
      round: o.round,
      proposer: o.proposer,
      decision: target(o.decision),
      thresholds: vec(o.thresholds),
      value: vec(o.value),
    }));
    if (d.limit)
      out.limit = {
        converged: d.limit.converged,
        horizonIndependent: d.limit.horizonIndependent,
        byResidue: d.limit.byResidue.map((h) => ({
          residue: h.residue,
          converged: h.converged,
          horizon: h.horizon,
          period: h.period ?? null,
          agreement: target(h.agreement),
          round: h.round,
          utilities: vec(h.utilities),
        })),
      };
  } else if (r.protocol === 'nash-demand') {
    const d = r.details;
    out.equilibria = d.equilibria.map((e) => ({
      levels: Array.from(e.levels),
      atDisagreement: num(e.atDisagreement),
      logNash: num(e.logNash),
    }));
    out.selected = [...d.selected];
  }
  return out;
}

export function summarizeReading(r: Reading): ReadingSummary {
  return { target: target(r.target), scores: vec(r.scores), notes: [...r.notes] };
}

/**
 * Compares a new summary with a pinned one: equal structure, numbers to `tol` (absolute; the
 * problems' utilities are in [0, 1] or small integers), except `horizon`, which may move by up to
 * `turn` rounds: backward induction stops when the values change by at most 1e-12 of each range over
 * a turn, and rounding decides at which turn that is first seen.
 */
export function assertSame(actual: unknown, expected: unknown, where: string, tol = 1e-9, turn = 0): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const slack = where.endsWith('.horizon') ? turn : tol;
    assert.ok(Math.abs(actual - expected) <= slack, `${where}: ${actual} vs ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    for (let k = 0; k < expected.length; k++) assertSame(actual[k], expected[k], `${where}[${k}]`, tol, turn);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where}: expected an object`);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), `${where}: keys`);
    for (const k of Object.keys(e)) assertSame(a[k], e[k], `${where}.${k}`, tol, turn);
    return;
  }
  assert.deepEqual(actual, expected, where);
}

/** f's value, or the message of the error it throws (an error is a result to pin too). */
export function attempt<T>(f: () => T): T | { error: string } {
  try {
    return f();
  } catch (e) {
    return { error: (e as Error).message };
  }
}

// ——— the cases ———

/**
 * Random problem k: 2–5 parts × 2–6 actions; utilities continuous in [0, 1), or on a coarse grid
 * (ties), or continuous with a duplicated action; sometimes a part of weight 0, sometimes the
 * problem's own disagreement point.
 */
export function randomProblem(k: number): PinnedProblem {
  const rng = new Random([31, k]);
  const parts = 2 + rng.int(4);
  const actions = 2 + rng.int(5);
  const kind = rng.int(3);
  const u = Array.from({ length: parts * actions }, () => (kind === 1 ? rng.int(4) / 3 : rng.float()));
  if (kind === 2 && actions >= 3)
    for (let i = 0; i < parts; i++) u[i * actions + actions - 1] = u[i * actions];
  const weights = Array.from({ length: parts }, () => 0.2 + rng.float());
  if (parts >= 3 && rng.int(4) === 0) weights[rng.int(parts)] = 0;
  const out: PinnedProblem = { parts, actions, u, weights };
  if (rng.int(5) === 0)
    return {
      ...out,
      disagreement: Array.from({ length: parts }, (_, i) => 0.3 * u[i * actions + rng.int(actions)]),
    };
  return out;
}

/** The options tried on problem k (a seeded selection, so every option is covered many times). */
export function optionSets(k: number, p: PinnedProblem): PinnedCase['options'][] {
  const rng = new Random([37, k]);
  const seated = p.weights.flatMap((w, i) => (w > 0 ? [i] : []));
  const small = p.parts <= 3;
  const out: PinnedCase['options'][] = [
    { lotteries: true },
    { lotteries: false },
    { lotteries: true, rounds: 1 + rng.int(12) },
    { lotteries: false, rounds: 1 + rng.int(12) },
  ];
  const extra: PinnedCase['options'][] = [
    { lotteries: true, discount: Number((0.3 + 0.69 * rng.float()).toFixed(3)) },
    {
      lotteries: true,
      discount: Array.from({ length: p.parts }, () => Number((0.5 + 0.49 * rng.float()).toFixed(3))),
    },
    {
      lotteries: true,
      order: Array.from({ length: 1 + rng.int(seated.length + 2) }, () => seated[rng.int(seated.length)]),
    },
    { lotteries: true, maxRounds: 2 * seated.length + rng.int(40) },
    { lotteries: true, tolerance: 1e-6 },
    { lotteries: true, discount: 1 },
    { lotteries: false, discount: Number((0.3 + 0.69 * rng.float()).toFixed(3)) },
    {
      lotteries: true,
      disagreement: Array.from({ length: p.parts }, (_, i) => p.u[i * p.actions + rng.int(p.actions)]),
    },
    ...(small ? [{ lotteries: true, discount: 0.999 }] : []),
  ];
  for (let j = 0; j < 3; j++) out.push(extra.splice(rng.int(extra.length), 1)[0]);
  return out;
}

export function demandSets(k: number, p: PinnedProblem): PinnedCase['options'][] {
  const rng = new Random([41, k]);
  const out: PinnedCase['options'][] = [{}, { grid: 1 + rng.int(30), weighted: true }];
  if (p.parts <= 3) out.push({ lotteries: true, grid: 2 + rng.int(9), weighted: rng.int(2) === 1 });
  return out;
}

export const votingSets: PinnedCase['options'][] = [
  {},
  { rule: 'nash-bargaining' },
  { rule: 'approval:k=2' },
];

/** The parts/delegates options tried on every built-in scenario. */
export const readingSets: PinnedReading['options'][] = [
  {},
  { lotteries: false },
  { rounds: 5 },
  { discount: 0.8 },
  { discount: 0.99 },
  { protocol: 'nash-demand', lotteries: false },
  { protocol: 'nash-demand', grid: 4 },
  { protocol: 'voting' },
  { protocol: 'voting', rule: 'leximin' },
];

export const PROBLEMS = 150;

/** Problems per shard of pinned/. */
export const SHARD = 50;
