/** sulab commands as child processes that run side by side (a collector, workers), and their store. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CliResult } from '../cli/helpers.js';
import { SULAB } from '../entry.js';

const root = join(import.meta.dirname, '..', '..');

export interface Running {
  readonly child: ChildProcess;
  readonly done: Promise<CliResult>;
}

/** Starts `sulab ARGS`; `done` resolves when it exits (killed after `guardMs`: a hang fails, not blocks). */
export function start(args: string[], guardMs = 120_000): Running {
  const child = spawn(process.execPath, [...SULAB, ...args], {
    cwd: root,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b) => {
    stdout += b;
  });
  child.stderr?.on('data', (b) => {
    stderr += b;
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr });
    }),
  );
  return { child, done };
}

export const run = (args: string[], guardMs?: number) => start(args, guardMs).done;

/** Polls `check` every 50 ms until it holds (or `ms` pass: then false). */
export async function until(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
