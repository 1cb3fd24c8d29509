/**
 * `sulab studio [FILE|STORE] [--port N] [--no-open]`: the local web studio. Starts the server
 * (src/studio/server.ts) on 127.0.0.1, prints its URL on its own line, opens a browser when one
 * can be opened (best effort), and runs until Ctrl-C or SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { openStoreApi } from '../studio/store-api.js';
import { startStudio } from '../studio/server.js';
import { checkScenario } from '../studio/validate.js';
import { intFlag, parseFlags } from './args.js';
import { readText } from './files.js';
import { packageRoot, scenariosDir } from './paths.js';

const HELP = `usage: sulab studio [FILE|STORE] [--port N] [--no-open]

Starts the studio, a local web page to build a principal and watch every reading treat it: parts,
utilities, weights, Σ and readings as a form or as the scenario's YAML, with per-part welfare
under each reading, the reflexivity table, the interpretation matrix and Σ compared across rules,
all recomputed as you edit by the same code as \`sulab run\`. It listens on 127.0.0.1 only and
prints its address. FILE opens a scenario file; STORE (a .duckdb file from \`sulab sweep\`) adds
its results. The page is built by \`npm run build\`.

  --port N    listen on port N (default: a free port)
  --no-open   do not try to open a browser`;

/** Whether a command is on the PATH (so trying to open a browser never fails loudly). */
function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, cmd)));
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : 'xdg-open';
  if (!onPath(cmd)) return;
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Best effort: the URL is printed anyway.
  }
}

const isStore = (path: string) => /\.duckdb$/i.test(path);

/** sulab's version, for the reports the studio writes. */
function version(): string {
  try {
    return String(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version ?? '');
  } catch {
    return '';
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    { port: { type: 'string' }, 'no-open': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'studio',
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length > 1)
    throw new UserError(
      'expected at most one scenario file or store (see `sulab studio --help`)',
      'sulab studio',
    );
  const port = intFlag(values.port, 'port', 0);
  if (port > 65535) throw new UserError(`expected a port from 0 to 65535, got ${port}`, '--port');
  const path = positionals[0];
  let file: { name: string; text: string } | undefined;
  let store: Awaited<ReturnType<typeof openStoreApi>> | undefined;
  if (path !== undefined) {
    if (!existsSync(path)) throw new UserError('no such file', path);
    if (statSync(path).isDirectory())
      throw new UserError('is a directory; expected a scenario file or a store', path);
    if (isStore(path)) store = await openStoreApi(path);
    else {
      file = { name: basename(path), text: readText(path) };
      // The page shows the mistake where it is; the terminal says so too.
      const checked = checkScenario(file.text, path);
      if (!checked.ok)
        process.stderr.write(`sulab studio: ${checked.error.text} (opened anyway: fix it in the page)\n`);
    }
  }
  const assets = join(packageRoot, 'dist', 'studio');
  if (!existsSync(join(assets, 'index.html')))
    process.stderr.write('sulab studio: the page is not built; run `npm run build` first\n');
  let studio: Awaited<ReturnType<typeof startStudio>>;
  try {
    studio = await startStudio({ port, assets, scenarios: scenariosDir, file, store, version: version() });
  } catch (e) {
    store?.close();
    throw e;
  }
  console.log(studio.url);
  process.stderr.write('sulab studio: listening on 127.0.0.1 only; Ctrl-C stops it\n');
  if (!values['no-open']) openBrowser(studio.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      studio.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
