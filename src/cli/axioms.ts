/**
 * `sulab axioms --method RULE[,…] | --reading F[,…] [--axiom A[,…]] [--json] [--budget N]
 * [--seed S] [--input FILE] [--markdown]`: which axioms a Σ rule or a reading keeps, each answered
 * by a search for the smallest counterexample (or by checking one given profile or principal).
 */
import { operationalizations, getOperationalization } from '../align/registry.js';
import type { Operationalization } from '../align/types.js';
import { UserError } from '../core/errors.js';
import { type Election, election } from '../axioms/election.js';
import { asFlat, type PrincipalData } from '../axioms/principal.js';
import { getReadingAxiom, readingAxioms } from '../axioms/reading-registry.js';
import {
  markdownTable,
  type ReadingRow,
  readingCheckRow,
  readingRow,
  type SigmaRow,
  sigmaCheckRow,
  sigmaRow,
} from '../axioms/run.js';
import { checkable, getSigmaAxiom, sigmaAxioms } from '../axioms/sigma-registry.js';
import { parseProfileFile } from '../formats/index.js';
import { renderTable } from '../report/table.js';
import { readSource } from '../scenario/index.js';
import { parseMethodList, prepareRules } from '../sigma/apply.js';
import { type Profile, rankingOf } from '../sigma/profile.js';
import { intFlag, parseFlags, seedFlag } from './args.js';
import { readText } from './files.js';
import { loadPlugins } from './plugins.js';

const HELP = `usage: sulab axioms --method RULE[,RULE…] | --reading F[,F…] [--axiom A[,A…]] [--json]
                    [--budget N] [--seed S] [--input FILE] [--markdown] [--plugin FILE]…

Checks which axioms a Σ rule (--method) or a reading of "A is aligned with H" (--reading) keeps. For
each (rule or reading, axiom) it searches for the smallest counterexample: for rules, every anonymous
profile of linear orders for tiny sizes, then seeded random ones; for readings, seeded random
principals, smallest first. A counterexample found is shrunk and shown with what goes wrong.
  --method    rule names (\`sulab methods\`), comma-separated, or "all" (rules over utilities are skipped)
  --reading   reading ids, comma-separated, or "all" (the built-in readings and plugins)
  --axiom     axiom names, comma-separated (default: all of them); Σ axioms: ${sigmaAxioms.map((a) => a.name).join(', ')};
              reading axioms: ${readingAxioms.map((a) => a.name).join(', ')}
  --budget    profiles (or principals) to search at most per pair (default 1000 for rules, 100 for readings)
  --seed      seed of the random part of the search (default 0)
  --input     check this one profile (a JSON/PrefLib/CSV profile of linear orders) or principal (a flat
              scenario file) instead of searching
  --json      one JSON object per line and pair: {"method" (or "reading"), "axiom", "violated",
              "counterexample" (a JSON profile \`sulab vote\` reads, or a scenario \`sulab run\` reads),
              "searched", "explanation"}
  --markdown  with --method: the rule × axiom table in Markdown
  --plugin    an ES module exporting a reading (as for \`sulab run\`); repeatable`;

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      method: { type: 'string', short: 'm' },
      reading: { type: 'string', short: 'r' },
      axiom: { type: 'string', short: 'a' },
      budget: { type: 'string' },
      seed: { type: 'string' },
      input: { type: 'string', short: 'i' },
      json: { type: 'boolean' },
      markdown: { type: 'boolean' },
      plugin: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    'axioms',
  );
  if (values.help) return void console.log(HELP);
  if (positionals.length > 0) throw new UserError(`unexpected argument "${positionals[0]}"`, 'sulab axioms');
  if ((values.method === undefined) === (values.reading === undefined))
    throw new UserError('give either --method RULE or --reading F', 'sulab axioms');
  if (values.budget !== undefined) intFlag(values.budget, 'budget', 1, 1);
  const seed = seedFlag(values.seed);
  if (values.method !== undefined) return sigma(values.method, values, seed);
  const plugins = await loadPlugins(values.plugin ?? []);
  return readings(values.reading as string, values, seed, new Set(plugins.map((p) => p.id)));
}

