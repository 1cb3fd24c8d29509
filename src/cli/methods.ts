/** `sulab methods [--json]`: the aggregator registry. */
import { rules } from '../sigma/registry.js';
import { renderTable } from '../report/table.js';
import { parseFlags } from './args.js';

const HELP = `usage: sulab methods [--json]

Lists every registered aggregator (Σ): name, aliases, input, output and tie convention.`;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseFlags(
    argv,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'methods',
  );
  if (values.help) return void console.log(HELP);
  if (values.json) {
    const out = rules.map((r) => ({
      name: r.name,
      aliases: r.aliases,
      title: r.title,
      family: r.family,
      input: r.input,
      output: r.output,
      description: r.description,
      ties: r.ties,
      axioms: r.axioms,
      options: r.options ?? [],
      maxCandidates: r.maxCandidates ?? null,
      reference: r.reference ?? null,
    }));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  console.log(
    renderTable(
      ['name', 'aliases', 'family', 'input', 'output', 'description'],
      rules.map((r) => [r.name, r.aliases.join(', '), r.family, r.input, r.output, r.description]),
    ),
  );
}
