/**
 * A sequential scenario: for each agent A, the approval it collects from H against the welfare of
 * H's original parts (judged by their original rewards) and how far H's attention drifted; then one
 * recorded trajectory with a time slider: H's weights over time, and approval against each part's
 * welfare per step.
 */
import { useState } from 'preact/hooks';
import type { AgentRun, SequentialResult, TrajectoryRow } from '../../../src/run/sequential.js';
import { colour, fmt } from './palette.js';

const W = 560;
const H = 170;
const PAD = 34;

function Lines(props: {
  rows: readonly TrajectoryRow[];
  series: readonly { name: string; value: (r: TrajectoryRow) => number; colour: string; dash?: boolean }[];
  t: number;
  label: string;
}) {
  const { rows, series, t } = props;
  const T = Math.max(1, rows.length - 1);
  const all = rows.flatMap((r) => series.map((s) => s.value(r)));
  const hi = Math.max(1, ...all);
  const lo = Math.min(0, ...all);
  const x = (k: number) => PAD + (k / T) * (W - PAD - 8);
  const y = (v: number) => 8 + (1 - (v - lo) / (hi - lo || 1)) * (H - 28);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={props.label}>
        {[lo, (lo + hi) / 2, hi].map((v) => (
          <g key={v}>
            <line class="grid" x1={PAD} x2={W} y1={y(v)} y2={y(v)} />
            <text class="tick" x={PAD - 4} y={y(v) + 3} text-anchor="end">
              {fmt(v, 2)}
            </text>
          </g>
        ))}
        <text class="tick" x={PAD} y={H - 6}>
          t = 0
        </text>
        <text class="tick" x={W - 8} y={H - 6} text-anchor="end">
          t = {rows.length - 1}
        </text>
        {series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={s.colour}
            stroke-width={2}
            stroke-dasharray={s.dash ? '5 3' : undefined}
            points={rows.map((r, k) => `${x(k)},${y(s.value(r))}`).join(' ')}
          >
            <title>{s.name}</title>
          </polyline>
        ))}
        <line class="now" x1={x(t)} x2={x(t)} y1={4} y2={H - 20} />
      </svg>
    </figure>
  );
}

function Totals(props: { runs: readonly AgentRun[] }) {
  return (
    <table class="agents">
      <thead>
        <tr>
          <th scope="col">agent A</th>
          <th scope="col">approval A collects from H (expected total)</th>
          <th scope="col">welfare of H's original parts (expected total)</th>
          <th scope="col">how far H's attention drifted (mean)</th>
        </tr>
      </thead>
      <tbody>
        {props.runs.map((a) => (
          <tr key={a.label}>
            <th scope="row" title={a.title}>
              {a.label}
            </th>
            {a.error ? (
              <td colSpan={3} class="error">
                {a.error}
              </td>
            ) : (
              <>
                <td class="num">{fmt(a.expected?.approval)}</td>
                <td class="num">{fmt(a.expected?.original_welfare)}</td>
                <td class="num">
                  {a.expected?.mean_drift === null ? 'see its weights' : fmt(a.expected?.mean_drift)}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SequentialView(props: { result: SequentialResult }) {
  const { result } = props;
  const runs = result.alignments.filter((a) => a.trajectory && a.trajectory.length > 0);
  const [agent, setAgent] = useState(0);
  const [t, setT] = useState(0);
  const run = runs[Math.min(agent, runs.length - 1)];
  const rows = run?.trajectory ?? [];
  const now = rows[Math.min(t, rows.length - 1)];
  const parts = result.parts;
  return (
    <div class="results">
      <p class="verdict">
        {result.title}: {parts.length} parts, {result.states.length} states, horizon {result.horizon}. Each
        agent A acts for H; the table sets the approval it collects against what H's original parts get.
      </p>
      <Totals runs={result.alignments} />
      {run && now && (
        <>
          <h3>One recorded run</h3>
          <div class="row">
            <label>
              agent{' '}
              <select value={String(agent)} onChange={(e) => setAgent(Number(e.currentTarget.value))}>
                {runs.map((a, k) => (
                  <option key={a.label} value={String(k)}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              time t = {now.t}{' '}
              <input
                type="range"
                min={0}
                max={rows.length - 1}
                value={Math.min(t, rows.length - 1)}
                aria-label="time step"
                onInput={(e) => setT(Number(e.currentTarget.value))}
              />
            </label>
          </div>
          <p class="step" data-t={now.t}>
            At t = {now.t}, in state <strong>{now.state}</strong>, A does <strong>{now.action}</strong>; then{' '}
            <strong>{now.observation}</strong>. H approves {fmt(now.approval)}; drift {fmt(now.drift)}.
          </p>
          <h3>H's weights over time (its internal state, which A's actions can reshape)</h3>
          <Lines
            rows={rows}
            t={t}
            label="weights over time"
            series={parts.map((p, i) => ({ name: p, value: (r) => r.weights[p] ?? 0, colour: colour(i) }))}
          />
          <h3>Approval A collects (dashed) against each original part's welfare, per step</h3>
          <Lines
            rows={rows}
            t={t}
            label="approval and welfare over time"
            series={[
              { name: 'approval', value: (r) => r.approval, colour: '#1d2330', dash: true },
              ...parts.map((p, i) => ({
                name: p,
                value: (r: TrajectoryRow) => r.welfare[p] ?? 0,
                colour: colour(i),
              })),
            ]}
          />
          <p class="legend">
            {parts.map((p, i) => (
              <span key={p}>
                <i class="swatch" data-colour={i % 10} />
                {p}
              </span>
            ))}
          </p>
        </>
      )}
    </div>
  );
}
