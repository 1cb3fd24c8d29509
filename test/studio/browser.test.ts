/**
 * The studio end to end, in Debian's Chromium driven by playwright-core: load a built-in
 * scenario, change a part's utility and see a reading's welfare bar change to what the library
 * computes, add a part, switch Σ, type an invalid utility and see the error at that field,
 * download the scenario and load it back; set ε and add an outcome; search an axiom and open its
 * link and its counterexample; download a sequential scenario's report. The page is built into a temporary folder first, so
 * the test never runs stale assets. Screenshots go to $STUDIO_ARTIFACTS (default: a temporary
 * folder, printed). It also prints how long an evaluation took after each slider move (the
 * figure in docs/studio.md), never asserting a time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Studio, startStudio } from '../../src/studio/server.js';
import { studioEvaluate } from '../../src/studio/evaluate.js';
import { builtStudioPage } from '../entry.js';

const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;
if (skip) console.log(`# skipping the studio's browser test: ${skip}`);

/**
 * The page: the build in dist/studio when it is newer than its sources (CI builds before it
 * tests), else built into a fresh folder with the project's Vite config.
 */
function buildPage(): string {
  const built = builtStudioPage();
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), 'sulab-studio-page-'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(root, 'studio', 'vite.config.ts'), '--outDir', out],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `vite build failed:\n${r.stderr}`);
  assert.ok(existsSync(join(out, 'index.html')));
  return out;
}

/** What the functions run in the page use of its globals. */
interface PageGlobals {
  document: { querySelector(s: string): { getAttribute(name: string): string | null } | null };
  location: { hash: string };
}

const bar = (page: Page, reading: string, part: string) =>
  page.locator(`rect.bar[data-reading="${reading}"][data-part="${part}"]`);

async function evaluations(page: Page): Promise<number> {
  return Number(await page.locator('.status').getAttribute('data-evaluations'));
}

/** Waits until the worker has answered more than `n` times; the round trip of the last answer. */
async function answered(page: Page, n: number): Promise<number> {
  // Runs in the page (no DOM types here: the test is compiled for Node).
  await page.waitForFunction(
    (k) =>
      Number(
        (globalThis as unknown as PageGlobals).document
          .querySelector('.status')
          ?.getAttribute('data-evaluations'),
      ) > k,
    n,
    { timeout: 20_000 },
  );
  return Number(await page.locator('.status').getAttribute('data-round-trip'));
}

