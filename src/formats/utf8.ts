/**
 * File bytes to text. Text that is not UTF-8 (a Latin-1 "é", a UTF-16 file) is refused at its
 * line: decoded leniently, its bytes would become U+FFFD and reach the output as mojibake.
 */
import { UserError } from '../core/errors.js';

// ignoreBOM: a BOM is skipped here only at the start of a file, not of every piece of a stream.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `bytes` as text, or a UserError at `FILE:LINE` naming the first line that is not UTF-8.
 * `firstLine` is the line `bytes` start on when they are a run of whole lines from a stream; a BOM
 * is skipped on line 1.
 */
export function decodeUtf8(bytes: Uint8Array, fileName: string, firstLine = 1): string {
  const bom = firstLine === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return strict.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    // A newline byte never occurs inside a multi-byte character, so lines decode on their own.
    let line = firstLine;
    for (let start = 0; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      try {
        strict.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
      } catch {
        break;
      }
      if (end < 0) break;
      start = end + 1;
    }
    throw new UserError(
      'expected UTF-8 text, got bytes that are not UTF-8 (save the file as UTF-8)',
      `${fileName}:${line}`,
    );
  }
}
