/**
 * The one-shot scenario's readings and candidates, checked against the registries: each
 * `alignments` entry names an operationalization f (or `parts/<rule>`) whose options are checked
 * as a rule's are, per-part options have one entry per part, no entry is repeated; `candidates`
 * name actions. Problems are reported through `add`, like the rest of the loader's third pass.
 *
 * Pure: no Node imports.
 */
import { getOperationalization, readingRegistry } from '../align/registry.js';
import { UserError } from '../core/errors.js';
import type { SigmaOptions } from '../core/model.js';
import { hint } from '../core/names.js';
import { quoteName } from '../core/registry.js';
import type { AlignmentSpec } from '../core/scenario.js';
import { rules } from '../sigma/registry.js';
import type { OptionSpec } from '../sigma/types.js';
import { type AddProblem, bare, checkOptions, checkUnique } from './checks.js';
import { DEFAULT_ALIGNMENTS, type ScenarioFile } from './schema.js';
import type { Path, Source } from './source.js';

/** The readings a file lists (or the default list), with their options checked. */
export function resolveAlignments(
  src: Source,
  add: AddProblem,
  written: ScenarioFile['alignments'],
  partCount: number | undefined,
): AlignmentSpec[] {
  const list = written ?? DEFAULT_ALIGNMENTS;
  const seen = new Set<string>();
  const out: AlignmentSpec[] = [];
  list.forEach((entry, k) => {
    const path: Path = written ? ['alignments', k] : ['alignments'];
    const id = typeof entry === 'string' ? entry : entry.id;
    const idPath = typeof entry === 'string' || !written ? path : [...path, 'id'];
    let op: ReturnType<typeof getOperationalization>;
    try {
      op = getOperationalization(id);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const close = hint(id, alignmentIds(), '');
      const msg = close ? `unknown operationalization ${quoteName(id)}${close}` : bare(e);
      if (written) add(idPath, msg);
      else add([], `default alignments[${k}]: ${msg}`);
      return;
    }
    const given = typeof entry === 'string' ? undefined : entry.options;
    const options = checkOptions(src, add, given, op.options, [...path, 'options'], op.id);
    if (!options) return;
    if (!perPartLengths(add, options, op.options, [...path, 'options'], op.id, partCount)) return;
    const key = `${op.id} ${JSON.stringify(options)}`;
    if (seen.has(key)) {
      add(path, `${JSON.stringify(id)} appears more than once (with the same options)`);
      return;
    }
    seen.add(key);
    const where = written
      ? `${src.file}:${src.line(path)}: alignments[${k}]`
      : `${src.file}: default alignments[${k}]`;
    out.push({ id, options, where });
  });
  return out;
}

/** Options with one entry per part (a market's budgets, coalitions…) have one, or a single number. */
function perPartLengths(
  add: AddProblem,
  options: SigmaOptions,
  specs: readonly OptionSpec[] | undefined,
  path: Path,
  owner: string,
  n: number | undefined,
): boolean {
  for (const spec of specs ?? []) {
    const x = options[spec.name];
    if (!spec.perPart || n === undefined || !Array.isArray(x) || x.length === 1 || x.length === n) continue;
    add(
      [...path, spec.name],
      `expected ${n} numbers, one per part (or one for every part), got ${x.length} (option ${spec.name} of ${owner})`,
    );
    return false;
  }
  return true;
}

/** The candidate behaviours as action indices (every action when the file names none). */
export function resolveCandidates(
  add: AddProblem,
  c: readonly string[] | undefined,
  actions: readonly string[],
): number[] {
  if (c === undefined) return actions.map((_, a) => a);
  checkUnique(add, c, ['candidates'], 'candidate');
  return c.map((name, k) => {
    const a = actions.indexOf(name);
    if (a < 0)
      add(
        ['candidates', k],
        `unknown action ${quoteName(name)}${hint(name, actions, `; actions are ${actions.join(', ')}`)}`,
      );
    return a;
  });
}

/** Every operationalization id the registry answers to (for "did you mean"). */
function alignmentIds(): string[] {
  const ids = readingRegistry.list();
  for (const r of rules) if (!ids.includes(`parts/${r.name}`)) ids.push(`parts/${r.name}`);
  return ids;
}
