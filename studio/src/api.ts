/** The server's JSON API, as the page calls it (src/studio/server.ts). */
import type { SeriesRow, StoreSummary } from '../../src/studio/store-api.js';

export interface BuiltIn {
  readonly name: string;
  readonly title: string;
  readonly kind: string;
}

export interface Start {
  readonly file: { readonly name: string; readonly text: string } | null;
  readonly store: boolean;
}

async function get<T>(path: string): Promise<T> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status} ${(await r.text()).slice(0, 200)}`);
  return (await r.json()) as T;
}

export const start = () => get<Start>('api/start');
export const scenarios = () => get<BuiltIn[]>('api/scenarios');
export async function scenarioText(name: string): Promise<string> {
  const r = await fetch(`api/scenario/${encodeURIComponent(name)}`);
  if (!r.ok) throw new Error(`no built-in scenario ${name}`);
  return r.text();
}
export const storeSummary = () => get<StoreSummary>('api/store');
export const storeSeries = (x: string, measure: string) =>
  get<SeriesRow[]>(`api/store/series?x=${encodeURIComponent(x)}&measure=${encodeURIComponent(measure)}`);

/** The scenario's self-contained HTML report, written by the server with `sulab run`'s code. */
export async function report(text: string, file: string): Promise<string> {
  const r = await fetch(`api/report?file=${encodeURIComponent(file)}`, { method: 'POST', body: text });
  if (!r.ok) {
    const body = await r.text();
    let message = body;
    try {
      message = (JSON.parse(body) as { error: string }).error;
    } catch {
      // Not JSON: the text is the message.
    }
    throw new Error(`the report cannot be written: ${message}`);
  }
  return r.text();
}
