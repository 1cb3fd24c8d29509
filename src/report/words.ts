/** Small wording helpers the report's sentences share: numbers, counts and lists of names. */

export const fmt = (x: number) => x.toFixed(3);

/** Up to four names in full; beyond, the first three and how many more. */
export function names(xs: readonly string[]): string {
  return xs.length <= 4 ? xs.join(', ') : `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Up to three scenarios by name (`holiday`, `a, b and c`); more, counted. */
export function scenarios(xs: readonly string[]): string {
  if (xs.length > 3) return `${xs.length} scenarios`;
  return xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
