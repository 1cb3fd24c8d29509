/**
 * What the studio's worker computes for a scenario text, with the same code as `sulab run`: the
 * loader's first mistake, or `evaluate` (run/one-shot.ts: every reading's target, welfare,
 * reflexivity gap, the interpretation matrix) plus Σ compared across rules on the same parts; for a
 * sequential scenario `runSequential` (each agent's expected totals and one recorded trajectory);
 * and the registries the page offers. Node-free.
 */
import { buildContext } from '../align/context.js';
import { readingRegistry } from '../align/registry.js';
import { evaluate, type ScenarioResult } from '../run/one-shot.js';
import { runSequential, type SequentialResult } from '../run/sequential.js';
import { rules } from '../sigma/registry.js';
import { UserError } from '../core/errors.js';
import { type MetaAnswer, type MetaAsk, metaAnswer } from './meta.js';
import { compareSigma, type SigmaRow } from './sigma-compare.js';
import { checkScenario, type ValidationError } from './validate.js';

export type StudioAnswer =
  | {
      readonly ok: true;
      readonly kind: 'one-shot';
      readonly result: ScenarioResult;
      readonly sigma: readonly SigmaRow[];
      /** H's own Σ as the file names it. */
      readonly sigmaRule: string;
      readonly epsilon: number;
      readonly neglectThreshold: number;
      /** The meta-preference dynamics, when asked for (or why they cannot run). */
      readonly meta?: MetaAnswer | { readonly error: string };
      /** Milliseconds the evaluation took (parse, readings, Σ comparison). */
      readonly ms: number;
    }
  | {
      readonly ok: true;
      readonly kind: 'sequential';
      /** As `sulab run --json` prints it: without the raw typed-array rows. */
      readonly result: SequentialResult;
      readonly ms: number;
    }
  | { readonly ok: false; readonly error: ValidationError };

/**
 * Reads and evaluates a scenario text; a user's mistake is an answer, not a throw. With `meta`,
 * also the meta-preference dynamics of H's top-level parts under H's own Σ.
 */
export function studioEvaluate(text: string, file = 'scenario.yaml', meta?: MetaAsk): StudioAnswer {
  const t0 = performance.now();
  const checked = checkScenario(text, file);
  if (!checked.ok) return checked;
  const s = checked.scenario;
  if (s.kind === 'sequential') {
    const r = runSequential(s);
    const result = { ...r, alignments: r.alignments.map(({ rows: _rows, ...a }) => a) };
    return { ok: true, kind: 'sequential', result, ms: performance.now() - t0 };
  }
  const ctx = buildContext(s);
  const result = evaluate(s, ctx);
  const sigma = compareSigma(ctx);
  let metaResult: MetaAnswer | { error: string } | undefined;
  if (meta)
    try {
      metaResult = metaAnswer(ctx.parts, s.principal.sigma, meta, s.seed);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      metaResult = { error: e.message };
    }
  return {
    ok: true,
    kind: 'one-shot',
    result,
    sigma,
    sigmaRule: s.principal.sigma.rule,
    epsilon: s.epsilon,
    neglectThreshold: s.neglectThreshold,
    ...(metaResult ? { meta: metaResult } : {}),
    ms: performance.now() - t0,
  };
}

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly family: string;
  readonly description: string;
}

/** The Σ rules and the fixed readings the page offers, from their registries. */
export function catalog(): { sigma: CatalogEntry[]; readings: CatalogEntry[] } {
  return {
    sigma: rules.map((r) => ({ id: r.name, title: r.title, family: r.family, description: r.description })),
    readings: readingRegistry
      .all()
      .map((o) => ({ id: o.id, title: o.title, family: o.family, description: o.description })),
  };
}
