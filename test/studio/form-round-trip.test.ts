/**
 * The form covers the whole one-shot scenario: starting from "a new principal", the form's own
 * edits (the ones its controls send) rebuild every built-in one-shot scenario, and the loader reads
 * the result as the same scenario as the built-in file. Outcomes and actions renamed or removed
 * are renamed or removed everywhere the file names them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { DEFAULT_ALIGNMENTS, parseScenario } from '../../src/scenario/index.js';
import { applyEdit, type Edit, NEW_SCENARIO, type Path, readView } from '../../studio/src/scenario-text.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const builtIns = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))
  .filter((s) => readView(s.text)?.kind === 'one-shot');

/** The scenario as loaded, without where each piece was written (lines differ, meaning does not). */
function loaded(text: string): unknown {
  const strip = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(strip)
      : isObj(x)
        ? Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (k === 'where' ? [] : [[k, strip(v)]])))
        : x;
  return strip(JSON.parse(JSON.stringify(parseScenario(text, 'scenario.yaml'))));
}

/** Probability of outcome j in a lottery as a file writes it. */
function prob(d: unknown, outcomes: readonly string[], j: number): number {
  if (typeof d === 'string') return d === outcomes[j] ? 1 : 0;
  if (Array.isArray(d)) return Number(d[j] ?? 0);
  if (isObj(d)) return Number(d[outcomes[j]] ?? 0);
  return 0;
}

/** What a user does in the form to rebuild the file's data from a new principal. */
function rebuild(target: Obj): string {
  let text = NEW_SCENARIO;
  const ed = (e: Edit) => {
    text = applyEdit(text, e);
  };
  const view = () => {
    const v = readView(text);
    assert.ok(v, text);
    return v;
  };
  for (const key of ['name', 'title', 'description', 'essay'])
    ed({ op: 'set', at: [key], value: target[key] as string | undefined });

  const outcomes = target.outcomes as string[];
  while (view().outcomes.length < outcomes.length) ed({ op: 'add-outcome' });
  while (view().outcomes.length > outcomes.length)
    ed({ op: 'remove-outcome', outcome: view().outcomes.length - 1 });
  for (const [k, o] of outcomes.entries()) ed({ op: 'rename-outcome', outcome: k, name: o });

  // Only the cells that differ from what the form shows are typed in, as a user would.
  const model = (at: Path, m: unknown) => {
    const rows = Array.isArray(m) ? m.map((a) => [String(a), a] as const) : Object.entries(m as Obj);
    const now = valueAt(text, at) ?? valueAt(text, ['actions']);
    view().actions.forEach((a, k) => {
      const want = rows.find(([name]) => name === a)?.[1];
      const have = isObj(now) ? now[a] : a;
      outcomes.forEach((_, j) => {
        const x = prob(want, outcomes, j);
        if (x !== prob(have, outcomes, j))
          ed({ op: 'probability', model: at, action: k, outcome: j, value: x });
      });
    });
  };
  const acts = target.actions;
  if (acts !== undefined) {
    const names = Array.isArray(acts) ? acts.map(String) : Object.keys(acts as Obj);
    ed({ op: 'add-action' });
    for (let k = view().actions.length - 2; k >= 0; k--) ed({ op: 'remove-action', action: k });
    while (view().actions.length < names.length) ed({ op: 'add-action' });
    for (const [k, a] of names.entries()) ed({ op: 'rename-action', action: k, name: a });
    model(['actions'], acts);
  }
  if (target.truth !== undefined) {
    ed({ op: 'own-model', model: ['truth'], on: true });
    model(['truth'], target.truth);
  }

  const sigma = (at: Path, s: unknown) => {
    if (s === undefined) return;
    ed({ op: 'set', at, value: isObj(s) ? String(s.rule) : String(s) });
    if (isObj(s) && s.options) ed({ op: 'options', at, text: JSON.stringify(s.options) });
  };
  const addParts = (list: Path, parts: Obj[]) => {
    const before = countAt(text, list);
    parts.forEach((p, i) => {
      ed({ op: 'add-part', parts: list });
      const path = [...list, before + i];
      ed({ op: 'rename-part', part: path, name: String(p.name) });
      if (p.weight !== undefined) ed({ op: 'weight', part: path, value: Number(p.weight) });
      if (p.rate !== undefined) ed({ op: 'set', at: [...path, 'rate'], value: Number(p.rate) });
      if (Array.isArray(p.parts)) {
        ed({ op: 'nest-part', part: path });
        addParts([...path, 'parts'], p.parts as Obj[]);
        ed({ op: 'remove-part', part: [...path, 'parts', 0] });
        sigma([...path, 'sigma'], p.sigma);
        if (p.world !== undefined) {
          ed({ op: 'own-model', model: [...path, 'world'], on: true });
          model([...path, 'world'], p.world);
        }
        return;
      }
      const u = p.utility;
      outcomes.forEach((o, j) => {
        const x = Array.isArray(u) ? Number(u[j]) : Number((u as Obj)[o]);
        if (x !== 0.5) ed({ op: 'utility', part: path, outcome: j, value: x });
      });
      if (p.beliefs !== undefined) {
        ed({ op: 'own-beliefs', part: path, on: true });
        model([...path, 'beliefs'], p.beliefs);
      }
    });
  };
  const blank = countAt(text, ['parts']);
  addParts(['parts'], target.parts as Obj[]);
  for (let k = 0; k < blank; k++) ed({ op: 'remove-part', part: ['parts', 0] });

  if (isObj(target.meta)) {
    const meta = target.meta;
    ed({ op: 'meta', on: true });
    for (const [part, pref] of Object.entries((meta.preferences ?? {}) as Obj))
      for (const kind of ['target', 'say'] as const)
        for (const [of, x] of Object.entries(((pref as Obj)[kind] ?? {}) as Obj))
          ed({ op: 'meta-share', part, kind, of, value: Number(x) });
    for (const key of ['resolution', 'distance', 'rate', 'starts'])
      ed({ op: 'set', at: ['meta', key], value: meta[key] as string | number | undefined });
  }

  sigma(['sigma'], target.sigma);
  const bounds = (target.bounds ?? {}) as Obj;
  if (bounds.noise !== undefined) ed({ op: 'noise', value: Number(bounds.noise) });
  ed({ op: 'set', at: ['bounds', 'samples'], value: bounds.samples as number | undefined });
  for (const key of ['seed', 'epsilon', 'neglect_threshold'])
    ed({ op: 'set', at: [key], value: target[key] as number | undefined });

  if (Array.isArray(target.alignments)) {
    const entries = target.alignments.map((a): Obj => (isObj(a) ? a : { id: a }));
    const ids = entries.map((a) => String(a.id));
    const reading = (id: string, on: boolean) => ed({ op: 'reading', id, on, defaults: DEFAULT_ALIGNMENTS });
    reading(ids[0], true);
    for (const id of view().alignments ?? []) if (id !== ids[0]) reading(id, false);
    for (const id of ids.slice(1)) ed({ op: 'add-reading', id, defaults: DEFAULT_ALIGNMENTS });
    entries.forEach((a, i) => {
      if (a.options) ed({ op: 'options', at: ['alignments', i], text: JSON.stringify(a.options) });
    });
  }
  if (Array.isArray(target.candidates))
    for (const a of view().actions)
      if (!target.candidates.includes(a)) ed({ op: 'candidate', action: a, on: false });
  return text;
}

