/** How far the studio's axioms search may look: a plain module, so the page imports no search code. */

/** The most profiles (or principals) one search may take: the page stays answerable. */
export const MAX_BUDGET = { sigma: 20_000, reading: 2_000 } as const;
/** What `sulab axioms` searches by default. */
export const DEFAULT_BUDGET = { sigma: 1000, reading: 100 } as const;