test('the studio in Chromium: edit, see the answer change, share and load back', {
  skip,
  timeout: 120_000,
}, async () => {
  const { chromium } = await import('playwright-core');
  const artifacts = process.env.STUDIO_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'sulab-studio-shots-'));
  mkdirSync(artifacts, { recursive: true });
  const assets = buildPage();
  let studio: Studio | undefined;
  let browser: Browser | undefined;
  try {
    studio = await startStudio({ assets, scenarios: join(root, 'scenarios'), version: 'test' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });

    // The first screen: holiday, its bars, its verdict.
    await page.goto(studio.url);
    await page.locator('rect.bar').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'studio-first-screen.png') });
    const reading = 'boundary/instruction';
    const part = 'wants-a-nice-holiday';
    assert.equal(Number(await bar(page, reading, part).getAttribute('data-value')), 1);

    // Change a part's utility in the table: the bar moves to what the library computes.
    let n = await evaluations(page);
    const cell = page.getByLabel(`utility of beach-together for ${part}`, { exact: true });
    await cell.fill('0.6');
    await cell.press('Enter');
    await answered(page, n);
    const text = await page.locator('.yaml textarea').inputValue();
    assert.match(text, /beach-together: 0\.6/);
    const want = studioEvaluate(text, 'holiday.yaml');
    assert.ok(want.ok && want.kind === 'one-shot');
    const expected = want.result.alignments.find((a) => a.label === reading)?.target_welfare?.[part];
    assert.ok(expected !== undefined && Math.abs(expected - 1) > 0.05, `expected a change, got ${expected}`);
    const shown = Number(await bar(page, reading, part).getAttribute('data-value'));
    assert.ok(Math.abs(shown - expected) < 1e-6, `bar ${shown}, library ${expected}`);
    await page.screenshot({ path: join(artifacts, 'studio-utility-changed.png') });

    // Move a slider a few times: how long until the answer is back (reported, not asserted).
    const slider = page.getByLabel(`utility of city-together for ${part} (slider)`, { exact: true });
    const trips: number[] = [];
    for (const v of ['0.5', '0.6', '0.4', '0.65', '0.7']) {
      n = await evaluations(page);
      await slider.fill(v);
      trips.push(await answered(page, n));
    }
    const sorted = [...trips].sort((a, b) => a - b);
    const workerMs = Number(await page.locator('.status').getAttribute('data-worker-ms'));
    console.log(
      `# studio: slider move → answer, median ${sorted[2].toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[4].toFixed(1)}); last evaluation in the worker ${workerMs.toFixed(1)} ms`,
    );

    // Meta-preferences: open the panel, see the fixed points of the parts' wants with their basins.
    await page.getByText('Meta-preferences: the weights each part wants H to have').click();
    await page.locator('table.fixed-points tbody tr').first().waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('table.fixed-points tbody tr').count()) >= 1);
    await page.screenshot({ path: join(artifacts, 'studio-meta.png'), fullPage: true });

    // Beliefs of a part's own: a row that does not sum to 1 is named at that row; then back to H's.
    n = await evaluations(page);
    await page.getByLabel('beliefs of fear-of-living-alone of their own').click();
    await answered(page, n);
    n = await evaluations(page);
    const belief = page.getByLabel(
      'probability of break-up-at-petes after book-beach, as fear-of-living-alone believes',
    );
    await belief.fill('0.5');
    await belief.press('Enter');
    await answered(page, n);
    assert.equal(
      await page.locator('p.error[role="alert"]').first().getAttribute('data-path'),
      'parts[0].beliefs.book-beach',
    );
    n = await evaluations(page);
    await page.getByLabel('beliefs of fear-of-living-alone of their own').click();
    await answered(page, n);
    assert.equal(await page.locator('table.beliefs').count(), 0);

    // Add a part: every reading's group gets a fifth bar.
    n = await evaluations(page);
    await page.getByRole('button', { name: '+ add a part to H' }).click();
    await answered(page, n);
    assert.equal(await page.locator(`rect.bar[data-reading="${reading}"]`).count(), 5);
    assert.equal(await bar(page, reading, 'part-5').count(), 1);

    // Switch Σ: the verdict names the new rule.
    n = await evaluations(page);
    await page.getByLabel('Σ, how H aggregates its parts').selectOption('borda');
    await answered(page, n);
    assert.match((await page.locator('.verdict').textContent()) ?? '', /Σ = borda/);
    assert.equal(await page.locator('tr.own[data-rule="borda"]').count(), 1);

    // Type an invalid utility: the error names that field, and the field is marked.
    n = await evaluations(page);
    const bad = page.getByLabel(`utility of row-together for ${part}`, { exact: true });
    await bad.fill('abc');
    await bad.press('Enter');
    await answered(page, n);
    const error = page.locator('p.error[role="alert"]').first();
    assert.equal(await error.getAttribute('data-path'), `parts[3].utility.row-together`);
    assert.match(
      (await error.textContent()) ?? '',
      /holiday\.yaml:\d+ parts\[3\]\.utility\.row-together: expected a number, got "abc"/,
    );
    assert.equal(await bad.getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: join(artifacts, 'studio-invalid-utility.png') });

    // Fix it, download the scenario, load another, then load the download back.
    n = await evaluations(page);
    await bad.fill('0');
    await bad.press('Enter');
    await answered(page, n);
    const edited = await page.locator('.yaml textarea').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'download the scenario' }).click(),
    ]);
    const saved = join(artifacts, download.suggestedFilename());
    await download.saveAs(saved);
    assert.equal(download.suggestedFilename(), 'holiday.yaml');
    assert.equal(readFileSync(saved, 'utf8'), edited);
    n = await evaluations(page);
    await page.getByLabel('start from a scenario').selectOption('committee-cycle');
    await answered(page, n);
    assert.doesNotMatch(await page.locator('.yaml textarea').inputValue(), /part-5/);
    // The exact rules' solver (WebAssembly) loaded in the worker under the page's CSP: Dodgson answers.
    const dodgson = page.locator('tr[data-rule="dodgson"]');
    await dodgson.waitFor();
    assert.equal(await dodgson.locator('td.error').count(), 0);
    assert.match((await dodgson.textContent()) ?? '', /faction-/);
    n = await evaluations(page);
    await page.getByLabel('load a scenario file').setInputFiles(saved);
    await answered(page, n);
    assert.equal(await page.locator('.yaml textarea').inputValue(), edited);
    await bar(page, reading, 'part-5').waitFor({ timeout: 20_000 });

    // The address bar carries the scenario: a new tab on that link shows the same view.
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).location.hash.startsWith('#s='));
    const link = page.url();
    const again = await context.newPage();
    await again.goto(link);
    await again.locator('rect.bar').first().waitFor({ timeout: 30_000 });
    assert.equal(await again.locator('.yaml textarea').inputValue(), edited);
    await page.screenshot({ path: join(artifacts, 'studio-full.png'), fullPage: true });

    // The rest of the scenario in the form: ε, the world's outcomes.
    n = await evaluations(page);
    const epsilon = page.getByLabel('ε, the tolerance of “self-aligned” and “accepted”');
    await epsilon.fill('0.2');
    await epsilon.press('Enter');
    await answered(page, n);
    assert.match(await page.locator('.yaml textarea').inputValue(), /^epsilon: 0\.2$/m);
    await page.getByText('What H chooses among: outcomes, actions, the truth, the candidates').click();
    n = await evaluations(page);
    await page.getByRole('button', { name: '+ add an outcome' }).click();
    await answered(page, n);
    assert.equal(
      await page.getByLabel(`utility of outcome-6 for ${part}`, { exact: true }).inputValue(),
      '0',
    );
    await page.screenshot({ path: join(artifacts, 'studio-world.png'), fullPage: true });

    // Axioms: plurality and the Condorcet winner; the link reopens the tab and the question.
    await page.getByRole('tab', { name: 'Axioms: what a rule or a reading keeps' }).click();
    await page.getByLabel('what to check: a reading or a Σ rule').selectOption('sigma:plurality');
    await page.getByLabel('the axiom to check').selectOption('condorcet-winner');
    await page.locator('.axiom-verdict[data-verdict="violated"]').waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('table.profile tbody tr').count()) >= 2);
    await page.screenshot({ path: join(artifacts, 'studio-axioms.png'), fullPage: true });
    await page.waitForFunction(() =>
      (globalThis as unknown as PageGlobals).location.hash.startsWith(
        '#view=axioms&check=sigma%3Aplurality&axiom=condorcet-winner',
      ),
    );
    const axiomsLink = page.url();
    const third = await context.newPage();
    await third.goto(axiomsLink);
    await third.locator('.axiom-verdict[data-verdict="violated"]').waitFor({ timeout: 30_000 });
    assert.equal(
      await third
        .getByRole('tab', { name: 'Axioms: what a rule or a reading keeps' })
        .getAttribute('aria-selected'),
      'true',
    );
    assert.match(await third.locator('.yaml textarea').inputValue(), /^epsilon: 0\.2$/m);
    n = await evaluations(page);
    await page.getByRole('button', { name: /open this profile as a principal in the form/ }).click();
    await answered(page, n);
    assert.match(await page.locator('.yaml textarea').inputValue(), /^sigma: plurality$/m);
    await page.locator('rect.bar').first().waitFor();

    // A sequential scenario's report is downloaded too.
    n = await evaluations(page);
    await page.getByLabel('start from a scenario').selectOption('coin-bet');
    await answered(page, n);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'download the report (HTML)' }).click(),
    ]);
    const reportFile = join(artifacts, report.suggestedFilename());
    await report.saveAs(reportFile);
    assert.match(readFileSync(reportFile, 'utf8'), /Agents over \d+ steps/);

    assert.deepEqual(problems, []);
    console.log(`# studio screenshots in ${artifacts}`);
  } finally {
    await browser?.close();
    await studio?.close();
  }
});
