/**
 * The evaluation worker: the library's own loader and runner (src/studio/evaluate.ts, which calls
 * run/one-shot's `evaluate`, as `sulab run` does), off the page's thread so sliders stay smooth.
 */
import { axiomCatalog, studioAxioms } from '../../src/studio/axioms.js';
import { catalog, studioEvaluate } from '../../src/studio/evaluate.js';
import { DEFAULT_ALIGNMENTS } from '../../src/scenario/index.js';
import { rules } from '../../src/sigma/registry.js';
import type { Ask, AxiomsAsk, Reply } from './protocol.js';

const post = (r: Reply) => (self as unknown as Worker).postMessage(r);

// The exact rules' MIP solver (WebAssembly) loads once; a rule that still needs it says so itself.
const ready = Promise.all(rules.map((r) => r.prepare?.())).catch(() => undefined);

post({ type: 'catalog', ...catalog(), defaults: [...DEFAULT_ALIGNMENTS], axioms: axiomCatalog() });

self.onmessage = async (e: MessageEvent<Ask | AxiomsAsk>) => {
  await ready;
  if ('axioms' in e.data) {
    const { id, axioms } = e.data;
    try {
      post({ type: 'axioms', id, answer: studioAxioms(axioms) });
    } catch (err) {
      post({ type: 'failure', id, message: (err as Error)?.message ?? String(err) });
    }
    return;
  }
  const { id, text, file, meta } = e.data;
  try {
    post({ type: 'answer', id, answer: studioEvaluate(text, file, meta) });
  } catch (err) {
    post({ type: 'failure', id, message: (err as Error)?.message ?? String(err) });
  }
};
