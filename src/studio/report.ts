/**
 * The self-contained HTML report of the scenario on the page, made by the same code as `sulab
 * run`'s report (report/scenario-report.ts and, for a sequential scenario, the section of
 * report/sequential-report.ts; plots rendered to SVG, no scripts), for the page's "download the
 * report". A mistake is the loader's UserError.
 */
import { renderHtmlReport } from '../report/html.js';
import { scenarioReport } from '../report/scenario-report.js';
import { sequentialSection } from '../report/sequential-report.js';
import { evaluate } from '../run/one-shot.js';
import { runSequential } from '../run/sequential.js';
import { parseAnyScenario } from '../scenario/index.js';

export async function studioReport(text: string, file: string, version: string): Promise<string> {
  const s = parseAnyScenario(text, file);
  const meta = {
    version,
    date: new Date().toISOString().slice(0, 10),
    seed: s.seed,
    extra: [['scenario', file]] as [string, string][],
  };
  if (s.kind === 'sequential') {
    // As `sulab run --report` writes a sequential scenario alone: its section, no empty summary.
    const section = await sequentialSection(runSequential(s), s.description, s.essay);
    const full = await scenarioReport([], meta, [section]);
    return renderHtmlReport({ ...full, sections: full.sections.filter((x) => x.id !== 'summary') });
  }
  const run = { result: evaluate(s), description: s.description, essay: s.essay, epsilon: s.epsilon };
  return renderHtmlReport(await scenarioReport([run], meta));
}
