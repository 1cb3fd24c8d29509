/**
 * What `sulab axioms` computes, as plain rows: for every (rule, axiom) and (reading, axiom) pair,
 * whether a counterexample was found within the budget, the counterexample (a JSON profile that
 * `sulab vote` reads, or a scenario that `sulab run` reads), its explanation and how many
 * profiles or principals were searched. Also the check of one given election or principal.
 */
import type { Operationalization } from '../align/types.js';
import type { MethodSpec } from '../sigma/apply.js';
import type { Options } from '../sigma/types.js';
import { describe, type Election, type JsonElection, toJson } from './election.js';
import type { PrincipalData } from './principal.js';
import type { ReadingAxiom } from './reading-axioms.js';
import { searchReadingCounterexample } from './reading-search.js';
import { searchCounterexample } from './search.js';
import { votingOf } from './sigma-registry.js';
import type { SigmaAxiom } from './types.js';

export interface SigmaRow {
  method: string;
  axiom: string;
  violated: boolean;
  counterexample: JsonElection | null;
  searched: number;
  explanation: string | null;
  /** The counterexample as "2×0>1>2, 1×1>2>0" (for terminals and tables). */
  ballots: string | null;
}

export interface ReadingRow {
  reading: string;
  axiom: string;
  violated: boolean;
  counterexample: PrincipalData | null;
  searched: number;
  explanation: string | null;
}

export interface SearchSettings {
  readonly budget: number;
  readonly seed: number;
}

export function sigmaRow(spec: MethodSpec, axiom: SigmaAxiom, s: SearchSettings): SigmaRow {
  const r = searchCounterexample(axiom, votingOf(spec), s);
  return {
    method: spec.text,
    axiom: axiom.name,
    violated: r.violated,
    counterexample: r.counterexample ? toJson(r.counterexample) : null,
    searched: r.searched,
    explanation: r.violation?.explanation ?? null,
    ballots: r.counterexample ? describe(r.counterexample) : null,
  };
}

/** One given election checked (searched = 1). */
export function sigmaCheckRow(spec: MethodSpec, axiom: SigmaAxiom, e: Election): SigmaRow {
  const v = axiom.check(votingOf(spec), e);
  return {
    method: spec.text,
    axiom: axiom.name,
    violated: v !== null,
    counterexample: v ? toJson(e) : null,
    searched: 1,
    explanation: v?.explanation ?? null,
    ballots: v ? describe(e) : null,
  };
}

export function readingRow(
  op: Operationalization,
  opts: Options,
  axiom: ReadingAxiom,
  s: SearchSettings,
): ReadingRow {
  const r = searchReadingCounterexample(axiom, op, opts, s);
  return {
    reading: op.id,
    axiom: axiom.name,
    violated: r.violated,
    counterexample: r.counterexample,
    searched: r.searched,
    explanation: r.violation?.explanation ?? null,
  };
}

export function readingCheckRow(
  op: Operationalization,
  opts: Options,
  axiom: ReadingAxiom,
  d: PrincipalData,
): ReadingRow {
  const v = axiom.check(op, opts, d);
  return {
    reading: op.id,
    axiom: axiom.name,
    violated: v !== null,
    counterexample: v ? { ...d, alignments: [op.id] } : null,
    searched: 1,
    explanation: v?.explanation ?? null,
  };
}

/** The rule × axiom table in Markdown: ✗ a counterexample was found, ✓ none within the budget. */
export function markdownTable(
  rows: readonly SigmaRow[],
  axioms: readonly SigmaAxiom[],
  budget: number,
): string {
  const methods = [...new Set(rows.map((r) => r.method))];
  const cell = new Map(rows.map((r) => [`${r.method}\u0000${r.axiom}`, r]));
  const head = `| rule | ${axioms.map((a) => a.name).join(' | ')} |`;
  const rule = `|---|${axioms.map(() => ':-:').join('|')}|`;
  const body = methods.map((m) => {
    const cells = axioms.map((a) => {
      const r = cell.get(`${m}\u0000${a.name}`);
      return r === undefined ? '–' : r.violated ? '✗' : '✓';
    });
    return `| ${m} | ${cells.join(' | ')} |`;
  });
  return [
    `✗: a counterexample was found; ✓: none among ${budget} profiles searched; –: not checked.`,
    '',
    head,
    rule,
    ...body,
  ].join('\n');
}
