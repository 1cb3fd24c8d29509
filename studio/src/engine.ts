/**
 * The page's side of the worker: at most one evaluation runs; while it runs, only the newest text
 * waits (older edits are dropped), so dragging a slider never queues stale work.
 */
import type { Ask, AxiomAnswer, AxiomAsk, AxiomsAsk, MetaAsk, Reply, StudioAnswer } from './protocol.js';

export interface Timed {
  readonly answer: StudioAnswer;
  /** From the edit to the answer's arrival, in ms (what a user waits). */
  readonly roundTrip: number;
}

export class Engine {
  private readonly worker: Worker;
  private next = 1;
  private busy = false;
  private waiting: { text: string; file: string; meta?: MetaAsk; at: number } | undefined;
  private sentAt = 0;

  constructor(
    onAnswer: (t: Timed) => void,
    onCatalog: (c: Extract<Reply, { type: 'catalog' }>) => void,
    onFailure: (message: string) => void,
  ) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Reply>) => {
      const r = e.data;
      if (r.type === 'catalog') return onCatalog(r);
      if (r.type === 'axioms') return;
      const roundTrip = performance.now() - this.sentAt;
      this.busy = false;
      if (r.type === 'answer') onAnswer({ answer: r.answer, roundTrip });
      else onFailure(r.message);
      this.pump();
    };
    this.worker.onerror = (e) => onFailure(e.message || 'the evaluation worker failed to start');
  }

  evaluate(text: string, file: string, meta?: MetaAsk): void {
    this.waiting = { text, file, meta, at: performance.now() };
    this.pump();
  }

  private pump(): void {
    if (this.busy || !this.waiting) return;
    const { text, file, meta, at } = this.waiting;
    this.waiting = undefined;
    this.busy = true;
    this.sentAt = at;
    const ask: Ask = { id: this.next++, text, file, ...(meta ? { meta } : {}) };
    this.worker.postMessage(ask);
  }
}

/**
 * The axioms searches, in a worker of their own (the same worker code) so that a long search never
 * holds up the live evaluation. A new question ends the running search: only the newest is answered.
 */
export class AxiomEngine {
  private worker: Worker | undefined;
  private current = 0;
  private busy = false;

  constructor(
    private readonly onAnswer: (a: AxiomAnswer, roundTrip: number) => void,
    private readonly onFailure: (message: string) => void,
  ) {}

  search(axioms: AxiomAsk): void {
    if (this.busy) this.stop();
    if (!this.worker) {
      const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<Reply>) => {
        const r = e.data;
        if (r.type === 'catalog' || r.type === 'answer' || r.id !== this.current) return;
        this.busy = false;
        if (r.type === 'axioms') this.onAnswer(r.answer, performance.now() - this.sentAt);
        else this.onFailure(r.message);
      };
      w.onerror = (e) => this.onFailure(e.message || 'the axioms worker failed to start');
      this.worker = w;
    }
    this.busy = true;
    this.sentAt = performance.now();
    const ask: AxiomsAsk = { id: ++this.current, axioms };
    this.worker.postMessage(ask);
  }

  private sentAt = 0;

  /** Ends the running search (its worker), if any. */
  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.busy = false;
  }
}
