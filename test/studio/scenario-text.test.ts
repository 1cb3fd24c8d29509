/**
 * The form's edits as edits of the scenario text: each edit changes what it says and nothing
 * else, keeps the file's comments, and leaves a file the loader reads (or names the field).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseScenario } from '../../src/scenario/index.js';
import { studioEvaluate } from '../../src/studio/evaluate.js';
import { checkScenario } from '../../src/studio/validate.js';
import {
  applyEdit,
  freshName,
  NEW_SCENARIO,
  type PartView,
  readView,
} from '../../studio/src/scenario-text.js';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const builtIns = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }))
  .filter((s) => readView(s.text)?.kind === 'one-shot');

/** Every part with a utility row, at any depth. */
function leaves(parts: readonly PartView[]): PartView[] {
  return parts.flatMap((p) => [...(p.utility ? [p] : []), ...leaves(p.parts ?? [])]);
}

const holiday = readFileSync(join(dir, 'holiday.yaml'), 'utf8');

test('the view of a scenario: parts, weights, utilities in outcome order, Σ, readings, noise', () => {
  const v = readView(holiday)!;
  assert.equal(v.kind, 'one-shot');
  assert.equal(v.name, 'holiday');
  assert.deepEqual(v.outcomes, [
    'beach-together',
    'city-together',
    'row-together',
    'break-up-alone',
    'break-up-at-petes',
  ]);
  assert.deepEqual(
    v.parts.map((p) => [p.name, p.weight]),
    [
      ['fear-of-living-alone', 0.3],
      ['attachment-to-partner', 0.2],
      ['prefers-someone-less-egoist', 0.4],
      ['wants-a-nice-holiday', 0.1],
    ],
  );
  assert.deepEqual(v.parts[1].utility, [1, 0.9, 0.6, 0, 0]);
  assert.equal(v.parts[1].utilityList, false);
  assert.equal(v.sigma, 'weighted-utilitarian');
  assert.equal(v.noise, 0.05);
  assert.ok(v.alignments?.includes('parts/delegates'));
  // Nested principals show their own parts, inline or by reference.
  const sydney = readView(readFileSync(join(dir, 'sydney.yaml'), 'utf8'))!;
  assert.deepEqual(sydney.parts[0].partsPath, ['parts', 0, 'parts']);
  assert.ok((sydney.parts[0].parts ?? []).length > 0);
  assert.equal(readView('a: [unclosed'), undefined);
  assert.equal(readView('just text'), undefined);
});

test('property: setting a utility changes that number only, keeps the comments, and the file still loads', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...builtIns),
      fc.nat(),
      fc.nat(),
      fc.double({ min: -5, max: 5, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
      (s, pi, oi, value) => {
        const v = readView(s.text)!;
        const ls = leaves(v.parts);
        const part = ls[pi % ls.length];
        const k = oi % v.outcomes.length;
        const out = applyEdit(s.text, { op: 'utility', part: part.path, outcome: k, value });
        const after = readView(out)!;
        const changed = leaves(after.parts);
        ls.forEach((p, i) => {
          const want = p === part ? p.utility!.map((u, j) => (j === k ? value : u)) : p.utility;
          assert.deepEqual(changed[i].utility, want, `${s.name}: ${p.name}`);
        });
        const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
        assert.deepEqual(comments(out), comments(s.text));
        parseScenario(out, s.name);
      },
    ),
    { numRuns: 60 },
  );
});

test('a utility typed as text goes into the file as text, and the loader names that field', () => {
  const out = applyEdit(holiday, { op: 'utility', part: ['parts', 2], outcome: 1, value: 'abc' });
  const c = checkScenario(out, 'holiday.yaml');
  assert.ok(!c.ok);
  assert.equal(c.error.path, 'parts[2].utility.city-together');
  assert.equal(c.error.message, 'expected a number, got "abc"');
  // Its line is the part's utility line.
  assert.match(out.split('\n')[c.error.line - 1], /city-together: abc/);
});

test('adding a part gives it a fresh name, weight 1 and a utility for every outcome; removing it restores the parts', () => {
  const added = applyEdit(holiday, { op: 'add-part', parts: ['parts'] });
  const v = readView(added)!;
  assert.equal(v.parts.length, 5);
  assert.deepEqual(v.parts[4], {
    path: ['parts', 4],
    name: 'part-5',
    weight: 1,
    utility: [0.5, 0.5, 0.5, 0.5, 0.5],
    utilityList: false,
  });
  const s = parseScenario(added, 'holiday.yaml');
  assert.equal(s.principal.parts.length, 5);
  const removed = applyEdit(added, { op: 'remove-part', part: ['parts', 4] });
  assert.deepEqual(parse(removed), parse(holiday));
  assert.equal(freshName('part', ['part-2', 'part-3']), 'part-4');
  assert.equal(freshName('part', ['part-3', 'x']), 'part-4');
});

