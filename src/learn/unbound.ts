/**
 * Un-bounding a learned model: where "whole / learned" alignment takes H's fitted scores and
 * optimizes them outright. `argmax` is the full tie set of the best-scoring items; `ordering` is
 * the learned ranking, best first, as groups of tied items. Scores count as tied when they differ
 * by at most tol·max(1, max|s|) from the best score of their group (default tol 1e-9, well above
 * the fitters' numerical error and far below any difference the data can resolve).
 */

function absTol(scores: ArrayLike<number>, tol: number): number {
  let m = 0;
  for (let i = 0; i < scores.length; i++) m = Math.max(m, Math.abs(scores[i]));
  return tol * Math.max(1, m);
}

/** The items with the highest score (ascending indices), ties within tolerance included. */
export function argmax(scores: ArrayLike<number>, tol = 1e-9): number[] {
  if (scores.length === 0) return [];
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) if (scores[i] > best) best = scores[i];
  const eps = absTol(scores, tol);
  const out: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] >= best - eps) out.push(i);
  return out;
}

/**
 * The items best first, as groups of tied items (each group ascending). A group holds every item
 * within tolerance of the group's first (highest) score.
 */
export function ordering(scores: ArrayLike<number>, tol = 1e-9): number[][] {
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => scores[b] - scores[a] || a - b,
  );
  const eps = absTol(scores, tol);
  const groups: number[][] = [];
  let top = Number.NaN;
  for (const i of idx) {
    if (groups.length > 0 && scores[i] >= top - eps) groups[groups.length - 1].push(i);
    else {
      groups.push([i]);
      top = scores[i];
    }
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return groups;
}

/** The un-bounded decision of a learned score vector, in the shape aggregators report. */
export function unbound(
  scores: ArrayLike<number>,
  tol = 1e-9,
): { winners: number[]; ranking: number[][]; scores: number[] } {
  return { winners: argmax(scores, tol), ranking: ordering(scores, tol), scores: Array.from(scores) };
}
