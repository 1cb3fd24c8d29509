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
const FORM_LACKS = ['meta-fixed-points.yaml', 'unbounding-rates.yaml'];
const builtIns = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))
  .filter((s) => readView(s.text)?.kind === 'one-shot')
  // The form has no controls yet for meta-preferences (`meta:`) and un-bounding rates (`rate:`):
  // those two files are edited as YAML beside the form.
  .filter((s) => !FORM_LACKS.includes(s.name));

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
