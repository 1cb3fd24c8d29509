/**
 * Σ compared across rules on the same parts: what every aggregation rule of the registry would
 * pick if it were H's, and how each part would fare. H's own rule is marked.
 */
import { useState } from 'preact/hooks';
import type { SigmaRow } from '../../../src/studio/sigma-compare.js';
import { colour, fmt } from './palette.js';

function MiniBars(props: { welfare: Readonly<Record<string, number>>; parts: readonly string[] }) {
  const { parts, welfare } = props;
  return (
    <svg class="mini" width={parts.length * 9} height={20} role="img" aria-label="each part's welfare">
      {parts.map((p, i) => {
        const w = Math.max(0, Math.min(1, welfare[p] ?? 0));
        return (
          <rect key={p} x={i * 9} y={20 - 20 * w} width={7} height={Math.max(0.5, 20 * w)} fill={colour(i)}>
            <title>
              {p}: {fmt(w)}
            </title>
          </rect>
        );
      })}
    </svg>
  );
}

export function SigmaTable(props: { rows: readonly SigmaRow[]; parts: readonly string[] }) {
  const [onlyOther, setOnlyOther] = useState(false);
  const rows = onlyOther ? props.rows.filter((r) => !r.agreesWithH) : props.rows;
  const tally = new Map<string, number>();
  for (const r of props.rows)
    if (r.picks) tally.set(r.picks.join(' / '), (tally.get(r.picks.join(' / ')) ?? 0) + 1);
  return (
    <div>
      <p class="tally">
        {[...tally.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${n} rule${n === 1 ? '' : 's'} pick ${k}`)
          .join('; ')}
        .
      </p>
      <label class="inline">
        <input type="checkbox" checked={onlyOther} onChange={(e) => setOnlyOther(e.currentTarget.checked)} />{' '}
        only rules that pick differently from H's own Σ
      </label>
      <table class="sigma">
        <thead>
          <tr>
            <th scope="col">Σ rule</th>
            <th scope="col">family</th>
            <th scope="col">picks</th>
            <th scope="col">welfare of each part</th>
            <th scope="col">worst-off part</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rule} class={r.own ? 'own' : r.agreesWithH ? '' : 'differs'} data-rule={r.rule}>
              <th scope="row" title={r.title}>
                {r.rule}
                {r.own ? ' (H’s own Σ)' : ''}
              </th>
              <td>{r.family}</td>
              {r.error ? (
                <td colSpan={3} class="error">
                  {r.error}
                </td>
              ) : (
                <>
                  <td>
                    {r.picks?.length === 1
                      ? r.picks[0]
                      : Object.entries(r.lottery ?? {})
                          .map(([a, p]) => `${a} ${fmt(p, 2)}`)
                          .join(', ')}
                  </td>
                  <td>{r.welfare && <MiniBars welfare={r.welfare} parts={props.parts} />}</td>
                  <td>
                    {r.worstOff === null
                      ? 'all fare the same'
                      : `${r.worstOff} (${fmt(r.welfare?.[r.worstOff ?? ''])})`}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
