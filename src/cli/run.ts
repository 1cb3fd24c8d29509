/**
 * `sulab run [FILE…]`: sulab's main job. Each scenario (every file under scenarios/ when none is
 * given) is read under every alignment reading it names; the terminal gets a summary table
 * (scenario × reading: target, H self-aligned?, worst-off part, override of B(H)) and the
 * self-contained HTML report goes to sulab-report/index.html. `--json` prints the full results.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import '../align/index.js';
import { UserError } from '../core/errors.js';
import { evaluate, type ScenarioResult } from '../measure/evaluate.js';
import { renderHtmlReport } from '../report/html.js';
import { decisionText, scenarioReport, summaryRows } from '../report/scenario-report.js';
import { renderTable } from '../report/table.js';
import { parseScenario } from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';
import { intFlag, parseFlags } from './args.js';
import { readText, writeAtomic } from './files.js';
import { scenariosDir } from './paths.js';
import { loadPlugins } from './plugins.js';

const HELP = `usage: sulab run [FILE…] [--json] [--report DIR | --no-report] [--plugin FILE]… [--seed N]

Reads each scenario (YAML or JSON; default: every built-in scenario under scenarios/) under every
alignment reading it names, prints a summary (scenario × reading: target, whether H is aligned
with itself, the worst-off part, whether A overrides H's own choice) and writes a self-contained
HTML report with tables and plots.
  --json       print the full results as JSON (one object for one file, else an array)
  --report     directory for the HTML report (default sulab-report); --no-report writes none
  --plugin     an ES module (.js/.ts) whose default export is an operationalization or a list
  --seed       override every scenario's seed`;

const version = '0.1.0';

function builtinFiles(): string[] {
  return readdirSync(scenariosDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(scenariosDir, f));
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
      help: { type: 'boolean', short: 'h' },
    },
    'run',
  );
  if (values.help) return void console.log(HELP);
  await loadPlugins(values.plugin ?? []);
  const files = positionals.length > 0 ? positionals : builtinFiles();
  if (files.length === 0) throw new UserError('no scenario files given or found', 'sulab run');
  const seed = values.seed === undefined ? undefined : intFlag(values.seed, 'seed', 0);

  const scenarios: Scenario[] = files.map((f) => {
    const s = parseScenario(readText(f), f);
    return seed === undefined ? s : { ...s, seed };
  });
  const results: ScenarioResult[] = scenarios.map((s) => evaluate(s));

  if (values.json)
    console.log(JSON.stringify(results.length === 1 && positionals.length === 1 ? results[0] : results));
  else printSummary(results);

  if (!values['no-report']) {
    const dir = values.report ?? 'sulab-report';
    const report = await scenarioReport(
      results.map((result, i) => ({
        result,
        description: scenarios[i].description,
        essay: scenarios[i].essay,
      })),
      {
        version,
        date: new Date().toISOString().slice(0, 10),
        command: ['sulab', 'run', ...argv].join(' '),
        ...(seed !== undefined ? { seed } : {}),
      },
    );
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UserError(`cannot create the report directory (${(e as NodeJS.ErrnoException).code})`, dir);
    }
    const file = join(dir, 'index.html');
    writeAtomic(file, renderHtmlReport(report));
    process.stderr.write(`sulab: report written to ${file}\n`);
  }
}

function printSummary(results: readonly ScenarioResult[]): void {
  const rows = results.flatMap((r) =>
    summaryRows(r).map((s) => [
      r.scenario,
      s.reading,
      s.error ? `error: ${s.error}` : s.target,
      s.selfAligned === null ? '' : s.selfAligned ? 'yes' : `no (gap ${s.gap?.toFixed(3)})`,
      s.worstOff,
      s.override === null ? '' : s.override ? 'yes' : 'no',
    ]),
  );
  console.log(
    renderTable(
      ['scenario', 'reading f', 'target', 'H self-aligned?', 'worst-off part', 'overrides B(H)?'],
      rows,
    ),
  );
  console.log('');
  for (const r of results)
    console.log(
      `${r.scenario}: B(H) = ${decisionText(r.behaviour)}; ${r.accepted_by_some} of ${r.candidates.length} candidate behaviours are accepted as aligned by some reading`,
    );
}
