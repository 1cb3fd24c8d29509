/**
 * What the studio's worker computes: the same answer as `sulab run`, the loader's mistakes as
 * data (file, line, path), and Σ compared across rules on hand-worked parts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { buildContext } from '../../src/align/context.js';
import { parseScenario } from '../../src/scenario/index.js';
import { rules } from '../../src/sigma/registry.js';
import { catalog, studioEvaluate } from '../../src/studio/evaluate.js';
import { gridResolution, metaAnswer } from '../../src/studio/meta.js';
import { compareSigma } from '../../src/studio/sigma-compare.js';
import { checkScenario } from '../../src/studio/validate.js';
import { sulab } from '../cli/helpers.js';

const root = join(import.meta.dirname, '..', '..');
const read = (name: string) => readFileSync(join(root, 'scenarios', `${name}.yaml`), 'utf8');

test('the studio reads scenarios exactly as `sulab run --json` does (one-shot and sequential)', () => {
  const files = ['holiday', 'coin-bet'].map((n) => join(root, 'scenarios', `${n}.yaml`));
  const cli = sulab(['run', ...files, '--json', '--no-report']);
  assert.equal(cli.code, 0, cli.stderr);
  const [oneShot, sequential] = JSON.parse(cli.stdout);
  const a = studioEvaluate(readFileSync(files[0], 'utf8'), files[0]);
  assert.ok(a.ok && a.kind === 'one-shot');
  // The CLI's JSON printer adds one derived field per reading (report/scenario-report.ts).
  for (const r of oneShot.alignments) {
    assert.equal(typeof r.overrides_behaviour, 'boolean');
    delete r.overrides_behaviour;
  }
  assert.deepEqual(JSON.parse(JSON.stringify(a.result)), oneShot);
  const b = studioEvaluate(readFileSync(files[1], 'utf8'), files[1]);
  assert.ok(b.ok && b.kind === 'sequential');
  assert.deepEqual(JSON.parse(JSON.stringify(b.result)), sequential);
});

test('every built-in scenario evaluates (one-shot) or is recognized as sequential', () => {
  for (const name of ['committee-cycle', 'sydney', 'spurious-unanimity', 'productivity']) {
    const a = studioEvaluate(read(name), `${name}.yaml`);
    assert.ok(a.ok, name);
    if (name === 'productivity') assert.equal(a.kind, 'sequential');
    else {
      assert.equal(a.kind, 'one-shot');
      if (a.kind === 'one-shot') {
        assert.equal(a.sigma.length, rules.length);
        assert.equal(a.sigma.filter((r) => r.own).length, 1, `${name}: H's own Σ is one row`);
      }
    }
  }
});

test('mistakes come back as file, line, path and message, as the CLI prints them', () => {
  const cases: [string, Omit<ReturnType<typeof errorOf>, 'text'>][] = [
    [
      'name: x\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, "x"]}\n',
      { file: 's.yaml', line: 4, path: 'parts[0].utility[1]', message: 'expected a number, got "x"' },
    ],
    [
      'name: x\noutcomes: [a, b]\nparts:\n  - name: p\n    weight: -1\n    utility: [1, 0]\n',
      { file: 's.yaml', line: 5, path: 'parts[0].weight', message: 'expected a non-negative weight, got -1' },
    ],
    [
      'name: x\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, 0]}\nsigma: bordaa\n',
      { file: 's.yaml', line: 5, path: 'sigma', message: 'unknown method "bordaa"; did you mean borda?' },
    ],
    [
      'name: x\noutcomes: [a, b\n',
      { file: 's.yaml', line: 3, path: '', message: errorOf('name: x\noutcomes: [a, b\n').message },
    ],
  ];
  for (const [text, want] of cases) {
    const e = errorOf(text);
    assert.deepEqual({ ...e, text: undefined }, { ...want, text: undefined });
    assert.equal(e.text, `${e.file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}`);
  }
});

function errorOf(text: string) {
  const c = checkScenario(text, 's.yaml');
  assert.ok(!c.ok, 'expected a mistake');
  return c.error;
}

test('property: a utility that is no number is reported at its own path and line', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('"abc"', 'null', 'true', '[1]'),
      (n, m, pi, oi, bad) => {
        const i = pi % n;
        const k = oi % m;
        const outcomes = Array.from({ length: m }, (_, j) => `o${j}`);
        const lines = ['name: p', `outcomes: [${outcomes.join(', ')}]`, 'parts:'];
        for (let q = 0; q < n; q++) {
          const u = outcomes.map((_, j) => (q === i && j === k ? bad : String((q + j) % 3)));
          lines.push(`  - name: part-${q}`, `    utility: [${u.join(', ')}]`);
        }
        const e = errorOf(`${lines.join('\n')}\n`);
        assert.equal(e.path, `parts[${i}].utility[${k}]`);
        assert.equal(e.line, 5 + 2 * i);
      },
    ),
    { numRuns: 40 },
  );
});

// Hand-worked: three parts, the actions are the outcomes.
//   p1 (0.40): a 1, b 0.6, c 0     weighted sum: a 0.40, b 0.665, c 0.55 → b
//   p2 (0.35): a 0, b 0.5, c 1     plurality (weighted first places): a 0.40, c 0.35, b 0.25 → a
//   p3 (0.25): a 0, b 1,   c 0.8   leximin (normalized): min a 0, b 0.5, c 0 → b
const HAND = `name: hand
outcomes: [a, b, c]
parts:
  - {name: p1, weight: 0.4, utility: [1, 0.6, 0]}
  - {name: p2, weight: 0.35, utility: [0, 0.5, 1]}
  - {name: p3, weight: 0.25, utility: [0, 1, 0.8]}
sigma: weighted-utilitarian
`;

test('Σ compared across rules: hand-worked picks, welfare and worst-off parts', () => {
  const rows = compareSigma(buildContext(parseScenario(HAND, 'hand.yaml')));
  const row = (rule: string) => rows.find((r) => r.rule === rule)!;
  assert.deepEqual(row('weighted-utilitarian').picks, ['b']);
  assert.equal(row('weighted-utilitarian').own, true);
  assert.equal(row('weighted-utilitarian').agreesWithH, true);
  assert.deepEqual(row('weighted-utilitarian').welfare, { p1: 0.6, p2: 0.5, p3: 1 });
  assert.equal(row('weighted-utilitarian').worstOff, 'p2');
  assert.deepEqual(row('plurality').picks, ['a']);
  assert.equal(row('plurality').own, false);
  assert.equal(row('plurality').agreesWithH, false);
  assert.deepEqual(row('plurality').welfare, { p1: 1, p2: 0, p3: 0 });
  assert.equal(row('plurality').worstOff, 'p2');
  assert.deepEqual(row('leximin').picks, ['b']);
  assert.equal(row('leximin').agreesWithH, true);
  assert.equal(rows.filter((r) => r.own).length, 1);
});

test('property: every Σ row is a lottery over actions, welfare in [0, 1], the worst-off part the lowest', () => {
  const few = rules.filter((r) =>
    [
      'plurality',
      'borda',
      'weighted-utilitarian',
      'nash-bargaining',
      'random-dictatorship',
      'copeland',
    ].includes(r.name),
  );
  assert.equal(few.length, 6);
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 4 }),
      fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }),
      (m, us, ws) => {
        const outcomes = Array.from({ length: m }, (_, j) => `o${j}`);
        const parts = us.map(
          (u, i) => `  - {name: p${i}, weight: ${ws[i]}, utility: [${u.slice(0, m).join(', ')}]}`,
        );
        const text = `name: r\noutcomes: [${outcomes.join(', ')}]\nparts:\n${parts.join('\n')}\n`;
        const rows = compareSigma(buildContext(parseScenario(text, 'r.yaml')), few);
        for (const r of rows) {
          if (r.error) continue;
          const total = Object.values(r.lottery ?? {}).reduce((s, q) => s + q, 0);
          assert.ok(Math.abs(total - 1) < 1e-9, `${r.rule}: lottery sums to ${total}`);
          assert.deepEqual(Object.keys(r.lottery ?? {}), r.picks);
          const w = Object.values(r.welfare ?? {});
          for (const x of w) assert.ok(x >= -1e-12 && x <= 1 + 1e-12);
          if (r.worstOff !== null) assert.equal(r.welfare?.[r.worstOff!], Math.min(...w));
          if (r.own) assert.equal(r.agreesWithH, true);
        }
      },
    ),
    { numRuns: 25 },
  );
});

test('the catalog lists every Σ rule and every fixed reading of the registries', () => {
  const c = catalog();
  assert.deepEqual(
    c.sigma.map((s) => s.id),
    rules.map((r) => r.name),
  );
  assert.ok(c.readings.some((r) => r.id === 'boundary/approval'));
  assert.ok(c.readings.every((r) => r.title.length > 0 && r.description.length > 0));
});

test('meta-preferences: the published example (planner, impulse, conscience) gives its two fixed points', () => {
  const text = `name: meta
outcomes: [a, b]
parts:
  - {name: planner, utility: [1, 0]}
  - {name: impulse, utility: [0, 1]}
  - {name: conscience, utility: [1, 1]}
seed: 1
`;
  const targets = [
    [0.6, 0.1, 0.3],
    [0.2, 0.7, 0.1],
    [0.5, 0, 0.5],
  ];
  // dynamics/meta/builtins.ts: 400 starts, seed 1 — planner's ideal 79% (316), impulse's 21% (84), both strict.
  const a = studioEvaluate(text, 'meta.yaml', { targets, starts: 400 });
  assert.ok(a.ok && a.kind === 'one-shot' && a.meta && !('error' in a.meta));
  const m = a.meta;
  assert.deepEqual(
    m.fixedPoints.map((f) => [f.idealOf, f.count, f.strict]),
    [
      ['planner', 316, true],
      ['impulse', 84, true],
    ],
  );
  assert.deepEqual(
    m.fixedPoints[0].weights.map((x) => Math.round(x * 10) / 10),
    [0.6, 0.1, 0.3],
  );
  assert.equal(m.cycles, 0);
  assert.equal(m.runs.length, 400);
  assert.equal(m.runs.filter((r) => r.end === 1).length, 84);
  assert.equal(m.sigma, 'weighted-utilitarian');
  // An ordinal Σ of H is not run over every candidate weight vector: weighted-utilitarian stands in,
  // unless the page names the rule.
  const borda = studioEvaluate(`${text}sigma: borda\n`, 'meta.yaml', { targets, starts: 20 });
  assert.ok(borda.ok && borda.kind === 'one-shot' && borda.meta && !('error' in borda.meta));
  assert.equal(borda.meta.sigma, 'weighted-utilitarian');
  const nash = studioEvaluate(text, 'meta.yaml', { targets, starts: 20, sigma: 'nash-bargaining' });
  assert.ok(nash.ok && nash.kind === 'one-shot' && nash.meta && !('error' in nash.meta));
  assert.equal(nash.meta.sigma, 'nash-bargaining');
  // A target that is no weight vector is the dynamics' own one-line error, not a failure.
  const bad = studioEvaluate(text, 'meta.yaml', {
    targets: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ],
  });
  assert.ok(bad.ok && bad.kind === 'one-shot' && bad.meta && 'error' in bad.meta);
  assert.match(bad.meta.error, /^meta\.targets\[2\]: /);
});

test('meta-preferences: the candidate grid is the finest in tenths or coarser that keeps ≤ 150 weight vectors', () => {
  // C(r + n − 1, n − 1) vectors: n = 3 at tenths is 66; n = 4 needs sevenths (120; tenths would be 286).
  assert.deepEqual(
    [2, 3, 4, 5, 8].map((n) => gridResolution(n)),
    [10, 10, 7, 5, 3],
  );
  const parts = Array.from({ length: 9 }, (_, i) => `p${i}`);
  assert.throws(
    () =>
      metaAnswer(
        parts,
        { rule: 'weighted-utilitarian' },
        { targets: parts.map(() => parts.map(() => 1)) },
        1,
      ),
    /at most 8 parts, H has 9/,
  );
});
