/**
 * The scenario as the form sees it, and the form's edits as edits of the scenario's text. The text
 * stays the one source of truth (the YAML editor shows it, the worker evaluates it, a download
 * saves it); each edit goes through the YAML document, so comments and layout survive.
 */
import { type Document, isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';

export type Path = readonly (string | number)[];

/** A part as the form shows it: a leaf with utilities, or a principal with parts of its own. */
export interface PartView {
  /** Where the part is in the file, e.g. ['parts', 0] or ['principals', 'company', 'parts', 1]. */
  readonly path: Path;
  readonly name: string;
  /** Its weight as written (undefined: the default 1). */
  readonly weight?: number;
  /** One utility per outcome, in outcome order: a number, text where the file has text, null where it has none. */
  readonly utility?: readonly (number | string | null)[];
  /** Whether the file gives the utility as a list (else as an object outcome → utility). */
  readonly utilityList?: boolean;
  /** Its own beliefs, one row per action of `ScenarioView.actions` (probabilities in outcome order). */
  readonly beliefs?: readonly (readonly (number | string | null)[])[];
  /** Its own parts, when it is a principal (inline, or by reference to `principals`). */
  readonly parts?: readonly PartView[];
  /** The named principal it refers to. */
  readonly ref?: string;
  /** Where its sub-parts list is (for adding a part to it). */
  readonly partsPath?: Path;
}

export interface ScenarioView {
  readonly kind: 'one-shot' | 'sequential';
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly outcomes: readonly string[];
  /** The actions (the outcomes themselves when the file names none). */
  readonly actions: readonly string[];
  /** H's shared world model: one row per action, probabilities in outcome order. */
  readonly world: readonly (readonly number[])[];
  readonly parts: readonly PartView[];
  /** H's Σ as written (a rule name), or undefined for the default. */
  readonly sigma?: string;
  /** The readings' ids as written, or undefined for the defaults. */
  readonly alignments?: readonly string[];
  readonly noise: number;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
/** A utility as the form shows it: text the user typed stays visible until it is fixed. */
const cell = (x: unknown): number | string | null => (typeof x === 'string' ? x : num(x));

/** A lottery as the file writes it (an outcome name, an object outcome → p, a list) in outcome order. */
function lotteryRow(d: unknown, outcomes: readonly string[]): (number | string | null)[] {
  if (typeof d === 'string') return outcomes.map((o) => (o === d ? 1 : 0));
  if (Array.isArray(d)) return outcomes.map((_, k) => cell(d[k]));
  if (isObj(d)) return outcomes.map((o) => (o in d ? cell(d[o]) : 0));
  return outcomes.map(() => null);
}

function partViews(
  list: unknown,
  at: Path,
  outcomes: readonly string[],
  defs: Obj,
  seen: Set<string>,
  actions: readonly string[],
): PartView[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((p, i): PartView[] => {
    if (!isObj(p)) return [];
    const path = [...at, i];
    const view: {
      -readonly [K in keyof PartView]: PartView[K];
    } = { path, name: typeof p.name === 'string' ? p.name : `part ${i + 1}` };
    if (num(p.weight) !== null) view.weight = p.weight as number;
    const u = p.utility;
    if (Array.isArray(u)) {
      view.utility = outcomes.map((_, k) => cell(u[k]));
      view.utilityList = true;
    } else if (isObj(u)) {
      view.utility = outcomes.map((o) => cell(u[o]));
      view.utilityList = false;
    }
    if (isObj(p.beliefs)) {
      const b = p.beliefs;
      view.beliefs = actions.map((a) => lotteryRow(b[a], outcomes));
    }
    if (Array.isArray(p.parts)) {
      view.partsPath = [...path, 'parts'];
      view.parts = partViews(p.parts, view.partsPath, outcomes, defs, seen, actions);
    } else if (typeof p.principal === 'string') {
      const def = defs[p.principal];
      view.ref = p.principal;
      // A reference shows its principal's parts once: a cycle is the loader's error to report.
      if (isObj(def) && !seen.has(p.principal)) {
        view.partsPath = ['principals', p.principal, 'parts'];
        view.parts = partViews(
          def.parts,
          view.partsPath,
          outcomes,
          defs,
          new Set([...seen, p.principal]),
          actions,
        );
      }
    }
    return [view];
  });
}

/** What the form shows of a scenario text; undefined when the text is not YAML or not an object. */
export function readView(text: string): ScenarioView | undefined {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(data)) return undefined;
  const outcomes = Array.isArray(data.outcomes) ? data.outcomes.map(String) : [];
  const sigma =
    typeof data.sigma === 'string' ? data.sigma : isObj(data.sigma) ? String(data.sigma.rule) : undefined;
  const alignments = Array.isArray(data.alignments)
    ? data.alignments.map((a) => (isObj(a) ? String(a.id) : String(a)))
    : undefined;
  const bounds = isObj(data.bounds) ? data.bounds : {};
  const acts = data.actions;
  const actions = isObj(acts) ? Object.keys(acts) : Array.isArray(acts) ? acts.map(String) : outcomes;
  const world = actions.map((a) =>
    lotteryRow(isObj(acts) ? acts[a] : a, outcomes).map((x) => (typeof x === 'number' ? x : 0)),
  );
  return {
    kind: data.kind === 'sequential' ? 'sequential' : 'one-shot',
    name: typeof data.name === 'string' ? data.name : 'scenario',
    title: typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : '',
    description: typeof data.description === 'string' ? data.description : '',
    outcomes,
    actions,
    world,
    parts: partViews(
      data.parts,
      ['parts'],
      outcomes,
      isObj(data.principals) ? data.principals : {},
      new Set(),
      actions,
    ),
    sigma,
    alignments,
    noise: num(bounds.noise) ?? 0,
  };
}

/** One change the form makes. */
export type Edit =
  /** A utility; text that is no number is written as text, for the loader to point at. */
  | { readonly op: 'utility'; readonly part: Path; readonly outcome: number; readonly value: number | string }
  | { readonly op: 'weight'; readonly part: Path; readonly value: number }
  | { readonly op: 'add-part'; readonly parts: Path }
  | { readonly op: 'remove-part'; readonly part: Path }
  /** A part gets beliefs of its own (starting as H's world model), or goes back to H's. */
  | { readonly op: 'own-beliefs'; readonly part: Path; readonly on: boolean }
  /** One probability of a part's own beliefs; text that is no number is written as text. */
  | {
      readonly op: 'belief';
      readonly part: Path;
      readonly action: number;
      readonly outcome: number;
      readonly value: number | string;
    }
  /** A leaf part becomes a principal of its own: one member with the part's utility, Σ weighted-utilitarian. */
  | { readonly op: 'nest-part'; readonly part: Path }
  | { readonly op: 'rename-part'; readonly part: Path; readonly name: string }
  | { readonly op: 'sigma'; readonly rule: string }
  | {
      readonly op: 'reading';
      readonly id: string;
      readonly on: boolean;
      readonly defaults: readonly string[];
    }
  | { readonly op: 'noise'; readonly value: number };

function doc(text: string): Document {
  const d = parseDocument(text);
  if (d.errors.length > 0)
    throw new Error(`the YAML has a syntax error (line ${d.errors[0].linePos?.[0].line ?? '?'})`);
  return d;
}

/** A name `base-N` not among `taken`. */
export function freshName(base: string, taken: readonly string[]): string {
  for (let k = taken.length + 1; ; k++) if (!taken.includes(`${base}-${k}`)) return `${base}-${k}`;
}

/** The scenario text after one edit (comments and layout kept). Throws when the text is not YAML. */
export function applyEdit(text: string, e: Edit): string {
  const d = doc(text);
  const view = readView(text);
  const outcomes = view?.outcomes ?? [];
  switch (e.op) {
    case 'utility': {
      const u = d.getIn([...e.part, 'utility']);
      const key = isSeq(u) ? e.outcome : outcomes[e.outcome];
      d.setIn([...e.part, 'utility', key], e.value);
      break;
    }
    case 'weight':
      d.setIn([...e.part, 'weight'], e.value);
      break;
    case 'add-part': {
      const list = d.getIn(e.parts);
      const taken = isSeq(list) ? list.items.map((p) => (isMap(p) ? String(p.get('name')) : '')) : [];
      const node = d.createNode({
        name: freshName('part', taken),
        weight: 1,
        utility: Object.fromEntries(outcomes.map((o) => [o, 0.5])),
      });
      const utility = node.get('utility', true);
      if (isMap(utility)) utility.flow = true;
      d.addIn(e.parts, node);
      break;
    }
    case 'remove-part':
      d.deleteIn(e.part);
      break;
    case 'own-beliefs': {
      if (!e.on) {
        d.deleteIn([...e.part, 'beliefs']);
        break;
      }
      const rows = Object.fromEntries(
        (view?.actions ?? []).map((a, k) => [
          a,
          Object.fromEntries(
            outcomes.flatMap((o, j) => ((view?.world[k][j] ?? 0) > 0 ? [[o, view?.world[k][j]]] : [])),
          ),
        ]),
      );
      const node = d.createNode(rows);
      for (const item of node.items) if (isMap(item.value)) item.value.flow = true;
      d.setIn([...e.part, 'beliefs'], node);
      break;
    }
    case 'belief': {
      const action = view?.actions[e.action] ?? '';
      const at = [...e.part, 'beliefs', action];
      const row = d.getIn(at, true);
      // A sure outcome written as its name becomes an object, so one probability can change.
      if (isScalar(row) && typeof row.value === 'string') {
        const node = d.createNode({ [row.value]: 1 });
        node.flow = true;
        d.setIn(at, node);
      }
      const now = d.getIn(at, true);
      d.setIn([...at, isSeq(now) ? e.outcome : outcomes[e.outcome]], e.value);
      break;
    }
    case 'nest-part': {
      const part = d.getIn(e.part);
      if (!isMap(part) || !part.has('utility'))
        throw new Error('only a part with a utility can become a principal');
      const name = String(part.get('name'));
      const member = d.createNode({ name: `${name}-1`, utility: part.get('utility') });
      const parts = d.createNode([member]);
      part.delete('utility');
      part.set('sigma', 'weighted-utilitarian');
      part.set('parts', parts);
      break;
    }
    case 'rename-part':
      d.setIn([...e.part, 'name'], e.name);
      break;
    case 'sigma':
      d.set('sigma', e.rule);
      break;
    case 'reading': {
      const current = d.get('alignments');
      if (!isSeq(current)) {
        // No list yet: the defaults are what H is read with; write them out, then toggle.
        const ids = e.defaults.filter((id) => id !== e.id);
        d.set('alignments', d.createNode(e.on ? [...ids, e.id] : ids));
        break;
      }
      // Entries with options are kept as written; only the toggled id is added or removed.
      const idOf = (it: unknown) => (isMap(it) ? String(it.get('id')) : isScalar(it) ? String(it.value) : '');
      current.items = current.items.filter((it) => idOf(it) !== e.id);
      if (e.on) current.items.push(d.createNode(e.id));
      break;
    }
    case 'noise':
      d.setIn(['bounds', 'noise'], e.value);
      break;
  }
  return d.toString({ lineWidth: 100, flowCollectionPadding: false });
}
