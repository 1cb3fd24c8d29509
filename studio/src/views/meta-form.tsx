/**
 * Who should have the say, in the form: each part's view of H's weights (the `meta:` block — the
 * shares it wants, and whose share it wants to grow or shrink — with the dynamics' settings) and
 * how fast each of H's own parts un-bounds (`rate:`). Every change is an edit of the text.
 */
import { formatPath } from '../../../src/scenario/source.js';
import type { ValidationError } from '../../../src/studio/validate.js';
import type { MetaKind } from '../meta-edits.js';
import type { Edit, ScenarioView } from '../scenario-text.js';
import { DraftInput } from './draft-input.js';
import { errorAt, number, Setting } from './world-form.js';

interface Props {
  view: ScenarioView;
  error?: ValidationError;
  edit: (e: Edit) => void;
}

const CAPTION: Record<MetaKind, string> = {
  target:
    'The weights each part wants H to have (target shares; a row that has any sums to 1, its empty cells are 0; a row left empty: no target).',
  say: "Who should have the say, according to each part (positive: that part's share should grow; negative: shrink; empty: no view).",
};

/** One kind of meta-preference as a table: a row per part (whose view), a cell per part (of whom). */
function ShareTable(props: Props & { kind: MetaKind; rows: readonly string[]; names: readonly string[] }) {
  const { view, error, edit, kind, rows, names } = props;
  const prefs = view.meta?.preferences ?? [];
  return (
    <table class={`lotteries meta-${kind}`}>
      <caption>{CAPTION[kind]}</caption>
      <thead>
        <tr>
          <th scope="col">according to</th>
          {names.map((n) => (
            <th scope="col" key={n} class="outcome" title={n}>
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((part) => {
          const given = prefs.find((p) => p.part === part)?.[kind];
          return (
            <tr
              key={part}
              class={
                // The row of this kind, or the whole preference (an unknown part, nothing given).
                errorAt(error, ['meta', 'preferences', part, kind]) ||
                error?.path === formatPath(['meta', 'preferences', part])
                  ? 'invalid'
                  : ''
              }
            >
              <th scope="row">{part}</th>
              {names.map((of) => {
                const v = given?.[of];
                return (
                  <td
                    key={of}
                    class={errorAt(error, ['meta', 'preferences', part, kind, of]) ? 'cell invalid' : 'cell'}
                  >
                    <DraftInput
                      type="text"
                      inputMode="decimal"
                      class="num"
                      value={v === undefined ? '' : String(v)}
                      title={of}
                      aria-label={
                        kind === 'target'
                          ? `share of ${of} in the weights ${part} wants`
                          : `say of ${of}, according to ${part}`
                      }
                      onCommit={(raw) =>
                        edit({
                          op: 'meta-share',
                          part,
                          kind,
                          of,
                          value: raw.trim() === '' ? undefined : number(raw),
                        })
                      }
                    />
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function MetaForm(props: Props) {
  const { view, error, edit } = props;
  const meta = view.meta;
  const names = view.parts.map((p) => p.name);
  // A preference under a name that is no part of H is shown too, so the loader's mistake can be fixed here.
  const rows = [...names, ...(meta?.preferences ?? []).map((p) => p.part).filter((n) => !names.includes(n))];
  return (
    <>
      <label class="field">
        <input
          type="checkbox"
          checked={!!meta}
          onChange={(e) => edit({ op: 'meta', on: e.currentTarget.checked })}
        />{' '}
        the parts have preferences over H's weights (meta-preferences, read by meta/equilibrium and the
        reflective operator)
      </label>
      {meta && (
        <>
          <ShareTable {...props} kind="target" rows={rows} names={names} />
          <ShareTable {...props} kind="say" rows={rows} names={names} />
          <div class="row settings">
            <Setting
              label="candidate weights in steps of 1 /"
              at={['meta', 'resolution']}
              value={meta.resolution}
              placeholder="10"
              error={error}
              edit={edit}
            />
            <label class={errorAt(error, ['meta', 'distance']) ? 'field setting invalid' : 'field setting'}>
              distance to a target{' '}
              <select
                value={meta.distance ?? ''}
                aria-label="distance to a target"
                onChange={(e) =>
                  edit({ op: 'set', at: ['meta', 'distance'], value: e.currentTarget.value || undefined })
                }
              >
                <option value="">l1 (the default)</option>
                <option value="l1">l1</option>
                <option value="l2">l2</option>
                {meta.distance && !['l1', 'l2'].includes(meta.distance) && (
                  <option value={meta.distance}>{meta.distance}</option>
                )}
              </select>
            </label>
            <Setting
              label="how far H's weights move towards what its parts endorse, each step (λ)"
              at={['meta', 'rate']}
              value={meta.rate}
              placeholder="0.5"
              error={error}
              edit={edit}
            />
            <Setting
              label="seeded starts of the search for fixed points"
              at={['meta', 'starts']}
              value={meta.starts}
              placeholder="200"
              error={error}
              edit={edit}
            />
          </div>
        </>
      )}
      <fieldset class="rates">
        <legend>
          How fast each part un-bounds: its compute grows as rate × c as the parts become less bounded (empty:
          1)
        </legend>
        {view.parts.map((p) => (
          <span
            key={p.name}
            class={errorAt(error, [...p.path, 'rate']) ? 'field setting invalid' : 'field setting'}
          >
            {p.name}{' '}
            <DraftInput
              type="text"
              inputMode="decimal"
              class="num short-num"
              value={p.rate === undefined ? '' : String(p.rate)}
              title="empty: the default, 1"
              aria-label={`un-bounding rate of ${p.name}`}
              onCommit={(raw) =>
                edit({
                  op: 'set',
                  at: [...p.path, 'rate'],
                  value: raw.trim() === '' ? undefined : number(raw),
                })
              }
            />
          </span>
        ))}
      </fieldset>
    </>
  );
}
