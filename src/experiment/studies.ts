/**
 * Built-in studies: questions the essay raises about distributions of principals, each a sweep
 * (written here as a sweep file's text, over a principal generator) and a summary that states the
 * finding from the store's numbers. `sulab study NAME` runs one; `--cells N` sets how many random
 * principals per grid point. Adding a study is one entry in `studies`.
 */
import { labelOf } from '../core/names.js';
import { Registry } from '../core/registry.js';

/** Options a study takes from the command line, with their defaults. */
export interface StudyOption {
  readonly name: string;
  readonly description: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

export type Query = (sql: string) => Promise<unknown[][]>;

export interface Study {
  readonly name: string;
  readonly title: string;
  /** The essay's question, and how the sweep answers it. */
  readonly description: string;
  /** Random principals (or profiles) per grid point unless --cells says otherwise. */
  readonly cells: number;
  readonly options: readonly StudyOption[];
  /** A base `scenario:` path names a built-in scenario (resolved in the package's scenarios folder). */
  readonly builtinBase?: boolean;
  /** The sweep file's text for these option values and cells per point. */
  sweep(opts: Readonly<Record<string, number>>, cells: number, seed: number): string;
  /** What the store says: JSON for scripts and lines of text that state the finding. */
  summarize(q: Query, opts: Readonly<Record<string, number>>): Promise<{ json: unknown; text: string }>;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: unknown) => Number(x);

/** Readings compared by the self-alignment and bottom-line studies. */
const READINGS = [
  'boundary/instruction',
  'boundary/approval',
  'parts/weighted-utilitarian',
  'parts/nash-bargaining',
  'parts/borda',
  'parts/pareto',
  'parts/delegates',
  'parts/idealized',
  'parts/pooled',
  'whole/learned',
];

const selfAlignment: Study = {
  name: 'self-alignment',
  title: 'How often is H aligned with itself, by reading, number of parts and Σ',
  description:
    'Random principals (impartial utilities, Dirichlet weights, beliefs diverging by 0.3) with 2, 3, 5 and 8 parts and 5 actions, H aggregating by plurality, Borda or weighted utilitarian; for each reading, the share of principals under which H is self-aligned (gap ≤ ε).',
  cells: 40,
  options: [],
  sweep: (_o, cells, seed) => `kind: sweep
name: self-alignment
seed: ${seed}
base:
  generator: {model: impartial, actions: 5, weights: dirichlet, divergence: 0.3}
grid:
  generator.parts: [2, 3, 5, 8]
  generator.sigma: [plurality, borda, weighted-utilitarian]
replicates: ${cells}
readings: [${READINGS.join(', ')}]
measures: [self_aligned]
`,
  async summarize(q) {
    const rows = await q(
      `SELECT reading, generator_parts::INTEGER, generator_sigma, count(*)::INTEGER, avg(value)
       FROM tidy WHERE measure = 'self_aligned' GROUP BY ALL ORDER BY ALL`,
    );
    const json = rows.map(([reading, parts, sigma, cells, share]) => ({
      reading,
      parts: num(parts),
      sigma,
      cells: num(cells),
      share: num(share),
    }));
    // By reading and number of parts, over the three Σ.
    const byParts = await q(
      `SELECT reading, generator_parts::INTEGER, avg(value) FROM tidy WHERE measure = 'self_aligned'
       GROUP BY ALL ORDER BY reading, 2`,
    );
    const parts = [...new Set(byParts.map((r) => num(r[1])))];
    const table = new Map<string, number[]>();
    for (const [reading, p, share] of byParts) {
      const row = table.get(String(reading)) ?? [];
      row[parts.indexOf(num(p))] = num(share);
      table.set(String(reading), row);
    }
    const lines = [...table].map(
      ([reading, shares]) => `  ${reading.padEnd(28)} ${shares.map((s) => pct(s).padStart(7)).join(' ')}`,
    );
    const never = [...table].filter(([, s]) => s.every((x) => x < 1)).map(([r]) => r);
    return {
      json,
      text: [
        'Share of random principals self-aligned under each reading (all three Σ), by number of parts:',
        `  ${'reading'.padEnd(28)} ${parts.map((p) => `${p} parts`.padStart(7)).join(' ')}`,
        ...lines,
        `Under ${never.length} of ${table.size} readings some random principal is not aligned with itself: the relation is not reflexive in general.`,
      ].join('\n'),
    };
  },
};

const beliefDivergence: Study = {
  name: 'belief-divergence',
  title: 'The worst-off part as the parts’ beliefs diverge',
  description:
    'Random 4-part, 5-action principals whose parts’ beliefs diverge from the shared world model by δ from 0 to 1; for each reading, the mean welfare of the worst-off part of its target.',
  cells: 40,
  options: [],
  sweep: (_o, cells, seed) => `kind: sweep
name: belief-divergence
seed: ${seed}
base:
  generator: {model: impartial, parts: 4, actions: 5, world: random, outcomes: 5}
grid:
  generator.divergence: [0, 0.25, 0.5, 0.75, 1]
replicates: ${cells}
readings: [boundary/instruction, parts/weighted-utilitarian, parts/nash-bargaining, parts/idealized, parts/pooled]
measures: [worst_off_welfare]
`,
  async summarize(q) {
    const rows = await q(
      `SELECT reading, generator_divergence, count(value)::INTEGER, avg(value), stddev_samp(value) / sqrt(count(value))
       FROM tidy WHERE measure = 'worst_off_welfare' GROUP BY ALL ORDER BY ALL`,
    );
    const json = rows.map(([reading, divergence, cells, mean, se]) => ({
      reading,
      divergence: num(divergence),
      cells: num(cells),
      mean: num(mean),
      stderr: se === null ? null : num(se),
    }));
    const readings = [...new Set(json.map((r) => String(r.reading)))];
    const text = readings.map((r) => {
      const xs = json.filter((x) => x.reading === r);
      return `  ${r.padEnd(28)} ${xs.map((x) => x.mean.toFixed(3)).join('  ')}  (δ = ${xs.map((x) => x.divergence).join(', ')})`;
    });
    return {
      json,
      text: [
        'Mean welfare of the worst-off part of each reading’s target, as beliefs diverge:',
        ...text,
      ].join('\n'),
    };
  },
};

const bottomLine: Study = {
  name: 'bottom-line',
  title: 'How much of what A could do some reading calls aligned',
  description:
    'The essay’s bottom line — “the result of your alignment scheme can be pretty much anything” — as a distribution: random principals (impartial utilities, Dirichlet weights, beliefs diverging by 0.3) with 2, 3, 5 and 8 parts and 5 actions, H aggregating by Borda; for each principal, how many of the 5 actions at least one of nine readings accepts as aligned, and how often that is every action.',
  cells: 60,
  options: [],
  sweep: (_o, cells, seed) => `kind: sweep
name: bottom-line
seed: ${seed}
base:
  generator: {model: impartial, actions: 5, weights: dirichlet, divergence: 0.3, sigma: borda}
grid:
  generator.parts: [2, 3, 5, 8]
replicates: ${cells}
readings: [${READINGS.join(', ')}]
measures: [accepted_by_some]
`,
  async summarize(q) {
    const rows = await q(
      `SELECT generator_parts::INTEGER, count(*)::INTEGER, avg(value), stddev_samp(value) / sqrt(count(*)),
         avg((value >= 3)::INTEGER), avg((value = 5)::INTEGER)
       FROM tidy WHERE measure = 'accepted_by_some' GROUP BY ALL ORDER BY ALL`,
    );
    const json = rows.map(([parts, cells, mean, se, atLeast3, all]) => ({
      parts: num(parts),
      cells: num(cells),
      actions: 5,
      mean_accepted: num(mean),
      stderr: se === null ? null : num(se),
      share_at_least_3: num(atLeast3),
      share_all: num(all),
    }));
    const lines = json.map(
      (r) =>
        `  ${String(r.parts).padStart(2)} parts: ${r.mean_accepted.toFixed(2)} of 5 actions accepted by some reading on average; ≥ 3 in ${pct(r.share_at_least_3)}, all 5 in ${pct(r.share_all)} of ${r.cells} principals`,
    );
    const last = json.at(-1);
    const first = json[0];
    // "Grows" only when the difference is beyond two standard errors of it.
    const se = (r: typeof first) => r?.stderr ?? 0;
    const grows =
      last !== undefined &&
      first !== undefined &&
      last.mean_accepted - first.mean_accepted > 2 * Math.hypot(se(first), se(last));
    return {
      json,
      text: [
        'What some reading of “A is aligned with H” accepts, out of 5 actions, over random principals:',
        ...lines,
        `${grows ? 'The more parts H has, the more of what A could do is aligned under some reading' : 'With these samples the number of parts does not measurably widen what some reading accepts'}; wherever more than one action is accepted, a behaviour’s being “aligned” says little until the reading is named.`,
      ].join('\n'),
    };
  },
};

/** P(no Condorcet winner) as n → ∞ under impartial culture (Guilbaud 1952; Gehrlein 2006). */
const ASYMPTOTIC: Readonly<Record<number, number>> = {
  3: 1 - (0.75 + (3 / (2 * Math.PI)) * Math.asin(1 / 3)),
  4: 0.17548,
  5: 0.25131,
};

const condorcetFrequency: Study = {
  name: 'condorcet-frequency',
  title: 'How often impartial-culture profiles have no Condorcet winner (an engine check)',
  description:
    'Principals whose m actions the n parts rank by independent uniform utilities (impartial culture, equal weights): the share with no Condorcet winner, with its standard error, next to the published asymptotic value.',
  cells: 2000,
  options: [
    { name: 'm', description: 'candidates (actions)', default: 3, min: 2, max: 20 },
    { name: 'n', description: 'voters (parts)', default: 25, min: 1, max: 1000 },
  ],
  sweep: (o, cells, seed) => `kind: sweep
name: condorcet-frequency
seed: ${seed}
base:
  generator: {model: impartial, parts: ${o.n}, actions: ${o.m}}
replicates: ${cells}
readings: [boundary/instruction]
measures: [condorcet_winner]
`,
  async summarize(q, o) {
    const [[cells, share]] = await q(
      "SELECT count(*)::INTEGER, avg(value) FROM tidy WHERE measure = 'condorcet_winner'",
    );
    const n = num(cells);
    const frequency = 1 - num(share);
    const stderr = Math.sqrt((frequency * (1 - frequency)) / n);
    const published = ASYMPTOTIC[o.m] ?? null;
    return {
      json: [{ m: o.m, n: o.n, cells: n, frequency, stderr, asymptotic: published }],
      text: `No Condorcet winner in ${pct(frequency)} ± ${pct(stderr)} of ${n} impartial-culture profiles (m = ${o.m}, n = ${o.n})${
        published === null ? '' : `; the published value as n → ∞ is ${pct(published)}`
      }.`,
    };
  },
};

const PLANNER = 'boundary/approval';
// The store's reading column holds each agent's label, as `sulab run` names it.
const MYOPIC = labelOf({ id: PLANNER, options: { myopic: true } });

const manipulationHorizon: Study = {
  name: 'manipulation-horizon',
  title: 'How much approval a boundary agent gains by reshaping H, by horizon',
  description:
    'The productivity assistant (scenarios/productivity.yaml) over horizons 1 to --max-horizon days: the boundary agent that maximizes H’s approval over the horizon (it plans, so it may nudge H’s attention toward work) against the same agent myopic (it never reshapes H for later) and the agent of the original parts; exact expectations. The approval the planner gains over the myopic agent is what reshaping H buys, and the original parts’ welfare it gives up is what it costs them.',
  cells: 1,
  builtinBase: true,
  options: [{ name: 'max-horizon', description: 'longest horizon (days)', default: 28, min: 1, max: 120 }],
  sweep: (o, cells, seed) => `kind: sweep
name: manipulation-horizon
seed: ${seed}
base: {scenario: productivity.yaml}
grid:
  horizon: [${Array.from({ length: o['max-horizon'] }, (_, i) => i + 1).join(', ')}]
replicates: ${cells}
readings: [${PLANNER}, {id: boundary/approval, options: {myopic: true}}, parts/original]
measures: [approval, original_welfare, drift]
`,
  async summarize(q) {
    const rows = await q(
      `SELECT horizon::INTEGER, reading, measure, avg(value) FROM tidy
       WHERE reading IN ('${PLANNER}', '${MYOPIC}') GROUP BY ALL ORDER BY ALL`,
    );
    const at = new Map<number, Record<string, number>>();
    for (const [h, reading, measure, value] of rows) {
      const r = at.get(num(h)) ?? {};
      r[`${reading === PLANNER ? 'planner' : 'myopic'}_${measure}`] = num(value);
      at.set(num(h), r);
    }
    const json = [...at].map(([horizon, r]) => ({
      horizon,
      approval_gain: r.planner_approval - r.myopic_approval,
      welfare_cost: r.myopic_original_welfare - r.planner_original_welfare,
      planner_drift: r.planner_drift,
      myopic_drift: r.myopic_drift,
    }));
    // Gains below this are rounding in the exact expectations, not reshaping.
    const TOL = 1e-9;
    const first = json.find((r) => r.approval_gain > TOL);
    const lines = json
      .filter((r, i) => i === 0 || r === first || i === json.length - 1 || r.horizon % 7 === 0)
      .map(
        (r) =>
          `  horizon ${String(r.horizon).padStart(3)}: approval +${r.approval_gain.toFixed(3)} by reshaping H, original parts' welfare −${r.welfare_cost.toFixed(3)}; mean drift of H's attention ${r.planner_drift.toFixed(3)} (myopic ${r.myopic_drift.toFixed(3)})`,
      );
    const last = json.at(-1);
    return {
      json,
      text: [
        'What a boundary agent that maximizes H’s approval gains by reshaping H (against the same agent, myopic):',
        ...lines,
        first === undefined
          ? `Up to a horizon of ${last?.horizon ?? 0}, reshaping H never pays: the planner and the myopic agent get the same approval.`
          : `From a horizon of ${first.horizon} on, reshaping H pays: the planner nudges H's attention toward work and gains approval as H computes it${
              last && last.welfare_cost > TOL
                ? `, at a cost to the original parts of ${last.welfare_cost.toFixed(2)} welfare over ${last.horizon} days — ${(last.welfare_cost / last.approval_gain).toFixed(1)} times the approval it gains`
                : ''
            }. Below it, the nudges cannot repay themselves before the horizon ends.`,
      ].join('\n'),
    };
  },
};

export const studies: readonly Study[] = [
  selfAlignment,
  beliefDivergence,
  bottomLine,
  manipulationHorizon,
  condorcetFrequency,
];

export const studyRegistry = new Registry<Study>('study', studies);
