/**
 * The form's edits of what H's choice is about: outcomes, actions, the world models (H's shared
 * one under `actions`, the `truth`, a part's `beliefs`, a team's `world`), the candidates, plain
 * settings and options. An outcome or action renamed or removed is renamed or removed everywhere
 * the file names it, so the file keeps meaning what it meant; what cannot follow (a lottery that
 * no longer sums to 1) is left for the loader to point at.
 */
import { type Document, isMap, isScalar, isSeq, type Node, parse, type YAMLMap } from 'yaml';

export type Path = readonly (string | number)[];

/** The ids of the scalars or keys in a list, as text. */
const texts = (n: unknown): string[] =>
  isSeq(n) ? n.items.map((it) => (isScalar(it) ? String(it.value) : '')) : [];

/** A name `base-N` not among `taken`. */
export function freshName(base: string, taken: readonly string[]): string {
  for (let k = taken.length + 1; ; k++) if (!taken.includes(`${base}-${k}`)) return `${base}-${k}`;
}

/** Every part map of the file, at any depth, inline or under `principals`. */
function partMaps(d: Document): YAMLMap[] {
  const out: YAMLMap[] = [];
  const visit = (list: unknown) => {
    if (!isSeq(list)) return;
    for (const p of list.items)
      if (isMap(p)) {
        out.push(p);
        visit(p.get('parts', true));
      }
  };
  visit(d.get('parts', true));
  const defs = d.get('principals', true);
  if (isMap(defs)) for (const it of defs.items) if (isMap(it.value)) visit(it.value.get('parts', true));
  return out;
}

/** Every world model map (action → lottery) of the file: actions, truth, beliefs, teams' worlds. */
function worldMaps(d: Document): YAMLMap[] {
  const out: YAMLMap[] = [];
  for (const key of ['actions', 'truth']) {
    const m = d.get(key, true);
    if (isMap(m)) out.push(m);
  }
  for (const p of partMaps(d))
    for (const key of ['beliefs', 'world']) {
      const m = p.get(key, true);
      if (isMap(m)) out.push(m);
    }
  const defs = d.get('principals', true);
  if (isMap(defs))
    for (const it of defs.items)
      if (isMap(it.value)) {
        const m = it.value.get('world', true);
        if (isMap(m)) out.push(m);
      }
  return out;
}

/** Every lottery of the file (the values of every world model map). */
const lotteries = (d: Document) => worldMaps(d).flatMap((m) => m.items);

export function renameKey(m: YAMLMap, from: string, to: string): void {
  for (const pair of m.items)
    if (isScalar(pair.key) && String(pair.key.value) === from) pair.key.value = to;
    else if (String(pair.key) === from) pair.key = to;
}

/**
 * Writes the actions out as a map when the file leaves them implicit (one sure action per outcome)
 * or lists them, so that one action or one probability can change. The meaning stays the same.
 */
export function materializeActions(d: Document, outcomes: readonly string[]): YAMLMap {
  const now = d.get('actions', true);
  if (isMap(now)) return now;
  const names = isSeq(now) ? texts(now) : outcomes;
  const node = d.createNode(Object.fromEntries(names.map((a) => [a, a])));
  d.set('actions', node);
  return node;
}

/** The names of the actions as the file has them (the outcomes when it names none). */
export function actionNames(d: Document, outcomes: readonly string[]): string[] {
  const now = d.get('actions', true);
  if (isMap(now)) return now.items.map((p) => String(isScalar(p.key) ? p.key.value : p.key));
  if (isSeq(now)) return texts(now);
  return [...outcomes];
}

/** Every map that must name each action: the world models other than `actions` itself. */
function otherWorldMaps(d: Document): YAMLMap[] {
  const actions = d.get('actions', true);
  return worldMaps(d).filter((m) => m !== actions);
}

function editCandidates(d: Document, f: (names: string[]) => string[]): void {
  const c = d.get('candidates', true);
  if (!isSeq(c)) return;
  d.set('candidates', d.createNode(f(texts(c))));
}

