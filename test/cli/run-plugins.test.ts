/**
 * `--plugin`: a TypeScript plugin loads wherever it lies, whatever its folder's package type.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

/** A reading written in TypeScript: the loudest part decides. */
const loudest = `interface Own { u: Float64Array; weights: number[]; actions: number }
const reading = {
  id: 'mine/loudest',
  title: 'Mine: the loudest part decides',
  read(ctx: { own: Own }) {
    const { u, weights, actions } = ctx.own;
    const i = weights.indexOf(Math.max(...weights));
    const row: number[] = Array.from(u.subarray(i * actions, (i + 1) * actions));
    const top = Math.max(...row);
    const a = row.indexOf(top);
    return { target: { kind: 'action', action: a, ties: [a] }, scores: Float64Array.from(row, (x) => (x === top ? 1 : 0)), notes: [] };
  },
};
export default reading;
`;

test('a .ts plugin in a folder with no package.json loads as bin/sulab.js loads sulab (tsx registered in-process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-plugin-'));
  const file = join(dir, 'loudest.ts');
  writeFileSync(file, loudest);
  // What bin/sulab.js does without a build: register tsx's hooks, then import the sources.
  const script = `import { register } from 'tsx/esm/api';
register();
const { loadPlugins } = await import(${JSON.stringify(pathToFileURL(join(root, 'src', 'cli', 'plugins.ts')).href)});
console.log(JSON.stringify(await loadPlugins([${JSON.stringify(file)}])));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [{ id: 'mine/loudest', file }]);
});
