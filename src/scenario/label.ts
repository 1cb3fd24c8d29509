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
