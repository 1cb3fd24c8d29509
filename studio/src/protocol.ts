/** The messages between the page and its evaluation worker. */
import type { CatalogEntry, StudioAnswer } from '../../src/studio/evaluate.js';

export type { CatalogEntry, StudioAnswer };

/** Page → worker: evaluate this text (answers carry the same id). */
export interface Ask {
  readonly id: number;
  readonly text: string;
  readonly file: string;
}

/** Worker → page. */
export type Reply =
  | {
      readonly type: 'catalog';
      readonly sigma: CatalogEntry[];
      readonly readings: CatalogEntry[];
      readonly defaults: string[];
    }
  | { readonly type: 'answer'; readonly id: number; readonly answer: StudioAnswer }
  | { readonly type: 'failure'; readonly id: number; readonly message: string };
