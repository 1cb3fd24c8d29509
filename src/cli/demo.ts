/**
 * `sulab demo`: the social-choice demo: every rule of the Σ registry applied to small elections
 * where rules famously disagree and to a real PrefLib election, winners side by side.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProfileFile } from '../formats/index.js';
import { renderTable } from '../report/table.js';
import { applicable, applyRule, type MethodSpec, prepareRules } from '../sigma/apply.js';
import { type Profile, Summary } from '../sigma/profile.js';
import { rules } from '../sigma/registry.js';
import { type DemoProfile, demoProfiles } from '../scenario/demo-profiles.js';
import { parseFlags } from './args.js';
import { readText } from './files.js';

const HELP = `usage: sulab demo [--json]

The social-choice demo: every aggregator applied to a Condorcet cycle, a
Borda/Condorcet disagreement, the Tennessee capital election and the Debian 2002 leader election
(PrefLib 00002-00000001), winners side by side.`;

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'preflib');

function builtins(): DemoProfile[] {
  const file = join(dataDir, '00002-00000001.soi');
  return [
    ...demoProfiles,
    {
      id: 'debian-2002',
      title: 'Debian 2002 leader',
      shows: 'a real election (PrefLib 00002-00000001, truncated ballots, 475 voters)',
      profile: parseProfileFile(readText(file), file),
    },
  ];
}

function winnersText(p: Profile, winners: readonly number[]): string {
  return winners.map((c) => p.names[c]).join(', ');
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseFlags(
    argv,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'demo',
  );
  if (values.help) return void console.log(HELP);
  const examples = builtins();
  const methods: MethodSpec[] = rules.map((rule) => ({ text: rule.name, rule, opts: {} }));
  await prepareRules(methods);
  const summaries = examples.map((e) => new Summary(e.profile));
  const cell = (spec: MethodSpec, i: number): { winners: number[] } | { error: string } | null => {
    const p = examples[i].profile;
    if (!applicable(spec.rule, p)) return null;
    try {
      return { winners: applyRule(spec, summaries[i]).winners.map((c) => p.ids[c]) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const table = methods.map((spec) => ({
    method: spec.rule.name,
    cells: examples.map((_, i) => cell(spec, i)),
  }));

  if (values.json) {
    console.log(
      JSON.stringify({
        examples: examples.map((e) => ({
          id: e.id,
          title: e.title,
          shows: e.shows,
          candidates: e.profile.names,
        })),
        results: table.map((row) => ({
          method: row.method,
          winners: Object.fromEntries(row.cells.map((c, i) => [examples[i].id, c])),
        })),
      }),
    );
    return;
  }
  console.log('sulab: the social-choice demo — each rule’s winners on each built-in election\n');
  for (const e of examples) console.log(`  ${e.title}: ${e.shows}`);
  console.log('');
  const byName = (i: number) => (ids: number[]) => {
    const p = examples[i].profile;
    return winnersText(
      p,
      ids.map((id) => p.ids.indexOf(id)),
    );
  };
  // Refusals (e.g. Dodgson on ballots with ties) become numbered notes under the table.
  const notes: string[] = [];
  const text = (c: ReturnType<typeof cell>, i: number): string => {
    if (c === null) return '–';
    if ('error' in c) {
      notes.push(c.error);
      return `n/a [${notes.length}]`;
    }
    return byName(i)(c.winners);
  };
  console.log(
    renderTable(
      ['method', ...examples.map((e) => e.title)],
      table.map((row) => [row.method, ...row.cells.map(text)]),
    ),
  );
  console.log('\n– : the rule aggregates utilities (cardinal ballots); these elections are rankings.');
  notes.forEach((n, i) => {
    console.log(`[${i + 1}] ${n}`);
  });
}
