#!/usr/bin/env node
// Runs every test file under test/ with Node's test runner. Node 20's --test expands no globs
// and `node --test test/` silently runs nothing, so the file list is built here.
//
// When the build (dist/) is newer than every source file, the tests run compiled: each test file is
// transpiled to JavaScript in .test-build/ (a mirror of the project whose src/ imports point at
// dist/), and Node runs them without tsx. A tsx-loaded process spends ~0.5 s of CPU on its module
// hooks alone (they run off-thread, a round trip per module), which over ~200 files was a third of
// the suite. Without a fresh build, or for a file that imports the studio's sources (not in dist/),
// tests run through tsx as before, so an edit is always what is tested.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The newest modification time (ms) of any file under `dir`. */
function newest(dir) {
  return walk(dir).reduce((t, p) => Math.max(t, statSync(p).mtimeMs), 0);
}

// The longest files start first, so none of them is left running alone at the end (the runner
// starts files in the order given); the rest follow in path order.
const LONGEST = [
  'test/studio/browser.test.ts',
  'test/cluster/queue.test.ts',
  'test/align/negotiation/pinned.test.ts',
  'test/experiment/cli.test.ts',
  'test/experiment/sweep-run.test.ts',
  'test/cli/run.test.ts',
  'test/cli/run-output.test.ts',
  'test/cli/sweep.test.ts',
  'test/cli/run-sequential.test.ts',
];
const filter = process.argv.slice(2);
let files = walk('test').filter((f) => f.endsWith('.test.ts'));
files = [...LONGEST.filter((f) => files.includes(f)), ...files.filter((f) => !LONGEST.includes(f))];
if (filter.length > 0) files = files.filter((f) => filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const BUILD = '.test-build';
const built = join('dist', 'cli', 'main.js');
const compiled = existsSync(built) && newest('src') < statSync(built).mtimeMs;

/** Transpiles test/ into .test-build/test/ and mirrors the rest of the project beside it. */
async function buildTests() {
  const ts = (await import('typescript')).default;
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD);
  for (const name of readdirSync('.'))
    if (!['.git', BUILD, 'test'].includes(name)) symlinkSync(join('..', name), join(BUILD, name));
  const imports = new Map(); // test file (.ts path) → the project paths it imports
  for (const file of walk('test')) {
    const out = join(BUILD, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(out), { recursive: true });
    if (!file.endsWith('.ts')) {
      copyFileSync(file, join(BUILD, file));
      continue;
    }
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    }).outputText;
    const specifiers = [...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.[^'"]*)['"]/g)].map(
      (m) => join(dirname(file), m[1]),
    );
    // A test that imports a TypeScript file at run time (a plugin built on a source file) needs tsx.
    if (/pathToFileURL\(\s*join\([^)]*\.ts['"`]/s.test(readFileSync(file, 'utf8')))
      specifiers.push('needs-tsx');
    imports.set(file, specifiers);
    // The sources' modules come from the build: the same tree, compiled.
    writeFileSync(
      out,
      js.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])((?:\.\.\/)+)src\//g, '$1$2$3dist/'),
    );
  }
  return imports;
}

/**
 * Whether a test file imports, directly or through test helpers, anything outside src/ and test/, or
 * names a TypeScript file: then it runs through tsx.
 */
function needsSources(file, imports, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  return (imports.get(file) ?? []).some((p) => {
    if (p === 'needs-tsx' || /^(studio|scripts|bench)\//.test(p)) return true;
    return p.startsWith('test/') && needsSources(p.replace(/\.js$/, '.ts'), imports, seen);
  });
}

const concurrency = process.env.TEST_CONCURRENCY ?? '3';
// No --test-force-exit: with several files at a time it can drop the verdicts of a file's last
// tests from the report and still pass (nodejs/node#64833); every test closes what it opens.
function run(args, list, quiet) {
  const child = spawn(process.execPath, [...args, '--test', `--test-concurrency=${concurrency}`, ...list], {
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (b) => {
    out += b;
  });
  child.stderr?.on('data', (b) => {
    out += b;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, out })));
}

let viaTsx = files;
let direct = [];
if (compiled) {
  const imports = await buildTests();
  direct = files.filter((f) => !needsSources(f, imports));
  viaTsx = files.filter((f) => needsSources(f, imports));
}
// Both groups at once (the tsx group's report is printed after the other's), so neither waits.
const [a, b] = await Promise.all([
  direct.length > 0
    ? run(
        ['--import', `./${join(BUILD, 'test', 'setup.js')}`],
        direct.map((f) => join(BUILD, f.replace(/\.ts$/, '.js'))),
        false,
      )
    : { code: 0, out: '' },
  viaTsx.length > 0
    ? run(['--import', 'tsx', '--import', './test/setup.ts'], viaTsx, direct.length > 0)
    : { code: 0, out: '' },
]);
process.stdout.write(b.out);
process.exit(a.code || b.code);
