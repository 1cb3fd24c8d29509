/**
 * `sulab study NAME [--cells N] [--json]`: runs a built-in study (src/experiment/studies.ts) — a
 * sweep over random principals into a DuckDB store — and states its finding. Takes every option
 * of `sulab sweep` too.
 */
import { UserError } from '../core/errors.js';
import { openInstance } from '../experiment/store.js';
import { studies, studyRegistry } from '../experiment/studies.js';
import { type Flags, intFlag, parseFlags, seedFlag } from './args.js';
import { executeSweep } from './sweep.js';
import { scenariosDir } from './paths.js';

const optionNames = [...new Set(studies.flatMap((s) => s.options.map((o) => o.name)))];

const HELP = `usage: sulab study NAME [--cells N] [--seed S] [--json] [--workers N] [--store PATH] [--resume]
                  [--parquet DIR] [--csv FILE] [--STUDY-OPTION V…]
       sulab study --list

Runs a built-in study: a sweep over random principals (stored in a DuckDB file, default
<study>.duckdb here; sulab query answers more), then prints what it found.
  --cells  random principals per grid point (each study has its default)
  --seed   the sweep's seed (default 1)
  --json   print the finding as JSON
  --list   name the studies
and every option of sulab sweep. The studies:
${studies
  .map(
    (s) =>
      `  ${s.name}: ${s.description} (default --cells ${s.cells})${s.options
        .map((o) => `\n      --${o.name}  ${o.description} (default ${o.default})`)
        .join('')}`,
  )
  .join('\n')}`;

export async function main(argv: string[]): Promise<void> {
  const flags: Flags = {
    cells: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    list: { type: 'boolean' },
    workers: { type: 'string' },
    store: { type: 'string' },
    resume: { type: 'boolean' },
    parquet: { type: 'string' },
    csv: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of optionNames) flags[name] = { type: 'string' };
  const { values, positionals } = parseFlags(argv, flags, 'study');
  if (values.help) return void console.log(HELP);
  if (values.list) {
    for (const s of studies) console.log(`${s.name.padEnd(20)} ${s.title}`);
    return;
  }
  if (positionals.length !== 1)
    throw new UserError('expected one study name (`sulab study --list` names them)', 'sulab study');
  const study = studyRegistry.get(positionals[0], 'sulab study');
  const opts: Record<string, number> = {};
  for (const name of optionNames) {
    const spec = study.options.find((o) => o.name === name);
    const given = values[name] as string | undefined;
    if (!spec) {
      if (given !== undefined) throw new UserError(`${study.name} takes no --${name}`, `--${name}`);
      continue;
    }
    const x = intFlag(given, name, spec.default, spec.min);
    if (x > spec.max) throw new UserError(`expected at most ${spec.max}, got ${x}`, `--${name}`);
    opts[name] = x;
  }
  const cells = intFlag(values.cells as string | undefined, 'cells', study.cells, 1);
  const seed = values.seed === undefined ? 1 : seedFlag(values.seed as string);
  const text = study.sweep(opts, cells, seed);
  const summary = await executeSweep(text, `study ${study.name}`, {
    workers: values.workers as string | undefined,
    store: values.store as string | undefined,
    resume: values.resume === true,
    parquet: values.parquet as string | undefined,
    csv: values.csv as string | undefined,
    ...(study.builtinBase ? { baseDir: scenariosDir } : {}),
  });
  if (!summary.complete) {
    process.stderr.write(
      `sulab study: interrupted: ${summary.stored} of ${summary.cells} cells stored in ${summary.store}; \`sulab study ${study.name} --store ${summary.store} --resume\` (with the same options) finishes\n`,
    );
    process.exit(130);
  }
  const instance = await openInstance(summary.store, true);
  const db = await instance.connect();
  try {
    const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowsJS() as unknown[][];
    const found = await study.summarize(q, opts);
    if (values.json) console.log(JSON.stringify(found.json));
    else
      console.log(
        `${study.title}\n${summary.cells} cells in ${summary.store}${
          summary.errors > 0 ? ` (${summary.errors} with an error: see cells.error)` : ''
        }\n\n${found.text}`,
      );
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
