/**
 * Σ as the form picks it: the rules of the registry grouped by family, and a team's row (its Σ,
 * the Σ's options, and whether the team has a world model of its own).
 */
import type { ValidationError } from '../../../src/studio/validate.js';
import type { CatalogEntry } from '../protocol.js';
import type { Edit, PartView } from '../scenario-text.js';
import { OptionsInput } from './world-form.js';

/** The Σ rules of the registry, grouped by family. */
export function SigmaSelect(props: {
  value: string;
  rules: readonly CatalogEntry[];
  label: string;
  onPick: (rule: string) => void;
}) {
  const families = [...new Set(props.rules.map((s) => s.family))];
  return (
    <select
      value={props.value}
      aria-label={props.label}
      onChange={(e) => props.onPick(e.currentTarget.value)}
    >
      {families.map((f) => (
        <optgroup label={f} key={f}>
          {props.rules
            .filter((s) => s.family === f)
            .map((s) => (
              <option value={s.id} key={s.id} title={s.description}>
                {s.title} ({s.id})
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A team's row: how its members are aggregated (its Σ and options), and its own world model. */
export function TeamCells(props: {
  part: PartView;
  span: number;
  sigma: readonly CatalogEntry[];
  error?: ValidationError;
  edit: (e: Edit) => void;
}) {
  const { part: p, span, sigma, error, edit } = props;
  const at = [...p.path, 'sigma'];
  return (
    <td colSpan={span} class="sub team">
      <SigmaSelect
        value={p.sigma ?? 'weighted-utilitarian'}
        rules={sigma}
        label={`Σ of ${p.name}, how its members are aggregated`}
        onPick={(rule) => edit({ op: 'set', at, value: rule })}
      />{' '}
      <OptionsInput
        at={at}
        value={p.sigmaOptions ?? ''}
        label={`options of ${p.name}'s Σ`}
        error={error}
        edit={edit}
      />{' '}
      <label>
        <input
          type="checkbox"
          checked={!!p.world}
          onChange={(e) =>
            edit({ op: 'own-model', model: [...p.path, 'world'], on: e.currentTarget.checked })
          }
        />{' '}
        a world model of its own
      </label>
    </td>
  );
}
