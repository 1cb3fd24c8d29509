/**
 * Meta-preferences: each part of H wants H's weights to be its target; H's own Σ over those wants,
 * weighted by the current weights, endorses weights and H moves half way there. The fixed points
 * of that dynamics, each with its basin (the share of seeded starts that end there), and for three
 * parts the starts on the triangle of weights, coloured by where they end.
 */
import type { CatalogEntry, MetaAnswer } from '../protocol.js';
import { DraftInput } from './draft-input.js';
import { colour, fmt } from './palette.js';

/** Part i's default target: the current weights moved half way towards i's own corner. */
export function defaultTargets(weights: readonly number[]): number[][] {
  const total = weights.reduce((a, x) => a + x, 0) || 1;
  const w = weights.map((x) => x / total);
  return w.map((_, i) => w.map((x, j) => Math.round(((x + (i === j ? 1 : 0)) / 2) * 100) / 100));
}

const S = 240;
const PAD = 18;
/** Room at the sides for the corner labels (part names). */
const SIDE = 48;

function Triangle(props: { meta: MetaAnswer }) {
  const { meta } = props;
  const h = (S * Math.sqrt(3)) / 2;
  // Corner k of the triangle is all weight on part k: 0 bottom left, 1 bottom right, 2 top.
  const xy = (w: readonly number[]) => [SIDE + S * (w[1] + w[2] / 2), PAD + h * (1 - w[2])] as const;
  return (
    <svg
      class="triangle"
      viewBox={`0 0 ${S + 2 * SIDE} ${h + 2 * PAD + 14}`}
      width={S + 2 * SIDE}
      role="img"
      aria-label="starts on the triangle of weights, coloured by the fixed point they end at"
    >
      <polygon
        class="frame"
        points={[
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]
          .map((w) => xy(w).join(','))
          .join(' ')}
      />
      {meta.runs.map((r, k) => {
        const [x, y] = xy(r.start);
        return <circle key={k} cx={x} cy={y} r={2} fill={r.end < 0 ? '#999' : colour(r.end)} opacity={0.6} />;
      })}
      {meta.fixedPoints.map((f, k) => {
        const [x, y] = xy(f.weights);
        return (
          <circle key={`f${k}`} class="fixed" cx={x} cy={y} r={6} fill={colour(k)}>
            <title>
              fixed point ({f.weights.map((x) => fmt(x, 2)).join(', ')}), basin{' '}
              {Math.round(f.frequency * 100)}%
            </title>
          </circle>
        );
      })}
      <text class="tick" x={SIDE} y={h + PAD + 12} text-anchor="middle">
        {meta.parts[0]}
      </text>
      <text class="tick" x={SIDE + S} y={h + PAD + 12} text-anchor="middle">
        {meta.parts[1]}
      </text>
      <text class="tick" x={SIDE + S / 2} y={PAD - 6} text-anchor="middle">
        {meta.parts[2]}
      </text>
    </svg>
  );
}

export function MetaView(props: {
  parts: readonly string[];
  targets: readonly (readonly number[])[];
  setTarget: (i: number, j: number, value: number) => void;
  meta?: MetaAnswer | { readonly error: string };
  /** The Σ rules that may aggregate the meta-preferences (those that read utilities). */
  rules: readonly CatalogEntry[];
  setSigma: (rule: string) => void;
}) {
  const { parts, targets, meta } = props;
  return (
    <div class="meta">
      <table class="targets">
        <caption>The weights each part wants H to have (its target; taken as shares).</caption>
        <thead>
          <tr>
            <th scope="col">part wants →</th>
            {parts.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {parts.map((p, i) => (
            <tr key={p}>
              <th scope="row">{p}</th>
              {parts.map((q, j) => (
                <td key={q}>
                  <DraftInput
                    type="number"
                    class="target"
                    min={0}
                    step={0.05}
                    value={String(targets[i]?.[j] ?? 0)}
                    aria-label={`weight ${p} wants for ${q}`}
                    onCommit={(raw) => {
                      const x = Number(raw);
                      if (raw !== '' && Number.isFinite(x)) props.setTarget(i, j, x);
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Σ over the meta-preferences{' '}
        <select
          value={meta && !('error' in meta) ? meta.sigma : ''}
          onChange={(e) => props.setSigma(e.currentTarget.value)}
        >
          {props.rules.map((r) => (
            <option key={r.id} value={r.id} title={r.description}>
              {r.title} ({r.id})
            </option>
          ))}
        </select>
      </label>
      {meta && 'error' in meta && <p class="error">{meta.error}</p>}
      {meta && !('error' in meta) && (
        <>
          <p>
            {meta.fixedPoints.length} fixed point{meta.fixedPoints.length === 1 ? '' : 's'} from{' '}
            {meta.runs.length} seeded starts; {meta.cycles} ended in a cycle, {meta.unconverged} in neither.
            Which self H ends up with depends on where it starts. (Candidate weights: the simplex in steps of
            1/{meta.resolution}, with the targets: {meta.candidates} vectors.)
          </p>
          <table class="fixed-points">
            <thead>
              <tr>
                <th scope="col">fixed point (weights)</th>
                <th scope="col">whose ideal</th>
                <th scope="col">basin</th>
                <th scope="col">the only Σ winner at its own weights?</th>
              </tr>
            </thead>
            <tbody>
              {meta.fixedPoints.map((f, k) => (
                <tr key={f.weights.join(',')}>
                  <th scope="row">
                    <i class="swatch" data-colour={k % 10} />({f.weights.map((x) => fmt(x, 2)).join(', ')})
                  </th>
                  <td>{f.idealOf ?? '—'}</td>
                  <td class="num">{Math.round(f.frequency * 100)}%</td>
                  <td>{f.strict ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {parts.length === 3 && <Triangle meta={meta} />}
        </>
      )}
    </div>
  );
}
