/**
 * The house's layers (docs/architecture.md): each folder of src/ has a floor, and a file may import
 * only from its own folder or from folders on lower floors. The computing core imports nothing from
 * Node (the studio runs it in the browser; workers get plain data).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

export const FLOORS: Readonly<Record<string, number>> = {
  core: 0,
  sigma: 1,
  learn: 1,
  formats: 2,
  generate: 2,
  align: 2,
  measure: 3,
  dynamics: 3,
  scenario: 4,
  run: 5,
  experiment: 6,
  axioms: 6,
  report: 7,
  studio: 8,
  cli: 9,
  'index.ts': 10,
};

/** Folders whose code must run in a browser as well as in Node. */
export const NODE_FREE = new Set([
  'core',
  'sigma',
  'learn',
  'formats',
  'generate',
  'align',
  'measure',
  'dynamics',
  'scenario',
]);

export interface Import {
  readonly from: string;
  readonly to: string;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

/** The module specifiers a source text imports (static, re-exports, side-effect and literal dynamic imports). */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The room of a file under src/: its top folder, or the file itself at the top. */
export function roomOf(srcRel: string): string {
  return srcRel.split(sep)[0].split('/')[0];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.ts') ? [p] : [];
    });
}

/** Every import of a src/ file: relative ones as paths under src/, the rest as written. */
export function importsOf(src: string): Import[] {
  const out: Import[] = [];
  for (const file of walk(src)) {
    const from = relative(src, file);
    for (const spec of specifiers(readFileSync(file, 'utf8')))
      out.push({
        from,
        to: spec.startsWith('.') ? relative(src, resolve(file, '..', spec)).replace(/\.js$/, '.ts') : spec,
      });
  }
  return out;
}

const nodeBuiltins = new Set(builtinModules);

function isNode(spec: string): boolean {
  return spec.startsWith('node:') || nodeBuiltins.has(spec.split('/')[0]);
}

/** What is wrong with these imports, one line each (empty: the house stands). */
export function violations(imports: readonly Import[]): string[] {
  const out: string[] = [];
  for (const { from, to } of imports) {
    const a = roomOf(from);
    const fa = FLOORS[a];
    if (fa === undefined) {
      out.push(`${from}: the folder ${a}/ has no floor (add it to FLOORS and docs/architecture.md)`);
      continue;
    }
    if (to.startsWith('..') || to.startsWith('/')) {
      if (to.startsWith('..')) out.push(`${from}: imports ${to}, outside src/`);
      continue;
    }
    // A package or a Node builtin.
    if (!to.endsWith('.ts')) {
      if (NODE_FREE.has(a) && isNode(to)) out.push(`${from}: imports ${to}, but ${a}/ must run without Node`);
      continue;
    }
    const b = roomOf(to);
    if (a === b) continue;
    const fb = FLOORS[b];
    if (fb === undefined) out.push(`${from}: imports ${to}, whose folder ${b}/ has no floor`);
    else if (fb >= fa)
      out.push(
        `${from} (${a}/, floor ${fa}) imports ${to} (${b}/, floor ${fb}): a lower floor must not import a higher one`,
      );
  }
  return out;
}
