/**
 * Helpers the format readers and writers share: line splitting, ballot shape tests, and the
 * deduplication every PrefLib writer needs.
 */
import type { Profile } from '../sigma/profile.js';

/** Splits text into lines, accepting \n and \r\n endings. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1);
  return lines;
}

/** True when ballot b ranks every candidate (no unranked flag set). */
export function isCompleteBallot(p: Profile, b: number): boolean {
  if (!p.unranked) return true;
  for (let c = 0; c < p.m; c++) if (p.unranked[b * p.m + c]) return false;
  return true;
}

/** True when no two ranked candidates of ballot b share a level. */
export function isStrictBallot(p: Profile, b: number): boolean {
  const { m } = p;
  const seen = new Uint8Array(m + 1);
  for (let c = 0; c < m; c++) {
    if (p.unranked?.[b * m + c]) continue;
    const l = p.levels[b * m + c];
    if (seen[l]) return false;
    seen[l] = 1;
  }
  return true;
}

/** The default names of a profile with m candidates: "0", "1", …. */
export function defaultNames(m: number): string[] {
  return Array.from({ length: m }, (_, i) => String(i));
}

/** True when `xs` is 0, 1, …, xs.length-1. */
export function isIdentity(xs: readonly number[]): boolean {
  for (let i = 0; i < xs.length; i++) if (xs[i] !== i) return false;
  return true;
}

/** True when every name is the default (its index as a string). */
export function hasDefaultNames(p: Profile): boolean {
  return p.names.every((n, i) => n === String(i));
}

/**
 * Groups the ballots of `p` by `key` (ballots with the same key are merged, their counts added),
 * keeping the order of first appearance and dropping ballots of weight 0. Returns the first
 * ballot index of each group and the group's total count.
 */
export function groupBallots(p: Profile, key: (b: number) => string): { first: number[]; counts: number[] } {
  const at = new Map<string, number>();
  const first: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < p.k; b++) {
    if (p.counts[b] === 0) continue;
    const kb = key(b);
    const i = at.get(kb);
    if (i === undefined) {
      at.set(kb, first.length);
      first.push(b);
      counts.push(p.counts[b]);
    } else counts[i] += p.counts[b];
  }
  return { first, counts };
}

/** A key identifying the weak order of ballot b (levels and unranked flags). */
export function orderKey(p: Profile, b: number): string {
  const { m } = p;
  let s = '';
  for (let c = 0; c < m; c++) s += `${p.unranked?.[b * m + c] ? 'u' : p.levels[b * m + c]},`;
  return s;
}

/** Quotes a string for an error message. */
export function show(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
