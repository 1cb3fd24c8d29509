/**
 * File access for the CLI: clear errors for missing files and for text that is not UTF-8, and
 * writes that never leave half a file.
 */
import {
  type Stats,
  closeSync,
  constants,
  createReadStream,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { MAX_FILE_BYTES } from '../formats/limits.js';
import { decodeUtf8 } from '../formats/utf8.js';

/** A read error as a UserError naming the file; other errors pass through. */
function readError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== 'string') return e;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code})`;
  return new UserError(why, path);
}

const mib = (x: number) => `${Math.round(x / 2 ** 20).toLocaleString('en-US')} MiB`;

export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    // Checked before reading: past this a file would not fit in one string anyway.
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES)
      throw new UserError(`the file is ${mib(size)}, more than the limit of ${mib(MAX_FILE_BYTES)}`, path);
    bytes = readFileSync(path);
  } catch (e) {
    throw e instanceof UserError ? e : readError(e, path);
  }
  return decodeUtf8(bytes, path);
}

/**
 * The lines of a file (without their \n or \r\n), read as a stream: a file of any size in the
 * memory of a few lines. Bytes are decoded a run of whole lines at a time, so a character split
 * between two chunks of the stream is whole when decoded.
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  for await (const { bytes, firstLine } of readLineRuns(path)) {
    const lines = decodeUtf8(bytes, path, firstLine).split('\n');
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
    yield* lines;
  }
}

/**
 * A file as runs of whole lines, undecoded: each run's lines are separated by \n (a run holds at
 * least one line; the last newline of the file ends no further line), with the number of its first
 * line. For readers that scan bytes and decode only what they must.
 */
export async function* readLineRuns(path: string): AsyncGenerator<{ bytes: Uint8Array; firstLine: number }> {
  let line = 1;
  const run = (bytes: Uint8Array) => {
    const r = { bytes, firstLine: line };
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) line++;
    line++;
    return r;
  };
  let rest: Buffer[] = []; // the bytes of a line not yet ended
  let restBytes = 0;
  try {
    // 1 MiB chunks: fewer reads and fewer runs to hand out than the default 64 KiB.
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      const end = chunk.lastIndexOf(0x0a);
      if (end < 0) {
        rest.push(chunk);
        restBytes += chunk.length;
        // One line must fit in one string: refuse it before memory runs out.
        if (restBytes > MAX_FILE_BYTES)
          throw new UserError(`a line longer than the limit of ${mib(MAX_FILE_BYTES)}`, `${path}:${line}`);
        continue;
      }
      const head = chunk.subarray(0, end);
      yield run(rest.length === 0 ? head : Buffer.concat([...rest, head]));
      rest = end + 1 < chunk.length ? [chunk.subarray(end + 1)] : [];
      restBytes = end + 1 < chunk.length ? chunk.length - end - 1 : 0;
    }
  } catch (e) {
    throw e instanceof UserError ? e : readError(e, path);
  }
  if (rest.length > 0) yield run(Buffer.concat(rest));
}

/** A write error as one line naming the file: the cause a user can act on. */
export function writeError(e: unknown, path: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'cannot write: no such directory',
    ENOTDIR: 'cannot write: a part of the path is not a directory',
    EISDIR: 'cannot write: is a directory',
    EACCES: 'cannot write: permission denied',
    EPERM: 'cannot write: permission denied',
    EROFS: 'cannot write: read-only file system',
    ENOSPC: 'cannot write: no space left on the device',
    ENXIO: 'cannot write: nothing is reading from this FIFO',
    ELOOP: 'cannot write: too many levels of symbolic links',
  };
  return new UserError(
    (code && why[code]) ?? `cannot write (${code ?? (e as Error).message ?? String(e)})`,
    path,
  );
}

/**
 * Where a write to `path` should go. A symbolic link is followed (even a dangling one), so the
 * link stays a link and its target is replaced; a FIFO, device or socket is written through
 * (renaming over it would replace /dev/null with a regular file); a directory is refused.
 */
export function writeTarget(path: string): { path: string; through: boolean } {
  let target = path;
  for (let hops = 0; ; hops++) {
    let st: Stats;
    try {
      st = lstatSync(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: target, through: false };
      throw writeError(e, path);
    }
    if (st.isSymbolicLink()) {
      if (hops >= 40) throw writeError(Object.assign(new Error(), { code: 'ELOOP' }), path);
      target = resolve(dirname(target), readlinkSync(target));
      continue;
    }
    if (st.isDirectory()) throw writeError(Object.assign(new Error(), { code: 'EISDIR' }), path);
    return { path: target, through: !st.isFile() };
  }
}

/**
 * Opens a non-regular file for writing. A FIFO with no reader would block forever: open it
 * non-blocking first, which fails (ENXIO) when nothing reads, then blocking while that reader is
 * held.
 */
export function openThrough(path: string): number {
  const probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    return openSync(path, constants.O_WRONLY);
  } finally {
    closeSync(probe);
  }
}

/** Removes a temporary file; a failure here must not hide the error that led to it. */
export function removeQuietly(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // nothing was created (e.g. a parent is a regular file)
  }
}

/**
 * Writes `text` to a temporary file beside `path`, then renames it into place, so a reader never
 * sees half a file. Symbolic links are followed; FIFOs and devices are written through.
 */
export function writeAtomic(path: string, text: string | Uint8Array): void {
  const target = writeTarget(path);
  if (target.through) {
    try {
      const fd = openThrough(target.path);
      try {
        writeFileSync(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      throw writeError(e, path);
    }
    return;
  }
  const tmp = `${target.path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target.path);
  } catch (e) {
    removeQuietly(tmp);
    throw writeError(e, path);
  }
}
