/**
 * Per-part welfare under each reading, as grouped bars drawn by hand in SVG: one group per reading
 * f, one bar per part of H, its height the part's welfare (utility normalized to [0, 1] over the
 * actions) of f's target. The dashed line is the neglect threshold.
 */
import type { AlignmentResult } from '../../../src/run/one-shot.js';
import { colour, fmt } from './palette.js';

const BAR = 14;
const GAP = 18;
const H = 200;
const TOP = 10;
const LEFT = 34;
const BOTTOM = 40;

export function WelfareChart(props: {
  readings: readonly AlignmentResult[];
  parts: readonly string[];
  threshold: number;
}) {
  const { parts, threshold } = props;
  const readings = props.readings.filter((r) => r.target_welfare);
  const groupW = parts.length * BAR + GAP;
  const width = LEFT + readings.length * groupW + 4;
  const y = (v: number) => TOP + H * (1 - Math.max(0, Math.min(1, v)));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${TOP + H + BOTTOM}`}
        width={width}
        height={TOP + H + BOTTOM}
        role="img"
        aria-label="Each part's welfare under each reading"
      >
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line class="grid" x1={LEFT} x2={width} y1={y(t)} y2={y(t)} />
            <text class="tick" x={LEFT - 4} y={y(t) + 3} text-anchor="end">
              {t}
            </text>
          </g>
        ))}
        <line class="threshold" x1={LEFT} x2={width} y1={y(threshold)} y2={y(threshold)}>
          <title>neglect threshold {threshold}</title>
        </line>
        {readings.map((r, g) => {
          const x0 = LEFT + g * groupW + GAP / 2;
          const [family, name] = r.label.includes('/') ? r.label.split(/\/(.*)/s) : ['', r.label];
          return (
            <g key={r.label} class="group" data-reading={r.label}>
              {parts.map((p, i) => {
                const w = r.target_welfare?.[p] ?? 0;
                return (
                  <rect
                    key={p}
                    class="bar"
                    data-reading={r.label}
                    data-part={p}
                    data-value={w.toFixed(6)}
                    x={x0 + i * BAR}
                    y={y(w)}
                    width={BAR - 2}
                    height={Math.max(0.5, y(0) - y(w))}
                    fill={colour(i)}
                  >
                    <title>
                      {p} under {r.label}: {fmt(w)}
                    </title>
                  </rect>
                );
              })}
              <text class="label" x={x0 + (parts.length * BAR) / 2} y={TOP + H + 14} text-anchor="middle">
                {family}
              </text>
              <text class="label" x={x0 + (parts.length * BAR) / 2} y={TOP + H + 27} text-anchor="middle">
                {name.length > 14 ? `${name.slice(0, 13)}…` : name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        {parts.map((p, i) => (
          <span key={p}>
            <i class="swatch" data-colour={i % 10} />
            {p}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