function valueAt(text: string, at: Path): unknown {
  let x: unknown = parse(text);
  for (const k of at)
    x = isObj(x) || Array.isArray(x) ? (x as Record<string | number, unknown>)[k] : undefined;
  return x;
}

function countAt(text: string, at: Path): number {
  const x = valueAt(text, at);
  return Array.isArray(x) ? x.length : 0;
}

test('the form rebuilds every built-in one-shot scenario: the loader reads the same scenario', () => {
  assert.ok(builtIns.length >= 10);
  for (const b of builtIns) {
    const text = rebuild(parse(b.text) as Obj);
    assert.deepEqual(loaded(text), loaded(b.text), `${b.name}:\n${text}`);
  }
});

test('property: an outcome or an action renamed is renamed everywhere (the file still loads, and renaming back restores it)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...builtIns),
      fc.boolean(),
      fc.nat(20),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      (b, outcome, pick, fresh) => {
        const v = readView(b.text)!;
        const names = outcome ? v.outcomes : v.actions;
        const k = pick % names.length;
        const to = `${fresh}-renamed`;
        const rename = (text: string, name: string): string =>
          applyEdit(
            text,
            outcome ? { op: 'rename-outcome', outcome: k, name } : { op: 'rename-action', action: k, name },
          );
        const renamed = rename(b.text, to);
        const s = parseScenario(renamed, 'scenario.yaml');
        const list = outcome ? s.principal.outcomes : s.principal.actions;
        assert.equal(list[k], to);
        assert.deepEqual(loaded(rename(renamed, names[k])), loaded(b.text));
      },
    ),
    { numRuns: 12 },
  );
});

