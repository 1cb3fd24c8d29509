/** Flag parsing on node:util's parseArgs, with mistakes turned into one-line usage errors. */
import { quoteName } from '../core/registry.js';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';

export type Flags = NonNullable<ParseArgsConfig['options']>;

type Parsed<T extends Flags> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

export function parseFlags<T extends Flags>(argv: string[], options: T, command: string): Parsed<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(
      `${(e as Error).message.split('\n')[0]} (see \`sulab ${command} --help\`)`,
      `sulab ${command}`,
    );
  }
}

export function intFlag(value: string | undefined, name: string, dflt: number, min = 0): number {
  if (value === undefined) return dflt;
  const x = Number(value);
  if (!Number.isInteger(x) || x < min)
    throw new UserError(`expected an integer ≥ ${min}, got ${quoteName(value)}`, `--${name}`);
  return x;
}

/** A seed flag: a whole number from 0 to 2^32 − 1. */
export function seedFlag(value: string | undefined, dflt = 0): number {
  if (value === undefined) return dflt;
  const x = Number(value);
  if (!Number.isInteger(x) || x < 0 || x > 2 ** 32 - 1)
    throw new UserError(`expected a whole number from 0 to 4294967295, got ${quoteName(value)}`, '--seed');
  return x;
}

export function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!Number.isFinite(x)) throw new UserError(`expected a number, got ${quoteName(value)}`, `--${name}`);
  return x;
}
