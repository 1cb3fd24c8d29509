/**
 * Build a principal: its parts (add, remove, rename; nested principals shown with their own
 * parts), each part's weight and utilities (a slider and a number per outcome), H's Σ from the
 * registry, H's noise, and the readings f to apply. Every change is an edit of the scenario text.
 */
import { formatPath } from '../../../src/scenario/source.js';
import type { ValidationError } from '../../../src/studio/validate.js';
import type { CatalogEntry } from '../protocol.js';
import type { Edit, PartView, Path, ScenarioView } from '../scenario-text.js';
import { DraftInput } from './draft-input.js';
import { MetaForm } from './meta-form.js';
import { SigmaSelect, TeamCells } from './sigma-select.js';
import { LotteryTable, OptionsInput, SettingsForm, WorldForm } from './world-form.js';
import { ErrorLine } from './yaml-editor.js';

interface Props {
  view: ScenarioView;
  sigma: readonly CatalogEntry[];
  readings: readonly CatalogEntry[];
  defaults: readonly string[];
  error?: ValidationError;
  edit: (e: Edit) => void;
}

/** Whether the error is about this field (or something inside it). */
const at = (error: ValidationError | undefined, path: Path) => {
  const p = formatPath(path);
  return !!error && (error.path === p || error.path.startsWith(`${p}.`) || error.path.startsWith(`${p}[`));
};

function UtilityCell(props: {
  part: PartView;
  k: number;
  outcome: string;
  value: number | string | null;
  error?: ValidationError;
  edit: Props['edit'];
}) {
  const { part, k, outcome, value, error, edit } = props;
  const path = [...part.path, 'utility', part.utilityList ? k : outcome];
  const bad = at(error, path);
  const v = typeof value === 'number' ? value : 0;
  const set = (raw: string) => {
    const x = Number(raw);
    // Text that is no number goes into the file as written: the loader then names this field.
    edit({
      op: 'utility',
      part: part.path,
      outcome: k,
      value: raw.trim() !== '' && Number.isFinite(x) ? x : raw,
    });
  };
  return (
    <td class={bad ? 'cell invalid' : 'cell'}>
      <input
        type="range"
        min={Math.min(0, v)}
        max={Math.max(1, v)}
        step={0.01}
        value={v}
        aria-label={`utility of ${outcome} for ${part.name} (slider)`}
        onInput={(e) => set(e.currentTarget.value)}
      />
      <DraftInput
        type="text"
        inputMode="decimal"
        class="num"
        value={value === null ? '' : String(value)}
        aria-label={`utility of ${outcome} for ${part.name}`}
        aria-invalid={bad}
        data-path={formatPath(path)}
        onCommit={set}
      />
    </td>
  );
}