test('property: a removed outcome is gone from every utility and lottery, a removed action from every world model and the candidates; an added action loads', () => {
  fc.assert(
    fc.property(fc.constantFrom(...builtIns), fc.boolean(), fc.nat(20), (b, outcome, pick) => {
      const v = readView(b.text)!;
      const names = outcome ? v.outcomes : v.actions;
      const k = pick % names.length;
      const gone = names[k];
      const text = applyEdit(
        b.text,
        outcome ? { op: 'remove-outcome', outcome: k } : { op: 'remove-action', action: k },
      );
      const data = parse(text) as Obj;
      const parts = (list: unknown): Obj[] =>
        Array.isArray(list) ? list.flatMap((p: Obj) => [p, ...parts(p.parts)]) : [];
      const models = [data.actions, data.truth, ...parts(data.parts).flatMap((p) => [p.beliefs, p.world])];
      if (outcome) {
        // No utility and no lottery written as probabilities names it any more, and lists are one
        // shorter; a sure lottery on it (`act: gone`) is left for the loader to point at.
        const n = (data.outcomes as string[]).length;
        for (const p of parts(data.parts))
          assert.ok(
            p.utility === undefined ||
              (Array.isArray(p.utility) ? p.utility.length === n : !(gone in (p.utility as Obj))),
          );
        for (const m of models)
          for (const row of isObj(m) ? Object.values(m) : [])
            assert.ok(Array.isArray(row) ? row.length === n : !isObj(row) || !(gone in row), text);
      } else {
        // No world model has a row for it, and it is no candidate.
        for (const m of models)
          assert.ok(!isObj(m) || !(gone in m), `${b.name}: ${gone} is still in\n${text}`);
        assert.ok(!Array.isArray(data.candidates) || !data.candidates.includes(gone));
      }
      const after = readView(text)!;
      assert.equal((outcome ? after.outcomes : after.actions).length, names.length - 1);
      // A new action is a sure one in every world model: the file still loads.
      parseScenario(applyEdit(b.text, { op: 'add-action' }), 'scenario.yaml');
    }),
    { numRuns: 15 },
  );
});

/**
 * Meta-preferences over a scenario's own parts, written with the form's edits: part i's target
 * has integer weights (its own share at least 1) normalized to sum to 1; a say where `cells` says so.
 */
function withMeta(text: string, cells: readonly (readonly [number, number, boolean])[]): string {
  const names = readView(text)!.parts.map((p) => p.name);
  let t = applyEdit(applyEdit(text, { op: 'meta', on: false }), { op: 'meta', on: true });
  names.forEach((part, i) => {
    const c = names.map((_, j) => cells[(i * names.length + j) % cells.length]);
    const ws = c.map(([w], j) => w + (i === j ? 1 : 0));
    const total = ws.reduce((a, x) => a + x, 0);
    names.forEach((of, j) => {
      if (ws[j] > 0) t = applyEdit(t, { op: 'meta-share', part, kind: 'target', of, value: ws[j] / total });
      if (c[j][2]) t = applyEdit(t, { op: 'meta-share', part, kind: 'say', of, value: c[j][1] });
    });
  });
  return t;
}

test("property: a part of H renamed or removed is renamed or removed inside meta: (renaming back restores the file's meaning)", () => {
  const cell = fc.tuple(fc.nat(3), fc.integer({ min: -2, max: 2 }), fc.boolean());
  fc.assert(
    fc.property(
      fc.constantFrom(...builtIns),
      fc.array(cell, { minLength: 1, maxLength: 9 }),
      fc.nat(20),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      (b, cells, pick, fresh) => {
        const text = withMeta(b.text, cells);
        const before = parseScenario(text, 'scenario.yaml');
        const names = readView(text)!.parts.map((p) => p.name);
        assert.ok(before.meta && before.meta.preferences.length === names.length);
        const k = pick % names.length;
        const from = names[k];
        const to = `${fresh}-renamed`;
        const rename = (t: string, name: string) =>
          applyEdit(t, { op: 'rename-part', part: ['parts', k], name });

        // Renamed: the loader reads the same preferences under the new name, and back again.
        const renamed = rename(text, to);
        const after = parseScenario(renamed, 'scenario.yaml');
        assert.deepEqual(
          after.meta?.parts,
          before.meta?.parts.map((n) => (n === from ? to : n)),
        );
        assert.deepEqual(
          after.meta?.preferences.map((p) => p.part),
          before.meta?.preferences.map((p) => (p.part === from ? to : p.part)),
        );
        assert.deepEqual(
          after.meta?.preferences.map((p) => [p.target, p.say]),
          before.meta?.preferences.map((p) => [p.target, p.say]),
        );
        assert.deepEqual(loaded(rename(renamed, from)), loaded(text));

        // Removed: no preference and no share names it; every other share is as it was.
        const removed = readView(applyEdit(text, { op: 'remove-part', part: ['parts', k] }))!;
        const was = readView(text)!.meta!.preferences;
        const without = (m: Readonly<Record<string, unknown>> | undefined) => {
          const rest = Object.entries(m ?? {}).filter(([n]) => n !== from);
          return rest.length > 0 ? Object.fromEntries(rest) : undefined;
        };
        const expected = was
          .filter((p) => p.part !== from)
          .map((p) => ({ part: p.part, target: without(p.target), say: without(p.say) }))
          .filter((p) => p.target || p.say);
        assert.deepEqual(
          removed.meta?.preferences.map((p) => ({ part: p.part, target: p.target, say: p.say })),
          expected,
        );
      },
    ),
    { numRuns: 12 },
  );
});
