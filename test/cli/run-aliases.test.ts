/** `sulab run` on a YAML file whose aliases would not end: one line naming file and line, exit 2. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { sulab, tempFiles } from './helpers.js';

const head = 'name: holiday\noutcomes: [beach, city]\nactions: {go: beach}\n';

test('an alias inside its own node and an alias bomb: file and line, exit 2, no stack trace', {
  timeout: 60_000,
}, () => {
  const bomb = ['a', 'b', 'c', 'd', 'e', 'f']
    .map(
      (n, i, all) =>
        `  ${n}: &${n} [${Array(10)
          .fill(i === 0 ? 'x' : `*${all[i - 1]}`)
          .join(', ')}]`,
    )
    .join('\n');
  const dir = tempFiles({
    'self.yaml': `${head}parts: &p [{name: x, parts: *p}]\nsigma: borda\n`,
    'bomb.yaml': `${head}meta:\n${bomb}\n`,
  });
  for (const [file, line, pattern] of [
    ['self.yaml', 4, /alias \*p is inside the node &p it names/],
    ['bomb.yaml', 9, /alias \*d: aliases repeat more than 100000 values/],
  ] as const) {
    const path = join(dir, file);
    const r = sulab(['run', path, '--no-report']);
    assert.equal(r.code, 2, r.stderr);
    assert.ok(r.stderr.startsWith(`sulab: ${path}:${line}: YAML error: `), r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
});