test('a part becomes a principal of its own: one member with its utility, and the file still evaluates', () => {
  const nested = applyEdit(holiday, { op: 'nest-part', part: ['parts', 1] });
  const v = readView(nested)!;
  assert.equal(v.parts[1].utility, undefined);
  assert.deepEqual(v.parts[1].partsPath, ['parts', 1, 'parts']);
  assert.deepEqual(
    v.parts[1].parts?.map((p) => [p.name, p.utility]),
    [['attachment-to-partner-1', [1, 0.9, 0.6, 0, 0]]],
  );
  const s = parseScenario(nested, 'holiday.yaml');
  assert.equal(s.principal.parts[1].principal?.parts.length, 1);
  // H now sees that part through its own Σ (its approval of each action), as for any team.
  const after = studioEvaluate(nested, 'h.yaml');
  assert.ok(after.ok && after.kind === 'one-shot');
  assert.deepEqual(
    after.result.parts,
    readView(holiday)!.parts.map((p) => p.name),
  );
  // A member can be added to the new team.
  const two = applyEdit(nested, { op: 'add-part', parts: ['parts', 1, 'parts'] });
  assert.equal(readView(two)!.parts[1].parts?.length, 2);
  parseScenario(two, 'holiday.yaml');
  assert.throws(
    () => applyEdit(nested, { op: 'nest-part', part: ['parts', 1] }),
    /only a part with a utility/,
  );
});

test("own beliefs start as H's world model, change one probability at a time, and are checked by the loader", () => {
  const v = readView(holiday)!;
  assert.deepEqual(v.actions, ['book-beach', 'book-city', 'book-horrible-place']);
  assert.deepEqual(v.world[2], [0, 0, 0.2, 0.8, 0]);
  const on = applyEdit(holiday, { op: 'own-beliefs', part: ['parts', 0], on: true });
  assert.deepEqual(readView(on)!.parts[0].beliefs, v.world);
  // Beliefs equal to H's world model change nothing the readings see.
  const same = (t: string) => {
    const a = studioEvaluate(t, 'h.yaml');
    assert.ok(a.ok && a.kind === 'one-shot');
    return a.result.metrics;
  };
  assert.deepEqual(same(on), same(holiday));
  // One probability moved: the row no longer sums to 1, and the loader says where.
  const moved = applyEdit(on, { op: 'belief', part: ['parts', 0], action: 0, outcome: 4, value: 0.5 });
  const c = checkScenario(moved, 'holiday.yaml');
  assert.ok(!c.ok);
  assert.equal(c.error.path, 'parts[0].beliefs.book-beach');
  assert.match(c.error.message, /probabilities sum to 1\.5, expected 1/);
  // The other half moved too: fear-of-living-alone now believes the beach may end at Pete's.
  const fixed = applyEdit(moved, { op: 'belief', part: ['parts', 0], action: 0, outcome: 0, value: 0.5 });
  assert.deepEqual(readView(fixed)!.parts[0].beliefs?.[0], [0.5, 0, 0, 0, 0.5]);
  const s = parseScenario(fixed, 'holiday.yaml');
  assert.ok(s.principal.parts[0].beliefs);
  // Back to H's world model.
  const off = applyEdit(fixed, { op: 'own-beliefs', part: ['parts', 0], on: false });
  assert.deepEqual(parse(off), parse(holiday));
  // Lists of probabilities are edited in place.
  const list =
    'name: x\noutcomes: [a, b]\nparts:\n  - name: p\n    utility: [1, 0]\n    beliefs: {a: [0.5, 0.5], b: b}\n';
  const t = applyEdit(list, { op: 'belief', part: ['parts', 0], action: 0, outcome: 0, value: 1 });
  const t2 = applyEdit(t, { op: 'belief', part: ['parts', 0], action: 0, outcome: 1, value: 0 });
  assert.deepEqual(readView(t2)!.parts[0].beliefs, [
    [1, 0],
    [0, 1],
  ]);
  const t3 = applyEdit(t2, { op: 'belief', part: ['parts', 0], action: 1, outcome: 0, value: 0.25 });
  assert.deepEqual(readView(t3)!.parts[0].beliefs?.[1], [0.25, 1]);
});

test('weights, names, Σ and noise are set where the file keeps them', () => {
  let t = applyEdit(holiday, { op: 'weight', part: ['parts', 0], value: 0.75 });
  t = applyEdit(t, { op: 'rename-part', part: ['parts', 3], name: 'holiday-itself' });
  t = applyEdit(t, { op: 'sigma', rule: 'borda' });
  t = applyEdit(t, { op: 'noise', value: 0 });
  const s = parseScenario(t, 'holiday.yaml');
  assert.equal(s.principal.state.weights[0], 0.75);
  assert.equal(s.principal.parts[3].name, 'holiday-itself');
  assert.equal(s.principal.sigma.rule, 'borda');
  assert.equal(s.bounds.noise, 0);
  assert.equal(s.bounds.samples, 2000);
});

