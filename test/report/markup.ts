/** Checks on markup shared by the report tests. */

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'col', 'wbr', 'source', 'area', 'base']);

/**
 * Walks the tags of an HTML or SVG document and returns the first nesting error, or null when
 * every opened element is closed in order. Void elements and `<x/>` need no closing tag; the
 * contents of `<style>` are skipped.
 */
export function nestingProblem(markup: string): string | null {
  const stack: string[] = [];
  const text = markup.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>').replace(/<!DOCTYPE[^>]*>/i, '');
  for (const m of text.matchAll(
    /<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g,
  )) {
    const [, closing, rawName, , selfClosing] = m;
    const name = rawName.toLowerCase();
    if (selfClosing || (!closing && VOID.has(name))) continue;
    if (!closing) stack.push(name);
    else {
      const open = stack.pop();
      if (open !== name) return `</${name}> at ${m.index} closes <${open ?? 'nothing'}>`;
    }
  }
  return stack.length ? `unclosed <${stack.join('>, <')}>` : null;
}

/** A `<` that starts no tag: it would mean some text went out unescaped. */
export function strayAngle(markup: string): boolean {
  return /<(?![A-Za-z/!])/.test(markup.replace(/<style>[\s\S]*?<\/style>/g, ''));
}

/** Every http(s) address in the markup other than the two SVG namespace names. */
export function addresses(markup: string): string[] {
  return [...markup.matchAll(/https?:\/\/[^\s"'<>)]*/g)]
    .map((m) => m[0])
    .filter((a) => a !== 'http://www.w3.org/2000/svg' && a !== 'http://www.w3.org/1999/xlink');
}

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
