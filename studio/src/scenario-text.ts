/**
 * The scenario as the form sees it, and the form's edits as edits of the scenario's text. The text
 * stays the one source of truth (the YAML editor shows it, the worker evaluates it, a download
 * saves it); each edit goes through the YAML document, so comments and layout survive.
 */
import { type Document, isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import {
  type MetaFormView,
  type MetaKind,
  metaOf,
  removeMetaPart,
  renameMetaPart,
  setMeta,
  setMetaShare,
} from './meta-edits.js';
import {
  addAction,
  addOutcome,
  freshName,
  optionsText,
  ownModel,
  type Path,
  removeAction,
  removeOutcome,
  renameAction,
  renameOutcome,
  setCandidate,
  setOptions,
  setProbability,
  setValue,
} from './world-edits.js';

export { freshName, type MetaFormView, type Path };

/** A world model as the form shows it: one row per action, a cell per outcome (text kept as typed). */
export type Rows = readonly (readonly (number | string | null)[])[];

/** A part as the form shows it: a leaf with utilities, or a principal with parts of its own. */
export interface PartView {
  /** Where the part is in the file, e.g. ['parts', 0] or ['principals', 'company', 'parts', 1]. */
  readonly path: Path;
  readonly name: string;
  /** Its weight as written (undefined: the default 1). */
  readonly weight?: number;
  /** How fast it un-bounds, as written (undefined: the default 1). */
  readonly rate?: number | string;
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
  /** For a team (inline parts): its Σ as written and its options, and its own world model. */
  readonly sigma?: string;
  readonly sigmaOptions?: string;
  readonly world?: Rows;
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
  /** The same as written, text kept (what the form's cells show). */
  readonly worldCells: Rows;
  /** Whether the file writes its actions out (else one sure action per outcome). */
  readonly actionsWritten: boolean;
  /** The true world model, when it differs from H's (`truth`). */
  readonly truth?: Rows;
  readonly parts: readonly PartView[];
  /** H's Σ as written (a rule name), or undefined for the default; its options as YAML. */
  readonly sigma?: string;
  readonly sigmaOptions: string;
  /** The readings' ids as written, or undefined for the defaults; their options as YAML. */
  readonly alignments?: readonly string[];
  readonly alignmentOptions: readonly string[];
  readonly noise: number;
  /** Monte Carlo samples of B(H) under noise, as written (undefined: the default). */
  readonly samples?: number;
  /** The behaviours to interpret, as written (undefined: every action). */
  readonly candidates?: readonly string[];
  readonly essay: string;
  /** Whether the file gives a title (else the name stands for it). */
  readonly titleWritten: boolean;
  /** As written; undefined where the file keeps the default. */
  readonly seed?: number | string;
  readonly epsilon?: number | string;
  readonly neglectThreshold?: number | string;
  /** The parts' meta-preferences over H's weights (`meta:`), when the file has them. */
  readonly meta?: MetaFormView;
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
    if (typeof p.rate === 'number' || typeof p.rate === 'string') view.rate = p.rate;
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
      view.sigma = typeof p.sigma === 'string' ? p.sigma : isObj(p.sigma) ? String(p.sigma.rule) : undefined;
      view.sigmaOptions = optionsText(p.sigma);
      if (isObj(p.world)) {
        const w = p.world;
        view.world = actions.map((a) => lotteryRow(w[a], outcomes));
      }
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
  return viewOf(data);
}

/** What the form shows of a scenario's data (the parsed YAML). */
function viewOf(data: unknown): ScenarioView | undefined {
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
  const worldCells = actions.map((a) => lotteryRow(isObj(acts) ? acts[a] : a, outcomes));
  const world = worldCells.map((row) => row.map((x) => (typeof x === 'number' ? x : 0)));
  const truth = isObj(data.truth) ? data.truth : undefined;
  const setting = (x: unknown) => (typeof x === 'number' || typeof x === 'string' ? x : undefined);
  return {
    kind: data.kind === 'sequential' ? 'sequential' : 'one-shot',
    name: typeof data.name === 'string' ? data.name : 'scenario',
    title: typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : '',
    description: typeof data.description === 'string' ? data.description : '',
    outcomes,
    actions,
    world,
    worldCells,
    actionsWritten: acts !== undefined,
    ...(truth ? { truth: actions.map((a) => lotteryRow(truth[a], outcomes)) } : {}),
    parts: partViews(
      data.parts,
      ['parts'],
      outcomes,
      isObj(data.principals) ? data.principals : {},
      new Set(),
      actions,
    ),
    sigma,
    sigmaOptions: optionsText(data.sigma),
    alignments,
    alignmentOptions: Array.isArray(data.alignments) ? data.alignments.map(optionsText) : [],
    noise: num(bounds.noise) ?? 0,
    ...(num(bounds.samples) !== null ? { samples: bounds.samples as number } : {}),
    ...(Array.isArray(data.candidates) ? { candidates: data.candidates.map(String) } : {}),
    essay: typeof data.essay === 'string' ? data.essay : '',
    titleWritten: typeof data.title === 'string',
    seed: setting(data.seed),
    epsilon: setting(data.epsilon),
    neglectThreshold: setting(data.neglect_threshold),
    ...(isObj(data.meta) ? { meta: metaOf(data.meta) } : {}),
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
  /** H's parts get meta-preferences (an empty `meta:` block), or lose them. */
  | { readonly op: 'meta'; readonly on: boolean }
  /**
   * One number of a part's meta-preference: the share of part `of` it wants (`target`), or how much
   * it wants `of`'s share to grow (`say`); undefined removes it.
   */
  | {
      readonly op: 'meta-share';
      readonly part: string;
      readonly kind: MetaKind;
      readonly of: string;
      readonly value: number | string | undefined;
    }
  | { readonly op: 'sigma'; readonly rule: string }
  | {
      readonly op: 'reading';
      readonly id: string;
      readonly on: boolean;
      readonly defaults: readonly string[];
    }
  | { readonly op: 'noise'; readonly value: number }
  /** One more entry of a reading (a reading can be read with several options), and one entry less. */
  | { readonly op: 'add-reading'; readonly id: string; readonly defaults: readonly string[] }
  | { readonly op: 'remove-reading'; readonly index: number; readonly defaults: readonly string[] }
  | { readonly op: 'add-outcome' }
  | { readonly op: 'rename-outcome'; readonly outcome: number; readonly name: string }
  | { readonly op: 'remove-outcome'; readonly outcome: number }
  | { readonly op: 'add-action' }
  | { readonly op: 'rename-action'; readonly action: number; readonly name: string }
  | { readonly op: 'remove-action'; readonly action: number }
  /** One probability of a world model: ['actions'] (H's), ['truth'], a part's beliefs, a team's world. */
  | {
      readonly op: 'probability';
      readonly model: Path;
      readonly action: number;
      readonly outcome: number;
      readonly value: number | string;
    }
  /** The truth, or a team's world, of its own (starting as H's world model), or back to the default. */
  | { readonly op: 'own-model'; readonly model: Path; readonly on: boolean }
  | { readonly op: 'candidate'; readonly action: string; readonly on: boolean }
  /** A plain value: name, title, description, essay, seed, epsilon, neglect_threshold, bounds.samples, a team's sigma. */
  | { readonly op: 'set'; readonly at: Path; readonly value: string | number | undefined }
  /** The options of a Σ (at ['sigma'] or a team's) or of a reading (at ['alignments', i]), as YAML. */
  | { readonly op: 'options'; readonly at: Path; readonly text: string };

function doc(text: string): Document {
  const d = parseDocument(text);
  if (d.errors.length > 0)
    throw new Error(`the YAML has a syntax error (line ${d.errors[0].linePos?.[0].line ?? '?'})`);
  return d;
}

/** The name of one of H's own parts (the ones `meta:` speaks of) at `path`; else undefined. */
function topPartName(d: Document, path: Path): string | undefined {
  if (path.length !== 2 || path[0] !== 'parts') return undefined;
  const name = d.getIn([...path, 'name']);
  return name === undefined || name === null ? undefined : String(name);
}

/** The scenario text after one edit (comments and layout kept). Throws when the text is not YAML. */
export function applyEdit(text: string, e: Edit): string {
  const d = doc(text);
  const view = viewOf(d.toJS());
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
    case 'remove-part': {
      const name = topPartName(d, e.part);
      d.deleteIn(e.part);
      if (name !== undefined) removeMetaPart(d, name);
      break;
    }
    case 'own-beliefs':
      ownModel(d, outcomes, [...e.part, 'beliefs'], e.on ? (view?.world ?? []) : undefined);
      break;
    case 'belief':
      setProbability(d, outcomes, [...e.part, 'beliefs'], e.action, e.outcome, e.value);
      break;
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
    case 'rename-part': {
      const name = topPartName(d, e.part);
      d.setIn([...e.part, 'name'], e.name);
      if (name !== undefined) renameMetaPart(d, name, e.name);
      break;
    }
    case 'meta':
      setMeta(d, e.on);
      break;
    case 'meta-share':
      setMetaShare(d, e.part, e.kind, e.of, e.value);
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
    case 'add-reading':
    case 'remove-reading': {
      if (!isSeq(d.get('alignments'))) d.set('alignments', d.createNode([...e.defaults]));
      if (e.op === 'add-reading') d.addIn(['alignments'], e.id);
      else d.deleteIn(['alignments', e.index]);
      break;
    }
    case 'add-outcome':
      addOutcome(d, outcomes);
      break;
    case 'rename-outcome':
      renameOutcome(d, outcomes, e.outcome, e.name);
      break;
    case 'remove-outcome':
      removeOutcome(d, outcomes, e.outcome);
      break;
    case 'add-action':
      addAction(d, outcomes);
      break;
    case 'rename-action':
      renameAction(d, outcomes, e.action, e.name);
      break;
    case 'remove-action':
      removeAction(d, outcomes, e.action);
      break;
    case 'probability':
      setProbability(d, outcomes, e.model, e.action, e.outcome, e.value);
      break;
    case 'own-model':
      ownModel(d, outcomes, e.model, e.on ? (view?.world ?? []) : undefined);
      break;
    case 'candidate':
      setCandidate(d, outcomes, e.action, e.on);
      break;
    case 'set':
      setValue(d, e.at, e.value);
      break;
    case 'options': {
      const key = e.at[0] === 'alignments' ? 'id' : 'rule';
      setOptions(d, e.at, key, e.text);
      break;
    }
  }
  return d.toString({ lineWidth: 100, flowCollectionPadding: false });
}

/** What "a new principal" starts from: two outcomes, two parts that disagree about them. */
export const NEW_SCENARIO = `name: new-principal
title: A new principal
outcomes: [outcome-1, outcome-2]
parts:
  - {name: part-1, weight: 1, utility: {outcome-1: 1, outcome-2: 0}}
  - {name: part-2, weight: 1, utility: {outcome-1: 0, outcome-2: 1}}
sigma: weighted-utilitarian
`;
