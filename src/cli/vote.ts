/**
 * `sulab vote --method NAME[,NAME…] --input FILE [--json]`: apply rules to a profile file.
 * A .jsonl input is streamed: one profile per line in, one JSON array per line out, so a million
 * profiles need no more memory than one.
 */
import { UserError } from '../core/errors.js';
import { quoteName } from '../core/registry.js';
import { atBallotLine, parseProfileFile } from '../formats/index.js';
import { MAX_CANDIDATES } from '../formats/limits.js';
import { prepareRules } from '../sigma/apply.js';
import { renderTable } from '../report/table.js';
import { tieBreakFrom, type VoteEntry, VoteSummary, type VoteSummaryJson, vote } from '../run/vote.js';
import { intFlag, parseFlags, seedFlag } from './args.js';
import { readText } from './files.js';
import { formatEntries, methodsFrom, summarizeProfile } from './vote-lines.js';
import { defaultThreads, streamJsonl, summarizeJsonl } from './vote-stream.js';
import type { VoteFlags } from './vote-worker.js';

export { formatEntries };

const HELP = `usage: sulab vote --method NAME[,NAME…] --input FILE [--json] [--tiebreak none|lexicographic|random] [--seed N] [--threads N]

Applies each rule to the profile in FILE (.soc .soi .toc .toi .cat .json .csv, or .jsonl: one JSON
profile per line, streamed) and prints its winners and, where the rule defines one, its ranking.
Candidates are shown by the input's own ids (0-based for JSON and CSV, the file's numbers for PrefLib).
  --method     rule names or aliases, comma-separated; options as name:key=value (e.g. approval:k=2);
               "all" runs every rule that can read the input. \`sulab methods\` lists them.
  --json       print a JSON array of {"method", "winners", "ranking"?, "lottery"?: {id: probability}}
               (one array per line for .jsonl)
  --tiebreak   none (default: the full tie set), lexicographic (lowest id), random (with --seed)
  --seed       seed for random tie-breaking (default 0)
  --seats K    the number of seats of every multi-winner method given (stv-scottish, stv-meek, …;
               same as name:seats=K); their winners are the committee elected
  --on-error   for .jsonl: stop (default) at the first bad line, or skip it: output line k then
               always answers input line k, an error record in place of a bad line's answer
               ({"error": "FILE:LINE: …"} with --json, "# FILE:LINE: error: …" without) and a
               blank line's marker (null, or "# FILE:LINE: blank"); exit code 2 if any line failed
  --threads N  for .jsonl: answer (or, with --summary, count) runs of lines on N worker threads,
               printed in input order (the same output for any N); default every core (up to 8) for a file of 16 MiB or more,
               else 1; random tie-breaking draws in line order and takes 1
  --max-candidates N
               refuse a profile with more than N candidates (default ${MAX_CANDIDATES.toLocaleString('en-US')}); pairwise
               rules hold two N × N tables, so raising it costs memory
  --summary    instead of one answer per profile: each rule's winner-set sizes, its Condorcet
               efficiency (over profiles with a Condorcet winner, the chance it picks that winner
               with its ties broken at random) and how often each two rules elect the same set`;

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(
    argv,
    {
      method: { type: 'string', short: 'm' },
      input: { type: 'string', short: 'i' },
      json: { type: 'boolean' },
      tiebreak: { type: 'string' },
      seed: { type: 'string' },
      seats: { type: 'string' },
      summary: { type: 'boolean' },
      'max-candidates': { type: 'string' },
      'on-error': { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'vote',
  );
  if (values.help) return void console.log(HELP);
  const input = values.input ?? positionals[0];
  if (values.method === undefined)
    throw new UserError('missing --method (e.g. --method borda,irv)', 'sulab vote');
  if (input === undefined) throw new UserError('missing --input FILE', 'sulab vote');
  if (positionals.length > (values.input === undefined ? 1 : 0))
    throw new UserError(`unexpected argument "${positionals.at(-1)}"`, 'sulab vote');
  const methods = methodsFrom(values.method, values.seats);
  await prepareRules(methods);
  const onlyApplicable = values.method.split(',').some((m) => m.trim() === 'all');
  const tb = tieBreakFrom(values.tiebreak, seedFlag(values.seed));
  const max = intFlag(values['max-candidates'], 'max-candidates', MAX_CANDIDATES, 1);
  const onError = values['on-error'] ?? 'stop';
  if (onError !== 'stop' && onError !== 'skip')
    throw new UserError(`expected stop or skip, got ${quoteName(onError)}`, '--on-error');
  if (onError === 'skip' && (values.summary || !input.endsWith('.jsonl')))
    throw new UserError('skip applies to a .jsonl input without --summary', '--on-error');

  const jsonl = input.endsWith('.jsonl');
  const randomTies = values.tiebreak === 'random';
  const threads = !jsonl
    ? 1
    : values.threads === undefined
      ? defaultThreads(input, randomTies)
      : intFlag(values.threads, 'threads', 1, 1);
  if (threads > 1 && randomTies)
    throw new UserError('random tie-breaking draws in line order: it runs in one thread', '--threads');
  const flags: VoteFlags = {
    file: input,
    method: values.method,
    seats: values.seats,
    tiebreak: values.tiebreak,
    onlyApplicable,
    json: values.json === true,
    max,
    skip: onError === 'skip',
    summary: values.summary === true,
  };

  if (values.summary) {
    let r: VoteSummaryJson;
    if (jsonl) r = await summarizeJsonl({ ...flags, methods, tb }, flags, threads);
    else {
      const summary = new VoteSummary(methods.map((m) => m.text));
      const p = parseProfileFile(readText(input), input, { maxCandidates: max });
      summarizeProfile(summary, p, { ...flags, methods, tb }, input);
      r = summary.result();
    }
    console.log(values.json ? JSON.stringify(r) : formatSummary(r));
    return;
  }
  if (jsonl) {
    const failed = await streamJsonl({ ...flags, methods, tb }, flags, threads);
    if (failed > 0)
      throw new UserError(
        `${failed} line${failed > 1 ? 's' : ''} failed (an error record stands in each one's place)`,
        input,
      );
    return;
  }
  const text = readText(input);
  const p = parseProfileFile(text, input, { maxCandidates: max });
  let entries: VoteEntry[];
  try {
    entries = vote(p, methods, tb, onlyApplicable);
  } catch (e) {
    throw atBallotLine(e, text, input);
  }
  if (values.json) console.log(JSON.stringify(entries));
  else console.log(formatEntries(p, entries));
}

/** The summary as two tables: each rule's winner-set sizes and Condorcet efficiency; agreement. */
function formatSummary(r: VoteSummaryJson): string {
  const sizes = [...new Set(r.rules.flatMap((x) => Object.keys(x.winners).map(Number)))].sort(
    (a, b) => a - b,
  );
  const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
  const rules = renderTable(
    ['method', 'profiles', ...sizes.map((k) => `${k} winner${k === 1 ? '' : 's'}`), 'Condorcet efficiency'],
    r.rules.map((x) => [
      x.method,
      String(x.profiles),
      ...sizes.map((k) => String(x.winners[String(k)] ?? 0)),
      pct(x.condorcet_efficiency),
    ]),
  );
  const names = r.rules.map((x) => x.method);
  const agreement = renderTable(
    ['same winners', ...names],
    names.map((a) => [a, ...names.map((b) => pct(r.agreement[a][b]))]),
  );
  return [
    `${r.profiles} profiles, ${r.condorcet_profiles} with a Condorcet winner.`,
    '',
    rules,
    '',
    'How often two rules elect the same winner set:',
    '',
    agreement,
    '',
    'Condorcet efficiency: over the profiles with a Condorcet winner, the chance a rule picks it with its ties broken at random.',
  ].join('\n');
}
