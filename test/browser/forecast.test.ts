/**
 * The Inventory & Forecast page in headless Chromium on the demo merchant: run a forecast, watch it
 * progress, pick series of the hierarchy, and read the chart, the accuracy table, the peaks and the
 * stock of the selected SKU against its forecast.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import { openConsoleSession, type ConsoleSession } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(root, '.tmp', 'forecast.png');

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

let session: ConsoleSession;

before(async () => {
  session = await openConsoleSession('forecast', { orders: 4000, timeoutMs: 60_000, runner: { concurrency: 1 } });
  ({ server, browser, page, pageErrors } = session);
});

after(async () => {
  await session?.close();
});

test('runs a forecast on the demo merchant and shows chart, accuracy, peaks and stock cover', async () => {
  await page.goto(`${server.url}/#key=${server.demoApiKey}`);
  await page.getByTestId('page-overview').waitFor();
  await page.getByTestId('nav-inventory').click();
  const root = page.getByTestId('page-inventory');
  await root.waitFor();
  assert.equal(await root.getByTestId('not-built').count(), 0, 'a real page');
  await root.getByText('No forecast yet').waitFor();

  await page.getByTestId('forecast-horizon').selectOption('28');
  await page.getByTestId('forecast-run').click();
  await page.getByTestId('forecast-progress').waitFor();
  await page.getByTestId('forecast-result').waitFor({ timeout: 120_000 });
  assert.equal(await page.getByTestId('forecast-failure').count(), 0);

  // The total first: chart drawn, KPIs filled, the accuracy table has us and seasonal naive.
  await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();
  assert.equal(await page.getByTestId('forecast-selected-label').textContent(), 'All SKUs');
  assert.match((await page.getByTestId('kpi-forecast-next-week-value').textContent()) ?? '', /\d+ units/);
  assert.match((await page.getByTestId('kpi-forecast-mase-value').textContent()) ?? '', /^\d+\.\d\d$/);
  const accuracy = (await page.getByTestId('forecast-accuracy').textContent()) ?? '';
  assert.match(accuracy, /Our forecast/);
  assert.match(accuracy, /Seasonal naive/);
  assert.match(accuracy, /MASE/);
  assert.ok(await page.getByTestId('forecast-accuracy-total').count(), 'a total row');
  assert.ok((await page.getByTestId('forecast-peaks').getByTestId('forecast-peak').count()) > 0, 'peaks are flagged');
  assert.match((await page.getByTestId('forecast-peaks').textContent()) ?? '', /black-friday|cyber-monday|×\d/);

  // The top SKU: its stock per warehouse next to its forecast demand, in days of cover.
  await page.getByTestId('forecast-top-sku').click();
  assert.match((await page.getByTestId('forecast-selected-label').textContent()) ?? '', /·/);
  await page.getByTestId('forecast-inventory').waitFor();
  assert.ok((await page.getByTestId('forecast-inventory-row').count()) >= 2, 'stock in several warehouses');
  assert.match((await page.getByTestId('forecast-cover-total').textContent()) ?? '', /days|year|no demand/);
  assert.ok(await page.getByTestId('forecast-accuracy-selected').count(), 'the selected SKU has its own accuracy rows');
  await page.screenshot({ path: join(dirname(screenshotPath), 'forecast-sku.png'), fullPage: true });

  // Any series of the hierarchy: a SKU in one warehouse.
  await page.getByTestId('forecast-level-select').selectOption('sku-warehouse');
  await page.waitForFunction(() => /@ warehouse/.test(document.querySelector('[data-testid="forecast-selected-label"]')?.textContent ?? ''));
  const options = await page.getByTestId('forecast-series-select').locator('option').count();
  assert.ok(options > 20, `SKU × warehouse series to choose from (${options})`);
  await page.getByTestId('forecast-series-select').selectOption({ index: 3 });
  await page.locator('[data-testid="forecast-chart"] canvas').first().waitFor();

  await page.getByTestId('forecast-level-select').selectOption('total');
  await page.waitForFunction(() => document.querySelector('[data-testid="forecast-selected-label"]')?.textContent === 'All SKUs');
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // The latest forecast is shown again on arrival.
  await page.reload();
  await page.getByTestId('forecast-result').waitFor();
  assert.equal(await page.getByTestId('forecast-selected-label').textContent(), 'All SKUs');
});

test('no script errors in the page', () => {
  assert.deepEqual(pageErrors, []);
});
