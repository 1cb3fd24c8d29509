/**
 * Names: "did you mean …?" for every registry and the scenario loader (the known names closest to
 * a misspelled one; names that differ only in case, hyphens, underscores or spaces count as the
 * closest of all, `neglectThreshold` → `neglect_threshold`), and the labels that tell readings and
 * agents with different options apart.
 */

function squash(s: string): string {
  return s.toLowerCase().replace(/[-_\s]+/g, '');
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Up to `max` known names close to `word`, closest first (ties in the order given). */
export function closest(word: string, known: readonly string[], max = 3): string[] {
  const w = squash(word);
  const limit = Math.max(2, Math.floor(w.length / 3));
  return known
    .map((k, i) => ({ k, i, d: squash(k) === w ? 0 : editDistance(squash(k), w) + 1 }))
    .filter((x) => x.d <= limit + 1)
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, max)
    .map((x) => x.k);
}

/** `; did you mean a, b?` when some known name is close, else `; expected one of …` (or `fallback`). */
export function hint(word: string, known: readonly string[], fallback?: string): string {
  const c = closest(word, known);
  if (c.length > 0) return `; did you mean ${c.join(', ')}?`;
  if (fallback !== undefined) return fallback;
  return known.length > 0 ? `; expected one of ${known.join(', ')}` : '';
}

/**
 * The label of a reading or agent named in a scenario: its id, with its options when it has any
 * (e.g. "parts/delegates{protocol=nash-demand}"), so the same one with different options can be
 * told apart in tables, plots and the interpretation matrix.
 */
export function labelOf(spec: { id: string; options: Readonly<Record<string, unknown>> }): string {
  const entries = Object.entries(spec.options);
  if (entries.length === 0) return spec.id;
  return `${spec.id}{${entries.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('/') : String(v)}`).join(',')}}`;
}

/** Consecutive equal entries as runs: ["0–18 startup", "19–24 research"]. */
export function runs(xs: readonly string[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let t = 1; t <= xs.length; t++)
    if (t === xs.length || xs[t] !== xs[start]) {
      out.push(`${t - 1 > start ? `${start}–${t - 1}` : `${start}`} ${xs[start]}`);
      start = t;
    }
  return out;
}

/** `{ name_i: xs[i] }`: an array indexed like `names` as a record by name (JSON output). */
export function byName<T>(names: readonly string[], xs: ArrayLike<T>): Record<string, T> {
  return Object.fromEntries(names.map((n, i) => [n, xs[i]]));
}
