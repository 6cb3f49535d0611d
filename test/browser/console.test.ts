/**
 * The web console in headless Chromium against the real server: sign in with the `#key=` link the server
 * prints, visit every section through the navigation, and check the overview shows the demo merchant's data.
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
const screenshotPath = join(root, '.tmp', 'overview.png');

const sections = [
  { id: 'overview', built: true },
  { id: 'network', built: true },
  { id: 'inventory', built: true },
  { id: 'packing', built: true },
  { id: 'shipping', built: false },
  { id: 'cross-border', built: true },
  { id: 'last-mile', built: true },
  { id: 'tracking', built: false },
  { id: 'data', built: true },
];

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

let session: ConsoleSession;

before(async () => {
  session = await openConsoleSession('console', { orders: 1500 });
  ({ server, browser, page, pageErrors } = session);
});

after(async () => {
  await session?.close();
});

test('without a key the console asks for one', async () => {
  await page.goto(`${server.url}/`);
  await page.getByTestId('signin').waitFor();
  await page.getByTestId('signin-key').fill('pk_not_a_real_key');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('signin-error').waitFor();
  assert.match((await page.getByTestId('signin-error').textContent()) ?? '', /not accepted/);
});

test('signs in from the #key= link and strips the key from the URL', async () => {
  await page.goto(`${server.url}/#key=${server.demoApiKey}`);
  await page.getByTestId('page-overview').waitFor();
  assert.ok(!page.url().includes('key='), `key left in URL: ${page.url()}`);
  assert.match(page.url(), /#\/overview$/);
  assert.equal(await page.evaluate(() => localStorage.getItem('portolan.apiKey')), server.demoApiKey);
  const name = await page.getByTestId('merchant-name').textContent();
  assert.ok(name && name.trim().length > 0, 'merchant name in the header');
});

test('the overview shows the demo merchant’s numbers, chart and map', async () => {
  await page.goto(`${server.url}/#/overview`);
  await page.getByTestId('kpis').waitFor();
  for (const kpi of ['orders', 'units', 'revenue', 'skus', 'warehouses', 'countries', 'cross-border']) {
    const text = (await page.getByTestId(`kpi-${kpi}-value`).textContent()) ?? '';
    const digits = text.replace(/[^0-9.]/g, '');
    assert.ok(Number(digits) > 0, `KPI ${kpi} is non-zero (got "${text}")`);
  }
  await page.locator('[data-testid="orders-chart"] canvas').first().waitFor();
  const map = page.getByTestId('world-map');
  await map.waitFor();
  const countries = await map.locator('path.map-country').count();
  const coloured = await map.locator('path.map-country.has-value').count();
  assert.ok(countries > 150, `map draws the world (${countries} countries)`);
  assert.ok(coloured >= 3, `some countries are coloured (${coloured})`);
  assert.ok((await map.getByTestId('map-point').count()) >= 1, 'warehouses are plotted');
  assert.ok((await page.getByTestId('warehouses-table').locator('tbody tr').count()) >= 1);
  assert.ok((await page.getByTestId('top-skus').locator('tbody tr').count()) >= 1);
  await page.getByTestId('map-legend').waitFor();
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // A destination leads to that country's orders on the data page.
  const top = page.getByTestId('top-countries').locator('a').first();
  const country = ((await top.locator('.cc').textContent()) ?? '').trim();
  await top.click();
  await page.getByTestId('orders-table').waitFor();
  const codes = await page.getByTestId('orders-table').locator('tbody tr .cc').allTextContents();
  assert.ok(codes.length > 0 && codes.every((c) => c.trim() === country), `orders filtered to ${country}`);
});

test('every section is reachable from the navigation', async () => {
  for (const s of sections) {
    await page.getByTestId(`nav-${s.id}`).click();
    const root = page.getByTestId(`page-${s.id}`);
    await root.waitFor();
    assert.match(page.url(), new RegExp(`#/${s.id}$`));
    const notBuilt = await root.getByTestId('not-built').count();
    if (s.built) assert.equal(notBuilt, 0, `${s.id} is a real page`);
    else assert.match((await root.getByTestId('not-built').textContent()) ?? '', /Not built yet/, `${s.id} says it is not built yet`);
  }
});

test('the data page imports a CSV and reports row errors, and browses products and orders', async () => {
  await page.goto(`${server.url}/#/data`);
  await page.getByTestId('page-data').waitFor();
  await page.getByTestId('products-table').waitFor();
  const firstPage = await page.getByTestId('products-table').locator('tbody tr').count();
  assert.ok(firstPage > 0, 'products listed');
  if (await page.getByTestId('load-more').count()) {
    await page.getByTestId('load-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="products-table"] tbody tr').length > n, firstPage);
  }
  await page.getByTestId('browse-orders').click();
  await page.getByTestId('orders-table').waitFor();

  // A template downloads with the auth header and imports back as it is.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-products').click()]);
  assert.equal(download.suggestedFilename(), 'portolan-products-template.csv');
  const template = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  assert.ok(template.toString('utf8').split('\n').length >= 2, 'template has a header and an example row');
  await page.getByTestId('import-kind-products').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: template });
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-result').waitFor();
  assert.equal(await page.getByTestId('import-rows-read').textContent(), '1');
  const written = Number(await page.getByTestId('import-inserted').textContent()) + Number(await page.getByTestId('import-updated').textContent());
  assert.equal(written, 1, 'the example row was imported');

  await page.getByTestId('import-kind-warehouses').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('code,name\n,\n') });
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-result').or(page.getByTestId('error')).first().waitFor();
  assert.equal(await page.getByTestId('import-errors').count(), 1, 'row errors are listed');
  assert.ok((await page.getByTestId('import-errors').locator('tbody tr').count()) >= 1);
});

test('an API problem shows its detail, and Retry recovers', async () => {
  await page.route('**/v1/stats/overview**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'database not reachable: test outage' }),
    }),
  );
  await page.goto(`${server.url}/#/data`);
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('error-detail').waitFor();
  assert.equal(await page.getByTestId('error-detail').textContent(), 'database not reachable: test outage');
  await page.unroute('**/v1/stats/overview**');
  await page.getByTestId('page-overview').getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('kpis').waitFor();
  assert.equal(await page.getByTestId('error').count(), 0);
});

test('a revoked key returns to the sign-in form; sign-out forgets the key', async () => {
  await page.evaluate(() => localStorage.setItem('portolan.apiKey', 'pk_revoked'));
  await page.goto(`${server.url}/#/overview`);
  await page.reload();
  await page.getByTestId('signin').waitFor();
  await page.getByTestId('signin-notice').waitFor();
  await page.getByTestId('signin-key').fill(server.demoApiKey!);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('page-overview').waitFor();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('portolan.apiKey')), null);
});

test('no script errors in the page', () => {
  assert.deepEqual(pageErrors, []);
});
