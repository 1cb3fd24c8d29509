/**
 * A scenario text checked by the CLI's own loader, its first mistake as data the page can point
 * at: the file, the line, the path (`parts[1].utility.beach`) and what is wrong. Node-free: the
 * server's /api/validate and the page's worker both call it.
 */
import { UserError } from '../core/errors.js';
import type { Scenario, SequentialScenario } from '../core/scenario.js';
import { parseAnyScenario } from '../scenario/index.js';
import { ProblemError } from '../scenario/problems.js';
import { formatPath } from '../scenario/source.js';

export interface ValidationError {
  readonly file: string;
  /** 1-based line of the mistake (0 when the loader names no line). */
  readonly line: number;
  /** The field, zod-style (`parts[1].weight`); empty for the file as a whole or a syntax error. */
  readonly path: string;
  /** What is wrong, without the place. */
  readonly message: string;
  /** The CLI's one-line message: `FILE:LINE: path: what`. */
  readonly text: string;
}

export type Checked =
  | { readonly ok: true; readonly scenario: Scenario | SequentialScenario }
  | { readonly ok: false; readonly error: ValidationError };

const WHERE = /^(.*):(\d+)$/;

/** A loader's UserError split into file, line, path and message. */
export function validationError(e: UserError, file: string): ValidationError {
  const m = e.where ? WHERE.exec(e.where) : null;
  const where = m ? { file: m[1], line: Number(m[2]) } : { file, line: 0 };
  const prefix = e.where ? `${e.where}: ` : '';
  const rest = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  const path = e instanceof ProblemError ? formatPath(e.path) : '';
  const message = e instanceof ProblemError ? e.problem : rest;
  return { ...where, path, message, text: e.message };
}

/** Parses a scenario text as `sulab run` would; a user's mistake comes back as data, a bug throws. */
export function checkScenario(text: string, file: string): Checked {
  try {
    return { ok: true, scenario: parseAnyScenario(text, file) };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: validationError(e, file) };
    throw e;
  }
}
