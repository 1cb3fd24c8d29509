/**
 * Small checks and rewrites on SVG markup, for figures inlined in HTML reports.
 *
 * Only the tags are touched: text between tags (axis labels, part names, titles) is never
 * rewritten, so a label that happens to read `url(#clip1)` stays as it is.
 */

/** One tag of SVG markup: `<name attr="v" …>`, `</name>`, a comment, or a processing instruction. */
const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const ATTR = /(\s)([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/g;

/** Elements a vega-rendered chart uses; anything else in a figure is refused. */
const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'clippath',
  'lineargradient',
  'radialgradient',
  'stop',
  'pattern',
  'mask',
  'use',
]);

/** Attributes that may point at another element by id (`url(#id)` or `#id`). */
const REF_ATTRS = new Set([
  'clip-path',
  'fill',
  'stroke',
  'mask',
  'filter',
  'href',
  'xlink:href',
  'marker-start',
  'marker-mid',
  'marker-end',
]);

/** The two namespace declarations an SVG root carries; they name a namespace and load nothing. */
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']);

function unquote(v: string): string {
  return v.startsWith('"') || v.startsWith("'") ? v.slice(1, -1) : v;
}

function mapTags(svg: string, f: (tag: string) => string): string {
  return svg.replace(TAG, (tag) => (tag.startsWith('<!') || tag.startsWith('<?') ? tag : f(tag)));
}

/**
 * Why `svg` is not safe to inline in an offline report, or null when it is: it must be one `<svg>`
 * element made of drawing elements only — no scripts, no `foreignObject`, no event-handler
 * attributes, no links or styles that load anything from outside the file.
 */
export function svgProblem(svg: string): string | null {
  const s = svg.trimStart();
  if (!/^<svg[\s>]/.test(s)) return 'does not start with <svg';
  if (!/<\/svg>\s*$/.test(s)) return 'does not end with </svg>';
  if (/<!DOCTYPE|<!ENTITY|<\?xml-stylesheet/i.test(s))
    return 'contains a DOCTYPE, ENTITY or stylesheet instruction';
  let problem: string | null = null;
  mapTags(s, (tag) => {
    if (problem) return tag;
    const name = /^<\/?([^\s/>]+)/.exec(tag)![1].toLowerCase();
    if (!ALLOWED_ELEMENTS.has(name)) {
      problem = `contains a <${name}> element`;
      return tag;
    }
    for (const m of tag.matchAll(ATTR)) {
      const attr = m[2].toLowerCase();
      const value = unquote(m[4]);
      if (attr.startsWith('on')) problem = `has an event-handler attribute ${attr}`;
      else if ((attr === 'href' || attr === 'xlink:href' || attr === 'src') && !value.startsWith('#'))
        problem = `links outside the figure (${attr}="${value.slice(0, 40)}")`;
      else if ((REF_ATTRS.has(attr) || attr === 'style') && /url\s*\(\s*['"]?(?!#)/i.test(value))
        problem = `refers outside the figure (${attr})`;
      else if (attr === 'style' && /@import|expression\s*\(/i.test(value))
        problem = 'has a style attribute that loads or evaluates something';
      else if (attr.startsWith('xmlns') && !NAMESPACES.has(value))
        problem = `declares an unknown namespace ${attr}`;
      if (problem) break;
    }
    return tag;
  });
  return problem;
}

/**
 * Renames every element id in `svg` to `${prefix}${i}`, numbered in order of first appearance, and
 * rewrites the references to it (`url(#…)`, `href="#…"`). Two uses: it makes vega's output
 * independent of how many charts were drawn before (vega numbers clip paths with a process-wide
 * counter), and it keeps ids unique when several figures share one HTML page.
 */
export function renameSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  mapTags(svg, (tag) => {
    for (const m of tag.matchAll(ATTR)) {
      if (m[2] === 'id') {
        const id = unquote(m[4]);
        if (!ids.has(id)) ids.set(id, `${prefix}${ids.size}`);
      }
    }
    return tag;
  });
  if (ids.size === 0) return svg;
  const rename = (id: string) => ids.get(id) ?? id;
  return mapTags(svg, (tag) =>
    tag.replace(ATTR, (all, space: string, name: string, eq: string, raw: string) => {
      const q = raw.startsWith('"') || raw.startsWith("'") ? raw[0] : '';
      const value = unquote(raw);
      let out: string;
      if (name === 'id') out = rename(value);
      else if (REF_ATTRS.has(name.toLowerCase()))
        out = value.startsWith('#')
          ? `#${rename(value.slice(1))}`
          : value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (_u, id: string) => `url(#${rename(id)})`);
      else return all;
      return `${space}${name}${eq}${q}${out}${q}`;
    }),
  );
}
