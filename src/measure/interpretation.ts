/**
 * The interpretation matrix: candidate behaviours × readings → accepted as aligned or not. The
 * essay's bottom line ("you can interpret all of the behaviour as aligned under some implicit
 * definitions of alignment") becomes a count: the candidates that at least one reading accepts.
 */
import type { Reading } from '../align/types.js';
import { accepts } from './reflexivity.js';

export interface Interpretation {
  /** For each candidate (in the order given), the indices of the readings that accept it. */
  readonly acceptedBy: readonly (readonly number[])[];
  /** How many candidates some reading accepts. */
  readonly acceptedBySome: number;
}

/** `readings[k]` undefined = a reading that failed: it accepts nothing. */
export function interpretationMatrix(
  readings: readonly (Reading | undefined)[],
  candidates: readonly number[],
  epsilon: number,
): Interpretation {
  const acceptedBy = candidates.map((c) => {
    const ks: number[] = [];
    readings.forEach((r, k) => {
      if (r && accepts(r, c, epsilon)) ks.push(k);
    });
    return ks;
  });
  return { acceptedBy, acceptedBySome: acceptedBy.filter((ks) => ks.length > 0).length };
}
