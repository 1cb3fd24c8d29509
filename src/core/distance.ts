/** Distances between distributions (lotteries over actions, weight shares of parts). */

/** Total-variation distance ½ Σ |x − y|. */
export function totalVariation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d += Math.abs(x[i] - y[i]);
  return d / 2;
}
