/**
 * `sulab run [FILE…]`: sulab's main job. Each scenario (every file under scenarios/ when none is
 * given) is read under every alignment reading it names — or, for a sequential scenario, played by
 * every agent it names; with no FILE the built-in experiments (experiment/registry.ts) run after
 * the scenarios, and `--experiment NAME` picks some. The terminal gets a summary table and the
 * self-contained HTML report goes to sulab-report/index.html. `--json` prints the full results,
 * `--csv` a sequential run's rows.
 */
import { quoteName } from '../core/registry.js';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getOperationalization } from '../align/registry.js';
import { UserError } from '../core/errors.js';
import {
  EXPERIMENT_SEED,
  EXPERIMENTS,
  type Experiment,
  type ExperimentResult,
  experimentNames,
  getExperiment,
} from '../experiment/registry.js';
import { readySigma } from '../dynamics/model.js';
import { stepsToCsv } from '../dynamics/recorder.js';
import { runSequential, type SequentialResult } from '../run/sequential.js';
import { evaluate, type ScenarioResult } from '../run/one-shot.js';
import { experimentsSection } from '../report/experiments-report.js';
import { type ReportMeta, renderHtmlReport } from '../report/html.js';
import { overridesBehaviour, type ScenarioRun, scenarioReport } from '../report/scenario-report.js';
import { sequentialSection } from '../report/sequential-report.js';
import { claimChecks, claimsSection } from '../report/claims.js';
import { terminalSummary } from '../report/terminal.js';
import { parseAnyScenario } from '../scenario/index.js';
import { LIMIT_FLAGS, SCENARIO_LIMITS, type ScenarioLimits } from '../scenario/limits.js';
import type { Scenario, SequentialScenario } from '../core/scenario.js';
import { prepareRules } from '../sigma/apply.js';
import { getRule } from '../sigma/registry.js';
import { intFlag, parseFlags, seedFlag } from './args.js';
import { readText, writeAtomic } from './files.js';
import { scenariosDir } from './paths.js';
import { loadPlugins, type PluginReading } from './plugins.js';
import { VERSION } from '../core/version.js';

const HELP = `usage: sulab run [FILE…] [--experiment NAME]… [--json] [--report DIR | --no-report]
                 [--plugin FILE]… [--seed N] [--observe S1,S2,…] [--csv FILE]

Reads each scenario (YAML or JSON; default: every built-in scenario under scenarios/). A one-shot
scenario is read under every alignment reading it names: the summary gives, per reading, its
target, whether H is aligned with itself, the worst-off part and whether A overrides H's own
choice. A sequential scenario is played by every agent it names: the summary gives each agent's
expected approval, the original parts' welfare and drift. With no FILE, the built-in experiments
run too, after the scenarios: ${experimentNames().join(', ')}
(code-defined; see docs/scenarios.md). The summary opens with what the run shows — each claim of
the essay its scenarios and experiments test, by what, and the verdict computed from the results —
and keeps to 100 columns (a tie set is counted there, listed in --json and the report). A
self-contained HTML report with the same opening, tables and plots is written too.
  --experiment run this built-in experiment (repeatable); with --experiment and no FILE, no
               scenario is read
  --json       print the full results as JSON (one object for one FILE or one --experiment, else
               an array); a sequential agent carries its "trajectory", an experiment has
               "kind": "experiment"
  --report     directory for the HTML report (default sulab-report); --no-report writes none
  --plugin     an ES module (.js/.mjs/.ts) whose default export is an operationalization or a list
               of them (repeatable); its readings are applied to every one-shot scenario, after
               the scenario's own (a scenario that names one keeps it where and as it is)
  --seed       override every scenario's seed and the experiments' (default ${EXPERIMENT_SEED})
  --observe    sequential: replay these next states (by name) instead of sampling them
  --csv        sequential: write the recorded rows of every agent to FILE
  --manipulation  one-shot: for every reading, the best misreport of any part on a grid of
               utilities (each outcome 0, ½ or 1; up to ${5} outcomes) and what it gains —
               "manipulation" in --json (it reads H again per report: slow with parts/delegates)
  --max-parts N, --max-actions N, --max-outcomes N, --max-principals N, --max-states N
               raise a scenario's size limits (past them a run can take minutes); defaults:
               ${(Object.keys(SCENARIO_LIMITS) as (keyof ScenarioLimits)[]).map((k) => `${k} ${SCENARIO_LIMITS[k]}`).join(', ')}

Files are written before anything is printed: the CSV, then the report. One that cannot be written
stops the run with exit 2 and nothing on stdout, so printed results always come with their files.`;

