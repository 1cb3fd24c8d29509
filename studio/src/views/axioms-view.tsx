/**
 * Axioms: pick a Σ rule or a reading and an axiom, and the library's own search (src/axioms, run in
 * a worker) looks for the smallest counterexample within the budget — a profile of rankings for a
 * rule, a principal for a reading — and says what goes wrong on it. A counterexample opens in the
 * form as a scenario. The choice lives in the address bar, so a link reopens this view.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PrincipalData } from '../../../src/axioms/principal.js';
import { DEFAULT_BUDGET, MAX_BUDGET } from '../../../src/studio/axiom-budget.js';
import { AxiomEngine } from '../engine.js';
import type { AxiomAnswer, AxiomCatalog, CatalogEntry } from '../protocol.js';
import type { ViewState } from '../share.js';
import { DraftInput } from './draft-input.js';
import { fmt } from './palette.js';

interface Props {
  catalog: AxiomCatalog;
  sigma: readonly CatalogEntry[];
  /** H's own Σ: the rule checked first, when the axioms can read it. */
  hSigma: string;
  state: ViewState;
  setState: (v: ViewState) => void;
  /** Opens a scenario text in the form. */
  open: (text: string, name: string) => void;
}

/** What is checked, from the view state (`sigma:<rule>` or `reading:<id>`), with defaults. */
export function checked(state: ViewState, catalog: AxiomCatalog, hSigma: string) {
  const [kind, ...rest] = (state.check ?? '').split(':');
  const subject = rest.join(':');
  const isReading = kind === 'reading' && subject !== '';
  const ok = isReading || (kind === 'sigma' && subject !== '');
  const k: 'sigma' | 'reading' = ok && isReading ? 'reading' : 'sigma';
  const s = ok ? subject : catalog.rules.includes(hSigma) ? hSigma : 'borda';
  const axioms = k === 'sigma' ? catalog.sigmaAxioms : catalog.readingAxioms;
  const axiom = axioms.find((a) => a.id === state.axiom)?.id ?? axioms[0]?.id ?? '';
  const budget = Math.min(state.budget ?? DEFAULT_BUDGET[k], MAX_BUDGET[k]);
  return { kind: k, subject: s, axiom, budget };
}

