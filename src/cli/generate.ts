/**
 * `sulab generate --model NAME --voters N --candidates M --seed S [--count K]`: seeded random
 * profiles. `sulab generate --principal MODEL [--parts N] [--actions M] …`: seeded random
 * principals, one scenario file each (YAML, or JSON), that `sulab run` reads. Item i of a batch
 * is drawn from the stream `Random(seed).split(i)`, so it is the same whatever the count, and a
 * batch can be cut into pieces made anywhere.
 */
import { quoteName } from '../core/registry.js';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import { UserError } from '../core/errors.js';
import { Random } from '../core/random.js';
import type { Scenario } from '../core/scenario.js';
import {
  getPrincipalGenerator,
  PRINCIPAL_OPTIONS,
  principalGenerators,
} from '../generate/principal-registry.js';
import type { GeneratedScenario } from '../generate/principals.js';
import { generators, getGenerator } from '../generate/registry.js';
import { formatOfFileName, formatProfile } from '../formats/index.js';
import { bare } from '../scenario/checks.js';
import { parseScenario } from '../scenario/index.js';
import { type Flags, intFlag, parseFlags, seedFlag } from './args.js';
import { openThrough, removeQuietly, writeAtomic, writeError, writeTarget } from './files.js';

const optionNames = [...new Set(generators.flatMap((g) => g.options.map((o) => o.name)))].sort();
const principalOptionNames = [
  ...new Set(principalGenerators.flatMap((g) => g.options.map((o) => o.name))),
].sort();
/** Flags of the principal path only (given with --model, they are mistakes). */
const principalOnly = principalOptionNames.filter((n) => !optionNames.includes(n));
const commonPrincipal = new Set(PRINCIPAL_OPTIONS.map((o) => o.name));

function optionHelp(o: (typeof PRINCIPAL_OPTIONS)[number]): string {
  return `\n      --${o.name}  ${o.description}${o.default !== undefined ? ` (default ${o.default})` : ''}`;
}

const HELP = `usage: sulab generate --model NAME --voters N --candidates M [--seed S] [--count K]
                      [--format json|jsonl|soc|soi|toc|toi|csv|scores.csv] [--output FILE] [--MODEL-OPTION VALUE…]
       sulab generate --principal MODEL [--parts N] [--actions M] [--seed S] [--count K]
                      [--format yaml|json] [--output FILE|DIR] [--OPTION VALUE…]

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
  .join('\n')}

Principals (--principal): K scenario files for \`sulab run\` (YAML unless --format json or a .json
--output), one to standard output or FILE, several into DIR as MODEL-SEED-I.yaml. Models:
${principalGenerators
  .map(
    (g) =>
      `  ${g.name}${g.aliases.length ? ` (${g.aliases.join(', ')})` : ''}: ${g.description}${g.options
        .filter((o) => !commonPrincipal.has(o.name))
        .map(optionHelp)
        .join('')}`,
  )
  .join('\n')}
  Options of every principal model:${PRINCIPAL_OPTIONS.map(optionHelp).join('')}`;

export async function main(argv: string[]): Promise<void> {
  const flags: Flags = {
    model: { type: 'string' },
    voters: { type: 'string', short: 'n' },
    candidates: { type: 'string', short: 'm' },
    seed: { type: 'string' },
    count: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    principal: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of [...optionNames, ...principalOnly]) flags[name] = { type: 'string' };
  const { values, positionals } = parseFlags(argv, flags, 'generate');
  if (values.help) return void console.log(HELP);
  if (positionals.length > 0)
    throw new UserError(`unexpected argument "${positionals[0]}"`, 'sulab generate');
  if (typeof values.principal === 'string') return principals(values);
  if (typeof values.model !== 'string')
    throw new UserError(
      'missing --model (e.g. --model mallows), or --principal (e.g. --principal spatial)',
      'sulab generate',
    );
  for (const name of principalOnly)
    if (values[name] !== undefined)
      throw new UserError(`--${name} is an option of --principal MODEL, not of --model`, `--${name}`);
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
  // Symbolic links are followed and FIFOs or devices written through, as in writeAtomic.
  const target = writeTarget(output);
  const tmp = `${target.path}.${process.pid}.tmp`;
  let out: WriteStream | undefined;
  try {
    out = target.through ? createWriteStream('', { fd: openThrough(target.path) }) : createWriteStream(tmp);
    if (!target.through) await once(out, 'open');
    for (const t of texts()) if (!out.write(t)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    if (!target.through) renameSync(tmp, target.path);
  } catch (e) {
    out?.destroy();
    if (!target.through) removeQuietly(tmp);
    throw writeError(e, output);
  }
}

// ---- principals --------------------------------------------------------------------------------

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A generated principal as a `Scenario`, through the loader (`file` names it in errors). */
export function principalScenario(g: GeneratedScenario, file = `${g.name}.json`): Scenario {
  return parseScenario(JSON.stringify(g), file);
}

/** A generated principal as file text: YAML (lists of numbers on one line each) or JSON. */
export function principalText(g: GeneratedScenario, format: 'yaml' | 'json', comment?: string): string {
  if (format === 'json')
    // Lists of scalars on one line: a row of utilities or probabilities reads as a row.
    return `${JSON.stringify(g, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_, inner: string) => `[${inner.replace(/,\n\s+/g, ', ')}]`)}\n`;
  const doc = new Document(g);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((x) => isScalar(x))) node.flow = true;
    },
  });
  if (comment !== undefined) doc.commentBefore = ` ${comment}`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function fileFormat(path: string): 'yaml' | 'json' | undefined {
  return /\.json$/i.test(path) ? 'json' : /\.ya?ml$/i.test(path) ? 'yaml' : undefined;
}

