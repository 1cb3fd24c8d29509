/**
 * `sulab generate --model NAME --voters N --candidates M --seed S [--count K]`: seeded random
 * profiles. Profile i of a batch is drawn from the stream `Random(seed).split(i)`, so it is the
 * same whatever the count, and a batch can be cut into pieces made anywhere.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import { generators, getGenerator } from '../generate/registry.js';
import { formatOfFileName, formatProfile } from '../formats/index.js';
import { type Flags, intFlag, parseFlags, seedFlag } from './args.js';

const optionNames = [...new Set(generators.flatMap((g) => g.options.map((o) => o.name)))].sort();

const HELP = `usage: sulab generate --model NAME --voters N --candidates M [--seed S] [--count K]
                      [--format json|jsonl|soc|soi|toc|toi|csv|scores.csv] [--output FILE] [--MODEL-OPTION VALUE…]

Writes K profiles (default 1) drawn from a seeded statistical culture. One profile is written as
JSON (or the --format / --output extension); several as JSON Lines, one profile per line.
Models and their options:
${generators
  .map(
    (g) =>
      `  ${g.name}${g.aliases.length ? ` (${g.aliases.join(', ')})` : ''}: ${g.description}${g.options
        .map(
          (o) =>
            `\n      --${o.name}  ${o.description}${o.default !== undefined ? ` (default ${o.default})` : ''}`,
        )
        .join('')}`,
  )
  .join('\n')}`;

export async function main(argv: string[]): Promise<void> {
  const flags: Flags = {
    model: { type: 'string' },
    voters: { type: 'string', short: 'n' },
    candidates: { type: 'string', short: 'm' },
    seed: { type: 'string' },
    count: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of optionNames) flags[name] = { type: 'string' };
  const { values, positionals } = parseFlags(argv, flags, 'generate');
  if (values.help) return void console.log(HELP);
  if (positionals.length > 0)
    throw new UserError(`unexpected argument "${positionals[0]}"`, 'sulab generate');
  if (typeof values.model !== 'string')
    throw new UserError('missing --model (e.g. --model mallows)', 'sulab generate');
  const gen = getGenerator(values.model);
  const n = intFlag(values.voters as string | undefined, 'voters', Number.NaN, 1);
  const m = intFlag(values.candidates as string | undefined, 'candidates', Number.NaN, 1);
  if (Number.isNaN(n)) throw new UserError('missing --voters N', 'sulab generate');
  if (Number.isNaN(m)) throw new UserError('missing --candidates M', 'sulab generate');
  // Bounds that keep one profile in memory and a generator's time reasonable.
  if (m > 10_000) throw new UserError(`expected at most 10,000 candidates, got ${m}`, '--candidates');
  if (n * m > 2 ** 27)
    throw new UserError(
      `voters × candidates must be at most ${2 ** 27} (one profile in memory), got ${n * m}`,
      '--voters',
    );
  const seed = seedFlag(values.seed as string | undefined);
  const count = intFlag(values.count as string | undefined, 'count', 1, 1);
  const opts: Record<string, string> = {};
  for (const name of optionNames) {
    const v = values[name];
    if (typeof v !== 'string') continue;
    if (!gen.options.some((o) => o.name === name))
      throw new UserError(
        `${gen.name} takes no option --${name} (its options: ${gen.options.map((o) => `--${o.name}`).join(', ') || 'none'})`,
        `--${name}`,
      );
    opts[name] = v;
  }
  const output = values.output as string | undefined;
  const format =
    (values.format as string | undefined) ??
    (output ? formatOfFileName(output) : undefined) ??
    (count > 1 ? 'jsonl' : 'json');
  const multi = format === 'jsonl';
  if (count > 1 && !multi)
    throw new UserError(
      `${count} profiles need the jsonl format (one profile per line), not ${format}`,
      '--format',
    );

  const root = new Random(seed);
  const texts = function* () {
    for (let i = 0; i < count; i++) {
      const p = gen.generate(root.split(i), m, n, opts);
      const text = formatProfile(p, format);
      yield text.endsWith('\n') ? text : `${text}\n`;
    }
  };
  // Validate the options once before opening any file, so a bad option leaves nothing behind.
  gen.generate(new Random(seed).split(0), m, Math.min(n, 1), opts);

  if (output === undefined) {
    for (const t of texts()) if (!process.stdout.write(t)) await once(process.stdout, 'drain');
    return;
  }
  const tmp = `${output}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  try {
    await once(out, 'open');
    for (const t of texts()) if (!out.write(t)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    renameSync(tmp, output);
  } catch (e) {
    out.destroy();
    rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(
      `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      output,
    );
  }
}
