/**
 * The evaluation worker: the library's own loader and runner (src/studio/evaluate.ts, which calls
 * run/one-shot's `evaluate`, as `sulab run` does), off the page's thread so sliders stay smooth.
 */
import { catalog, studioEvaluate } from '../../src/studio/evaluate.js';
import { DEFAULT_ALIGNMENTS } from '../../src/scenario/index.js';
import { rules } from '../../src/sigma/registry.js';
import type { Ask, Reply } from './protocol.js';

const post = (r: Reply) => (self as unknown as Worker).postMessage(r);

// The exact rules' MIP solver (WebAssembly) loads once; a rule that still needs it says so itself.
const ready = Promise.all(rules.map((r) => r.prepare?.())).catch(() => undefined);

post({ type: 'catalog', ...catalog(), defaults: [...DEFAULT_ALIGNMENTS] });

self.onmessage = async (e: MessageEvent<Ask>) => {
  const { id, text, file, meta } = e.data;
  await ready;
  try {
    post({ type: 'answer', id, answer: studioEvaluate(text, file, meta) });
  } catch (err) {
    post({ type: 'failure', id, message: (err as Error)?.message ?? String(err) });
  }
};
