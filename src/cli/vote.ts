/**
 * `sulab vote --method NAME[,NAME…] --input FILE [--json]`: apply rules to a profile file.
 * A .jsonl input is streamed: one profile per line in, one JSON array per line out, so a million
 * profiles need no more memory than one.
 */
import { UserError } from '../core/errors.js';
import { quoteName } from '../core/registry.js';
import { atBallotLine, parseProfileFile, profileOnLine } from '../formats/index.js';
import { MAX_CANDIDATES } from '../formats/limits.js';
import { type MethodSpec, parseMethodList, prepareRules } from '../sigma/apply.js';
import { type Profile, Summary } from '../sigma/profile.js';
import type { TieBreak } from '../sigma/tiebreak.js';
import { renderTable } from '../report/table.js';
import {
  condorcetWinnerId,
  entriesJson,
  tieBreakFrom,
  type VoteEntry,
  VoteSummary,
  type VoteSummaryJson,
  vote,
} from '../run/vote.js';
import { intFlag, parseFlags, seedFlag } from './args.js';
import { readLineRuns, readText } from './files.js';

const HELP = `usage: sulab vote --method NAME[,NAME…] --input FILE [--json] [--tiebreak none|lexicographic|random] [--seed N]

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
  const methods = withSeats(parseMethodList(values.method), values.seats);
  await prepareRules(methods);
  const onlyApplicable = values.method.split(',').some((m) => m.trim() === 'all');
  const tb = tieBreakFrom(values.tiebreak, seedFlag(values.seed));
  const max = intFlag(values['max-candidates'], 'max-candidates', MAX_CANDIDATES, 1);
  const onError = values['on-error'] ?? 'stop';
  if (onError !== 'stop' && onError !== 'skip')
    throw new UserError(`expected stop or skip, got ${quoteName(onError)}`, '--on-error');
  if (onError === 'skip' && (values.summary || !input.endsWith('.jsonl')))
    throw new UserError('skip applies to a .jsonl input without --summary', '--on-error');

  if (values.summary) {
    const summary = new VoteSummary(methods.map((m) => m.text));
    const add = (p: Profile, where: string) => {
      const s = new Summary(p);
      try {
        summary.add(vote(p, methods, tb, onlyApplicable, s), condorcetWinnerId(p, s));
      } catch (e) {
        if (e instanceof UserError) throw new UserError(e.message, where);
        throw e;
      }
    };
    if (input.endsWith('.jsonl')) {
      for await (const { bytes, firstLine } of readLineRuns(input))
        eachLine(bytes, firstLine, (start, end, lineNo) => {
          const p = profileOnLine(bytes, start, end, lineNo, input, max);
          if (p) add(p, `${input}:${lineNo}`);
        });
    } else add(parseProfileFile(readText(input), input, { maxCandidates: max }), input);
    const r = summary.result();
    console.log(values.json ? JSON.stringify(r) : formatSummary(r));
    return;
  }
  if (input.endsWith('.jsonl')) {
    const failed = await streamJsonl(
      input,
      methods,
      tb,
      onlyApplicable,
      values.json === true,
      max,
      onError === 'skip',
    );
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

async function streamJsonl(
  file: string,
  methods: readonly MethodSpec[],
  tb: TieBreak,
  onlyApplicable: boolean,
  json: boolean,
  max: number,
  skip: boolean,
): Promise<number> {
  // Output goes out in blocks (a write per line cost more than the rules); what is done is
  // flushed before an error, so the lines before a bad one are always printed.
  let out = '';
  const flush = async () => {
    if (out === '') return;
    const ok = process.stdout.write(out);
    out = '';
    if (!ok) await new Promise((r) => process.stdout.once('drain', r));
  };
  let failed = 0;
  try {
    for await (const { bytes, firstLine } of readLineRuns(file)) {
      eachLine(bytes, firstLine, (start, end, lineNo) => {
        const at = `${file}:${lineNo}`;
        try {
          const p = profileOnLine(bytes, start, end, lineNo, file, max);
          if (!p) {
            // Under skip, a marker keeps output line k the answer to input line k.
            if (skip) out += json ? 'null\n' : `# ${at}: blank\n`;
            return;
          }
          let entries: VoteEntry[];
          try {
            entries = vote(p, methods, tb, onlyApplicable);
          } catch (e) {
            if (e instanceof UserError) throw new UserError(e.message, at);
            throw e;
          }
          out += json ? `${entriesJson(entries)}\n` : `# ${at}\n${formatEntries(p, entries)}\n`;
        } catch (e) {
          if (!skip || !(e instanceof UserError)) throw e;
          failed++;
          const message = e.where ? e.message.slice(e.where.length + 2) : e.message;
          out += json ? `${JSON.stringify({ error: e.message })}\n` : `# ${at}: error: ${message}\n`;
        }
      });
      if (out.length >= 1 << 16) await flush();
    }
  } finally {
    await flush();
  }
  return failed;
}

/** Calls `line(start, end, lineNo)` for each line of a run of whole lines (see readLineRuns). */
function eachLine(
  bytes: Uint8Array,
  firstLine: number,
  line: (start: number, end: number, lineNo: number) => void,
): void {
  for (let start = 0, lineNo = firstLine; start <= bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    line(start, end, lineNo);
    start = end + 1;
  }
}

/** A terminal table: one row per method, candidates by name when the input names them. */
export function formatEntries(p: Profile, entries: readonly VoteEntry[]): string {
  const byId = new Map(p.ids.map((id, c) => [id, p.names[c]]));
  const name = (id: number) => byId.get(id) ?? String(id);
  const set = (g: number[]) => (g.length === 1 ? name(g[0]) : `{${g.map(name).join(', ')}}`);
  return renderTable(
    ['method', 'winners', 'ranking'],
    entries.map((e) => [
      e.method,
      e.winners.map(name).join(', '),
      e.ranking ? e.ranking.map(set).join(' > ') : e.lottery ? lotteryText(p, e.lottery) : '',
    ]),
  );
}

function lotteryText(p: Profile, lottery: Readonly<Record<string, number>>): string {
  const byId = new Map(p.ids.map((id, c) => [String(id), p.names[c]]));
  return Object.entries(lottery)
    .map(([id, q]) => `${byId.get(id) ?? id}: ${q.toFixed(3)}`)
    .join(', ');
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

/** `--seats K`: sets the seats of every multi-winner method that does not name its own. */
function withSeats(methods: MethodSpec[], raw: string | undefined): MethodSpec[] {
  if (raw === undefined) return methods;
  const seats = intFlag(raw, 'seats', 1, 1);
  const takes = (m: MethodSpec) => m.rule.options?.some((o) => o.name === 'seats') === true;
  if (!methods.some(takes))
    throw new UserError(
      'applies to multi-winner methods (stv-scottish, stv-meek, approval-stv, …); none of the methods given takes seats',
      '--seats',
    );
  return methods.map((m) =>
    takes(m) && m.opts.seats === undefined ? { ...m, opts: { ...m.opts, seats } } : m,
  );
}
