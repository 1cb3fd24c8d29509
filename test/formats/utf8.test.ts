/** Bytes that are not UTF-8 are refused at their line; a BOM at the start of a file is skipped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { decodeUtf8 } from '../../src/formats/index.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function refusedAt(b: Uint8Array, where: string, firstLine?: number): void {
  assert.throws(
    () => decodeUtf8(b, 'f.soc', firstLine),
    (e: unknown) =>
      e instanceof UserError &&
      e.where === where &&
      e.message === `${where}: expected UTF-8 text, got bytes that are not UTF-8 (save the file as UTF-8)`,
  );
}

test('UTF-8 text decodes as written, U+FFFD and CRLF included', () => {
  const text = 'a,b\r\ncafé,€,😀,\uFFFD\n';
  assert.equal(decodeUtf8(bytes(text), 'f.csv'), text);
  assert.equal(decodeUtf8(new Uint8Array(0), 'f.csv'), '');
});

test('a BOM is skipped at the start of a file only', () => {
  const bom = [0xef, 0xbb, 0xbf];
  assert.equal(decodeUtf8(bytes(bom, '# x\n'), 'f.soc'), '# x\n');
  // A piece of a stream that starts on a later line keeps its U+FEFF: it is a character there.
  assert.equal(decodeUtf8(bytes(bom, 'x'), 'f.jsonl', 7), '\uFEFFx');
});

test('a Latin-1 byte, a stray continuation byte, a truncated character: the line is named', () => {
  refusedAt(bytes('# a\n# b\n1: caf', [0xe9], '\n2: x\n'), 'f.soc:3');
  refusedAt(bytes([0x80], 'abc'), 'f.soc:1');
  refusedAt(bytes('ok\r\nok\r\n', [0xe2, 0x82]), 'f.soc:3');
  refusedAt(bytes('ok\n', [0xc3], '\n'), 'f.soc:12', 11);
  // UTF-16: a NUL byte is valid UTF-8, but 0xFF 0xFE is not.
  refusedAt(bytes([0xff, 0xfe, 0x61, 0x00]), 'f.soc:1');
});
