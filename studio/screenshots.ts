/**
 * The screenshots of docs/studio.md, one per view: `npm run build`, then
 * `npx tsx studio/screenshots.ts [OUT]` (default docs/studio/). It starts the studio with a small
 * sweep store (made here with `sulab sweep`), opens it in Debian's Chromium and shoots each view.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStudio } from '../src/studio/server.js';
import { openStoreApi } from '../src/studio/store-api.js';

const root = join(import.meta.dirname, '..');
const out = process.argv[2] ?? join(root, 'docs', 'studio');
mkdirSync(out, { recursive: true });

// A small sweep over the holiday scenario's weights, for the store view.
const dir = mkdtempSync(join(tmpdir(), 'sulab-shots-'));
writeFileSync(
  join(dir, 'weights.yaml'),
  `kind: sweep
name: holiday-weights
seed: 3
base: {scenario: ${join(root, 'scenarios', 'holiday.yaml')}}
grid:
  parts[2].weight: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
random:
  parts[0].weight: {uniform: [0.2, 0.4]}
replicates: 4
readings: [boundary/instruction, parts/nash-bargaining, parts/idealized]
`,
);
const store = join(dir, 'weights.duckdb');
const sweep = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(root, 'src', 'cli', 'main.ts'),
    'sweep',
    join(dir, 'weights.yaml'),
    '--store',
    store,
  ],
  { encoding: 'utf8' },
);
if (sweep.status !== 0) throw new Error(`sulab sweep failed: ${sweep.stderr}`);

const studio = await startStudio({
  assets: join(root, 'dist', 'studio'),
  scenarios: join(root, 'scenarios'),
  store: await openStoreApi(store),
  version: 'docs',
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.goto(studio.url);
  await page.locator('rect.bar').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'first-screen.png') });
  const shoot = async (selector: string, name: string) =>
    page
      .locator(selector)
      .first()
      .screenshot({ path: join(out, name) });
  await shoot('section.form', 'principal.png');
  await shoot('figure.chart', 'welfare.png');
  await shoot('table.reflexivity', 'reflexivity.png');
  await shoot('table.matrix', 'interpretation.png');
  // Only the rules that pick otherwise than H's own Σ: the whole registry is a long table.
  await page.getByLabel("only rules that pick differently from H's own Σ").check();
  await shoot('table.sigma', 'sigma.png');
  await page.locator('section[aria-label="Sweep store"] svg').waitFor({ timeout: 30_000 });
  await shoot('section[aria-label="Sweep store"]', 'store.png');
  const bad = page.getByLabel('utility of row-together for attachment-to-partner', { exact: true });
  await bad.fill('lots');
  await bad.press('Enter');
  await page.locator('p.error[role="alert"]').first().waitFor();
  await shoot('section.form', 'error.png');
  await page.getByLabel('start from a scenario').selectOption('committee-cycle');
  await page.locator('tr[data-rule="dodgson"]').waitFor({ timeout: 30_000 });
  await page.getByText('Meta-preferences: the weights each part wants H to have').click();
  await page.locator('svg.triangle').waitFor({ timeout: 30_000 });
  await shoot('details.meta-panel', 'meta.png');
  await page.getByLabel('start from a scenario').selectOption('sydney');
  await page.getByRole('button', { name: '+ add a part to microsoft' }).waitFor({ timeout: 30_000 });
  await shoot('table.parts', 'nested.png');
  await page.getByLabel('start from a scenario').selectOption('productivity');
  await page.locator('table.agents').waitFor({ timeout: 30_000 });
  await page.getByLabel('time step').fill('12');
  await page.waitForTimeout(300);
  await shoot('.right', 'sequential.png');
  await page.getByRole('tab', { name: 'Axioms: what a rule or a reading keeps' }).click();
  await page.getByLabel('what to check: a reading or a Σ rule').selectOption('sigma:plurality');
  await page.getByLabel('the axiom to check').selectOption('condorcet-winner');
  await page.locator('.axiom-verdict').waitFor({ timeout: 30_000 });
  await shoot('section.axioms', 'axioms.png');
  await page.getByLabel('start from a scenario').selectOption('holiday');
  await page.getByText('What H chooses among: outcomes, actions, the truth, the candidates').click();
  await page.locator('section.world').waitFor({ timeout: 30_000 });
  await shoot('section.world', 'world.png');
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await studio.close();
}
