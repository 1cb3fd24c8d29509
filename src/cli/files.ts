/** File access for the CLI: clear errors for missing files, and writes that never leave half a file. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
    throw new UserError(why, path);
  }
}

/** Writes `text` to a temporary file beside `path`, then renames it into place. */
export function writeAtomic(path: string, text: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write (${code ?? (e as Error).message})`, path);
  }
}
