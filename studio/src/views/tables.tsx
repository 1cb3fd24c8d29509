/**
 * The tables of a one-shot answer: reflexivity (is H self-aligned under each reading f?), the
 * interpretation matrix (which behaviours count as aligned under which f), and each action as H
 * and its parts see it.
 */
import type { ScenarioResult } from '../../../src/run/one-shot.js';
import { decision, fmt } from './palette.js';

export function ReflexivityTable(props: { result: ScenarioResult; epsilon: number }) {
  const { result, epsilon } = props;
  return (
    <table class="reflexivity">
      <caption>
        gap<sub>f</sub>(H) = max<sub>d</sub> score<sub>f</sub>(H, d) − score<sub>f</sub>(H, B(H)): how much
        better than what H does on its own f says A could do. H is self-aligned under f when the gap is at
        most ε = {fmt(epsilon, 3)}.
      </caption>
      <thead>
        <tr>
          <th scope="col">reading f</th>
          <th scope="col">what A does under f</th>
          <th scope="col">gap</th>
          <th scope="col">H self-aligned under f?</th>
          <th scope="col">parts left below the neglect threshold</th>
        </tr>
      </thead>
      <tbody>
        {result.alignments.map((a) => (
          <tr key={a.label} data-reading={a.label}>
            <th scope="row" title={a.title}>
              {a.label}
            </th>
            {a.error ? (
              <td colSpan={4} class="error">
                {a.error}
              </td>
            ) : (
              <>
                <td>{decision(a.target)}</td>
                <td class="num" data-gap={a.reflexivity_gap}>
                  {fmt(a.reflexivity_gap)}
                </td>
                <td class={a.self_aligned ? 'yes' : 'no'}>{a.self_aligned ? 'yes' : 'no'}</td>
                <td>{a.neglected && a.neglected.length > 0 ? a.neglected.join(', ') : 'none'}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InterpretationMatrix(props: { result: ScenarioResult }) {
  const { result } = props;
  const labels = result.alignments.filter((a) => !a.error).map((a) => a.label);
  return (
    <table class="matrix">
      <caption>
        {result.accepted_by_some} of {result.candidates.length} candidate behaviours count as aligned under
        some reading: any behaviour can be read as aligned under some implicit f.
      </caption>
      <thead>
        <tr>
          <th scope="col">behaviour</th>
          {labels.map((l) => (
            <th scope="col" key={l} class="rot">
              <span>{l}</span>
            </th>
          ))}
          <th scope="col">readings</th>
        </tr>
      </thead>
      <tbody>
        {result.candidates.map((c) => {
          const accepted = new Set(result.interpretation[c] ?? []);
          return (
            <tr key={c}>
              <th scope="row">{c}</th>
              {labels.map((l) => (
                <td
                  key={l}
                  class={accepted.has(l) ? 'cell on' : 'cell off'}
                  title={`${c} ${accepted.has(l) ? 'is' : 'is not'} aligned under ${l}`}
                >
                  {accepted.has(l) ? '✓' : ''}
                </td>
              ))}
              <td class="num">{accepted.size}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ActionsTable(props: { result: ScenarioResult }) {
  const { result } = props;
  return (
    <table class="actions">
      <thead>
        <tr>
          <th scope="col">action</th>
          <th scope="col">H's approval now</th>
          <th scope="col">place in H's own ranking</th>
          <th scope="col">overrides what H's own aggregation picks?</th>
          <th scope="col">Pareto-dominated (parts' own beliefs) by</th>
          <th scope="col">worst-off part</th>
        </tr>
      </thead>
      <tbody>
        {result.actions.map((a) => {
          const m = result.metrics[a];
          return (
            <tr key={a}>
              <th scope="row">{a}</th>
              <td class="num">{fmt(m.approval)}</td>
              <td class="num">{m.sigma_rank}</td>
              <td>{m.override ? 'yes' : 'no'}</td>
              <td>{m.pareto_dominated ? m.pareto_dominated_by.join(', ') : 'not dominated'}</td>
              <td>{m.worst_off ?? 'all fare the same'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
