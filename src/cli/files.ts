/**
 * File access for the CLI: clear errors for missing files and for text that is not UTF-8, and
 * writes that never leave half a file.
 */
import { createReadStream, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { decodeUtf8 } from '../formats/utf8.js';

/** A read error as a UserError naming the file; other errors pass through. */
function readError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return e;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
  return new UserError(why, path);
}

export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw readError(e, path);
  }
  return decodeUtf8(bytes, path);
}

/**
 * The lines of a file (without their \n or \r\n), read as a stream: a file of any size in the
 * memory of a few lines. Bytes are decoded a run of whole lines at a time, so a character split
 * between two chunks of the stream is whole when decoded.
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  let line = 1;
  const emit = (bytes: Uint8Array): string[] => {
    const lines = decodeUtf8(bytes, path, line).split('\n');
    line += lines.length;
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
    return lines;
  };
  let rest: Buffer[] = []; // the bytes of a line not yet ended
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      const end = chunk.lastIndexOf(0x0a);
      if (end < 0) {
        rest.push(chunk);
        continue;
      }
      const head = chunk.subarray(0, end);
      yield* emit(rest.length === 0 ? head : Buffer.concat([...rest, head]));
      rest = end + 1 < chunk.length ? [chunk.subarray(end + 1)] : [];
    }
  } catch (e) {
    throw readError(e, path);
  }
  if (rest.length > 0) yield* emit(Buffer.concat(rest));
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
