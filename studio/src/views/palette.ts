/** Colours of the parts (Tableau 10: distinguishable, and readable for most colour-blind eyes). */
export const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export const colour = (i: number) => PALETTE[i % PALETTE.length];

/** A number as the tables show it: 3 decimals, no "-0". */
export function fmt(x: number | undefined | null, digits = 3): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  const s = x.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A decision (an action, or a lottery as {action: p}) in words. */
export function decision(d: string | Readonly<Record<string, number>> | undefined): string {
  if (d === undefined) return '—';
  if (typeof d === 'string') return d;
  return Object.entries(d)
    .map(([a, p]) => `${a} ${fmt(p, 2)}`)
    .join(', ');
}
