/**
 * The page's side of the worker: at most one evaluation runs; while it runs, only the newest text
 * waits (older edits are dropped), so dragging a slider never queues stale work.
 */
import type { Ask, MetaAsk, Reply, StudioAnswer } from './protocol.js';

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
