/**
 * YAML aliases are bounded: one inside the node it names (data that would contain itself), too
 * many, or nested ones that multiply into a huge tree are one UserError at the alias's line,
 * found before the data is built.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnyScenario, parseScenario } from '../../src/scenario/index.js';
import { throwsAt } from './helpers.js';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;
const head = [
  'name: holiday', // 1
  'outcomes: [beach, city, cabin]', // 2
  'actions: {book-beach: beach}', // 3
];
const sigma = 'sigma: weighted-utilitarian';

test('an alias inside the node it names is refused at its line', { timeout: 10_000 }, () => {
  const text = lines(...head, 'parts: &p [{name: x, parts: *p}]', sigma);
  const message =
    'YAML error: alias *p is inside the node &p it names, so the data would contain itself; expected the alias after that node';
  throwsAt(() => parseScenario(text, 'h.yaml'), 'h.yaml', 4, message);
  throwsAt(() => parseAnyScenario(text, 'h.yaml'), 'h.yaml', 4, message);
  const deeper = lines(
    ...head,
    'parts: &p', // 4
    '  - name: a', // 5
    '    utility: [1, 0, 0]', // 6
    '  - name: team', // 7
    '    parts:', // 8
    '      - name: inner', // 9
    '        parts: *p', // 10
    sigma,
  );
  throwsAt(() => parseAnyScenario(deeper, 'h.yaml'), 'h.yaml', 10, /^YAML error: alias \*p is inside/);
});

test('an alias bomb is refused at the alias that crosses the bound', { timeout: 10_000 }, () => {
  // Each level repeats the one before ten times: *d stands for 11 111 values.
  const level = (name: string, item: string) => `  ${name}: &${name} [${Array(10).fill(item).join(', ')}]`;
  const text = lines(
    ...head,
    'meta:', // 4
    level('a', 'x'), // 5
    level('b', '*a'), // 6
    level('c', '*b'), // 7
    level('d', '*c'), // 8
    level('e', '*d'), // 9
    level('f', '*e'), // 10
  );
  throwsAt(
    () => parseAnyScenario(text, 'h.yaml'),
    'h.yaml',
    9,
    'YAML error: alias *d: aliases repeat more than 100000 values (nested aliases multiply); expected at most 100000',
  );
});

test('more than 1000 aliases are refused; many uses of one anchor below that are fine', () => {
  const parts = (n: number) =>
    lines(
      ...head,
      'parts:', // 4
      '  - {name: p0, utility: &u [1, 0, 0]}', // 5
      ...Array.from({ length: n }, (_, i) => `  - {name: p${i + 1}, utility: *u}`),
      sigma,
    );
  const s = parseScenario(parts(150), 'h.yaml', { parts: 151 });
  assert.equal(s.principal.parts.length, 151);
  throwsAt(
    () => parseScenario(parts(1001), 'h.yaml'),
    'h.yaml',
    1006,
    'YAML error: more than 1000 aliases; expected at most 1000',
  );
});
