/**
 * Capacity limits: a learner that scores items through d features, s = Φθ (Φ is K×d, given).
 * It can represent only score vectors in the span of Φ's columns (plus a constant, which no
 * comparison sees), so whatever H's choices say outside that span is lost before any
 * un-bounding happens. With Φ = the identity this is plain Bradley–Terry (or logit).
 *
 * Fitted by damped Newton on θ (engine.ts) maximizing ℓ(Φθ) − (λ/2)|θ|². Returned scores are
 * Φθ centred to sum to 0. θ itself is identified only when Φ has full column rank and no
 * combination of its columns is constant; otherwise Newton returns one maximizer (steps in the
 * unidentified directions are suppressed by a vanishing ridge). The maximum exists whenever the
 * data are strongly connected, and for any data when λ > 0; a fit on separable data without a
 * prior stops at `maxIterations` (or when the gradient has vanished) with growing θ.
 */
import { UserError } from '../core/errors.js';
import { pairwiseEvaluator } from './bradley-terry.js';
import { type ComparisonData, type Choices, winMatrix } from './data.js';
import { type FeatureFit, type FitOptions, maximizeRestricted, type Restriction } from './engine.js';
import { choiceEvaluator } from './logit.js';

export type { FeatureFit } from './engine.js';

/**
 * A checked feature matrix: `phi` as K rows of d numbers, or K*d row-major numbers with `d`.
 * Errors name the row: `features[2]: expected 3 numbers, got 2`.
 */
export function featureMatrix(
  items: number,
  phi: ArrayLike<number> | readonly (readonly number[])[],
  d?: number,
  where = 'features',
): Restriction {
  if (phi.length > 0 && typeof phi[0] === 'number') {
    const flat = phi as ArrayLike<number>;
    const dd = d ?? flat.length / items;
    if (!Number.isInteger(dd) || dd < 1 || flat.length !== items * dd)
      throw new UserError(`expected ${items}×d numbers (row-major), got ${flat.length}`, where);
    const out = Float64Array.from(flat);
    for (let q = 0; q < out.length; q++)
      if (!Number.isFinite(out[q]))
        throw new UserError(`expected a finite number, got ${out[q]}`, `${where}[${Math.floor(q / dd)}]`);
    return { phi: out, d: dd };
  }
  const rows = phi as readonly (readonly number[])[];
  if (rows.length !== items)
    throw new UserError(`expected ${items} rows (one per item), got ${rows.length}`, where);
  const dd = d ?? rows[0]?.length ?? 0;
  if (dd < 1) throw new UserError('expected at least one feature', where);
  const out = new Float64Array(items * dd);
  for (let i = 0; i < items; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== dd)
      throw new UserError(
        `expected ${dd} numbers, got ${Array.isArray(row) ? row.length : typeof row}`,
        `${where}[${i}]`,
      );
    for (let c = 0; c < dd; c++) {
      if (!Number.isFinite(row[c]))
        throw new UserError(`expected a finite number, got ${row[c]}`, `${where}[${i}]`);
      out[i * dd + c] = row[c];
    }
  }
  return { phi: out, d: dd };
}

/** Bradley–Terry restricted to scores Φθ, on comparisons or exact probabilities. */
export function fitFeatureBradleyTerry(
  data: ComparisonData,
  phi: ArrayLike<number> | readonly (readonly number[])[],
  opts: FitOptions & { d?: number } = {},
): FeatureFit {
  const r = featureMatrix(data.items, phi, opts.d);
  return maximizeRestricted(pairwiseEvaluator(data.items, winMatrix(data)), r, opts);
}

/** Multinomial logit restricted to scores Φθ. */
export function fitFeatureLogit(
  data: Choices,
  phi: ArrayLike<number> | readonly (readonly number[])[],
  opts: FitOptions & { d?: number } = {},
): FeatureFit {
  const r = featureMatrix(data.items, phi, opts.d);
  return maximizeRestricted(choiceEvaluator(data), r, opts);
}
