/**
 * A prepared sequential problem: the environment and principal, checked once, with what the
 * solvers, the simulation loop and the recorder read in their hot loops — the product space, the
 * truth as sparse rows, the parts' normalized rewards, the shares at t = 0, and H's approval cached
 * per (world state, internal state).
 *
 * Rules with an asynchronous `prepare` (the exact ordinal rules' solver) must be made ready first:
 * `await readySigma(principal)`.
 */
import { type SigmaCall, sigmaCall } from '../sigma/apply-utilities.js';
import { getRule } from '../sigma/registry.js';
import {
  type ApprovalReading,
  approvalInState,
  normalizedRewards,
  parseApprovalReading,
} from './approval.js';
import { checkEnvironment, checkPrincipal } from './build.js';
import { nestedApproval, readyNestedSigma, rootOf } from './nesting.js';
import {
  decodeLevels,
  encodeLevels,
  type ProductSpace,
  productSpace,
  type SparseTransitions,
  sharesAt,
  sparseTransitions,
} from './space.js';
import type { Environment, SequentialPrincipal } from '../core/sequential.js';

export interface ModelOptions {
  /** How H's Σ result is read as approval (approval.ts); default `rank`. */
  readonly approval?: ApprovalReading;
}

export interface DynamicsModel {
  readonly env: Environment;
  readonly principal: SequentialPrincipal;
  readonly reading: ApprovalReading;
  readonly space: ProductSpace;
  readonly S: number;
  readonly A: number;
  readonly n: number;
  readonly truth: SparseTransitions;
  /** Each part's original reward, normalized to [0, 1] over all (s, a): S×A per part. */
  readonly welfare: readonly Float64Array[];
  /** H's internal state at t = 0 and its code. */
  readonly initialLevels: Int32Array;
  readonly initialCode: number;
  /** The shares of the parts at t = 0. */
  readonly initialShares: Float64Array;
  readonly sigma: SigmaCall;
  /** H's approval of every action in state s at internal state `code`: a cached row, do not modify. */
  approval(s: number, code: number): Float64Array;
}

/** Largest S · C · A for which approvals are cached in one typed array (else in a map). */
const DENSE_CACHE_LIMIT = 2 ** 22;

export async function readySigma(h: SequentialPrincipal): Promise<void> {
  await getRule(h.sigma.rule).prepare?.();
  await readyNestedSigma(h);
}

/** Checks the environment and principal and prepares them for solving and simulating. */
export function prepareModel(
  env: Environment,
  h: SequentialPrincipal,
  opts: ModelOptions = {},
): DynamicsModel {
  checkEnvironment(env);
  checkPrincipal(env, h);
  const reading = parseApprovalReading(opts.approval ?? h.approval ?? 'rank');
  const space = productSpace(env, h);
  const S = space.S;
  const A = env.actions.length;
  const n = space.n;
  const C = space.codes;
  const sigma = sigmaCall(h.sigma.rule, h.sigma.options);
  const welfare = normalizedRewards(h);
  const sigmaInput = reading === 'score' ? welfare : h.parts.map((p) => p.reward);
  const initialLevels = Int32Array.from(h.internal.initial);
  const lv = new Int32Array(n);

  // A hierarchy is read level by level from the leaves up (nesting.ts); H's own Σ call is this one.
  const root = h.tree ? rootOf(h, reading) : null;
  const rewards = { raw: h.parts.map((p) => p.reward), normalized: welfare };
  const compute = (s: number, code: number, out: Float64Array) =>
    root
      ? nestedApproval(h, root, rewards, A, s, decodeLevels(space, code, lv), out, sigma)
      : approvalInState(h, sigma, reading, sigmaInput, A, s, decodeLevels(space, code, lv), out);

  let approval: (s: number, code: number) => Float64Array;
  if (space.size * A <= DENSE_CACHE_LIMIT) {
    const table = new Float64Array(space.size * A);
    const done = new Uint8Array(space.size);
    approval = (s, code) => {
      const k = s * C + code;
      const row = table.subarray(k * A, (k + 1) * A);
      if (!done[k]) {
        compute(s, code, row);
        done[k] = 1;
      }
      return row;
    };
  } else {
    const cache = new Map<number | string, Float64Array>();
    const exact = space.size <= Number.MAX_SAFE_INTEGER;
    approval = (s, code) => {
      const key = exact ? s * C + code : `${s}:${code}`;
      let row = cache.get(key);
      if (!row) {
        row = compute(s, code, new Float64Array(A));
        cache.set(key, row);
      }
      return row;
    };
  }
  return {
    env,
    principal: h,
    reading,
    space,
    S,
    A,
    n,
    truth: sparseTransitions(env.truth, S, A),
    welfare,
    initialLevels,
    initialCode: encodeLevels(space, initialLevels),
    initialShares: sharesAt(h, initialLevels, new Float64Array(n)),
    sigma,
    approval,
  };
}
