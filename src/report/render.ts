/** Rendering a vega-lite spec to SVG headless, with ids that depend on the spec alone. */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { PlotSpec } from './plots.js';
import { renameSvgIds } from './svg.js';

export interface RenderOptions {
  /** Element ids in the SVG become `${idPrefix}0`, `${idPrefix}1`, … (default "plot-"). */
  idPrefix?: string;
  /** Receives vega-lite's and vega's warnings (default: dropped). */
  onWarning?: (message: string) => void;
}

function logger(onWarning: ((m: string) => void) | undefined) {
  let level = 2;
  const text = (args: readonly unknown[]) => args.map(String).join(' ');
  const l = {
    level(n?: number) {
      if (n === undefined) return level;
      level = n;
      return l;
    },
    error(...args: readonly unknown[]) {
      throw new Error(text(args));
    },
    warn(...args: readonly unknown[]) {
      onWarning?.(text(args));
      return l;
    },
    info() {
      return l;
    },
    debug() {
      return l;
    },
  };
  return l;
}

/**
 * Renders a vega-lite spec to an SVG string: compile to vega, run a headless view, serialize, and
 * free the view. Text is escaped by vega's serializer; element ids are renumbered so that the output
 * depends on the spec alone.
 */
export async function renderSvg(spec: PlotSpec, options: RenderOptions = {}): Promise<string> {
  const log = logger(options.onWarning);
  // biome-ignore lint/suspicious/noExplicitAny: vega-lite and vega type their loggers differently
  const vg = compile(spec, { logger: log as any }).spec;
  // biome-ignore lint/suspicious/noExplicitAny: same logger object
  const view = new vega.View(vega.parse(vg), { renderer: 'none', logger: log as any });
  try {
    const svg = await view.toSVG();
    return renameSvgIds(svg, options.idPrefix ?? 'plot-');
  } finally {
    view.finalize();
  }
}
