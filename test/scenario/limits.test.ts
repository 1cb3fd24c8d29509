/**
 * Scenario files past their limits are one line at their line, before the schema or the resolver
 * can overflow the stack or a run take minutes: deep nesting, long reference chains, too many
 * parts, principals, samples or sequential work, and `__proto__` keys (which an object would
 * silently drop).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { parseAnyScenario, parseScenario } from '../../src/scenario/index.js';
import {
  MAX_NESTING,
  MAX_PRINCIPAL_LEVELS,
  MAX_SEQUENTIAL_WORK,
  SCENARIO_LIMITS,
} from '../../src/scenario/limits.js';
import { sulab, tempFiles } from '../cli/helpers.js';

const oneLine = (re: RegExp) => (e: unknown) =>
  e instanceof UserError && re.test(e.message) && !e.message.includes('\n');

const base = { name: 'limits', outcomes: ['x', 'y'] };
const leaf = (name: string) => ({ name, utility: [1, 0] });

test('inline sub-principals nested 800 deep: refused at a line before the schema', () => {
  let part: object = leaf('bottom');
  for (let i = 0; i < 800; i++) part = { name: `l${i}`, parts: [part] };
  const text = JSON.stringify({ ...base, parts: [part, leaf('other')] }, null, 1);
  assert.throws(
    () => parseScenario(text, 'deep.json'),
    oneLine(
      new RegExp(`^deep\\.json:\\d+: parts\\[0\\]\\.parts.*: nested more than ${MAX_NESTING} levels deep`),
    ),
  );
  // Within the data limit but past the principal levels.
  part = leaf('bottom');
  for (let i = 0; i < MAX_PRINCIPAL_LEVELS + 2; i++) part = { name: `l${i}`, parts: [part] };
  assert.throws(
    () => parseScenario(JSON.stringify({ ...base, parts: [part] }), 'deep.json'),
    oneLine(new RegExp(`principals nest more than ${MAX_PRINCIPAL_LEVELS} levels deep`)),
  );
});

test('1,000 named principals chained by references: the count limit, then the level limit', () => {
  const principals: Record<string, object> = {};
  for (let i = 0; i < 1000; i++)
    principals[`p${i}`] = { parts: [i === 999 ? leaf('leaf') : { name: 'x', principal: `p${i + 1}` }] };
  const text = JSON.stringify({ ...base, parts: [{ name: 'a', principal: 'p0' }], principals });
  assert.throws(
    () => parseScenario(text, 'chain.json'),
    oneLine(
      new RegExp(
        `principals: 1,000 principals is more than the limit of ${SCENARIO_LIMITS.principals} \\(raise it with --max-principals\\)`,
      ),
    ),
  );
  assert.throws(
    () => parseScenario(text, 'chain.json', { principals: 1000, parts: 2000 }),
    oneLine(new RegExp(`principals nest more than ${MAX_PRINCIPAL_LEVELS} levels deep`)),
  );
});

test('more parts than the limit names the flag that raises it', () => {
  const parts = Array.from({ length: SCENARIO_LIMITS.parts + 1 }, (_, i) => leaf(`p${i}`));
  const text = JSON.stringify({ ...base, parts });
  assert.throws(
    () => parseScenario(text, 'wide.json'),
    oneLine(
      new RegExp(
        `^wide\\.json:1: parts: ${SCENARIO_LIMITS.parts + 1} parts is more than the limit of ${SCENARIO_LIMITS.parts} \\(raise it with --max-parts\\)$`,
      ),
    ),
  );
  assert.equal(
    parseScenario(text, 'wide.json', { parts: parts.length }).principal.parts.length,
    parts.length,
  );
});

test('bounds.samples past 10^6 is refused', () => {
  const text = JSON.stringify({ ...base, parts: [leaf('a')], bounds: { noise: 0.1, samples: 1e12 } });
  assert.throws(() => parseScenario(text, 's.json'), oneLine(/bounds\.samples: .*at most 1,000,000 samples/));
});

test('a sequential scenario whose horizon × states² × actions is too large', () => {
  const states = Array.from({ length: 100 }, (_, i) => `s${i}`);
  const actions = Array.from({ length: 100 }, (_, i) => `a${i}`);
  const text = JSON.stringify({ name: 'big', kind: 'sequential', states, actions, horizon: 1000 });
  assert.throws(
    () => parseAnyScenario(text, 'big.json'),
    oneLine(new RegExp(`horizon: .* more than the limit of ${MAX_SEQUENTIAL_WORK.toLocaleString('en-US')}`)),
  );
});

test('a __proto__ key is refused like any unknown key, wherever it is', () => {
  const cases: [string, object][] = [
    [
      'parts[0].utility.__proto__',
      { ...base, parts: [{ name: 'a', utility: { x: 1, y: 0, __proto__: 2 } }] },
    ],
    ['actions.__proto__', { ...base, actions: { __proto__: 'x', go: 'y' }, parts: [leaf('a')] }],
    [
      'principals.__proto__',
      { ...base, parts: [leaf('a')], principals: { __proto__: { parts: [leaf('b')] } } },
    ],
    [
      'sigma.options.__proto__',
      { ...base, parts: [leaf('a')], sigma: { rule: 'borda', options: { __proto__: 1 } } },
    ],
  ];
  for (const [path, data] of cases) {
    // JSON.stringify of an object literal with __proto__ would set the prototype: write the key by hand.
    const text = JSON.stringify(data).replace('"__proto_x__"', '"__proto__"');
    const raw = text.includes('__proto__') ? text : withProtoKey(data, path);
    assert.throws(
      () => parseScenario(raw, 'p.json'),
      oneLine(
        new RegExp(`^p\\.json:\\d+: ${path.replace(/[.[\]]/g, '\\$&')}: the key "__proto__" is not allowed$`),
      ),
      path,
    );
  }
});

/** The JSON text of `data` with an own "__proto__" key added at `path` (object literals cannot). */
function withProtoKey(data: object, path: string): string {
  const clone = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const segs = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .slice(0, -1);
  let node: Record<string, unknown> = clone;
  for (const s of segs) {
    node[s] ??= {};
    node = node[s] as Record<string, unknown>;
  }
  Object.defineProperty(node, '__proto__', {
    value: 'x',
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return JSON.stringify(clone);
}

test('sulab run: a limit is exit 2 naming its flag; the flag raises it; long names are quoted and cut', () => {
  const dir = tempFiles({
    's.yaml':
      'name: s\noutcomes: [x, y]\nparts:\n  - {name: a, utility: [1, 0]}\n  - {name: b, utility: [0, 1]}\n  - {name: c, utility: [1, 1]}\n',
  });
  const r = sulab(['run', `${dir}/s.yaml`, '--no-report', '--max-parts', '2']);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr,
    `sulab: ${dir}/s.yaml:3: parts: 3 parts is more than the limit of 2 (raise it with --max-parts)\n`,
  );
  assert.equal(sulab(['run', `${dir}/s.yaml`, '--no-report', '--json', '--max-parts', '3']).code, 0);
  const long = sulab(['x'.repeat(5000)]);
  assert.equal(long.code, 2);
  assert.ok(long.stderr.length < 300, long.stderr);
  assert.match(long.stderr, /unknown command "x+…"/);
});
