import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { FLOORS, importsOf, specifiers, violations } from './layers.js';

const src = join(import.meta.dirname, '..', '..', 'src');

test('every src/ import goes to its own folder or down a floor, and the core imports nothing from Node', () => {
  assert.deepEqual(violations(importsOf(src)), []);
});

test('the check fails on a wrong import', () => {
  const wrong = [
    { from: 'core/model.ts', to: 'scenario/load.ts' },
    { from: 'align/context.ts', to: 'measure/welfare.ts' },
    { from: 'sigma/profile.ts', to: 'learn/data.ts' },
    { from: 'dynamics/space.ts', to: 'node:fs' },
    { from: 'newroom/x.ts', to: 'core/model.ts' },
  ];
  const v = violations(wrong);
  assert.equal(v.length, wrong.length, v.join('\n'));
  assert.match(v[0], /core\/model\.ts \(core\/, floor 0\) imports scenario\/load\.ts/);
  assert.match(v[3], /dynamics\/ must run without Node/);
  assert.match(v[4], /newroom\/ has no floor/);
  // Going down, and staying in one's own folder, are fine; Node is fine upstairs.
  assert.deepEqual(
    violations([
      { from: 'cli/run.ts', to: 'core/model.ts' },
      { from: 'sigma/registry.ts', to: 'sigma/types.ts' },
      { from: 'cli/files.ts', to: 'node:fs' },
      { from: 'scenario/source.ts', to: 'yaml' },
    ]),
    [],
  );
});

test('imports are read in every form', () => {
  const text = [
    "import { a } from './a.js';",
    "import type { B } from '../b.js';",
    "export { c } from './c.js';",
    "export * from './d.js';",
    "import './e.js';",
    "const f = await import('./f.js');",
    'import {\n  g,\n  h,\n} from "./g.js";',
  ].join('\n');
  assert.deepEqual(specifiers(text), ['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js']);
  assert.ok(Object.keys(FLOORS).includes('core'));
});
