/**
 * The policy-aggregation rules as agents A of a sequential scenario (policy/borda, policy/quantile,
 * policy/approval, policy/veto-core): the parts rank whole policies by their own returns under the
 * truth, Σ runs over the occupancy polytope, and A follows the chosen point's stochastic Markov
 * policy π_t(a | s) = x_t(s, a) / Σ_b x_t(s, b).
 *
 * A point of the polytope is in general a stochastic policy, and the engine's policies return one
 * action; the policy draws its actions from its own seeded stream (the agent's `seed`), fresh each
 * time `policy()` is called, so a run — and the runner's rollout estimates — are reproducible. A
 * state the chosen policy never reaches (a replayed observation) falls back to the best action for
 * the original parts there. Each part's return and level at the chosen policy come from the
 * occupancy measure itself; the runner's totals evaluate the same stochastic rule exactly
 * (`stochasticRule`), so both are exact and agree.
 */
import { UserError } from '../../core/errors.js';
import { Random } from '../../core/random.js';
import type { OptionSpec, Options } from '../../sigma/types.js';
import type { AgentEntry, DynamicsAgent } from '../agents.js';
import type { DynamicsModel } from '../model.js';
import { originalWelfareTable } from '../objective.js';
import type { Policy } from '../policy.js';
import { policyAt } from './polytope.js';
import { type PolicyProfile, policyProfile } from './profile.js';
import { type Aggregate, approval, borda, quantileFair, vetoCore } from './rules.js';

const MAX_SAMPLES = 100_000;

const samplesOption: OptionSpec = {
  name: 'samples',
  type: 'number',
  default: 2000,
  description:
    'Points drawn uniformly from the occupancy polytope (hit-and-run) whose returns estimate its volumes.',
  check: (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 10 && v <= MAX_SAMPLES
      ? undefined
      : `expected a whole number of samples in 10 … ${MAX_SAMPLES}, got ${v}`,
};

const seedOption: OptionSpec = {
  name: 'seed',
  type: 'number',
  default: 1,
  description: 'Seed of the volume sample and of the stochastic policy’s draws.',
  check: (v) =>
    typeof v === 'number' && Number.isInteger(v) ? undefined : `expected a whole number, got ${v}`,
};

const alphaOption: OptionSpec = {
  name: 'alpha',
  type: 'number',
  default: 0.5,
  description: 'Each part approves the policies in its top α share of the polytope’s volume.',
  check: (v) =>
    typeof v === 'number' && v > 0 && v <= 1 ? undefined : `expected a share in (0, 1], got ${v}`,
};

type Rule = (p: PolicyProfile, options: Options) => Aggregate;

/** Profiles by model, sample size and seed: the rules a scenario lists read one sample. */
const profiles = new WeakMap<DynamicsModel, Map<string, PolicyProfile>>();

function sharedProfile(model: DynamicsModel, samples: number, seed: number): PolicyProfile {
  let byKey = profiles.get(model);
  if (!byKey) {
    byKey = new Map();
    profiles.set(model, byKey);
  }
  const key = `${samples}:${seed}`;
  let p = byKey.get(key);
  if (!p) {
    p = policyProfile(model, samples, seed);
    byKey.set(key, p);
  }
  return p;
}

/** A policy-aggregation agent: the rule's point, computed once per model. */
export function policyAgent(spec: {
  id: string;
  title: string;
  description: string;
  rule: Rule;
  options: Options;
}): DynamicsAgent & { aggregate(model: DynamicsModel): Aggregate } {
  const samples = Number(spec.options.samples ?? 2000);
  const seed = Number(spec.options.seed ?? 1);
  const solved = new WeakMap<DynamicsModel, { profile: PolicyProfile; result: Aggregate }>();
  const solve = (model: DynamicsModel) => {
    let s = solved.get(model);
    if (!s) {
      const profile = sharedProfile(model, samples, seed);
      s = { profile, result: spec.rule(profile, spec.options) };
      solved.set(model, s);
    }
    return s;
  };
  /**
   * The chosen policy's action probabilities at (t, s); a pair it never reaches (a replayed
   * observation) gets the best action for the original parts there.
   */
  const actionProbabilities = (model: DynamicsModel) => {
    const { profile, result } = solve(model);
    const P = profile.P;
    const A = model.A;
    const table = P.pairs.map(({ t, s }) => policyAt(P, result.x, t, s));
    const fallback = originalWelfareTable(model);
    const best = Array.from({ length: model.S }, (_, s) => {
      let b = 0;
      for (let a = 1; a < A; a++) if (fallback[s * A + a] > fallback[s * A + b] + 1e-12) b = a;
      const row = new Float64Array(A);
      row[b] = 1;
      return row;
    });
    return (t: number, s: number): Float64Array => {
      const k = t < P.horizon ? P.pairIndex[t * P.S + s] : -1;
      return (k >= 0 ? table[k] : null) ?? best[s];
    };
  };
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    aggregate: (model) => solve(model).result,
    stochasticRule: (model) => actionProbabilities(model),
    policy(model, opts = {}): Policy {
      if (opts.horizon !== undefined && opts.horizon !== model.env.horizon)
        throw new UserError(
          `${spec.id} aggregates policies over the scenario's horizon (${model.env.horizon}), not ${opts.horizon}`,
          'horizon',
        );
      const at = actionProbabilities(model);
      const A = model.A;
      const rng = new Random([seed, 0x9071c7]);
      return (m) => {
        const pi = at(m.t, m.state);
        let top = 0;
        for (let a = 1; a < A; a++) if (pi[a] > pi[top]) top = a;
        if (pi[top] > 1 - 1e-12) return top;
        return rng.weighted(pi);
      };
    },
    report(model) {
      const { result } = solve(model);
      return { policy: { return: result.returns, level: result.levels } };
    },
  };
}

function entry(
  id: string,
  title: string,
  description: string,
  rule: Rule,
  extra: OptionSpec[] = [],
): AgentEntry {
  return {
    id,
    title,
    description,
    options: [...extra, samplesOption, seedOption],
    claims: [],
    make: (options) => policyAgent({ id, title, description, rule, options }),
  };
}

export const policyBordaEntry = entry(
  'policy/borda',
  'Policy aggregation: Borda',
  'Each part ranks whole policies by its own return; the policy with the highest Borda score over the occupancy polytope (the sum of the shares of the polytope each part ranks below it).',
  (p) => borda(p),
);

export const policyQuantileEntry = entry(
  'policy/quantile',
  'Policy aggregation: quantile fairness',
  'The policy in the largest top share of the occupancy polytope for every part at once (each part ranks it above a share q of all policies, q as large as possible; by Grünbaum’s theorem q ≥ 1/e).',
  (p) => quantileFair(p),
);

export const policyApprovalEntry = entry(
  'policy/approval',
  'Policy aggregation: α-approval',
  'Each part approves the policies in its top α share of the occupancy polytope; the policy approved by the most parts.',
  (p, o) => approval(p, Number(o.alpha ?? 0.5)),
  [alphaOption],
);

export const policyVetoCoreEntry = entry(
  'policy/veto-core',
  'Policy aggregation: proportional veto core',
  'Each part vetoes its worst 1/n share of the occupancy polytope in turn; a policy no coalition can veto.',
  (p) => vetoCore(p),
);
