/**
 * The Network page in headless Chromium on the demo merchant: run a study, watch it progress, and
 * read the map, the trade-off curve, the scenario table and the comparison with today's network.
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
const screenshotPath = join(root, '.tmp', 'network.png');

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

let session: ConsoleSession;

before(async () => {
  session = await openConsoleSession('network', { orders: 2500, timeoutMs: 60_000, runner: { concurrency: 1 } });
  ({ server, browser, page, pageErrors } = session);
});

after(async () => {
  await session?.close();
});

test('runs a study on the demo merchant and shows map, curve, scenarios and today', async () => {
  await page.goto(`${server.url}/#key=${server.demoApiKey}`);
  await page.getByTestId('page-overview').waitFor();
  await page.getByTestId('nav-network').click();
  const root = page.getByTestId('page-network');
  await root.waitFor();
  assert.equal(await root.getByTestId('not-built').count(), 0, 'a real page');
  await root.getByText('No network study yet').waitFor();

  await page.getByTestId('network-max').selectOption('4');
  await page.getByTestId('network-time').selectOption('10');
  await page.getByTestId('network-run').click();
  await page.getByTestId('network-progress').waitFor();
  await page.getByTestId('network-study').waitFor({ timeout: 120_000 });
  assert.equal(await page.getByTestId('network-failure').count(), 0);

  const rows = page.getByTestId('scenario-table').getByTestId('scenario-row');
  assert.equal(await rows.count(), 5, 'four scenarios and today');
  assert.match((await rows.last().textContent()) ?? '', /Today/);
  assert.match((await page.getByTestId('scenario-table').textContent()) ?? '', /lowest cost/);

  const map = page.getByTestId('network-map');
  await map.waitFor();
  const points = await map.getByTestId('map-point').count();
  assert.ok(points > 50, `demand zones and sites on the map (${points})`);
  assert.ok((await map.locator('path.map-line').count()) > 20, 'catchment lines drawn');
  await page.locator('[data-testid="network-tradeoff"] canvas').first().waitFor();
  await page.getByTestId('network-comparison').waitFor();
  assert.match((await page.getByTestId('network-comparison').textContent()) ?? '', /Today/);

  // Choosing another number of warehouses redraws the map's catchments.
  await page.getByTestId('network-k-2').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="network-sites"] tr').length === 2);
  await page.getByTestId('network-k-3').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="network-sites"] tr').length === 3);

  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // The latest study is shown again on arrival.
  await page.reload();
  await page.getByTestId('network-study').waitFor();
  assert.equal(await page.getByTestId('scenario-table').getByTestId('scenario-row').count(), 5);

  // A second study, with sites chosen for reach, becomes the one shown; the first stays one choice away.
  await page.getByTestId('network-max').selectOption('2');
  await page.getByTestId('network-time').selectOption('5');
  await page.getByTestId('network-objective').selectOption('coverage-2');
  await page.getByTestId('network-run').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-table"] [data-testid="scenario-row"]').length === 3, undefined, { timeout: 120_000 });
  const reach = page.getByTestId('scenario-coverage');
  assert.equal(await reach.count(), 2, 'both scenarios say what their sites were chosen for');
  assert.match((await reach.first().textContent()) ?? '', /chosen for reach: \d+(\.\d)?\s?% within 2 days/);
  const history = page.getByTestId('network-history');
  await history.waitFor();
  assert.equal(await history.locator('option').count(), 2);
  await history.selectOption({ index: 1 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-table"] [data-testid="scenario-row"]').length === 5);
  assert.equal(await page.getByTestId('scenario-coverage').count(), 0, 'the first study was for cost');
});

test('no script errors in the page', () => {
  assert.deepEqual(pageErrors, []);
});
