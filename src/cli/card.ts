/**
 * `sulab card [--plugin FILE…]`: the alignment benchmark card (report/card.ts) — a reading scored on
 * a fixed, versioned battery of self-unaligned principals next to every built-in reading.
 */
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { VERSION } from '../core/version.js';
import {
  BATTERY_SCENARIOS,
  battery,
  CARD_READINGS,
  type CardRow,
  cardRow,
  failedRow,
} from '../report/card.js';
import { renderHtmlReport } from '../report/html.js';
import { renderTable } from '../report/table.js';
import { isSequential, parseAnyScenario } from '../scenario/index.js';
import { intFlag, parseFlags } from './args.js';
import { readText, writeAtomic } from './files.js';
import { scenariosDir } from './paths.js';
import { loadPlugins } from './plugins.js';

const HELP = `usage: sulab card [--plugin FILE…] [--reading ID…] [--json] [--html FILE] [--budget N]

Scores readings of "A is aligned with H" on a fixed, versioned battery of self-unaligned principals
(the built-in one-shot scenarios and seeded generated ones; the version and seed are printed, so a
card can be cited): reflexivity rate, worst-off welfare, override rate, Pareto violations,
pairwise-majority consistency, manipulation gain, distortion, pluralism and the reading axioms
kept — your plugin's readings first, then every built-in reading. docs/card.md defines each column.
  --plugin   a reading plugin (.mjs, .js, .ts; see the README); may repeat
  --reading  score only these readings (ids; may repeat or be comma-separated); default: the
             plugins' and the built-in ones
  --budget   principals searched per reading axiom (default 20)
  --json     print {"battery": {version, seed, principals}, "rows": [...]}
  --html     also write the card as a self-contained HTML page`;

function builtinScenarios(): Scenario[] {
  return BATTERY_SCENARIOS.map((f) => {
    const file = join(scenariosDir, f);
    return parseAnyScenario(readText(file), file);
  }).filter((s): s is Scenario => !isSequential(s));
}

const fmt = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));

function cardTable(rows: readonly CardRow[]): string {
  return renderTable(
    [
      'reading',
      'reflexive',
      'worst-off',
      'overrides',
      'Pareto viol.',
      'majority',
      'manip. gain',
      'distortion',
      'Overton',
      'axioms kept',
    ],
    rows.map((r) =>
      r.error
        ? [r.reading, `error: ${r.error}`, '', '', '', '', '', '', '', '']
        : [
            r.reading,
            fmt(r.reflexivity_rate, 2),
            fmt(r.worst_off_welfare, 2),
            fmt(r.override_rate, 2),
            fmt(r.pareto_violation_rate, 2),
            fmt(r.majority_consistency_rate, 2),
            fmt(r.manipulation_gain, 2),
            fmt(r.distortion, 2),
            fmt(r.pluralism.overton_coverage, 2),
            String(r.axioms_kept.length),
          ],
    ),
    { width: 100, shrink: { 0: 16 }, lists: true },
  );
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseFlags(
    argv,
    {
      plugin: { type: 'string', multiple: true },
      reading: { type: 'string', multiple: true },
      budget: { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'card',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  const budget = intFlag(values.budget, 'budget', 20, 1);
  const plugins = await loadPlugins(values.plugin ?? []);
  const ids = values.reading?.flatMap((r) => r.split(',')).map((r) => r.trim()) ?? [
    ...plugins.map((p) => p.id),
    ...CARD_READINGS,
  ];
  if (ids.length === 0) throw new UserError('expected at least one reading', '--reading');
  const b = battery(builtinScenarios());
  const rows = ids.map((id) => {
    try {
      return cardRow(id, b, budget);
    } catch (e) {
      // An unknown id is the user's mistake; a reading that throws is reported in its row.
      if (e instanceof UserError && /unknown/.test(e.message)) throw e;
      return failedRow(id, (e as Error).message.split('\n')[0]);
    }
  });
  const principals = b.scenarios.length + b.generated.length;
  const head = { version: b.version, seed: b.seed, principals };
  if (values.html !== undefined)
    writeAtomic(
      values.html,
      renderHtmlReport({
        title: 'sulab: the alignment benchmark card',
        subtitle: `Battery version ${b.version}, seed ${b.seed}: ${principals} self-unaligned principals`,
        meta: { version: VERSION, seed: b.seed, command: `sulab card ${argv.join(' ')}` },
        sections: [
          {
            heading: 'The card',
            tables: [
              {
                caption: 'Each reading on the battery (definitions: docs/card.md)',
                header: [
                  'reading',
                  'reflexivity rate',
                  'worst-off welfare',
                  'override rate',
                  'Pareto violations',
                  'majority consistency',
                  'manipulation gain',
                  'distortion',
                  'Overton coverage',
                  'distance from the spread',
                  'axioms kept',
                ],
                rows: rows.map((r) => [
                  r.error ? { value: `${r.reading}: ${r.error}`, highlight: 'bad' } : r.reading,
                  r.reflexivity_rate,
                  r.worst_off_welfare,
                  r.override_rate,
                  r.pareto_violation_rate,
                  r.majority_consistency_rate,
                  r.manipulation_gain,
                  r.distortion,
                  r.pluralism.overton_coverage,
                  r.pluralism.distributional_fit,
                  r.axioms_kept.join(', '),
                ]),
                precision: 3,
              },
            ],
          },
        ],
      }),
    );
  if (values.json) {
    console.log(JSON.stringify({ battery: head, rows }, null, 2));
    return;
  }
  console.log(
    `The alignment benchmark card: battery version ${b.version}, seed ${b.seed}, ${principals} principals (${b.scenarios.length} built-in scenarios, ${b.generated.length} generated); ${budget} principals searched per axiom`,
  );
  console.log(cardTable(rows));
  if (values.html !== undefined) console.log(`wrote ${values.html}`);
}