export function addOutcome(d: Document, outcomes: readonly string[]): void {
  const name = freshName('outcome', outcomes);
  const implicit = d.get('actions') === undefined;
  d.addIn(['outcomes'], name);
  for (const p of partMaps(d)) {
    const u = p.get('utility', true);
    if (isMap(u)) u.set(name, 0);
    else if (isSeq(u)) u.add(0);
  }
  for (const pair of lotteries(d)) if (isSeq(pair.value)) pair.value.add(0);
  // With implicit actions the new outcome is also a new sure action: every world model needs it.
  if (implicit) for (const m of otherWorldMaps(d)) m.set(name, name);
}

export function renameOutcome(d: Document, outcomes: readonly string[], k: number, to: string): void {
  const from = outcomes[k];
  if (from === undefined || from === to) return;
  const implicit = d.get('actions') === undefined;
  d.setIn(['outcomes', k], to);
  for (const p of partMaps(d)) {
    const u = p.get('utility', true);
    if (isMap(u)) renameKey(u, from, to);
  }
  for (const pair of lotteries(d)) {
    if (isMap(pair.value)) renameKey(pair.value, from, to);
    else if (isScalar(pair.value) && pair.value.value === from) pair.value.value = to;
  }
  const actions = d.get('actions', true);
  if (isSeq(actions)) for (const it of actions.items) if (isScalar(it) && it.value === from) it.value = to;
  if (implicit) {
    for (const m of otherWorldMaps(d)) renameKey(m, from, to);
    editCandidates(d, (c) => c.map((x) => (x === from ? to : x)));
  }
}

export function removeOutcome(d: Document, outcomes: readonly string[], k: number): void {
  const gone = outcomes[k];
  if (gone === undefined) return;
  const implicit = d.get('actions') === undefined;
  d.deleteIn(['outcomes', k]);
  for (const p of partMaps(d)) {
    const u = p.get('utility', true);
    if (isMap(u)) u.delete(gone);
    else if (isSeq(u)) u.delete(k);
  }
  for (const pair of lotteries(d)) {
    if (isMap(pair.value)) pair.value.delete(gone);
    else if (isSeq(pair.value)) pair.value.delete(k);
  }
  if (implicit) {
    for (const m of otherWorldMaps(d)) m.delete(gone);
    editCandidates(d, (c) => c.filter((x) => x !== gone));
  }
}

/** A new action leading surely to the first outcome, in every world model that names actions. */
export function addAction(d: Document, outcomes: readonly string[]): string {
  const actions = materializeActions(d, outcomes);
  const name = freshName('action', actionNames(d, outcomes));
  const sure = outcomes[0] ?? '';
  for (const m of otherWorldMaps(d)) m.set(name, sure);
  actions.set(name, sure);
  return name;
}

export function renameAction(d: Document, outcomes: readonly string[], k: number, to: string): void {
  materializeActions(d, outcomes);
  const from = actionNames(d, outcomes)[k];
  if (from === undefined || from === to) return;
  for (const m of worldMaps(d)) renameKey(m, from, to);
  editCandidates(d, (c) => c.map((x) => (x === from ? to : x)));
}

export function removeAction(d: Document, outcomes: readonly string[], k: number): void {
  materializeActions(d, outcomes);
  const gone = actionNames(d, outcomes)[k];
  if (gone === undefined) return;
  for (const m of worldMaps(d)) m.delete(gone);
  editCandidates(d, (c) => c.filter((x) => x !== gone));
}

/**
 * One probability of one world model (`at`: ['actions'], ['truth'], a part's beliefs or a team's
 * world). A sure outcome written as its name becomes an object, so one probability can change.
 */
export function setProbability(
  d: Document,
  outcomes: readonly string[],
  at: Path,
  action: number,
  outcome: number,
  value: number | string,
): void {
  if (at.length === 1 && at[0] === 'actions') materializeActions(d, outcomes);
  const name = actionNames(d, outcomes)[action] ?? '';
  const row = [...at, name];
  const now = d.getIn(row, true);
  if (isScalar(now) && typeof now.value === 'string') {
    const node = d.createNode({ [now.value]: 1 });
    node.flow = true;
    d.setIn(row, node);
  } else if (now === undefined) {
    const node = d.createNode({});
    node.flow = true;
    d.setIn(row, node);
  }
  const cell = d.getIn(row, true);
  d.setIn([...row, isSeq(cell) ? outcome : outcomes[outcome]], value);
}

