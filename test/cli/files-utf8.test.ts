/**
 * Files the CLI reads are UTF-8: other bytes are refused at their file and line (exit 2), a BOM is
 * skipped, and the streamed JSON Lines reader decodes characters split between two chunks.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readLines } from '../../src/cli/files.js';
import { main as vote } from '../../src/cli/vote.js';
import { sulab } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sulab-utf8-'));
const latin1 = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
};
const notUtf8 = 'expected UTF-8 text, got bytes that are not UTF-8 (save the file as UTF-8)';

async function collect(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(path)) out.push(line);
  return out;
}

test('a Latin-1 byte in a PrefLib, CSV, JSON or JSON Lines profile: file and line', async () => {
  const files = {
    'p.soc': ['# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: café\n1: 1,2\n', 3],
    'p.csv': ['a,b,#\n1,2,3\n\n2,1,4\ncafé,x,1\n', 5],
    'p.json': ['{"candidates": ["a",\n  "café"],\n "rankings": [[0, 1]]}\n', 2],
    'p.jsonl': [
      '{"candidates": 2, "rankings": [[0, 1]]}\n\n{"candidates": ["a", "café"], "rankings": [[0]]}\n',
      3,
    ],
  } as const;
  for (const [name, [text, line]] of Object.entries(files)) {
    const path = latin1(name, text);
    await assert.rejects(vote(['-m', 'borda', '-i', path, '--json']), {
      message: `${path}:${line}: ${notUtf8}`,
    });
  }
});

test('sulab run on a scenario with a Latin-1 byte: one line, exit 2', () => {
  const path = latin1('s.yaml', 'name: holiday\noutcomes: [plage, ville]\n# déjà\n');
  const r = sulab(['run', path, '--no-report']);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, `sulab: ${path}:3: ${notUtf8}\n`);
});

test('streamed lines: characters split between chunks decode whole; a BOM is skipped', async () => {
  // 2-, 3- and 4-byte characters in turn: a 64 KiB chunk boundary falls inside one of them.
  const long = 'é€😀'.repeat(30_000);
  const lines = [JSON.stringify({ candidates: [long, 'b'], rankings: [[1, 0]] }), '', 'x €', 'last'];
  const path = join(dir, 'long.jsonl');
  writeFileSync(path, `\uFEFF${lines.slice(0, 3).join('\r\n')}\n${lines[3]}`);
  assert.deepEqual(await collect(path), lines);
  writeFileSync(path, Buffer.concat([Buffer.from(`${lines[0]}\n\n`), Buffer.from([0x61, 0xe9, 0x0a])]));
  await assert.rejects(collect(path), { message: `${path}:3: ${notUtf8}` });
  await assert.rejects(collect(join(dir, 'missing.jsonl')), {
    message: `${join(dir, 'missing.jsonl')}: no such file`,
  });
  await assert.rejects(collect(dir), { message: `${dir}: is a directory` });
});
