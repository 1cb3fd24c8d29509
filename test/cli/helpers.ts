/** Runs the sulab CLI in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SULAB } from '../entry.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const root = join(import.meta.dirname, '..', '..');

export function sulab(args: string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [...SULAB, ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
    maxBuffer: 1 << 28, // a long answer is output to compare, not a runaway
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes files into a fresh temporary directory and returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sulab-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Runs a command's `main` in this process, capturing what it prints (console.log and
 * process.stdout.write): the fast way to test output; exit codes need `sulab`.
 */
export async function inProcess(run: (argv: string[]) => Promise<void>, argv: string[]): Promise<string> {
  const out: string[] = [];
  const log = console.log;
  console.log = (...xs: unknown[]) => void out.push(`${xs.map(String).join(' ')}\n`);
  try {
    await run(argv);
  } finally {
    console.log = log;
  }
  return out.join('');
}