interface Flags {
  axiom?: string;
  budget?: string;
  input?: string;
  json?: boolean;
  markdown?: boolean;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

async function sigma(methodList: string, f: Flags, seed: number): Promise<void> {
  const all = list(methodList).includes('all');
  const specs = parseMethodList(methodList).filter((s) => !all || checkable(s));
  await prepareRules(specs);
  const axioms = f.axiom === undefined ? sigmaAxioms : list(f.axiom).map(getSigmaAxiom);
  if (axioms.length === 0) throw new UserError('expected at least one axiom name', '--axiom');
  const budget = intFlag(f.budget, 'budget', 1000, 1);
  const given =
    f.input === undefined ? undefined : electionOf(parseProfileFile(readText(f.input), f.input), f.input);
  const rows: SigmaRow[] = [];
  for (const spec of specs)
    for (const ax of axioms) {
      const row = given ? sigmaCheckRow(spec, ax, given) : sigmaRow(spec, ax, { budget, seed });
      rows.push(row);
      if (f.json && !f.markdown) {
        const { ballots: _, ...json } = row;
        console.log(JSON.stringify(json));
      }
    }
  if (f.markdown) console.log(markdownTable(rows, axioms, budget));
  else if (!f.json) console.log(sigmaText(rows, given ? 'the given profile' : `${budget} profiles`));
}

/** A profile file as an election: linear orders with whole counts, or a UserError naming the file. */
export function electionOf(p: Profile, where: string): Election {
  const orders: number[][] = [];
  const counts: number[] = [];
  for (let b = 0; b < p.k; b++) {
    const groups = rankingOf(p, b);
    if (groups.length !== p.m || groups.some((g) => g.length !== 1))
      throw new UserError(
        `ballot ${b + 1}: the axioms read linear orders (every candidate ranked, no ties)`,
        where,
      );
    if (!Number.isInteger(p.counts[b]))
      throw new UserError(`ballot ${b + 1}: expected a whole number of voters, got ${p.counts[b]}`, where);
    orders.push(groups.map((g) => g[0]));
    counts.push(p.counts[b]);
  }
  return election(p.m, orders, counts);
}

function sigmaText(rows: readonly SigmaRow[], scope: string): string {
  const out: string[] = [];
  for (const method of [...new Set(rows.map((r) => r.method))]) {
    const mine = rows.filter((r) => r.method === method);
    const broken = mine.filter((r) => r.violated).length;
    out.push(`${method}: keeps ${mine.length - broken} of ${mine.length} axioms within ${scope}`, '');
    out.push(
      renderTable(
        ['axiom', 'verdict', 'searched', 'counterexample'],
        mine.map((r) => [
          r.axiom,
          r.violated ? 'violated' : 'kept',
          String(r.searched),
          r.violated ? `${r.ballots} — ${r.explanation}` : `none within ${r.searched}`,
        ]),
        { width: 120 },
      ),
      '',
    );
  }
  return out.join('\n').trimEnd();
}

async function readings(
  readingList: string,
  f: Flags,
  seed: number,
  fromPlugins: Set<string>,
): Promise<void> {
  if (f.markdown) throw new UserError('the table is for rules: use it with --method', '--markdown');
  const ids = list(readingList);
  if (ids.length === 0) throw new UserError('expected at least one reading id', '--reading');
  const ops: Operationalization[] = ids.flatMap((id) =>
    id === 'all' ? [...operationalizations()] : [getOperationalization(id, '--reading')],
  );
  const axioms = f.axiom === undefined ? readingAxioms : list(f.axiom).map(getReadingAxiom);
  if (axioms.length === 0) throw new UserError('expected at least one axiom name', '--axiom');
  const budget = intFlag(f.budget, 'budget', 100, 1);
  let given: PrincipalData | undefined;
  if (f.input !== undefined) given = asFlat(readSource(readText(f.input), f.input).data, f.input);
  const rows: ReadingRow[] = [];
  for (const op of ops)
    for (const ax of axioms) {
      let row: ReadingRow;
      try {
        row = given ? readingCheckRow(op, {}, ax, given) : readingRow(op, {}, ax, { budget, seed });
      } catch (e) {
        // A plugin that throws is the user's code failing, not sulab's: one line, exit 2.
        if (fromPlugins.has(op.id) && !(e instanceof UserError))
          throw new UserError(`the reading threw: ${(e as Error)?.message ?? String(e)}`, op.id);
        throw e;
      }
      rows.push(row);
      if (f.json) console.log(JSON.stringify(row));
    }
  if (!f.json) console.log(readingText(rows, given ? 'the given principal' : `${budget} principals`));
}

function readingText(rows: readonly ReadingRow[], scope: string): string {
  const out: string[] = [];
  for (const reading of [...new Set(rows.map((r) => r.reading))]) {
    const mine = rows.filter((r) => r.reading === reading);
    const broken = mine.filter((r) => r.violated);
    out.push(`${reading}: keeps ${mine.length - broken.length} of ${mine.length} axioms within ${scope}`, '');
    out.push(
      renderTable(
        ['axiom', 'verdict', 'searched', 'what goes wrong'],
        mine.map((r) => [
          r.axiom,
          r.violated ? 'violated' : 'kept',
          String(r.searched),
          r.violated ? (r.explanation ?? '') : `none within ${r.searched}`,
        ]),
        { width: 120 },
      ),
      '',
    );
    for (const r of broken)
      out.push(
        `Counterexample to ${r.axiom} (a scenario \`sulab run\` reads):`,
        JSON.stringify(r.counterexample),
        '',
      );
  }
  return out.join('\n').trimEnd();
}
