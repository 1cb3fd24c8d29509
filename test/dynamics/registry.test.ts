/**
 * Driven by the agent registry: each listed agent, built with its default options, is held to what
 * it claims on random small problems where everything is exact — 'max-approval' and
 * 'max-original-welfare' against every planning agent the registry can build (every option value),
 * 'pareto' against every deterministic policy (by enumeration, under each part's own beliefs).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { compareAgents } from '../../src/dynamics/compare.js';
import { findDominating, nrlProblem } from '../../src/dynamics/nrl/index.js';
import { agents } from '../../src/dynamics/registry.js';
import { randomModel } from './core/helpers.js';

const size = { S: 2, A: 2, n: 2, L: 2, H: 3 };

/** Every agent the registry can build: each entry with each value of its boolean options. */
function everyVariant() {
  return agents.flatMap((e) => {
    const flags = e.options.filter((o) => o.type === 'boolean').map((o) => o.name);
    const combos = flags.reduce<Record<string, boolean>[]>(
      (acc, f) =>
        acc.flatMap((c) => [
          { ...c, [f]: false },
          { ...c, [f]: true },
        ]),
      [{}],
    );
    return combos.map((c) => e.make(c));
  });
}

for (const entry of agents)
  test(`${entry.id} keeps its claims (${entry.claims.join(', ') || 'none'}) on random problems`, () => {
    for (let seed = 1; seed <= 12; seed++) {
      const model = randomModel(seed, size, { ownBeliefs: true });
      const agent = entry.make({});
      // An agent that refuses this model (whole/maxent-irl where A's actions move H's weights: no
      // reward over states and actions is H's) is no comparison here; its refusal is a UserError.
      const plans = (a: ReturnType<typeof entry.make>) => {
        try {
          a.plan?.(model);
          return a.plan !== undefined;
        } catch (e) {
          assert.ok(e instanceof UserError, String(e));
          return false;
        }
      };
      const planners = everyVariant().filter(plans);
      const [mine, ...others] = compareAgents(model, plans(agent) ? [agent, ...planners] : planners);
      for (const claim of entry.claims) {
        if (claim === 'max-approval')
          for (const o of others) assert.ok(mine.approval >= o.approval - 1e-9, `${o.agent} (seed ${seed})`);
        if (claim === 'max-original-welfare')
          for (const o of others)
            assert.ok(mine.originalWelfare >= o.originalWelfare - 1e-9, `${o.agent} (seed ${seed})`);
        if (claim === 'pareto') {
          const own = agent.report?.(model).nrl?.own_beliefs;
          assert.ok(own, 'a pareto agent reports each part’s value by its own beliefs');
          assert.equal(findDominating(nrlProblem(model), own), null, `seed ${seed}`);
        }
      }
    }
  });
