/**
 * Size limits of the profile readers, checked before anything of that size is allocated, so a
 * header that claims a million alternatives is one line, not an out-of-memory crash or a hang.
 */
import { UserError } from '../core/errors.js';

/** Candidates per profile by default; `sulab vote --max-candidates` raises it. */
export const MAX_CANDIDATES = 10_000;

/**
 * Ballots × candidates per profile: the size of the ballot table every reader fills (4 bytes a
 * cell, so 400 MB at the limit).
 */
export const MAX_BALLOT_CELLS = 100_000_000;

/** Bytes of a profile or scenario file read whole (a JSON Lines stream is limited per line). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const n = (x: number) => x.toLocaleString('en-US');

/** Throws unless m candidates are within `max`; `what` names the field (e.g. "candidates"). */
export function checkCandidates(
  m: number,
  max: number | undefined,
  where: string,
  what = 'candidates',
): void {
  const limit = max ?? MAX_CANDIDATES;
  if (m > limit)
    throw new UserError(
      `${what}: ${n(m)} candidates is more than the limit of ${n(limit)} (raise it with --max-candidates)`,
      where,
    );
}

/** Throws unless k ballots over m candidates fit the ballot table. */
export function checkBallots(k: number, m: number, where: string): void {
  if (k * m > MAX_BALLOT_CELLS)
    throw new UserError(
      `${n(k)} ballots × ${n(m)} candidates is more than the limit of ${n(MAX_BALLOT_CELLS)} ballot cells ` +
        '(split the profile, or merge identical ballots with counts)',
      where,
    );
}
