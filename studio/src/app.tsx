/**
 * The studio's page: the scenario's text is the state; the form and the YAML editor edit it, the
 * worker evaluates every version (newest first), and the views show the last answer. The address
 * bar's hash carries the text, so a link reproduces the view.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StudioAnswer } from '../../src/studio/evaluate.js';
import type { ValidationError } from '../../src/studio/validate.js';
import * as api from './api.js';
import { Engine, type Timed } from './engine.js';
import type { Reply } from './protocol.js';
import { applyEdit, type Edit, NEW_SCENARIO, readView, type ScenarioView } from './scenario-text.js';
import { decodeHash, encodeHash, joinHash, readState, stateHash, type ViewState } from './share.js';
import { AxiomsView } from './views/axioms-view.js';
import { defaultTargets, MetaView } from './views/meta-view.js';
import { PrincipalForm } from './views/principal-form.js';
import { decision, fmt } from './views/palette.js';
import { SequentialView } from './views/sequential-view.js';
import { SigmaTable } from './views/sigma-table.js';
import { StoreView } from './views/store-view.js';
import { ActionsTable, InterpretationMatrix, ReflexivityTable } from './views/tables.js';
import { WelfareChart } from './views/welfare-chart.js';
import { ErrorLine, YamlEditor } from './views/yaml-editor.js';

type OneShot = Extract<StudioAnswer, { kind: 'one-shot' }>;
type Sequential = Extract<StudioAnswer, { kind: 'sequential' }>;
type Catalog = Extract<Reply, { type: 'catalog' }>;

const FIRST = 'holiday';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function App() {
  const [text, setText] = useState('');
  const [file, setFile] = useState('scenario.yaml');
  const [answer, setAnswer] = useState<Timed>();
  const [good, setGood] = useState<OneShot>();
  const [seq, setSeq] = useState<Sequential>();
  const [catalog, setCatalog] = useState<Catalog>();
  const [builtIns, setBuiltIns] = useState<api.BuiltIn[]>([]);
  const [started, setStarted] = useState<api.Start>();
  const [picked, setPicked] = useState('');
  const [notice, setNotice] = useState<string>();
  const [link, setLink] = useState<'ok' | 'too-large' | ''>('');
  const [count, setCount] = useState(0);
  /** The tab and what the axioms tab checks: read from the link, written back into it. */
  const [viewState, setViewState] = useState<ViewState>(() => readState(location.hash));
  /** The meta-preference targets, while that panel is open (one row per top-level part). */
  const [metaOpen, setMetaOpen] = useState(false);
  const [targets, setTargets] = useState<number[][]>();
  const [metaSigma, setMetaSigma] = useState<string>();
  const engine = useRef<Engine | undefined>(undefined);
  const lastView = useRef<ScenarioView | undefined>(undefined);

  useEffect(() => {
    engine.current = new Engine(
      (t) => {
        setAnswer(t);
        setCount((n) => n + 1);
        if (t.answer.ok && t.answer.kind === 'one-shot') {
          setGood(t.answer);
          setSeq(undefined);
        }
        if (t.answer.ok && t.answer.kind === 'sequential') {
          setSeq(t.answer);
          setGood(undefined);
        }
      },
      setCatalog,
      (m) => setNotice(`the evaluation failed: ${m}`),
    );
    (async () => {
      const [s, list] = await Promise.all([api.start(), api.scenarios()]);
      setStarted(s);
      setBuiltIns(list);
      let fromLink: string | undefined;
      try {
        fromLink = await decodeHash(location.hash);
      } catch (e) {
        setNotice((e as Error).message);
      }
      if (fromLink !== undefined) return setText(fromLink);
      if (s.file) {
        setFile(s.file.name);
        return setText(s.file.text);
      }
      const first = list.find((b) => b.name === FIRST) ?? list[0];
      if (first) {
        const t = await api.scenarioText(first.name);
        setPicked(first.name);
        setFile(`${first.name}.yaml`);
        setText(t);
      }
    })().catch((e: Error) => setNotice(e.message));
  }, []);

  const view = useMemo(() => readView(text), [text]);
  if (view) lastView.current = view;
  const shown = view ?? lastView.current;
  const topWeights = (shown?.parts ?? []).map((p) => p.weight ?? 1);
  // Targets follow the parts: new defaults whenever the number of parts changes.
  const metaTargets =
    metaOpen && shown?.kind === 'one-shot'
      ? targets && targets.length === topWeights.length
        ? targets
        : defaultTargets(topWeights)
      : undefined;
  const metaAsk = metaTargets
    ? { targets: metaTargets, ...(metaSigma ? { sigma: metaSigma } : {}) }
    : undefined;
  const metaKey = JSON.stringify(metaAsk ?? null);

  useEffect(() => {
    if (text) engine.current?.evaluate(text, file, metaAsk);
  }, [text, file, metaKey]);

  // The link follows the text and the view, a moment after the last keystroke.
  const stateKey = stateHash(viewState);
  useEffect(() => {
    if (!text) return;
    const t = setTimeout(async () => {
      const scenario = await encodeHash(text);
      const hash = joinHash(stateKey, scenario);
      history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
      setLink(scenario ? 'ok' : 'too-large');
    }, 250);
    return () => clearTimeout(t);
  }, [text, stateKey]);

  const a = answer?.answer;
  const error: ValidationError | undefined = a && !a.ok ? a.error : undefined;

  const edit = (e: Edit) => {
    try {
      setText(applyEdit(text, e));
      setNotice(undefined);
    } catch (err) {
      setNotice((err as Error).message);
    }
  };

  const pick = async (name: string) => {
    if (name === '') return;
    setPicked(name);
    if (name === ':file' && started?.file) {
      setFile(started.file.name);
      return setText(started.file.text);
    }
    if (name === ':new') {
      setFile('new-principal.yaml');
      return setText(NEW_SCENARIO);
    }
    const t = await api.scenarioText(name);
    setFile(`${name}.yaml`);
    setText(t);
  };

  /** A scenario opened from another view (an axiom's counterexample): into the form, readings shown. */
  const open = (t: string, name: string) => {
    setPicked('');
    setFile(`${name}.yaml`);
    setText(t);
    setViewState({ tab: 'readings' });
  };

  const load = async (f: File | undefined) => {
    if (!f) return;
    const t = await f.text();
    setPicked('');
    setFile(f.name);
    setText(t);
  };

  const stale = (!!good || !!seq) && !a?.ok;
  const result = good?.result;
  return (
    <>
      <header>
        <h1>sulab studio</h1>
        <p class="intro">
          You are looking at a principal H made of parts that want different things, and at the ways an AI
          system A could be “aligned” with it. Each reading f of “A is aligned with H” picks its own decision:
          the bars show how every part of H fares under it, and the table asks whether H would count as
          aligned with itself under that reading. Change the parts, their weights and utilities, or H's own
          aggregation Σ, and everything is recomputed at once by the same code as <code>sulab run</code>.
        </p>
        <nav class="toolbar" aria-label="Scenario">
          <label>
            start from{' '}
            <select
              value={picked}
              onChange={(e) => pick(e.currentTarget.value)}
              aria-label="start from a scenario"
            >
              <option value="">…</option>
              <option value=":new">a new principal (two parts, two outcomes)</option>
              {started?.file && <option value=":file">{started.file.name} (the file you opened)</option>}
              {builtIns.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name}: {b.title}
                  {b.kind === 'sequential' ? ' (sequential)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => download(`${shown?.name ?? 'scenario'}.yaml`, text, 'text/yaml')}
          >
            download the scenario
          </button>
          <button
            type="button"
            disabled={!(good || seq) || stale}
            onClick={() =>
              api.report(text, file).then(
                (html) => download(`${shown?.name ?? 'scenario'}-report.html`, html, 'text/html'),
                (e: Error) => setNotice(e.message),
              )
            }
          >
            download the report (HTML)
          </button>
          <label class="file">
            load a scenario file{' '}
            <input
              type="file"
              accept=".yaml,.yml,.json"
              aria-label="load a scenario file"
              onChange={(e) => load(e.currentTarget.files?.[0])}
            />
          </label>
          <span class="link" data-link={link}>
            {link === 'ok'
              ? 'the address bar now links to this scenario'
              : link === 'too-large'
                ? 'too large to share as a link: download it instead'
                : ''}
          </span>
        </nav>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
      </header>
      <main class="columns">
        <div class="left">
          <h2>{shown?.title ?? ''}</h2>
          {shown?.description && <p class="description">{shown.description}</p>}
          {shown && catalog && shown.kind === 'one-shot' && (
            <PrincipalForm
              view={shown}
              sigma={catalog.sigma}
              readings={catalog.readings}
              defaults={catalog.defaults}
              error={error}
              edit={edit}
            />
          )}
          {shown?.kind === 'sequential' && (
            <p class="hint">
              A sequential scenario (states, rewards, H's internal state) is edited as YAML below; the right
              side replays it with every agent it names.
            </p>
          )}
          {error && !(shown && catalog && shown.kind === 'one-shot') && <ErrorLine error={error} />}
          <details open>
            <summary>The scenario as YAML (the file `sulab run` reads)</summary>
            <YamlEditor text={text} error={error} onText={setText} />
          </details>
        </div>
        <div class="right">
          <div class="tabs" role="tablist" aria-label="Views">
            {(
              [
                ['readings', 'What each reading does to H'],
                ['axioms', 'Axioms: what a rule or a reading keeps'],
              ] as const
            ).map(([tab, label]) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`tab-${tab}`}
                aria-selected={viewState.tab === tab}
                aria-controls={`panel-${tab}`}
                onClick={() => setViewState({ ...viewState, tab })}
              >
                {label}
              </button>
            ))}
          </div>
          {viewState.tab === 'axioms' && catalog && (
            <div role="tabpanel" id="panel-axioms" aria-labelledby="tab-axioms">
              <AxiomsView
                catalog={catalog.axioms}
                sigma={catalog.sigma}
                hSigma={shown?.sigma ?? 'weighted-utilitarian'}
                state={viewState}
                setState={setViewState}
                open={open}
              />
            </div>
          )}
          <div
            role="tabpanel"
            id="panel-readings"
            aria-labelledby="tab-readings"
            aria-live="polite"
            hidden={viewState.tab !== 'readings'}
          >
            <p
              class="status"
              data-evaluations={count}
              data-round-trip={answer ? answer.roundTrip.toFixed(1) : ''}
              data-worker-ms={(good ?? seq)?.ms.toFixed(1) ?? ''}
            >
              {stale
                ? 'The scenario has a mistake: the views show the last version that loaded.'
                : answer
                  ? `Recomputed in ${fmt(answer.roundTrip, 0)} ms.`
                  : 'Computing…'}
            </p>
            {result && good && (
              <div class={stale ? 'results stale' : 'results'}>
                <p class="verdict">
                  What H's own aggregation picks (B(H), Σ = {good.sigmaRule}):{' '}
                  <strong>{decision(result.behaviour)}</strong>. H is self-aligned under{' '}
                  <strong>
                    {result.alignments.filter((x) => x.self_aligned).length} of {result.alignments.length}
                  </strong>{' '}
                  readings.
                </p>
                <h3>How each part of H fares under each reading</h3>
                <WelfareChart
                  readings={result.alignments}
                  parts={result.parts}
                  threshold={good.neglectThreshold}
                />
                <h3>Is H aligned with itself? (reflexivity)</h3>
                <ReflexivityTable result={result} epsilon={good.epsilon} />
                <h3>Which behaviours count as aligned, under which reading</h3>
                <InterpretationMatrix result={result} />
                <h3>Σ compared: what each aggregation rule would pick from the same parts</h3>
                <SigmaTable rows={good.sigma} parts={result.parts} />
                <h3>Each action as H sees it</h3>
                <ActionsTable result={result} />
                <details class="meta-panel" onToggle={(e) => setMetaOpen(e.currentTarget.open)}>
                  <summary>
                    Meta-preferences: the weights each part wants H to have, and where H ends up
                  </summary>
                  {metaTargets && (
                    <MetaView
                      parts={result.parts}
                      targets={metaTargets}
                      meta={good.meta}
                      rules={
                        catalog?.sigma.filter((r) => r.family === 'cardinal' || r.family === 'market') ?? []
                      }
                      setSigma={setMetaSigma}
                      setTarget={(i, j, x) =>
                        setTargets(
                          metaTargets.map((row, k) => (k === i ? row.map((y, l) => (l === j ? x : y)) : row)),
                        )
                      }
                    />
                  )}
                </details>
              </div>
            )}
            {seq && (
              <div class={stale ? 'stale' : ''}>
                <SequentialView result={seq.result} />
              </div>
            )}
            {started?.store && (
              <>
                <h3>The sweep store</h3>
                <StoreView />
              </>
            )}
          </div>
        </div>
      </main>
    </>
  );
}
