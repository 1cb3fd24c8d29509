/**
 * The registry of operationalizations f (readings of "A is aligned with H"): the fixed ids
 * (boundary/instruction, parts/pareto, …) are listed here, and `parts/<rule>` stands for
 * re-aggregation with any rule of the Σ registry. Adding a reading is one file under readings/
 * plus one line in `readings`; plugins (`--plugin`) append through `registerOperationalization`.
 */
import { UserError } from '../core/errors.js';
import { kebabName, quoteName, Registry } from '../core/registry.js';
import { sigmaRegistry } from '../sigma/registry.js';
import { boundaryApproval, boundaryInstruction } from './readings/boundary.js';
import { delegates } from './readings/delegates.js';
import { idealized } from './readings/idealized.js';
import { lcpoReading } from './readings/lcpo.js';
import { learned } from './readings/learned.js';
import { metaEquilibrium } from './readings/meta.js';
import { nlhf } from './readings/nlhf.js';
import { paretoSteps } from './readings/pareto.js';
import { pooled } from './readings/pooled.js';
import { reaggregation } from './readings/reaggregate.js';
import { unbounding } from './readings/unbounding.js';
import type { Operationalization } from './types.js';

/** The built-in readings with fixed ids, in the order reports list them. */
export const readings: readonly Operationalization[] = [
  boundaryInstruction,
  boundaryApproval,
  paretoSteps,
  delegates,
  idealized,
  unbounding,
  pooled,
  learned,
  nlhf,
  lcpoReading,
  metaEquilibrium,
];

const ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

const fixedParts = () =>
  readingRegistry
    .all()
    .map((o) => o.id)
    .filter((k) => k.startsWith('parts/'));

export const readingRegistry: Registry<Operationalization> = new Registry<Operationalization>(
  'operationalization',
  readings,
  {
    names: (op) => [op.id],
    normalize: (id) => id.trim().toLowerCase(),
    // parts/<rule>: re-aggregation with any Σ rule; the id keeps the rule's name as written.
    resolve: (key) => {
      if (!key.startsWith('parts/')) return undefined;
      const rule = key.slice('parts/'.length);
      return sigmaRegistry.find(rule) ? reaggregation(kebabName(rule)) : undefined;
    },
    // A near miss of a Σ rule reads better than the whole list of readings.
    explain: (id) => {
      const key = id.trim().toLowerCase();
      if (!key.startsWith('parts/')) return undefined;
      return `${quoteName(key.slice('parts/'.length))} is neither a parts/ reading (${fixedParts().join(', ')}) nor a Σ rule (\`sulab methods\`)`;
    },
    check: (op) => {
      if (!ID.test(op.id))
        throw new UserError(`an operationalization id is "family/name" in kebab-case, got "${op.id}"`, 'id');
    },
    expected: () =>
      `expected one of ${readingRegistry.list().join(', ')}, or parts/<rule> for any rule of \`sulab methods\``,
  },
);

/** Adds a plugin's operationalization; its id must be new. */
export function registerOperationalization(op: Operationalization): void {
  readingRegistry.add(op);
}

/** Every fixed-id operationalization: the built-ins, then plugins in the order they were added. */
export function operationalizations(): readonly Operationalization[] {
  return readingRegistry.all();
}

/** The operationalization called `id`, or a UserError that says what exists. */
export function getOperationalization(id: string, where = 'alignments'): Operationalization {
  return readingRegistry.get(id, where);
}