async function principals(values: Values): Promise<void> {
  const gen = getPrincipalGenerator(values.principal as string, '--principal');
  for (const name of ['model', 'voters', 'candidates'])
    if (values[name] !== undefined)
      throw new UserError(
        `--${name} is for profiles (--model); a principal takes --parts and --actions`,
        `--${name}`,
      );
  const opts: Record<string, string> = {};
  for (const name of new Set([...optionNames, ...principalOnly])) {
    const v = values[name];
    if (typeof v !== 'string') continue;
    if (!gen.options.some((o) => o.name === name))
      throw new UserError(
        `${gen.name} takes no option --${name} (its own: ${
          gen.options
            .filter((o) => !commonPrincipal.has(o.name))
            .map((o) => `--${o.name}`)
            .join(', ') || 'none'
        }; see \`sulab generate --help\`)`,
        `--${name}`,
      );
    opts[name] = v;
  }
  const seed = seedFlag(values.seed as string | undefined);
  const count = intFlag(values.count as string | undefined, 'count', 1, 1);
  if (count > 100_000) throw new UserError(`expected at most 100,000 principals, got ${count}`, '--count');
  const output = values.output as string | undefined;
  const given = values.format as string | undefined;
  if (given !== undefined && given !== 'yaml' && given !== 'json')
    throw new UserError(`expected yaml or json for a principal, got ${quoteName(given)}`, '--format');
  const dir =
    output !== undefined &&
    (count > 1 || output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory()));
  if (count > 1 && output === undefined)
    throw new UserError(`${count} principals need --output DIR (one scenario file each)`, '--output');
  if (output !== undefined && !dir && fileFormat(output) === undefined)
    throw new UserError('expected a file name ending in .yaml, .yml or .json, or a directory', '--output');
  if (given !== undefined && output !== undefined && !dir && fileFormat(output) !== given)
    throw new UserError(`the file name ${output} does not end in .${given}`, '--format');
  const format =
    (given as 'yaml' | 'json' | undefined) ?? (output && !dir ? fileFormat(output) : undefined) ?? 'yaml';

  const flagText = Object.entries(opts)
    .map(([k, v]) => ` --${k} ${v}`)
    .join('');
  const make = (i: number): { name: string; text: string } => {
    let g: GeneratedScenario;
    try {
      g = gen.generate(new Random(seed).split(i), opts);
    } catch (e) {
      // An option's mistake names its flag.
      if (e instanceof UserError && e.where !== undefined && gen.options.some((o) => o.name === e.where))
        throw new UserError(bare(e), `--${e.where}`);
      throw e;
    }
    const command = `sulab generate --principal ${gen.name} --seed ${seed}${flagText}`;
    g.name = `${gen.name}-${seed}-${i}`;
    g.description = `Principal ${i} (from 0) of \`${command}\`. ${g.description}`;
    const text = principalText(
      g,
      format,
      `Generated by ${command} (principal ${i}); run it with sulab run FILE.`,
    );
    return { name: g.name, text };
  };
  const first = make(0); // checks the options before anything is written
  if (output === undefined) return void console.log(first.text.replace(/\n$/, ''));
  if (!dir) return writeAtomic(output, first.text);
  try {
    mkdirSync(output, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create the directory (${(e as NodeJS.ErrnoException).code ?? e})`, output);
  }
  for (let i = 0; i < count; i++) {
    const { name, text } = i === 0 ? first : make(i);
    writeAtomic(join(output, `${name}.${format}`), text);
  }
}
