/** The messages between the page and its evaluation worker. */
import type { AxiomAnswer, AxiomAsk, AxiomCatalog } from '../../src/studio/axioms.js';
import type { CatalogEntry, StudioAnswer } from '../../src/studio/evaluate.js';
import type { MetaAnswer, MetaAsk } from '../../src/studio/meta.js';

export type { AxiomAnswer, AxiomAsk, AxiomCatalog, CatalogEntry, MetaAnswer, MetaAsk, StudioAnswer };

/** Page → worker: evaluate this text (answers carry the same id). */
export interface Ask {
  readonly id: number;
  readonly text: string;
  readonly file: string;
  /** Also run the meta-preference dynamics with these targets. */
  readonly meta?: MetaAsk;
}

/** Page → worker: search for a counterexample to one axiom (answers carry the same id). */
export interface AxiomsAsk {
  readonly id: number;
  readonly axioms: AxiomAsk;
}

/** Worker → page. */
export type Reply =
  | {
      readonly type: 'catalog';
      readonly sigma: CatalogEntry[];
      readonly readings: CatalogEntry[];
      readonly defaults: string[];
      readonly axioms: AxiomCatalog;
    }
  | { readonly type: 'axioms'; readonly id: number; readonly answer: AxiomAnswer }
  | { readonly type: 'answer'; readonly id: number; readonly answer: StudioAnswer }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };
