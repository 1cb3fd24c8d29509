/**
 * The self-contained HTML report of the scenario on the page, made by the same code as
 * `sulab run`'s report (report/scenario-report.ts, plots rendered to SVG, no scripts), for the
 * page's "download the report". A one-shot scenario only; a mistake is the loader's UserError.
 */
import { UserError } from '../core/errors.js';
import { renderHtmlReport } from '../report/html.js';
import { scenarioReport } from '../report/scenario-report.js';
import { evaluate } from '../run/one-shot.js';
import { parseAnyScenario } from '../scenario/index.js';

export async function studioReport(text: string, file: string, version: string): Promise<string> {
  const s = parseAnyScenario(text, file);
  if (s.kind === 'sequential')
    throw new UserError(
      'the studio writes reports of one-shot scenarios; run a sequential one with `sulab run`',
      file,
    );
  const run = { result: evaluate(s), description: s.description, essay: s.essay, epsilon: s.epsilon };
  const report = await scenarioReport([run], {
    version,
    date: new Date().toISOString().slice(0, 10),
    seed: s.seed,
    extra: [['scenario', file]],
  });
  return renderHtmlReport(report);
}
