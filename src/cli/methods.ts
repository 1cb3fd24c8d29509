/** `sulab methods [--kind sigma|reading|agent] [--json]`: what the registries hold. */
import { readingRegistry } from '../align/registry.js';
import { UserError } from '../core/errors.js';
import { agentRegistry } from '../dynamics/registry.js';
import { renderTable } from '../report/table.js';
import { rules } from '../sigma/registry.js';
import type { OptionSpec } from '../sigma/types.js';
import { parseFlags } from './args.js';

const HELP = `usage: sulab methods [--kind sigma|reading|agent] [--json]

Lists what sulab can apply: the aggregators Σ (name, aliases, input, output, tie convention), the
readings of "A is aligned with H" a one-shot scenario may name under alignments (parts/<rule>
re-aggregates with any Σ rule), and the agents a sequential scenario may name. Without --kind the
terminal shows all three; --json prints the Σ registry unless --kind says otherwise.
  --kind  sigma, reading or agent
  --json  one JSON array of the entries with their metadata`;

const KINDS = ['sigma', 'reading', 'agent'] as const;
type Kind = (typeof KINDS)[number];

const optionsText = (os: readonly OptionSpec[] | undefined) => (os ?? []).map((o) => o.name).join(', ');

function sigmaJson() {
  return rules.map((r) => ({
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
    maxTiedWins: r.maxTiedWins ?? null,
    reference: r.reference ?? null,
  }));
}

function readingJson() {
  return [
    ...readingRegistry.all().map((o) => ({
      id: o.id,
      family: o.family,
      title: o.title,
      description: o.description,
      claims: o.claims,
      options: o.options ?? [],
    })),
    {
      id: 'parts/<rule>',
      family: 'parts',
      title: 'Parts: re-aggregate with any Σ rule',
      description:
        'A learns the parts and replaces H’s Σ with a less bounded Σ′: any rule of `sulab methods --kind sigma`, with that rule’s options.',
      claims: [],
      options: [],
    },
  ];
}

function agentJson() {
  return agentRegistry.all().map((a) => ({
    id: a.id,
    title: a.title,
    description: a.description,
    claims: a.claims,
    options: a.options,
  }));
}

/** The size past which a rule refuses rather than hang (its registry entry's bound). */
function limit(r: { maxCandidates?: number; maxTiedWins?: number }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (r.maxCandidates !== undefined) return `≤ ${n(r.maxCandidates)} candidates`;
  if (r.maxTiedWins !== undefined) return `≤ ${n(r.maxTiedWins)} tied wins`;
  return '';
}

function table(kind: Kind): string {
  if (kind === 'sigma')
    return renderTable(
      ['name', 'aliases', 'family', 'input', 'output', 'limit', 'description'],
      rules.map((r) => [r.name, r.aliases.join(', '), r.family, r.input, r.output, limit(r), r.description]),
    );
  const rows = kind === 'reading' ? readingJson() : agentJson();
  return renderTable(
    [kind, 'options', 'description'],
    rows.map((e) => [e.id, optionsText(e.options), e.description]),
  );
}

const TITLES: Record<Kind, string> = {
  sigma: 'Aggregators Σ (H’s own aggregation; parts/<rule> re-aggregation)',
  reading: 'Readings of "A is aligned with H" (one-shot scenarios: alignments)',
  agent: 'Agents A (sequential scenarios: agents)',
};

export async function main(argv: string[]): Promise<void> {
  const { values } = parseFlags(
    argv,
    { json: { type: 'boolean' }, kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    'methods',
  );
  if (values.help) return void console.log(HELP);
  const kind = values.kind?.trim().toLowerCase();
  if (kind !== undefined && !KINDS.includes(kind as Kind))
    throw new UserError(`expected sigma, reading or agent, got ${JSON.stringify(values.kind)}`, '--kind');
  if (values.json) {
    const k = (kind ?? 'sigma') as Kind;
    const out = k === 'sigma' ? sigmaJson() : k === 'reading' ? readingJson() : agentJson();
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const kinds = kind === undefined ? KINDS : [kind as Kind];
  console.log(kinds.map((k) => (kinds.length > 1 ? `${TITLES[k]}\n\n${table(k)}` : table(k))).join('\n\n'));
}
