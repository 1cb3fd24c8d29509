/**
 * The page and its worker bundle the library's own code: nothing they import, followed through
 * every relative import into src/, may be a Node module (the browser has none). The import list
 * is read as the layers test reads it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { specifiers } from '../house/layers.js';

const root = join(import.meta.dirname, '..', '..');
const node = new Set(builtinModules);
const isNode = (spec: string) => spec.startsWith('node:') || node.has(spec.split('/')[0]);

/** The file a relative specifier names: `./x.js` is x.ts or x.tsx in TypeScript sources. */
function resolveFile(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const f of [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
  ])
    if (/\.tsx?$/.test(f) && existsSync(f)) return f;
  return undefined;
}

/** Every file reachable from `entries` by relative imports, and every package it imports. */
function graph(entries: readonly string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    // Type-only imports are erased from the bundle.
    const text = readFileSync(file, 'utf8').replace(
      /(?:import|export)\s+type\s[^;]*?from\s*['"][^'"]+['"]/g,
      '',
    );
    for (const spec of specifiers(text)) {
      if (spec.startsWith('.')) {
        const next = resolveFile(file, spec);
        if (next) todo.push(next);
        else if (!/\.css$/.test(spec)) assert.fail(`${relative(root, file)}: cannot resolve ${spec}`);
      } else packages.set(spec, relative(root, file));
    }
  }
  return { files, packages };
}

test('the page and its worker import nothing from Node, through the library code they bundle', () => {
  const { files, packages } = graph([
    join(root, 'studio', 'src', 'main.tsx'),
    join(root, 'studio', 'src', 'worker.ts'),
  ]);
  const fromNode = [...packages]
    .filter(([spec]) => isNode(spec))
    .map(([spec, file]) => `${file} imports ${spec}`);
  assert.deepEqual(fromNode, []);
  // It does reach the library's own reading code (no second implementation in the page).
  const lib = [...files].map((f) => relative(root, f));
  for (const f of [
    'src/run/one-shot.ts',
    'src/align/registry.ts',
    'src/scenario/load.ts',
    'src/sigma/registry.ts',
    'src/axioms/run.ts',
    'src/axioms/search.ts',
  ])
    assert.ok(lib.includes(f), `${f} is not in the bundle's import graph`);
  assert.ok(!lib.some((f) => f.startsWith('src/cli/') || f === 'src/studio/server.ts'));
});
