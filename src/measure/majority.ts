/** Weighted pairwise majority among H's parts, on a parts × actions utility problem. */
import type { UtilityProblem } from '../core/utility.js';

/**
 * The action that beats every other by a strict majority of the parts' weight, each part voting
 * by its utilities (equal utilities abstain); -1 when there is none.
 */
export function majorityWinner(p: UtilityProblem): number {
  const { parts: n, actions: A, u, weights } = p;
  for (let a = 0; a < A; a++) {
    let beatsAll = true;
    for (let b = 0; b < A && beatsAll; b++) {
      if (b === a) continue;
      let margin = 0;
      for (let i = 0; i < n; i++) {
        const d = u[i * A + a] - u[i * A + b];
        if (d > 0) margin += weights[i];
        else if (d < 0) margin -= weights[i];
      }
      if (!(margin > 0)) beatsAll = false;
    }
    if (beatsAll) return a;
  }
  return -1;
}
