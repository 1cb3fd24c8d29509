/**
 * How tests start the sulab command and find the studio's page: the compiled build when it is
 * newer than every source file it is built from, else the TypeScript sources through tsx. A
 * compiled start costs a fifth of a tsx start, and the suite starts the command a few hundred
 * times (CI builds before it tests); a build older than any source is never used, so editing a
 * file and rerunning a test always tests the edit.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

/** The newest modification time (ms) of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether `built` exists and was written after every file under `sources`. */
function fresh(built: string, ...sources: string[]): boolean {
  if (!existsSync(built)) return false;
  const at = statSync(built).mtimeMs;
  return sources.every((s) => newest(s) < at);
}

const compiled = join(root, 'dist', 'cli', 'main.js');

/** Node's arguments that start `sulab` (append the command's own). */
export const SULAB: readonly string[] = fresh(compiled, join(root, 'src'))
  ? [compiled]
  : ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')];

/** The built studio page (dist/studio) when it is newer than its sources, else undefined. */
export function builtStudioPage(): string | undefined {
  const page = join(root, 'dist', 'studio');
  return fresh(join(page, 'index.html'), join(root, 'studio'), join(root, 'src')) ? page : undefined;
}
