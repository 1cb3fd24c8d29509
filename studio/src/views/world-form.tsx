/**
 * What H's choice is about, in the form: the outcomes, the actions with what H believes each leads
 * to (H's shared world model), the true world model when it differs (what idealized parts see),
 * and which actions are the candidate behaviours to interpret. Every change is an edit of the text.
 */
import { formatPath } from '../../../src/scenario/source.js';
import type { ValidationError } from '../../../src/studio/validate.js';
import type { Edit, Path, Rows, ScenarioView } from '../scenario-text.js';
import { DraftInput } from './draft-input.js';

/** Whether the error is about this field (or something inside it). */
export const errorAt = (error: ValidationError | undefined, path: Path) => {
  const p = formatPath(path);
  return !!error && (error.path === p || error.path.startsWith(`${p}.`) || error.path.startsWith(`${p}[`));
};

export const number = (raw: string): number | string => {
  const x = Number(raw);
  // Text that is no number goes into the file as written: the loader then names this field.
  return raw.trim() !== '' && Number.isFinite(x) ? x : raw;
};

/** A world model as a table: one row per action, a probability per outcome (each row sums to 1). */
export function LotteryTable(props: {
  model: Path;
  rows: Rows;
  outcomes: readonly string[];
  actions: readonly string[];
  caption: string;
  /** Whose belief a cell is, for its label ("as H believes"). */
  whose: string;
  error?: ValidationError;
  edit: (e: Edit) => void;
  /** Action names editable (H's own actions), with a ✕ to remove each. */
  named?: boolean;
}) {
  const { model, rows, outcomes, actions, caption, whose, error, edit, named } = props;
  return (
    <table class="lotteries">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">action</th>
          {outcomes.map((o) => (
            <th scope="col" key={o} class="outcome" title={o}>
              {o}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {actions.map((a, k) => (
          <tr key={a} class={errorAt(error, [...model, a]) ? 'invalid' : ''}>
            <th scope="row">
              {named ? (
                <>
                  <DraftInput
                    type="text"
                    class="name"
                    value={a}
                    aria-label={`name of action ${a}`}
                    onCommit={(name) => edit({ op: 'rename-action', action: k, name })}
                  />
                  <button
                    type="button"
                    class="remove"
                    aria-label={`remove action ${a}`}
                    title={`remove action ${a}`}
                    onClick={() => edit({ op: 'remove-action', action: k })}
                  >
                    ✕
                  </button>
                </>
              ) : (
                a
              )}
            </th>
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
                    aria-label={`probability of ${o} after ${a}, ${whose}`}
                    onCommit={(raw) =>
                      edit({ op: 'probability', model, action: k, outcome: j, value: number(raw) })
                    }
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WorldForm(props: { view: ScenarioView; error?: ValidationError; edit: (e: Edit) => void }) {
  const { view, error, edit } = props;
  const candidates = new Set(view.candidates ?? view.actions);
  return (
    <section class="world" aria-label="What H chooses among">
      <fieldset class="outcomes">
        <legend>Outcomes (what can happen)</legend>
        {view.outcomes.map((o, k) => (
          <span key={`${k}:${o}`} class={errorAt(error, ['outcomes', k]) ? 'outcome invalid' : 'outcome'}>
            <DraftInput
              type="text"
              class="name"
              value={o}
              aria-label={`name of outcome ${o}`}
              onCommit={(name) => edit({ op: 'rename-outcome', outcome: k, name })}
            />
            <button
              type="button"
              class="remove"
              aria-label={`remove outcome ${o}`}
              title={`remove outcome ${o} (from every utility and lottery)`}
              onClick={() => edit({ op: 'remove-outcome', outcome: k })}
            >
              ✕
            </button>
          </span>
        ))}
        <button type="button" onClick={() => edit({ op: 'add-outcome' })}>
          + add an outcome
        </button>
      </fieldset>

      <LotteryTable
        model={['actions']}
        rows={view.worldCells}
        outcomes={view.outcomes}
        actions={view.actions}
        caption={
          view.actionsWritten
            ? "The actions, and what H believes each leads to (H's shared world model; each row sums to 1)."
            : 'The actions: one sure action per outcome (change a probability to write them out).'
        }
        whose="as H believes"
        error={errorAt(error, ['actions']) ? error : undefined}
        edit={edit}
        named
      />
      <button type="button" onClick={() => edit({ op: 'add-action' })}>
        + add an action
      </button>

      <label class="truth-toggle">
        <input
          type="checkbox"
          checked={!!view.truth}
          onChange={(e) => edit({ op: 'own-model', model: ['truth'], on: e.currentTarget.checked })}
        />{' '}
        the truth differs from what H believes (what idealized, informed parts see)
      </label>
      {view.truth && (
        <LotteryTable
          model={['truth']}
          rows={view.truth}
          outcomes={view.outcomes}
          actions={view.actions}
          caption="What each action truly leads to (each row sums to 1)."
          whose="in truth"
          error={error}
          edit={edit}
        />
      )}

      <fieldset class={errorAt(error, ['candidates']) ? 'candidates invalid' : 'candidates'}>
        <legend>Candidate behaviours of A to interpret</legend>
        {view.actions.map((a) => (
          <label key={a}>
            <input
              type="checkbox"
              checked={candidates.has(a)}
              onChange={(e) => edit({ op: 'candidate', action: a, on: e.currentTarget.checked })}
            />{' '}
            {a}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

/** A number as written, or empty for the default; text that is no number is kept for the loader. */
export function Setting(props: {
  label: string;
  at: Path;
  value: number | string | undefined;
  placeholder: string;
  error?: ValidationError;
  edit: (e: Edit) => void;
}) {
  const { label, at, value, error, edit } = props;
  return (
    <span class={errorAt(error, at) ? 'field setting invalid' : 'field setting'}>
      {label}{' '}
      <DraftInput
        type="text"
        inputMode="decimal"
        class="num short-num"
        value={value === undefined ? '' : String(value)}
        title={`empty: the default, ${props.placeholder}`}
        aria-label={label}
        onCommit={(raw) => edit({ op: 'set', at, value: raw.trim() === '' ? undefined : number(raw) })}
      />
    </span>
  );
}

/** The scenario's name and texts, and the numbers that say how H and the verdicts are read. */
export function SettingsForm(props: {
  view: ScenarioView;
  error?: ValidationError;
  edit: (e: Edit) => void;
}) {
  const { view, error, edit } = props;
  const text = (key: string, label: string, value: string, long = false) => (
    <span class={errorAt(error, [key]) ? 'field text invalid' : 'field text'}>
      {label}{' '}
      {long ? (
        <textarea
          class="wide"
          rows={3}
          aria-label={label}
          value={value}
          onChange={(e) => edit({ op: 'set', at: [key], value: e.currentTarget.value || undefined })}
        />
      ) : (
        <DraftInput
          type="text"
          class="wide"
          value={value}
          aria-label={label}
          onCommit={(v) => edit({ op: 'set', at: [key], value: v || undefined })}
        />
      )}
    </span>
  );
  return (
    <>
      <div class="row settings">
        <Setting
          label="ε, the tolerance of “self-aligned” and “accepted”"
          at={['epsilon']}
          value={view.epsilon}
          placeholder="1e-6"
          error={error}
          edit={edit}
        />
        <Setting
          label="a part is neglected below welfare"
          at={['neglect_threshold']}
          value={view.neglectThreshold}
          placeholder="0.25"
          error={error}
          edit={edit}
        />
        <Setting
          label="samples of H's noisy view"
          at={['bounds', 'samples']}
          value={view.samples}
          placeholder="1000"
          error={error}
          edit={edit}
        />
        <Setting label="seed" at={['seed']} value={view.seed} placeholder="0" error={error} edit={edit} />
      </div>
      <details class="about">
        <summary>Name, title, description and what the essay says</summary>
        {text('name', 'name (a kebab-case id)', view.name)}
        {text('title', 'title', view.titleWritten ? view.title : '')}
        {text('description', 'description', view.description, true)}
        {text('essay', 'what the essay claims about this situation', view.essay, true)}
      </details>
    </>
  );
}

/** Options of a Σ or a reading, typed as YAML (`{agenda: [0, 1, 2]}`); empty for none. */
export function OptionsInput(props: {
  at: Path;
  value: string;
  label: string;
  error?: ValidationError;
  edit: (e: Edit) => void;
}) {
  return (
    <DraftInput
      type="text"
      class={errorAt(props.error, props.at) ? 'options invalid' : 'options'}
      value={props.value}
      title="options as YAML, e.g. {lotteries: true}; empty: none"
      aria-label={props.label}
      onCommit={(text) => props.edit({ op: 'options', at: props.at, text })}
    />
  );
}
