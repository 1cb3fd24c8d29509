/**
 * A sweep store's results (when the studio was started with one): pick a swept parameter and a
 * measure, see the measure's mean against the parameter, one line per reading (and part), with
 * its 95% interval where cells have replicates.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SeriesRow, StoreSummary } from '../../../src/studio/store-api.js';
import { storeSeries, storeSummary } from '../api.js';
import { colour, fmt } from './palette.js';

/** Half the width of the normal 95% interval of a mean: 1.96 · sd / √n (0 without replicates). */
const halfWidth = (r: SeriesRow) => (r.sd !== null && r.n > 1 ? (1.96 * r.sd) / Math.sqrt(r.n) : 0);

const W = 520;
const H = 220;
const PAD = 36;

function LinePlot(props: { rows: readonly SeriesRow[] }) {
  const numeric = props.rows.every((r) => typeof r.x === 'number');
  const xs = [...new Set(props.rows.map((r) => String(r.x)))];
  const xv = (r: SeriesRow) => (numeric ? Number(r.x) : xs.indexOf(String(r.x)));
  const vals = props.rows.map(xv);
  const [x0, x1] = [Math.min(...vals), Math.max(...vals)];
  const ys = props.rows.flatMap((r) => [r.mean - halfWidth(r), r.mean + halfWidth(r)]);
  const [y0, y1] = [Math.min(0, ...ys), Math.max(1, ...ys)];
  const sx = (x: number) => PAD + ((x - x0) / (x1 - x0 || 1)) * (W - PAD - 8);
  const sy = (y: number) => 8 + (1 - (y - y0) / (y1 - y0 || 1)) * (H - PAD - 8);
  const series = new Map<string, SeriesRow[]>();
  for (const r of props.rows) {
    const k = [r.reading, r.part].filter((s) => s !== null).join(' · ') || 'all';
    series.set(k, [...(series.get(k) ?? []), r]);
  }
  const keys = [...series.keys()];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="measure against parameter">
        <line class="grid" x1={PAD} x2={W} y1={sy(y0)} y2={sy(y0)} />
        <text class="tick" x={PAD - 4} y={sy(y0)} text-anchor="end">
          {fmt(y0, 2)}
        </text>
        <text class="tick" x={PAD - 4} y={sy(y1) + 8} text-anchor="end">
          {fmt(y1, 2)}
        </text>
        {(numeric ? [x0, x1] : xs.map((_, i) => i)).map((x) => (
          <text key={x} class="tick" x={sx(x)} y={H - PAD + 14} text-anchor="middle">
            {numeric ? fmt(x, 2) : xs[x]}
          </text>
        ))}
        {keys.map((k, i) => {
          const pts = (series.get(k) ?? []).slice().sort((a, b) => xv(a) - xv(b));
          return (
            <g key={k}>
              <polyline
                fill="none"
                stroke={colour(i)}
                stroke-width={2}
                points={pts.map((r) => `${sx(xv(r))},${sy(r.mean)}`).join(' ')}
              >
                <title>{k}</title>
              </polyline>
              {pts.map((r) => {
                const half = halfWidth(r);
                return half > 0 ? (
                  <line
                    key={String(r.x)}
                    class="interval"
                    stroke={colour(i)}
                    x1={sx(xv(r))}
                    x2={sx(xv(r))}
                    y1={sy(r.mean - half)}
                    y2={sy(r.mean + half)}
                  >
                    <title>
                      {k} at {String(r.x)}: {fmt(r.mean)} ± {fmt(half)} (95%, n = {r.n})
                    </title>
                  </line>
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {keys.map((k, i) => (
          <span key={k}>
            <i class="swatch" data-colour={i % 10} />
            {k}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export function StoreView() {
  const [summary, setSummary] = useState<StoreSummary>();
  const [x, setX] = useState('');
  const [measure, setMeasure] = useState('');
  const [rows, setRows] = useState<SeriesRow[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    storeSummary().then(
      (s) => {
        setSummary(s);
        setX(s.parameters[0]?.column ?? '');
        setMeasure(s.measures.includes('gap') ? 'gap' : (s.measures[0] ?? ''));
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    if (x && measure) storeSeries(x, measure).then(setRows, (e: Error) => setError(e.message));
  }, [x, measure]);
  if (error) return <p class="error">{error}</p>;
  if (!summary) return <p>Reading the store…</p>;
  return (
    <section aria-label="Sweep store">
      <p>
        Sweep <strong>{summary.name}</strong>: {summary.cellsStored} of {summary.cellsTotal} cells stored
        {summary.complete ? '' : ' (not complete)'}.
      </p>
      <div class="row">
        <label>
          parameter{' '}
          <select value={x} onChange={(e) => setX(e.currentTarget.value)}>
            {summary.parameters.map((p) => (
              <option key={p.column} value={p.column}>
                {p.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          measure{' '}
          <select value={measure} onChange={(e) => setMeasure(e.currentTarget.value)}>
            {summary.measures.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      </div>
      {rows.length > 0 ? <LinePlot rows={rows} /> : <p>No values for this measure.</p>}
    </section>
  );
}
