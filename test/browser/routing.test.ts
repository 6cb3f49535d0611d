/**
 * The Last mile page in headless Chromium on the demo merchant: plans a depot's recent orders,
 * watches the progress, then checks the map, the timeline per van, the key figures and the
 * exports; on a fresh visit the latest plan is shown.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { startServer } from '../../src/server.js';
import { seedDemo } from '../../src/services/demo/seed.js';
import { ensureConsoleBuilt, launchChromium } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(root, '.tmp', 'routing.png');

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let dataDir: string;
let key = '';
const pageErrors: string[] = [];

/** True when web/dist holds a console built with the Last mile page as tested here (with driver breaks). */
function distHasLastMilePage(): boolean {
  const assets = join(root, 'web', 'dist', 'assets');
  if (!existsSync(join(root, 'web', 'dist', 'index.html')) || !existsSync(assets)) return false;
  return readdirSync(assets).some((f) => f.startsWith('LastMile') && readFileSync(join(assets, f), 'utf8').includes('last-mile-timeline-break'));
}

before(async () => {
  if (!distHasLastMilePage()) {
    const build = spawnSync('npx', ['vite', 'build', 'web'], { cwd: root, stdio: 'inherit' });
    assert.equal(build.status, 0, 'vite build web failed');
  }
  dataDir = mkdtempSync(join(tmpdir(), 'portolan-browser-routing-'));
  server = await startServer({ port: 0, dataDir, seed: false });
  // a short, dense history: a week of orders near each warehouse, as on the full demo
  key = (await seedDemo(server.services, { orders: 3000, seed: 11, days: 60 })).apiKey;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('plans the latest week of orders from a depot and shows routes, timeline and figures', async () => {
  await page.goto(`${server.url}/#key=${key}`);
  await page.getByTestId('nav-last-mile').click();
  await page.getByTestId('page-last-mile').waitFor();
  assert.equal(await page.getByTestId('not-built').count(), 0);
  await page.getByTestId('last-mile-form').waitFor();
  assert.equal(await page.getByTestId('last-mile-depot-select').inputValue(), 'AMS1');
  assert.match(await page.getByTestId('last-mile-date').inputValue(), /^\d{4}-\d{2}-\d{2}$/);

  await page.getByTestId('last-mile-vans').fill('3');
  await page.getByTestId('last-mile-time').selectOption('2');
  await page.getByTestId('last-mile-plan').click();
  await page.getByTestId('last-mile-progress').waitFor();
  await page.getByTestId('last-mile-result').waitFor();

  const served = Number(await page.getByTestId('kpi-last-mile-stops-value').textContent());
  const vans = Number(await page.getByTestId('kpi-last-mile-vehicles-value').textContent());
  assert.ok(served >= 10, `a useful number of stops served (${served})`);
  assert.ok(vans >= 1 && vans <= 3, `vans used (${vans})`);
  assert.match((await page.getByTestId('kpi-last-mile-km-value').textContent()) ?? '', /\d+ km/);
  assert.match((await page.getByTestId('kpi-last-mile-cost-value').textContent()) ?? '', /€\d/);
  assert.equal(await page.getByTestId('last-mile-stop').count(), served, 'every served stop on the map');
  assert.equal(await page.getByTestId('last-mile-route-line').count(), vans, 'one line per van');
  assert.equal(await page.getByTestId('last-mile-depot').count(), 1);
  assert.equal(await page.getByTestId('last-mile-timeline-row').count(), vans, 'a timeline row per van');
  await page.getByTestId('last-mile-unassigned').waitFor();
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });
});

test('a van picked on the map legend lists its stops in order', async () => {
  await page.getByTestId('last-mile-legend').locator('button').first().click();
  await page.getByTestId('last-mile-stop-list').waitFor();
  const rows = await page.getByTestId('last-mile-stop-list').locator('tbody tr').allTextContents();
  assert.ok(rows.length >= 3, 'depot, stops, return');
  assert.match(rows[1], /^1/);
  await page.screenshot({ path: screenshotPath.replace('.png', '-van.png'), fullPage: true });
});

test('exports CSV and GeoJSON', async () => {
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('last-mile-export-csv').click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  assert.match(csvText.split('\n')[0], /^vehicle,sequence,stop_id,order_number,arrival,departure,lat,lng/);
  const [geo] = await Promise.all([page.waitForEvent('download'), page.getByTestId('last-mile-export-geojson').click()]);
  assert.equal(JSON.parse(readFileSync((await geo.path())!, 'utf8')).type, 'FeatureCollection');
});

test('a driver break set for the fleet shows on every van\'s timeline and in its stop list', async () => {
  assert.equal(await page.getByTestId('last-mile-timeline-break').count(), 0, 'no break before one is set');
  await page.getByTestId('last-mile-break').selectOption('30');
  await page.getByTestId('last-mile-break-from').fill('12:00');
  await page.getByTestId('last-mile-break-to').fill('13:00');
  await page.getByTestId('last-mile-time').selectOption('2');
  await page.getByTestId('last-mile-plan').click();
  await page.getByTestId('last-mile-progress').waitFor();
  await page.getByTestId('last-mile-result').waitFor();
  await page.getByTestId('last-mile-timeline-break').first().waitFor();
  const vans = await page.getByTestId('last-mile-timeline-row').count();
  assert.equal(await page.getByTestId('last-mile-timeline-break').count(), vans, 'a break block per van');
  const title = (await page.getByTestId('last-mile-timeline-break').first().getAttribute('title')) ?? '';
  const start = /(\d\d:\d\d)–/.exec(title)?.[1] ?? '';
  assert.ok(start >= '12:00' && start <= '13:00', `break starts in its window (${title})`);
  assert.equal(await page.getByTestId('last-mile-break').inputValue(), '30', 'the form keeps the fleet break for the next plan');
  await page.getByTestId('last-mile-legend').locator('button').first().click();
  await page.getByTestId('last-mile-break-row').waitFor();
  assert.equal(await page.getByTestId('last-mile-break-row').count(), 1);
  await page.screenshot({ path: screenshotPath.replace('.png', '-break.png'), fullPage: true });
});

test('a fresh visit shows the latest plan, and there are no script errors', async () => {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('page-overview').waitFor();
  await page.getByTestId('nav-last-mile').click();
  await page.getByTestId('last-mile-result').waitFor();
  assert.ok((await page.getByTestId('last-mile-stop').count()) >= 10);
  assert.deepEqual(pageErrors, []);
});