const version = VERSION;

/** `--max-parts` and the other size flags (scenario/limits.ts). */
const limitFlags = Object.fromEntries(
  Object.values(LIMIT_FLAGS).map((flag) => [flag.slice(2), { type: 'string' as const }]),
) as Record<string, { type: 'string' }>;

function builtinFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(scenariosDir, f));
}

type Loaded = Scenario | SequentialScenario;
const isSeq = (s: Loaded): s is SequentialScenario => s.kind === 'sequential';

function observedStates(s: SequentialScenario, list: string): number[] {
  const names = list.split(',').map((x) => x.trim());
  const H = s.env.horizon;
  if (list.trim() === '' || names.length > H)
    throw new UserError(
      `expected 1 to ${H} observations (next states; ${s.name}'s horizon is ${H}), got ${list.trim() === '' ? 0 : names.length}`,
      '--observe',
    );
  return names.map((name, k) => {
    const i = s.env.states.indexOf(name);
    if (i < 0)
      throw new UserError(
        `unknown state ${quoteName(name)} (item ${k + 1}); ${s.name}'s states are ${s.env.states.join(', ')}`,
        '--observe',
      );
    return i;
  });
}

/**
 * A plugin's readings join every one-shot scenario, after the scenario's own: whoever passes a
 * plugin wants it applied. A scenario that names a plugin's reading keeps it where and as it is.
 */
function withPlugins(s: Scenario, plugins: readonly PluginReading[]): Scenario {
  const named = new Set(s.alignments.map((a) => getOperationalization(a.id, a.where).id));
  const extra = plugins.filter((p) => !named.has(p.id));
  if (extra.length === 0) return s;
  return {
    ...s,
    alignments: [
      ...s.alignments,
      ...extra.map((p) => ({ id: p.id, options: {}, where: `--plugin ${p.file}` })),
    ],
  };
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      json: { type: 'boolean' },
      report: { type: 'string' },
      'no-report': { type: 'boolean' },
      plugin: { type: 'string', multiple: true },
      seed: { type: 'string' },
      observe: { type: 'string' },
      csv: { type: 'string' },
      manipulation: { type: 'boolean' },
      experiment: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      ...limitFlags,
    },
    'run',
  );
  if (values.help) return void console.log(HELP);
  const plugins = await loadPlugins(values.plugin ?? []);
  // Experiments: the ones named; with neither FILE nor --experiment, all of them.
  const named = [...new Set(values.experiment ?? [])].map((n) => getExperiment(n, '--experiment'));
  const experiments = named.length > 0 ? named : positionals.length > 0 ? [] : EXPERIMENTS;
  const files = positionals.length > 0 ? positionals : named.length > 0 ? [] : builtinFiles();
  if (files.length === 0 && experiments.length === 0)
    throw new UserError('no scenario files given or found', 'sulab run');
  const seed = values.seed === undefined ? undefined : seedFlag(values.seed);

  const limits: Partial<Record<keyof ScenarioLimits, number>> = {};
  for (const [k, flag] of Object.entries(LIMIT_FLAGS) as [keyof ScenarioLimits, string][]) {
    const v = (values as Record<string, unknown>)[flag.slice(2)];
    if (typeof v === 'string') limits[k] = intFlag(v, flag.slice(2), SCENARIO_LIMITS[k], 1);
  }
  const loaded: Loaded[] = files.map((f) => {
    const s = parseAnyScenario(readText(f), f, limits);
    const seeded = seed === undefined ? s : { ...s, seed };
    return isSeq(seeded) ? seeded : withPlugins(seeded, plugins);
  });
  if (plugins.length > 0 && loaded.every(isSeq))
    process.stderr.write(
      'sulab: note: --plugin readings apply to one-shot scenarios; this run has none, so no plugin was used\n',
    );
  const sequential = loaded.filter(isSeq);
  if (values.observe !== undefined && sequential.length !== 1)
    throw new UserError(
      `--observe needs exactly one sequential scenario (got ${sequential.length})`,
      '--observe',
    );
  if (values.csv !== undefined && sequential.length !== 1)
    throw new UserError(`--csv needs exactly one sequential scenario (got ${sequential.length})`, '--csv');
  await prepareRules(
    loaded.map((s) => ({ rule: getRule(isSeq(s) ? s.principal.sigma.rule : s.principal.sigma.rule) })),
  );
  for (const s of sequential) await readySigma(s.principal);

  const results: (ScenarioResult | SequentialResult)[] = loaded.map((s) =>
    isSeq(s)
      ? runSequential(s, values.observe !== undefined ? { observe: observedStates(s, values.observe) } : {})
      : evaluate(s, undefined, { manipulation: values.manipulation === true }),
  );
  const experimentResults: ExperimentResult[] = experiments.map((e) => e.run(seed ?? EXPERIMENT_SEED));

  const oneShot: ScenarioRun[] = loaded.flatMap((s, i) =>
    isSeq(s)
      ? []
      : [
          {
            result: results[i] as ScenarioResult,
            description: s.description,
            essay: s.essay,
            epsilon: s.epsilon,
          },
        ],
  );
  const epsilons = new Map(oneShot.map((r) => [r.result, r.epsilon]));
  const epsilonOf = (r: ScenarioResult) => epsilons.get(r) ?? 0;

  // Files first, then stdout: a file that cannot be written stops the run (exit 2) before anything
  // is printed, so a printed result always comes with its files.
  if (values.csv !== undefined) {
    const r = results.find((x): x is SequentialResult => x.kind === 'sequential');
    if (r) writeAtomic(values.csv, sequentialCsv(r));
  }
  const reportFile = values['no-report']
    ? undefined
    : await writeReport(values.report ?? 'sulab-report', oneShot, {
        loaded,
        results,
        experiments,
        experimentResults,
        meta: {
          version,
          date: new Date().toISOString().slice(0, 10),
          command: ['sulab', 'run', ...argv].join(' '),
          ...(seed !== undefined ? { seed } : {}),
        },
      });

  if (values.json) {
    const plain = results.map((r) =>
      r.kind === 'sequential'
        ? { ...r, alignments: r.alignments.map(({ rows: _rows, ...a }) => a) }
        : {
            ...r,
            alignments: r.alignments.map((a) => ({
              ...a,
              overrides_behaviour: overridesBehaviour(r, a, epsilonOf(r)),
            })),
          },
    );
    const all = [...plain, ...experimentResults];
    const one = positionals.length + named.length === 1 && all.length === 1;
    console.log(JSON.stringify(one ? all[0] : all));
  } else
    console.log(
      terminalSummary({
        oneShot,
        sequential: results.filter((r): r is SequentialResult => r.kind === 'sequential'),
        experiments: experimentResults,
      }),
    );
  if (reportFile !== undefined) process.stderr.write(`sulab: report written to ${reportFile}\n`);
}