/** A part's own beliefs: what it thinks each action leads to, one row per action (each sums to 1). */
function BeliefRows(props: {
  part: PartView;
  outcomes: readonly string[];
  actions: readonly string[];
  error?: ValidationError;
  edit: Props['edit'];
}) {
  const { part, outcomes, actions, error, edit } = props;
  const rows = part.beliefs ?? [];
  return (
    <tr class="beliefs-row">
      <td colSpan={outcomes.length + 2}>
        <table class="beliefs">
          <caption>What {part.name} believes each action leads to (each row sums to 1).</caption>
          <thead>
            <tr>
              <th scope="col">action</th>
              {outcomes.map((o) => (
                <th scope="col" key={o} class="outcome">
                  {o}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actions.map((a, k) => (
              <tr key={a} class={at(error, [...part.path, 'beliefs', a]) ? 'invalid' : ''}>
                <th scope="row">{a}</th>
                {outcomes.map((o, j) => {
                  const v = rows[k]?.[j];
                  return (
                    <td key={o} class="cell">
                      <DraftInput
                        type="text"
                        inputMode="decimal"
                        class="num"
                        value={v === null || v === undefined ? '' : String(v)}
                        title={o}
                        aria-label={`probability of ${o} after ${a}, as ${part.name} believes`}
                        onCommit={(raw) => {
                          const x = Number(raw);
                          edit({
                            op: 'belief',
                            part: part.path,
                            action: k,
                            outcome: j,
                            value: raw.trim() !== '' && Number.isFinite(x) ? x : raw,
                          });
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </td>
    </tr>
  );
}

function PartRows(props: {
  parts: readonly PartView[];
  outcomes: readonly string[];
  actions: readonly string[];
  world: ScenarioView['world'];
  sigma: readonly CatalogEntry[];
  depth: number;
  error?: ValidationError;
  edit: Props['edit'];
  top?: boolean;
}) {
  const { parts, outcomes, actions, world, sigma, depth, error, edit } = props;
  return (
    <>
      {parts.map((p, i) => (
        <>
          <tr key={formatPath(p.path)} class={at(error, p.path) && !p.utility ? 'invalid' : ''}>
            <th scope="row" class={`depth-${Math.min(depth, 4)}`}>
              {props.top && <i class="swatch" data-colour={i % 10} />}
              <DraftInput
                type="text"
                class="name"
                value={p.name}
                aria-label={`name of part ${p.name}`}
                onCommit={(name) => edit({ op: 'rename-part', part: p.path, name })}
              />
              {p.utility && !p.ref && (
                <button
                  type="button"
                  class="nest beliefs-toggle"
                  aria-pressed={!!p.beliefs}
                  aria-label={`beliefs of ${p.name} of their own`}
                  title={
                    p.beliefs
                      ? `${p.name} believes what it believes: back to H's world model`
                      : `give ${p.name} beliefs of its own about what the actions lead to`
                  }
                  onClick={() => edit({ op: 'own-beliefs', part: p.path, on: !p.beliefs })}
                >
                  beliefs
                </button>
              )}
              {p.utility && !p.ref && (
                <button
                  type="button"
                  class="nest"
                  aria-label={`make ${p.name} a principal of its own parts`}
                  title={`make ${p.name} a principal of its own parts (a team inside H)`}
                  onClick={() => edit({ op: 'nest-part', part: p.path })}
                >
                  ⊞
                </button>
              )}
              <button
                type="button"
                class="remove"
                aria-label={`remove part ${p.name}`}
                title={`remove part ${p.name}`}
                onClick={() => edit({ op: 'remove-part', part: p.path })}
              >
                ✕
              </button>
            </th>
            <td class={at(error, [...p.path, 'weight']) ? 'cell invalid' : 'cell'}>
              <DraftInput
                type="number"
                min={0}
                step={0.05}
                class="num"
                value={String(p.weight ?? 1)}
                aria-label={`weight of ${p.name}`}
                onCommit={(raw) => {
                  const x = Number(raw);
                  if (raw !== '' && Number.isFinite(x)) edit({ op: 'weight', part: p.path, value: x });
                }}
              />
            </td>
            {p.utility
              ? outcomes.map((o, k) => (
                  <UtilityCell
                    key={o}
                    part={p}
                    k={k}
                    outcome={o}
                    value={p.utility?.[k] ?? null}
                    error={error}
                    edit={edit}
                  />
                ))
              : p.ref
                ? outcomes.map((o) => (
                    <td key={o} class="sub">
                      principal {p.ref}
                    </td>
                  ))
                : p.partsPath && (
                    <TeamCells part={p} span={outcomes.length} sigma={sigma} error={error} edit={edit} />
                  )}
          </tr>
          {p.world && (
            <tr class="beliefs-row">
              <td colSpan={outcomes.length + 2}>
                <LotteryTable
                  model={[...p.path, 'world']}
                  rows={p.world}
                  outcomes={outcomes}
                  actions={actions}
                  caption={`What the members of ${p.name} believe each action leads to (their shared world model).`}
                  whose={`as ${p.name} believes`}
                  error={error}
                  edit={edit}
                />
              </td>
            </tr>
          )}
          {p.beliefs && (
            <BeliefRows part={p} outcomes={outcomes} actions={actions} error={error} edit={edit} />
          )}
          {p.parts && (
            <PartRows
              parts={p.parts}
              outcomes={outcomes}
              actions={actions}
              world={world}
              sigma={sigma}
              depth={depth + 1}
              error={error}
              edit={edit}
            />
          )}
          {p.partsPath && (
            <tr class="add-row">
              <td colSpan={outcomes.length + 2} class={`depth-${Math.min(depth + 1, 4)}`}>
                <button type="button" onClick={() => edit({ op: 'add-part', parts: p.partsPath ?? [] })}>
                  + add a part to {p.name}
                </button>
              </td>
            </tr>
          )}
        </>
      ))}
    </>
  );
}

export function PrincipalForm(props: Props) {
  const { view, sigma, readings, defaults, error, edit } = props;
  const chosen = new Set(view.alignments ?? defaults);
  const fixed = new Set(readings.map((r) => r.id));
  const reaggregations = [...chosen].filter((id) => !fixed.has(id));
  const toggle = (id: string, on: boolean) => edit({ op: 'reading', id, on, defaults });
  return (
    <section class="form" aria-label="Build the principal H">
      <details class="world-panel">
        <summary>What H chooses among: outcomes, actions, the truth, the candidates</summary>
        <WorldForm view={view} error={error} edit={edit} />
      </details>
      <table class="parts">
        <caption>
          The parts of H: each part's influence weight and its utility for each outcome (colours as in the
          charts).
        </caption>
        <thead>
          <tr>
            <th scope="col">part</th>
            <th scope="col">weight</th>
            {view.outcomes.map((o) => (
              <th scope="col" key={o} class="outcome">
                {o}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <PartRows
            parts={view.parts}
            outcomes={view.outcomes}
            actions={view.actions}
            world={view.world}
            sigma={sigma}
            depth={0}
            error={error}
            edit={edit}
            top
          />
        </tbody>
      </table>
      {error && <ErrorLine error={error} />}
      <button type="button" class="add" onClick={() => edit({ op: 'add-part', parts: ['parts'] })}>
        + add a part to H
      </button>
      <details class="meta-form">
        <summary>
          Who should have the say: each part's view of H's weights, and how fast each part un-bounds
        </summary>
        <MetaForm view={view} error={error} edit={edit} />
      </details>

      <div class="row">
        <span class="field">
          Σ, how H aggregates its parts{' '}
          <SigmaSelect
            value={view.sigma ?? 'weighted-utilitarian'}
            rules={sigma}
            label="Σ, how H aggregates its parts"
            onPick={(rule) => edit({ op: 'sigma', rule })}
          />
        </span>
        <span class="field">
          its options{' '}
          <OptionsInput
            at={['sigma']}
            value={view.sigmaOptions}
            label="options of H's Σ"
            error={error}
            edit={edit}
          />
        </span>
        <label>
          H's noise (how blurred its view of its parts is): {view.noise}{' '}
          <input
            type="range"
            min={0}
            max={0.5}
            step={0.01}
            value={view.noise}
            aria-label="H's noise"
            onChange={(e) => edit({ op: 'noise', value: Number(e.currentTarget.value) })}
          />
        </label>
      </div>

      <fieldset class="readings">
        <legend>Readings of "A is aligned with H"</legend>
        {readings.map((r) => (
          <label key={r.id} title={r.description}>
            <input
              type="checkbox"
              checked={chosen.has(r.id)}
              onChange={(e) => toggle(r.id, e.currentTarget.checked)}
            />{' '}
            {r.id}
          </label>
        ))}
        {reaggregations.map((id) => (
          <label key={id} title="re-aggregate the parts with this Σ rule">
            <input type="checkbox" checked onChange={() => toggle(id, false)} /> {id}
          </label>
        ))}
        <label>
          re-aggregate with{' '}
          <select
            value=""
            aria-label="add a parts/<rule> reading"
            onChange={(e) => {
              if (e.currentTarget.value) toggle(`parts/${e.currentTarget.value}`, true);
            }}
          >
            <option value="">a Σ rule…</option>
            {sigma
              .filter((s) => !chosen.has(`parts/${s.id}`))
              .map((s) => (
                <option value={s.id} key={s.id}>
                  parts/{s.id}
                </option>
              ))}
          </select>
        </label>
      </fieldset>
      <details class="reading-options">
        <summary>Options of each reading (a reading may be listed again with other options)</summary>
        <ul>
          {(view.alignments ?? defaults).map((id, i) => (
            <li key={`${i}:${id}`}>
              {id}{' '}
              <OptionsInput
                at={['alignments', i]}
                value={view.alignmentOptions[i] ?? ''}
                label={`options of reading ${i + 1}, ${id}`}
                error={error}
                edit={edit}
              />{' '}
              <button
                type="button"
                class="remove"
                aria-label={`remove reading ${i + 1}, ${id}`}
                title={`remove this entry of ${id}`}
                onClick={() => edit({ op: 'remove-reading', index: i, defaults })}
              >
                ✕
              </button>{' '}
              <button
                type="button"
                class="nest"
                aria-label={`list ${id} again (with other options)`}
                title={`list ${id} again, to read H with other options`}
                onClick={() => edit({ op: 'add-reading', id, defaults })}
              >
                +
              </button>
            </li>
          ))}
        </ul>
      </details>
      <SettingsForm view={view} error={error} edit={edit} />
    </section>
  );
}
