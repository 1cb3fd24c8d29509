/**
 * The studio's axioms view, computed by the library's own search (axioms/run.ts, what `sulab
 * axioms` calls): for one Σ rule or one reading and one axiom, the verdict within a budget and the
 * smallest counterexample found — a profile of rankings for a rule, a principal for a reading —
 * each also written as a one-shot scenario the form can open. Node-free: it runs in the worker.
 */
import { getOperationalization, operationalizations } from '../align/registry.js';
import type { PrincipalData } from '../axioms/principal.js';
import { getReadingAxiom, readingAxioms } from '../axioms/reading-registry.js';
import { type ReadingRow, readingRow, type SigmaRow, sigmaRow } from '../axioms/run.js';
import { checkable, getSigmaAxiom, sigmaAxioms } from '../axioms/sigma-registry.js';
import { UserError } from '../core/errors.js';
import { type MethodSpec, parseMethodSpec } from '../sigma/apply.js';
import { rules } from '../sigma/registry.js';
import { stringify } from 'yaml';
import { DEFAULT_BUDGET, MAX_BUDGET } from './axiom-budget.js';

/** What the page asks: check `subject` (a Σ rule, or a reading id) against `axiom`. */
export interface AxiomAsk {
  readonly kind: 'sigma' | 'reading';
  readonly subject: string;
  readonly axiom: string;
  /** Profiles (or principals) to search at most. */
  readonly budget: number;
  readonly seed: number;
}

export type AxiomAnswer =
  | {
      readonly ok: true;
      readonly kind: 'sigma';
      readonly row: SigmaRow;
      /** The counterexample as a one-shot scenario: one part per ranking, Σ the rule. */
      readonly scenario: string | null;
      readonly ms: number;
    }
  | {
      readonly ok: true;
      readonly kind: 'reading';
      readonly row: ReadingRow;
      /** The counterexample principal as the scenario `sulab run` reads. */
      readonly scenario: string | null;
      readonly ms: number;
    }
  | { readonly ok: false; readonly error: string };

export interface AxiomEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface AxiomCatalog {
  readonly sigmaAxioms: readonly AxiomEntry[];
  readonly readingAxioms: readonly AxiomEntry[];
  /** The Σ rules the axioms can read (rules over rankings that pick single winners). */
  readonly rules: readonly string[];
  /** The fixed readings; `parts/<rule>` is any Σ rule. */
  readonly readings: readonly string[];
}

export { DEFAULT_BUDGET, MAX_BUDGET };

export function axiomCatalog(): AxiomCatalog {
  const entry = (a: { name: string; title: string; description: string }) => ({
    id: a.name,
    title: a.title,
    description: a.description,
  });
  return {
    sigmaAxioms: sigmaAxioms.map(entry),
    readingAxioms: readingAxioms.map(entry),
    rules: rules.filter((r) => checkable({ text: r.name, rule: r, opts: {} })).map((r) => r.name),
    readings: operationalizations().map((o) => o.id),
  };
}

/**
 * A profile of rankings as a principal: one part per distinct ranking (candidate i is outcome
 * `c<i>`), its weight the number of voters casting it, its utility the ranking evenly spaced
 * (what an ordinal Σ reads is the order, and weights count as voters).
 */
export function profileScenario(row: SigmaRow, spec: MethodSpec): string | null {
  const e = row.counterexample;
  if (!e) return null;
  const m = e.candidates;
  const outcomes = Array.from({ length: m }, (_, i) => `c${i}`);
  const parts = e.rankings.map((order, k) => ({
    name: order.join('>'),
    weight: e.counts[k],
    utility: Object.fromEntries(
      outcomes.map((o, c) => [o, m === 1 ? 1 : (m - 1 - order.indexOf(c)) / (m - 1)]),
    ),
  }));
  const opts =
    Object.keys(spec.opts).length > 0 ? { rule: spec.rule.name, options: spec.opts } : spec.rule.name;
  return stringify(
    {
      name: `${spec.rule.name}-${row.axiom}`.replace(/[^a-z0-9-]+/g, '-'),
      title: `${spec.text} and ${row.axiom}: a counterexample`,
      description: `${row.explanation ?? ''}. Candidate i is outcome c<i>; each part is one ranking, weighted by its voters (${row.ballots ?? ''}).`,
      outcomes,
      parts,
      sigma: opts,
      alignments: [
        'boundary/instruction',
        `parts/${spec.rule.name}`,
        'parts/weighted-utilitarian',
        'parts/pareto',
      ],
    },
    { lineWidth: 100, flowCollectionPadding: false },
  );
}

/** A counterexample principal as its scenario text, with the reading it breaks. */
export function principalScenario(d: PrincipalData | null, explanation: string | null): string | null {
  if (!d) return null;
  return stringify(
    { ...d, description: [d.description, explanation && `${explanation}.`].filter((x) => x).join(' ') },
    { lineWidth: 100, flowCollectionPadding: false },
  );
}

/** Runs the search the page asked for; a mistake in the ask is an answer, not a throw. */
export function studioAxioms(ask: AxiomAsk): AxiomAnswer {
  const t0 = performance.now();
  try {
    const max = MAX_BUDGET[ask.kind];
    if (!Number.isInteger(ask.budget) || ask.budget < 1 || ask.budget > max)
      throw new UserError(`expected a whole number from 1 to ${max}, got ${ask.budget}`, 'budget');
    const settings = { budget: ask.budget, seed: ask.seed };
    if (ask.kind === 'sigma') {
      const spec = parseMethodSpec(ask.subject);
      const row = sigmaRow(spec, getSigmaAxiom(ask.axiom), settings);
      return {
        ok: true,
        kind: 'sigma',
        row,
        scenario: profileScenario(row, spec),
        ms: performance.now() - t0,
      };
    }
    const op = getOperationalization(ask.subject, 'reading');
    const row = readingRow(op, {}, getReadingAxiom(ask.axiom), settings);
    return {
      ok: true,
      kind: 'reading',
      row,
      scenario: principalScenario(row.counterexample, row.explanation),
      ms: performance.now() - t0,
    };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message };
    throw e;
  }
}
