/**
 * `npm run bench [NAME…]`: runs the named benchmarks of bench/ (default: all of them) one after
 * another with their default settings, each in its own process so one's garbage does not slow the
 * next. Flags after `--` go to every benchmark named (`npm run bench -- rules --runs 3`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const args = process.argv.slice(2);
const names = args.filter((a) => all.includes(a));
const flags = args.filter((a) => !all.includes(a));
const unknown = flags.filter((a) => !a.startsWith('-') && !/^[\d.,]+$/.test(a) && names.length === 0);
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')}; expected one of ${all.join(', ')}`);
  process.exit(2);
}
for (const name of names.length > 0 ? names : all) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${name}.ts`), ...flags], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