/** Renders the HTML report and writes it to DIR/index.html; returns that path. */
async function writeReport(
  dir: string,
  oneShot: readonly ScenarioRun[],
  run: {
    loaded: readonly Loaded[];
    results: readonly (ScenarioResult | SequentialResult)[];
    experiments: readonly Experiment<ExperimentResult>[];
    experimentResults: readonly ExperimentResult[];
    meta: ReportMeta;
  },
): Promise<string> {
  const { loaded, results, experiments, experimentResults } = run;
  const more = [];
  for (let i = 0; i < loaded.length; i++) {
    const s = loaded[i];
    if (isSeq(s)) more.push(await sequentialSection(results[i] as SequentialResult, s.description, s.essay));
  }
  if (experimentResults.length > 0)
    more.push(
      await experimentsSection(experimentResults.map((result, i) => ({ result, text: experiments[i] }))),
    );
  const sequential = results.filter((r): r is SequentialResult => r.kind === 'sequential');
  const claims = claimChecks({ oneShot, sequential, experiments: experimentResults });
  const full = await scenarioReport(oneShot, run.meta, more, [claimsSection(claims)]);
  // With no one-shot scenario the summary of readings would be an empty table.
  const report =
    oneShot.length > 0 ? full : { ...full, sections: full.sections.filter((x) => x.id !== 'summary') };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create the report directory (${(e as NodeJS.ErrnoException).code})`, dir);
  }
  const file = join(dir, 'index.html');
  writeAtomic(file, renderHtmlReport(report));
  return file;
}

/** One row per agent and step: the recorder's columns, after the agent's label. */
export function sequentialCsv(r: SequentialResult): string {
  const names = { states: r.states, actions: r.actions, parts: r.parts };
  return r.alignments
    .map((a, k) =>
      stepsToCsv(a.rows ?? [], names, {
        lead: [['agent', a.label]],
        impossible: (a.trajectory ?? []).map((row) => row.impossible === true),
        header: k === 0,
      }),
    )
    .join('');
}
