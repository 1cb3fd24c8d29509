import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renameSvgIds, svgProblem } from '../../src/report/svg.js';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const wrap = (inner: string) => `<svg ${NS} width="10" height="10">${inner}</svg>`;

test('a plain drawing is safe to inline', () => {
  assert.equal(
    svgProblem(
      wrap(
        '<defs><clipPath id="c"><rect/></clipPath></defs><g clip-path="url(#c)"><text>a &lt;b&gt;</text></g>',
      ),
    ),
    null,
  );
});

test('scripts, foreign content, handlers and outside references are refused', () => {
  const cases: [string, RegExp][] = [
    [wrap('<script>alert(1)</script>'), /<script>/],
    [wrap('<foreignObject><div/></foreignObject>'), /<foreignobject>/],
    [wrap('<rect onload="alert(1)"/>'), /event-handler attribute onload/],
    [wrap('<image href="https://example.org/x.png"/>'), /<image>/],
    [wrap('<use href="https://example.org/x.svg#a"/>'), /links outside/],
    [wrap('<use xlink:href="javascript:alert(1)"/>'), /links outside/],
    [wrap('<rect fill="url(https://example.org/p.svg#g)"/>'), /refers outside/],
    [wrap('<rect style="fill:url(x.svg#g)"/>'), /refers outside/],
    [wrap('<style>@import "x.css";</style>'), /<style>/],
    ['<div>not svg</div>', /does not start with <svg/],
    ['<svg><rect/>', /does not end with <\/svg>/],
  ];
  for (const [svg, why] of cases) assert.match(svgProblem(svg) ?? 'accepted', why, svg);
});

test('text that looks like markup inside labels is not mistaken for it', () => {
  assert.equal(
    svgProblem(wrap('<text aria-label="onload=&quot;x&quot; url(http://a)">onclick=1 url(http://b)</text>')),
    null,
  );
});

test('ids are renumbered in order of appearance, with references, and text is left alone', () => {
  const svg = wrap(
    '<defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_3"/></defs>' +
      '<g clip-path="url(#clip7)"><rect fill="url(#gradient_3)"/><use href="#clip7"/><text>url(#clip7) id="clip7"</text></g>',
  );
  const out = renameSvgIds(svg, 'f2-');
  assert.equal(
    out,
    wrap(
      '<defs><clipPath id="f2-0"><rect/></clipPath><linearGradient id="f2-1"/></defs>' +
        '<g clip-path="url(#f2-0)"><rect fill="url(#f2-1)"/><use href="#f2-0"/><text>url(#clip7) id="clip7"</text></g>',
    ),
  );
  assert.equal(renameSvgIds(out, 'f2-'), out);
});
