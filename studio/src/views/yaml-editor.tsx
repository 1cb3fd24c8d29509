/**
 * The scenario as YAML, editable, with the CLI's own first mistake under it (file:line, path and
 * what is wrong) and a button that puts the cursor on that line.
 */
import { useRef } from 'preact/hooks';
import type { ValidationError } from '../../../src/studio/validate.js';

export function ErrorLine(props: { error: ValidationError }) {
  const { error } = props;
  return (
    <p class="error" role="alert" data-line={error.line} data-path={error.path}>
      <strong>
        {error.file}
        {error.line > 0 ? `:${error.line}` : ''}
      </strong>
      {error.path ? (
        <>
          {' '}
          <code>{error.path}</code>
        </>
      ) : null}
      : {error.message}
    </p>
  );
}

export function YamlEditor(props: { text: string; error?: ValidationError; onText: (t: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const { text, error } = props;
  const goTo = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    // Scroll the line into view: lines are of equal height in the monospace area.
    el.scrollTop = Math.max(0, ((line - 3) / Math.max(1, lines.length)) * el.scrollHeight);
  };
  return (
    <section class="yaml" aria-label="The scenario as YAML">
      <textarea
        ref={area}
        spellcheck={false}
        wrap="off"
        aria-label="scenario YAML"
        aria-invalid={!!error}
        value={text}
        onInput={(e) => props.onText(e.currentTarget.value)}
      />
      {error && (
        <div>
          <ErrorLine error={error} />
          {error.line > 0 && (
            <button type="button" onClick={() => goTo(error.line)}>
              go to line {error.line}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
