/**
 * A text field that keeps what is being typed until it is committed (Enter or leaving the field):
 * answers arriving meanwhile re-render the page, and a plain controlled input would be reset to
 * the last committed value under the user's fingers.
 */
import { useState } from 'preact/hooks';

interface Props {
  /** The committed value. */
  value: string;
  /** Called with the typed text when it is committed and differs from `value`. */
  onCommit: (text: string) => void;
  type: 'text' | 'number';
  inputMode?: 'decimal';
  class?: string;
  title?: string;
  min?: number;
  step?: number;
  'aria-label': string;
  'aria-invalid'?: boolean;
  'data-path'?: string;
}

export function DraftInput(props: Props) {
  const { value, onCommit, type, ...rest } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const common = {
    ...rest,
    value: draft ?? value,
    onInput: (e: { currentTarget: HTMLInputElement }) => setDraft(e.currentTarget.value),
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const text = e.currentTarget.value;
      setDraft(null);
      if (text !== value) onCommit(text);
    },
  };
  return type === 'number' ? <input type="number" {...common} /> : <input type="text" {...common} />;
}
