/**
 * The product space world state × internal state, and the influence model that moves H's
 * internal state.
 *
 * Indexing. The internal state is one level per part, λ ∈ {0 … L−1}^n. It is indexed by the
 * mixed-radix integer code(λ) = Σ_i λ_i · L^i (part 0 is the least significant digit), so there are
 * C = L^n codes; a product state (s, λ) is the integer s · C + code(λ), N = S · C in all.
 *
 * Influence (one step). From levels λ, A takes action a and the world moves to s':
 *   λ' = clamp(clamp(λ + actionShift[a]) + stateShift[s'])
 * — A's action acts first, then arriving in s' acts; each clamps to 0 … L−1. The internal
 * transition is deterministic given (λ, a, s'), so the product model's transition is
 * P((s', λ') | (s, λ), a) = truth[s][a][s'] with λ' as above. Everything that steps H's internal
 * state (solvers, the simulation loop, other agents) should call `nextLevels` or the tables below,
 * so they agree on this order.
 *
 * Shares. Part i's weight at levels λ is weight_i · gain[λ_i]; the shares are the weights divided
 * by their sum. When every weight is 0 (possible only when some level has gain 0) no part has a
 * say: the shares are all 0. In a hierarchy (nesting.ts) the parts are the leaves, and a leaf's share
 * is the product of the shares down its path.
 */
import type { Environment, InternalModel, SequentialPrincipal } from '../core/sequential.js';
import { nestedShares } from './nesting.js';

export interface ProductSpace {
  /** World states. */
  readonly S: number;
  /** Parts. */
  readonly n: number;
  /** Levels per part. */
  readonly L: number;
  /** Internal states: L^n. */
  readonly codes: number;
  /** Product states: S · L^n. */
  readonly size: number;
}

export function productSpace(env: Environment, h: SequentialPrincipal): ProductSpace {
  const S = env.states.length;
  const n = h.parts.length;
  const L = h.internal.levels;
  const codes = L ** n;
  return { S, n, L, codes, size: S * codes };
}

/** code(λ) = Σ_i λ_i · L^i. */
export function encodeLevels(space: ProductSpace, levels: ArrayLike<number>): number {
  let code = 0;
  for (let i = space.n - 1; i >= 0; i--) code = code * space.L + levels[i];
  return code;
}

/** Writes the levels of `code` into `out` (length n) and returns it. */
export function decodeLevels(
  space: ProductSpace,
  code: number,
  out: Int32Array = new Int32Array(space.n),
): Int32Array {
  const L = space.L;
  for (let i = 0; i < space.n; i++) {
    const q = Math.floor(code / L);
    out[i] = code - q * L;
    code = q;
  }
  return out;
}

/** The influence model's step: levels after A takes `a` and the world moves to `s2` (into `out`). */
export function nextLevels(
  m: InternalModel,
  levels: ArrayLike<number>,
  a: number,
  s2: number,
  out: Int32Array,
): Int32Array {
  const n = out.length;
  const top = m.levels - 1;
  for (let i = 0; i < n; i++) {
    let l = levels[i] + m.actionShift[a * n + i];
    l = l < 0 ? 0 : Math.min(l, top);
    l += m.stateShift[s2 * n + i];
    out[i] = l < 0 ? 0 : Math.min(l, top);
  }
  return out;
}

/** Shares of the parts at `levels` (into `out`); all 0 when no part has any weight. */
export function sharesAt(h: SequentialPrincipal, levels: ArrayLike<number>, out: Float64Array): Float64Array {
  // A hierarchy's leaves: the product of the shares down each path (nesting.ts).
  if (h.tree) return nestedShares(h, levels, out);
  const g = h.internal.gain;
  let total = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = h.parts[i].weight * g[levels[i]];
    total += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] = total > 0 ? out[i] / total : 0;
  return out;
}

/**
 * The influence model over codes, for the solvers. `afterActionRow` writes, for one code c, the code
 * after each action (out[a]); `afterStateTable` is the C×S table of the code after arriving in s'
 * (`table[c·S + s']`), or null when no state shifts anything. So
 * code' = afterState[afterAction(c)[a]·S + s'].
 */
export function afterActionRow(
  space: ProductSpace,
  m: InternalModel,
  code: number,
  A: number,
  lv: Int32Array,
  out: Int32Array,
): Int32Array {
  const { n, L } = space;
  const top = L - 1;
  decodeLevels(space, code, lv);
  for (let a = 0; a < A; a++) {
    let c = 0;
    for (let i = n - 1; i >= 0; i--) {
      const l = lv[i] + m.actionShift[a * n + i];
      c = c * L + (l < 0 ? 0 : Math.min(l, top));
    }
    out[a] = c;
  }
  return out;
}

export function afterStateTable(space: ProductSpace, m: InternalModel): Int32Array | null {
  if (!m.stateShift.some((x) => x !== 0)) return null;
  const { S, n, L, codes: C } = space;
  const top = L - 1;
  const out = new Int32Array(C * S);
  const lv = new Int32Array(n);
  for (let c = 0; c < C; c++) {
    decodeLevels(space, c, lv);
    for (let s2 = 0; s2 < S; s2++) {
      let code = 0;
      for (let i = n - 1; i >= 0; i--) {
        const l = lv[i] + m.stateShift[s2 * n + i];
        code = code * L + (l < 0 ? 0 : Math.min(l, top));
      }
      out[c * S + s2] = code;
    }
  }
  return out;
}

/**
 * The truth as sparse rows (successors with positive probability): for row r = s·A + a, the
 * entries rowStart[r] … rowStart[r+1]−1 of `next` and `prob`.
 */
export interface SparseTransitions {
  readonly rowStart: Int32Array;
  readonly next: Int32Array;
  readonly prob: Float64Array;
}

export function sparseTransitions(T: Float64Array, S: number, A: number): SparseTransitions {
  let nnz = 0;
  for (let k = 0; k < T.length; k++) if (T[k] > 0) nnz++;
  const rowStart = new Int32Array(S * A + 1);
  const next = new Int32Array(nnz);
  const prob = new Float64Array(nnz);
  let k = 0;
  for (let r = 0; r < S * A; r++) {
    rowStart[r] = k;
    for (let s2 = 0; s2 < S; s2++) {
      const p = T[r * S + s2];
      if (p > 0) {
        next[k] = s2;
        prob[k++] = p;
      }
    }
  }
  rowStart[S * A] = k;
  return { rowStart, next, prob };
}
