/**
 * `--plugin FILE`: a user's own operationalizations, as an ES module (.js, .mjs, or .ts) whose
 * default export is an Operationalization or a list of them (see src/align/types.ts). Loading
 * failures are the user's to fix: one line, exit 2. A plugin that throws while reading a scenario
 * is reported in that reading's result and the others go on (see measure/evaluate.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerOperationalization } from '../align/registry.js';
import type { Operationalization } from '../align/types.js';
import { UserError } from '../core/errors.js';

let tsxRegistered = false;

async function importModule(file: string): Promise<Record<string, unknown>> {
  if (file.endsWith('.ts') && !tsxRegistered && !process.execArgv.some((a) => a.includes('tsx'))) {
    try {
      const api = (await import('tsx/esm/api')) as { register: () => void };
      api.register();
      tsxRegistered = true;
    } catch {
      throw new UserError(
        'a TypeScript plugin needs the tsx package (npm i tsx), or compile it to .js',
        file,
      );
    }
  }
  return (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
}

export async function loadPlugins(files: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
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
      ids.push(full.id);
    });
  }
  return ids;
}
