/**
 * The meta-preferences a scenario file declares (core/scenario.ts `ScenarioMeta`), as the model of
 * meta-preferences.ts for the principal a context reads: H's own Σ aggregates them. A context for
 * another principal (a nested level of H, whose parts are not the ones the file's weights are
 * over) has none.
 */
import type { AlignContext } from '../types.js';
import { type MetaPreferences, metaFromDeclared } from './meta-preferences.js';

export function contextMeta(ctx: AlignContext): MetaPreferences | undefined {
  const m = ctx.scenario.meta;
  if (!m || m.parts.length !== ctx.parts.length || m.parts.some((p, i) => p !== ctx.parts[i]))
    return undefined;
  return metaFromDeclared(m, ctx.h.sigma);
}