test('readings toggle on and off; entries with options are kept; no list starts from the defaults', () => {
  const off = applyEdit(holiday, { op: 'reading', id: 'parts/leximin', on: false, defaults: [] });
  assert.ok(!readView(off)!.alignments!.includes('parts/leximin'));
  assert.match(off, /\{ ?id: parts\/delegates, options: \{ ?lotteries: true ?\} ?\}/);
  const on = applyEdit(off, { op: 'reading', id: 'parts/borda', on: true, defaults: [] });
  assert.deepEqual(readView(on)!.alignments!.slice(-1), ['parts/borda']);
  const ids = parseScenario(on, 'h.yaml').alignments.map((a) => a.id);
  assert.ok(ids.includes('parts/borda') && !ids.includes('parts/leximin'));
  const bare = 'name: x\noutcomes: [a, b]\nparts:\n  - {name: p, utility: [1, 0]}\n';
  const t = applyEdit(bare, {
    op: 'reading',
    id: 'whole/learned',
    on: false,
    defaults: ['boundary/approval', 'whole/learned'],
  });
  assert.deepEqual(readView(t)!.alignments, ['boundary/approval']);
});

test('an edit of text that is not YAML is refused with the line', () => {
  assert.throws(() => applyEdit('a: [b\nc: d', { op: 'sigma', rule: 'borda' }), /syntax error \(line \d+\)/);
});

test("meta-preferences and un-bounding rates: written as the loader reads them, emptied parts pruned, comments kept, a team's member renamed leaves meta: alone", () => {
  let t = NEW_SCENARIO;
  const ed = (e: Parameters<typeof applyEdit>[1]) => {
    t = applyEdit(t, e);
  };
  ed({ op: 'meta-share', part: 'part-1', kind: 'target', of: 'part-1', value: 0.7 });
  ed({ op: 'meta-share', part: 'part-1', kind: 'target', of: 'part-2', value: 0.3 });
  ed({ op: 'meta-share', part: 'part-2', kind: 'say', of: 'part-1', value: -1 });
  ed({ op: 'set', at: ['parts', 0, 'rate'], value: 0.5 });
  const s = parseScenario(t, 't.yaml');
  assert.deepEqual(s.meta?.preferences, [
    { part: 'part-1', target: [0.7, 0.3] },
    { part: 'part-2', say: [-1, 0] },
  ]);
  assert.deepEqual(s.rates, { 'part-1': 0.5, 'part-2': 1 });
  const v = readView(t)!;
  assert.deepEqual(v.meta?.preferences, [
    { part: 'part-1', target: { 'part-1': 0.7, 'part-2': 0.3 } },
    { part: 'part-2', say: { 'part-1': -1 } },
  ]);
  assert.equal(v.parts[0].rate, 0.5);

  // The last say of part-2 removed: its preference goes; the meta settings come and go.
  ed({ op: 'meta-share', part: 'part-2', kind: 'say', of: 'part-1', value: undefined });
  assert.deepEqual(Object.keys((parse(t) as { meta: { preferences: object } }).meta.preferences), ['part-1']);
  ed({ op: 'set', at: ['meta', 'distance'], value: 'l2' });
  ed({ op: 'set', at: ['meta', 'rate'], value: 0.25 });
  assert.equal(parseScenario(t, 't.yaml').meta?.distance, 'l2');
  assert.equal(readView(t)!.meta?.rate, 0.25);
  ed({ op: 'set', at: ['meta', 'rate'], value: undefined });
  assert.equal(readView(t)!.meta?.rate, undefined);

  // A member of a team inside H renamed to a name of H's own parts: meta: speaks of H's own parts only.
  ed({ op: 'nest-part', part: ['parts', 0] });
  const before = readView(t)!.meta;
  ed({ op: 'rename-part', part: ['parts', 0, 'parts', 0], name: 'part-2' });
  assert.deepEqual(readView(t)!.meta, before);
  ed({ op: 'meta', on: false });
  assert.equal(readView(t)!.meta, undefined);
  assert.equal(parseScenario(t, 't.yaml').meta, undefined);

  // Comments inside the block survive an edit of it.
  const meta = readFileSync(join(dir, 'meta-fixed-points.yaml'), 'utf8');
  const edited = applyEdit(meta, {
    op: 'meta-share',
    part: 'playful',
    kind: 'say',
    of: 'planner',
    value: 0.2,
  });
  assert.ok(edited.includes('# "The anxious part should have less say."'));
  assert.deepEqual(parseScenario(edited, 't.yaml').meta?.preferences[2].say, [0.2, -0.5, 0]);
});
