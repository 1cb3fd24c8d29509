/**
 * The registry of operationalizations f (readings of "A is aligned with H"). Fixed ids
 * (boundary/instruction, parts/pareto, …) are entries; `parts/<rule>` stands for re-aggregation with
 * any rule of the Σ registry. Plugins add entries at run time (`--plugin`).
 */
import { UserError } from '../core/errors.js';
import { getRule, normalizeName } from '../sigma/registry.js';
import type { Operationalization } from './types.js';

const entries = new Map<string, Operationalization>();

/** Adds an operationalization (built-in or plugin); its id must be new. */
export function registerOperationalization(op: Operationalization): void {
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(op.id))
    throw new UserError(`an operationalization id is "family/name" in kebab-case, got "${op.id}"`, 'id');
  if (entries.has(op.id)) throw new UserError(`operationalization "${op.id}" is already registered`, 'id');
  entries.set(op.id, op);
}

/** Every registered fixed-id operationalization, in registration order. */
export function operationalizations(): Operationalization[] {
  return [...entries.values()];
}

let reaggregate: ((rule: string) => Operationalization) | undefined;

/** Sets the factory of `parts/<rule>` readings (re-aggregation with a Σ' from the registry). */
export function setReaggregation(make: (rule: string) => Operationalization): void {
  reaggregate = make;
}

/** The operationalization called `id`, or a UserError that says what exists. */
export function getOperationalization(id: string, where = 'alignments'): Operationalization {
  const key = id.trim().toLowerCase();
  const fixed = entries.get(key);
  if (fixed) return fixed;
  if (key.startsWith('parts/') && reaggregate) {
    const rule = key.slice('parts/'.length);
    try {
      getRule(rule);
    } catch {
      throw new UserError(
        `unknown operationalization "${id}": "${rule}" is neither a parts/ reading (${[...entries.keys()]
          .filter((k) => k.startsWith('parts/'))
          .join(', ')}) nor a Σ rule (\`sulab methods\`)`,
        where,
      );
    }
    return reaggregate(normalizeName(rule));
  }
  const known = [...entries.keys()];
  throw new UserError(
    `unknown operationalization "${id}"; expected ${known.length > 0 ? `one of ${known.join(', ')}, or ` : ''}parts/<rule> for any rule of \`sulab methods\``,
    where,
  );
}