function ProfileTable(props: { rankings: number[][]; counts: number[] }) {
  return (
    <table class="profile">
      <caption>The profile: each row a ranking (best first) and how many voters cast it.</caption>
      <thead>
        <tr>
          <th scope="col">voters</th>
          <th scope="col">ranking of the candidates</th>
        </tr>
      </thead>
      <tbody>
        {props.rankings.map((r, k) => (
          <tr key={r.join('>')}>
            <td class="num">{props.counts[k]}</td>
            <td>{r.join(' > ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrincipalTable(props: { d: PrincipalData }) {
  const { d } = props;
  return (
    <table class="profile">
      <caption>
        The principal: its parts' weights and utilities (the actions are the outcomes; H's Σ is {d.sigma}).
      </caption>
      <thead>
        <tr>
          <th scope="col">part</th>
          <th scope="col">weight</th>
          {d.outcomes.map((o) => (
            <th scope="col" key={o}>
              {o}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {d.parts.map((p) => (
          <tr key={p.name}>
            <th scope="row">{p.name}</th>
            <td class="num">{fmt(p.weight ?? 1, 2)}</td>
            {p.utility.map((u, j) => (
              <td class="num" key={d.outcomes[j]}>
                {fmt(u, 2)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Verdict(props: { answer: AxiomAnswer; subject: string; axiom: string; open: Props['open'] }) {
  const { answer: a, subject, axiom, open } = props;
  if (!a.ok) return <p class="error">{a.error}</p>;
  const what = a.kind === 'sigma' ? 'profiles' : 'principals';
  if (!a.row.violated)
    return (
      <p class="axiom-verdict" data-verdict="kept">
        No counterexample among the <strong>{a.row.searched}</strong> {what} searched: as far as this search
        sees, <strong>{subject}</strong> keeps <strong>{axiom}</strong> (a search, not a proof; a larger
        budget looks further).
      </p>
    );
  return (
    <>
      <p class="axiom-verdict" data-verdict="violated">
        <strong>{subject}</strong> breaks <strong>{axiom}</strong>: a counterexample after {a.row.searched}{' '}
        {what} searched, shrunk to the smallest the search could make it. What goes wrong:{' '}
        <span class="explanation">{a.row.explanation}</span>.
      </p>
      {a.kind === 'sigma' && a.row.counterexample && (
        <ProfileTable rankings={a.row.counterexample.rankings} counts={a.row.counterexample.counts} />
      )}
      {a.kind === 'reading' && a.row.counterexample && <PrincipalTable d={a.row.counterexample} />}
      {a.scenario && (
        <button
          type="button"
          onClick={() => open(a.scenario ?? '', `${subject}-${axiom}`.replace(/[^a-z0-9-]+/g, '-'))}
        >
          {a.kind === 'sigma'
            ? 'open this profile as a principal in the form (one part per ranking)'
            : 'open this principal in the form'}
        </button>
      )}
    </>
  );
}

export function AxiomsView(props: Props) {
  const { catalog, sigma, hSigma, state, setState, open } = props;
  const c = checked(state, catalog, hSigma);
  const [answer, setAnswer] = useState<{ key: string; answer: AxiomAnswer; ms: number }>();
  const [failure, setFailure] = useState<string>();
  const engine = useRef<AxiomEngine | undefined>(undefined);
  /** The question last asked: the engine answers only the newest. */
  const asked = useRef('');
  const key = JSON.stringify(c);

  useEffect(() => {
    engine.current = new AxiomEngine((a, ms) => setAnswer({ key: asked.current, answer: a, ms }), setFailure);
    return () => engine.current?.stop();
  }, []);
  // Every change of what is checked starts its search (a running one is ended).
  useEffect(() => {
    setFailure(undefined);
    asked.current = key;
    engine.current?.search({ ...c, seed: 0 });
  }, [key]);

  const axioms = c.kind === 'sigma' ? catalog.sigmaAxioms : catalog.readingAxioms;
  const axiom = axioms.find((a) => a.id === c.axiom);
  const title = (id: string) => sigma.find((s) => s.id === id)?.title ?? id;
  const set = (v: Partial<ViewState>) => setState({ ...state, tab: 'axioms', ...v });
  const current = answer && answer.key === key ? answer : undefined;
  return (
    <section class="axioms" aria-label="Axioms">
      <p class="hint">
        Which properties does a way of aggregating H's parts keep? Pick a Σ rule, or a reading f of “A is
        aligned with H”, and an axiom: sulab searches for the smallest profile (or principal) that breaks it —
        the same search as <code>sulab axioms</code>.
      </p>
      <div class="row">
        <label>
          check{' '}
          <select
            aria-label="what to check: a reading or a Σ rule"
            value={`${c.kind}:${c.subject}`}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const kind = v.startsWith('reading:') ? 'reading' : 'sigma';
              set({
                check: v,
                budget: kind === c.kind ? state.budget : undefined,
                axiom: kind === c.kind ? state.axiom : undefined,
              });
            }}
          >
            <optgroup label="Readings of “A is aligned with H”">
              {catalog.readings.map((id) => (
                <option key={id} value={`reading:${id}`}>
                  {id}
                </option>
              ))}
            </optgroup>
            <optgroup label="Re-aggregating H's parts with a Σ rule (parts/<rule>)">
              {sigma.map((s) => (
                <option key={s.id} value={`reading:parts/${s.id}`}>
                  parts/{s.id}
                </option>
              ))}
            </optgroup>
            <optgroup label="Σ rules, as H's own aggregation (on profiles of rankings)">
              {catalog.rules.map((id) => (
                <option key={id} value={`sigma:${id}`}>
                  {title(id)} ({id}){id === hSigma ? ' — H’s own Σ' : ''}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          axiom{' '}
          <select
            aria-label="the axiom to check"
            value={c.axiom}
            onChange={(e) => set({ axiom: e.currentTarget.value })}
          >
            {axioms.map((a) => (
              <option key={a.id} value={a.id} title={a.description}>
                {a.title} ({a.id})
              </option>
            ))}
          </select>
        </label>
        <span class="field">
          budget ({c.kind === 'sigma' ? 'profiles' : 'principals'} to search, at most{' '}
          {MAX_BUDGET[c.kind].toLocaleString('en-US')}){' '}
          <DraftInput
            type="number"
            min={1}
            step={c.kind === 'sigma' ? 100 : 10}
            class="num short-num"
            value={String(c.budget)}
            aria-label="budget: how many profiles or principals to search"
            onCommit={(raw) => {
              const x = Math.round(Number(raw));
              if (Number.isFinite(x) && x >= 1) set({ budget: Math.min(x, MAX_BUDGET[c.kind]) });
            }}
          />
        </span>
      </div>
      {axiom && <p class="description">{axiom.description}</p>}
      <div class="axiom-result" aria-live="polite" data-searching={current ? 'no' : 'yes'}>
        {failure && <p class="error">the search failed: {failure}</p>}
        {!current && !failure && <p class="axiom-status">Searching…</p>}
        {current && (
          <>
            <Verdict answer={current.answer} subject={c.subject} axiom={c.axiom} open={open} />
            <p class="axiom-status">Searched in {fmt(current.ms, 0)} ms.</p>
          </>
        )}
      </div>
    </section>
  );
}
