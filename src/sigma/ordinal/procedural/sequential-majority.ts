/**
 * Sequential majority (the amendment agenda): candidates meet in the order of an agenda; the
 * first two face each other by majority, the survivor meets the next, and the last survivor wins.
 * It is the textbook agenda-dependent Σ: with a majority cycle, every candidate of the top cycle
 * wins under some agenda.
 *
 * Example: 5 × a>b>c, 3 × b>c>a, 4 × c>a>b (a beats b, b beats c, c beats a). Agenda a, b, c:
 * a beats b, then c beats a: c wins. Agenda c, a, b: c beats a, then b beats c: b wins.
 */
import { UserError } from '../../../core/errors.js';
import { marginTolerance } from '../../majority.js';
import { allCandidates, type Summary } from '../../profile.js';
import { setResult } from '../../result.js';
import type { Options, ProfileRule } from '../../types.js';

function agendaOf(cands: readonly number[], m: number, opts?: Options): number[] {
  const given = opts?.agenda;
  if (given === undefined) return [...cands];
  if (!Array.isArray(given)) throw new UserError('expected a list of candidates', 'agenda');
  const set = new Set(cands);
  const agenda = (given as readonly number[]).filter((c) => set.has(c));
  for (const c of given as readonly number[])
    if (!(Number.isInteger(c) && c >= 0 && c < m))
      throw new UserError(`candidate ${c} is not one of 0..${m - 1}`, 'agenda');
  if (new Set(agenda).size !== agenda.length) throw new UserError('a candidate appears twice', 'agenda');
  for (const c of cands) if (!agenda.includes(c)) agenda.push(c);
  return agenda;
}

export const sequentialMajority: ProfileRule = {
  name: 'sequential-majority',
  aliases: ['agenda', 'amendment', 'agenda-voting'],
  title: 'Sequential majority (amendment agenda)',
  description:
    'Candidates meet in agenda order; the majority winner of each vote meets the next candidate; the last survivor wins.',
  family: 'procedural',
  input: 'rankings',
  output: 'set',
  ties: 'A tied vote lets both candidates go on (the union over both branches), so the result is the full tie set. Candidates missing from the agenda follow it in index order.',
  axioms: ['anonymity', 'condorcet-winner'],
  options: [
    {
      name: 'agenda',
      type: 'number[]',
      description: 'the order in which candidates are voted on (default: index order)',
    },
  ],
  reference: 'Black (1958); Miller (1977), "Graph-theoretical approaches to the theory of voting"',
  run(s: Summary, cands: readonly number[] = allCandidates(s.m), opts?: Options) {
    const agenda = agendaOf(cands, s.m, opts);
    const g = s.margin();
    const m = s.m;
    const tol = marginTolerance(s);
    let alive = new Set([agenda[0]]);
    for (let k = 1; k < agenda.length; k++) {
      const c = agenda[k];
      const next = new Set<number>();
      for (const w of alive) {
        const x = g[w * m + c];
        if (x >= -tol) next.add(w);
        if (x <= tol) next.add(c);
      }
      alive = next;
    }
    return setResult(alive);
  },
};
