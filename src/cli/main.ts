/**
 * The `sulab` command. Each subcommand is one module exporting `run(argv)`; this file only
 * dispatches and turns a UserError into a one-line message and exit code 2.
 */
import { quoteName } from '../core/registry.js';
import { UserError } from '../core/errors.js';

const commands: Record<
  string,
  { summary: string; load: () => Promise<{ main(argv: string[]): Promise<void> }> }
> = {
  run: {
    summary: "sulab's main job: read scenarios under every alignment reading (default: the built-in ones)",
    load: () => import('./run.js'),
  },
  demo: {
    summary: 'the social-choice demo: every Σ rule on elections where rules disagree',
    load: () => import('./demo.js'),
  },
  vote: { summary: 'apply voting rules / aggregators to a profile file', load: () => import('./vote.js') },
  methods: {
    summary: 'list the registries: aggregators (Σ), readings, agents',
    load: () => import('./methods.js'),
  },
  fit: {
    summary: 'fit a preference model (Bradley–Terry, mixture) to a CSV of comparisons',
    load: () => import('./fit.js'),
  },
  sweep: {
    summary: 'run a sweep file (a grid of scenarios) on worker threads into a DuckDB store',
    load: () => import('./sweep.js'),
  },
  study: {
    summary: 'run a built-in study over random principals and state its finding (--list names them)',
    load: () => import('./study.js'),
  },
  report: {
    summary: "write a sweep store's report: every measure against every parameter, with 95% intervals",
    load: () => import('./report.js'),
  },
  merge: {
    summary: 'merge the shard stores of one sweep (sweep --shard I/N) into one store',
    load: () => import('./merge.js'),
  },
  worker: {
    summary: 'run the cells of queued sweeps (sweep --queue URL) from a Redis work queue',
    load: () => import('./worker.js'),
  },
  card: {
    summary: 'score a reading (your plugin) on a fixed battery of principals, next to every built-in reading',
    load: () => import('./card.js'),
  },
  query: {
    summary: "run SQL on a sweep's store (a table, --json or --csv)",
    load: () => import('./query.js'),
  },
  axioms: {
    summary: 'which axioms a Σ rule or a reading keeps: a search for the smallest counterexample to each',
    load: () => import('./axioms.js'),
  },
  generate: {
    summary: 'write seeded random profiles (--model) or random principals as scenario files (--principal)',
    load: () => import('./generate.js'),
  },
  studio: {
    summary: 'a local web page to build a principal and watch every reading treat it, live',
    load: () => import('./studio.js'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'usage: sulab <command> [options]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `sulab <command> --help` for a command’s options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  const cmd = commands[name];
  if (!cmd)
    throw new UserError(
      `unknown command ${quoteName(name)}; commands: ${Object.keys(commands).join(', ')}`,
      'sulab',
    );
  await (await cmd.load()).main(rest);
  return 0;
}

// `sulab … | head`: the reader closing the pipe is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`sulab: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`sulab: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
