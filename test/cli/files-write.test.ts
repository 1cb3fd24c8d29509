/**
 * Writes never leave half a file and never replace what is not a regular file: a symbolic link's
 * target is written (the link stays), a FIFO or device is written through, and a path through a
 * regular file is one line naming the cause, exit 2.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeAtomic } from '../../src/cli/files.js';
import { sulab } from './helpers.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'sulab-write-'));

test('a symbolic link: its target is replaced, the link stays a link', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'real.csv'), 'old\n');
  symlinkSync('real.csv', join(dir, 'link.csv'));
  writeAtomic(join(dir, 'link.csv'), 'new\n');
  assert.ok(lstatSync(join(dir, 'link.csv')).isSymbolicLink());
  assert.equal(readlinkSync(join(dir, 'link.csv')), 'real.csv');
  assert.equal(readFileSync(join(dir, 'real.csv'), 'utf8'), 'new\n');
  // A dangling link creates its target.
  symlinkSync('later.csv', join(dir, 'dangling.csv'));
  writeAtomic(join(dir, 'dangling.csv'), 'x\n');
  assert.equal(readFileSync(join(dir, 'later.csv'), 'utf8'), 'x\n');
  assert.deepEqual(readdirSync(dir).sort(), ['dangling.csv', 'later.csv', 'link.csv', 'real.csv']);
});

test('a FIFO is written through to its reader; with no reader, a clear error and no hang', () => {
  const dir = fresh();
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    writeAtomic(fifo, 'through\n');
    const buf = Buffer.alloc(64);
    const n = readSync(reader, buf);
    assert.equal(buf.subarray(0, n).toString(), 'through\n');
  } finally {
    closeSync(reader);
  }
  assert.ok(statSync(fifo).isFIFO());
  assert.throws(() => writeAtomic(fifo, 'x'), {
    message: `${fifo}: cannot write: nothing is reading from this FIFO`,
  });
  assert.deepEqual(readdirSync(dir), ['pipe']);
});

test('/dev/null stays a character device', () => {
  writeAtomic('/dev/null', 'gone\n');
  assert.ok(statSync('/dev/null').isCharacterDevice());
  const r = sulab(['run', 'scenarios/coin-bet.yaml', '--no-report', '--csv', '/dev/null']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

test('--csv or --output under a regular file: the cause on one line, exit 2, nothing written', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'afile'), 'keep\n');
  const csv = join(dir, 'afile', 'rows.csv');
  const r = sulab(['run', 'scenarios/coin-bet.yaml', '--no-report', '--csv', csv]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `sulab: ${csv}: cannot write: a part of the path is not a directory\n`);
  const out = join(dir, 'afile', 'p.soc');
  const g = sulab(['generate', '--model', 'ic', '--voters', '3', '--candidates', '3', '--output', out]);
  assert.equal(g.code, 2, g.stderr);
  assert.equal(g.stderr, `sulab: ${out}: cannot write: a part of the path is not a directory\n`);
  assert.deepEqual(readdirSync(dir), ['afile']);
  assert.equal(readFileSync(join(dir, 'afile'), 'utf8'), 'keep\n');
});

test('a directory as the target is refused', () => {
  const dir = fresh();
  assert.throws(() => writeAtomic(dir, 'x'), { message: `${dir}: cannot write: is a directory` });
});
