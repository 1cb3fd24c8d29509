/**
 * The form's edits of the parts' meta-preferences (`meta:`, each part's view of who should have
 * the say over H's weights) and what the form shows of them. A part of H renamed or removed is
 * renamed or removed inside `meta:` too; a target left summing to other than 1 is left for the
 * loader to point at.
 */
import { type Document, isMap, type YAMLMap } from 'yaml';
import { renameKey } from './world-edits.js';

/** The two things a part may say about the weights: the shares it wants, and whose share should grow. */
export type MetaKind = 'target' | 'say';

/** One part's meta-preference as written: part name → number (text kept as typed). */
export interface MetaPreferenceView {
  readonly part: string;
  readonly target?: Readonly<Record<string, number | string>>;
  readonly say?: Readonly<Record<string, number | string>>;
}

/** The `meta:` block as the form shows it; settings undefined where the file keeps the default. */
export interface MetaFormView {
  readonly preferences: readonly MetaPreferenceView[];
  readonly resolution?: number | string;
  readonly distance?: string;
  readonly rate?: number | string;
  readonly starts?: number | string;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const written = (x: unknown): number | string | undefined =>
  typeof x === 'number' || typeof x === 'string' ? x : undefined;

function shares(x: unknown): Record<string, number | string> | undefined {
  if (!isObj(x)) return undefined;
  return Object.fromEntries(
    Object.entries(x).flatMap(([k, v]) =>
      written(v) === undefined ? [] : [[k, written(v) as number | string]],
    ),
  );
}

/** What the form shows of a `meta:` value (the parsed YAML); undefined when it is no mapping. */
export function metaOf(meta: unknown): MetaFormView | undefined {
  if (!isObj(meta)) return undefined;
  const prefs = isObj(meta.preferences) ? meta.preferences : {};
  const distance = written(meta.distance);
  return {
    preferences: Object.entries(prefs).map(([part, p]) => {
      const target = isObj(p) ? shares(p.target) : undefined;
      const say = isObj(p) ? shares(p.say) : undefined;
      return { part, ...(target ? { target } : {}), ...(say ? { say } : {}) };
    }),
    resolution: written(meta.resolution),
    distance: distance === undefined ? undefined : String(distance),
    rate: written(meta.rate),
    starts: written(meta.starts),
  };
}

/** The preferences map of `meta:`, or undefined when the file has none. */
function preferences(d: Document): YAMLMap | undefined {
  const p = d.getIn(['meta', 'preferences'], true);
  return isMap(p) ? p : undefined;
}

/** Drops a part's target or say left empty, and a preference left with neither. */
function prune(prefs: YAMLMap): void {
  for (const pair of prefs.items) {
    const p = pair.value;
    if (!isMap(p)) continue;
    for (const kind of ['target', 'say'] as const) {
      const m = p.get(kind, true);
      if (isMap(m) && m.items.length === 0) p.delete(kind);
    }
  }
  prefs.items = prefs.items.filter((pair) => !isMap(pair.value) || pair.value.items.length > 0);
}

/** Gives H meta-preferences (an empty `meta:` block, every part indifferent) or takes them away. */
export function setMeta(d: Document, on: boolean): void {
  if (!on) {
    if (d.has('meta')) d.delete('meta');
    return;
  }
  if (!isMap(d.get('meta', true))) d.set('meta', d.createNode({ preferences: {} }));
  else if (!preferences(d)) d.setIn(['meta', 'preferences'], d.createNode({}));
}

/**
 * One number of one part's meta-preference: the share of `of` that `part` wants (`target`) or how
 * much it wants `of`'s share to grow (`say`). Undefined or '' removes it (then an empty target,
 * say or preference goes too). Text that is no number is written as text, for the loader.
 */
export function setMetaShare(
  d: Document,
  part: string,
  kind: MetaKind,
  of: string,
  value: number | string | undefined,
): void {
  if (value === undefined || value === '') {
    const prefs = preferences(d);
    const m = prefs?.getIn([part, kind], true);
    if (prefs && isMap(m)) {
      m.delete(of);
      prune(prefs);
    }
    return;
  }
  setMeta(d, true);
  const pref = child(d, preferences(d) as YAMLMap, part);
  child(d, pref, kind).set(of, value);
}

/** The map under `key` of `parent`, written as a new flow map when there is none. */
function child(d: Document, parent: YAMLMap, key: string): YAMLMap {
  const now = parent.get(key, true);
  if (isMap(now)) return now;
  const node = d.createNode({}, { flow: true });
  parent.set(key, node);
  return node;
}

/** A part of H renamed: its own preference and every share that names it follow. */
export function renameMetaPart(d: Document, from: string, to: string): void {
  const prefs = preferences(d);
  if (!prefs || from === to) return;
  renameKey(prefs, from, to);
  for (const pair of prefs.items)
    if (isMap(pair.value))
      for (const kind of ['target', 'say'] as const) {
        const m = pair.value.get(kind, true);
        if (isMap(m)) renameKey(m, from, to);
      }
}

/** A part of H removed: its own preference and every share that names it go. */
export function removeMetaPart(d: Document, gone: string): void {
  const prefs = preferences(d);
  if (!prefs) return;
  prefs.delete(gone);
  for (const pair of prefs.items)
    if (isMap(pair.value))
      for (const kind of ['target', 'say'] as const) {
        const m = pair.value.get(kind, true);
        if (isMap(m)) m.delete(gone);
      }
  prune(prefs);
}
