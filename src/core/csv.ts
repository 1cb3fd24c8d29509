/** Writing CSV: one quoter for every CSV sulab writes (profiles, comparisons, trajectories). */

/**
 * Quotes a CSV field when it needs it: separators, quotes, line breaks, surrounding blanks, an
 * empty field (so it is not read as missing) or a leading `#` (so it is not read as a comment).
 */
export function csvField(x: string | number): string {
  const s = String(x);
  return s === '' || /[",\r\n]|^\s|\s$|^#/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (without its line break); numbers in full precision. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvField).join(',');
}
