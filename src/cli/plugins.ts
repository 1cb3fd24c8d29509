/**
 * `--plugin FILE`: a user's own operationalizations, as an ES module (.js, .mjs, .ts, .mts) whose
 * default export is an Operationalization or a list of them (see src/align/types.ts). Loading
 * failures are the user's to fix: one line, exit 2. A plugin that throws while reading a scenario
 * is reported in that reading's result and the others go on (see run/one-shot.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerOperationalization } from '../align/registry.js';
import type { Operationalization } from '../align/types.js';
import { UserError } from '../core/errors.js';

/**
 * A TypeScript plugin goes through tsx's `tsImport`, which compiles the file wherever it lies; with
 * its `register` hook a .ts file outside a `"type": "module"` folder was left for Node to parse.
 */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(file)).href;
  if (!/\.[cm]?ts$/.test(file)) return (await import(url)) as Record<string, unknown>;
  let api: { tsImport: (specifier: string, parentURL: string) => Promise<Record<string, unknown>> };
  try {
    api = await import('tsx/esm/api');
  } catch {
    throw new UserError('a TypeScript plugin needs the tsx package (npm i tsx), or compile it to .js', file);
  }
  return exportsOf(await api.tsImport(url, import.meta.url));
}

/**
 * tsx compiles a .ts file outside a `"type": "module"` folder as CommonJS, so its exports arrive
 * one level down, as the namespace's default.
 */
function exportsOf(mod: Record<string, unknown>): Record<string, unknown> {
  const inner = mod.default as Record<string, unknown> | undefined;
  const wrapped =
    inner !== null &&
    typeof inner === 'object' &&
    !Array.isArray(inner) &&
    !('read' in inner) &&
    ('default' in inner || 'operationalizations' in inner);
  return wrapped ? inner : mod;
}

/** A reading a plugin registered, and the file it came from. */
export interface PluginReading {
  id: string;
  file: string;
}

export async function loadPlugins(files: readonly string[]): Promise<PluginReading[]> {
  const ids: PluginReading[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new UserError('no such file', file);
    let mod: Record<string, unknown>;
    try {
      mod = await importModule(file);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError(`the plugin failed to load: ${(e as Error).message.split('\n')[0]}`, file);
    }
    const exported = mod.default ?? mod.operationalizations;
    const list = Array.isArray(exported) ? exported : [exported];
    if (exported === undefined || list.length === 0)
      throw new UserError('expected a default export: an operationalization or a list of them', file);
    list.forEach((op, i) => {
      const o = op as Partial<Operationalization>;
      if (typeof o?.id !== 'string' || typeof o.read !== 'function' || typeof o.title !== 'string')
        throw new UserError(
          `export ${i}: expected {id, title, description, family, claims, read(ctx, opts)}`,
          file,
        );
      const full: Operationalization = {
        family: o.id.split('/')[0],
        description: '',
        claims: [],
        ...o,
      } as Operationalization;
      try {
        registerOperationalization(full);
      } catch (e) {
        throw new UserError((e as Error).message, file);
      }
      ids.push({ id: full.id, file });
    });
  }
  return ids;
}