/**
 * Gives `at` (the truth, a part's beliefs, a team's world) a world model of its own, starting as
 * the given rows (H's shared world model), or takes it back (`rows` undefined).
 */
export function ownModel(
  d: Document,
  outcomes: readonly string[],
  at: Path,
  rows?: readonly (readonly number[])[],
): void {
  if (!rows) {
    d.deleteIn(at);
    return;
  }
  const names = actionNames(d, outcomes);
  const node = d.createNode(
    Object.fromEntries(
      names.map((a, k) => [
        a,
        Object.fromEntries(outcomes.flatMap((o, j) => ((rows[k]?.[j] ?? 0) > 0 ? [[o, rows[k][j]]] : []))),
      ]),
    ),
  );
  for (const item of node.items) if (isMap(item.value)) item.value.flow = true;
  d.setIn(at, node);
}

/**
 * Whether an action is a candidate behaviour to interpret. With no list (every action is one) the
 * list is written out first; an action put back takes its place in the order of the actions.
 */
export function setCandidate(d: Document, outcomes: readonly string[], action: string, on: boolean): void {
  const names = actionNames(d, outcomes);
  const c = d.get('candidates', true);
  const now = isSeq(c) ? texts(c) : names;
  const next = on
    ? names.filter((a) => a === action || now.includes(a)).concat(now.filter((a) => !names.includes(a)))
    : now.filter((a) => a !== action);
  d.set('candidates', d.createNode(next, { flow: true }));
}

/** A plain value at `at` (a name, a text, a number); undefined or '' removes it (its default). */
export function setValue(d: Document, at: Path, value: string | number | undefined): void {
  if (value !== undefined && value !== '') return void d.setIn(at, value);
  if (d.hasIn(at)) d.deleteIn(at);
  // An object left empty (bounds without samples or noise) goes too: its defaults are the same.
  const parent = at.slice(0, -1);
  const p = parent.length > 0 ? d.getIn(parent, true) : undefined;
  if (isMap(p) && p.items.length === 0) d.deleteIn(parent);
}

/**
 * The options of a Σ (`at` is where it is written: ['sigma'], a team's sigma) or of a reading (an
 * entry of `alignments`), typed as YAML such as `{agenda: [0, 1, 2]}`; empty text removes them.
 * Throws when the text is not a mapping.
 */
export function setOptions(d: Document, at: Path, key: 'rule' | 'id', text: string): void {
  const now = d.getIn(at, true) as Node | undefined;
  const name = isMap(now) ? String(now.get(key)) : isScalar(now) ? String(now.value) : '';
  if (name === '' || name === 'undefined') throw new Error(`nothing at ${at.join('.')} to give options to`);
  let options: unknown;
  try {
    options = text.trim() === '' ? {} : parse(text);
  } catch {
    throw new Error('options are written as {name: value, …}');
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new Error('options are written as {name: value, …}');
  if (Object.keys(options).length === 0) {
    d.setIn(at, name);
    return;
  }
  const node = d.createNode({ [key]: name, options });
  const inner = node.get('options', true);
  if (isMap(inner)) inner.flow = true;
  if (at.length > 1 && at[0] === 'alignments') node.flow = true;
  d.setIn(at, node);
}

/** The options of a Σ or a reading as the form shows them, as a YAML flow mapping ('' for none). */
export function optionsText(x: unknown): string {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return '';
  const o = (x as Record<string, unknown>).options;
  if (typeof o !== 'object' || o === null || Object.keys(o).length === 0) return '';
  const pairs = Object.entries(o).map(
    ([k, v]) =>
      `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'string' ? JSON.stringify(v) : v}`,
  );
  return `{${pairs.join(', ')}}`;
}
