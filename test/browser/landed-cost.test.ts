/**
 * The Cross-border page in headless Chromium on the demo merchant: it opens on one of the
 * merchant's orders abroad, quotes it with every charge's rule and formula, finds an HS code by
 * words, and previews a customs document as PDF.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import { openConsoleSession, type ConsoleSession } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(root, '.tmp', 'landed-cost.png');

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

let session: ConsoleSession;

before(async () => {
  session = await openConsoleSession('lc', { orders: 1500, viewportHeight: 1100 });
  ({ server, browser, page, pageErrors } = session);
});

after(async () => {
  await session?.close();
});

test('opens on a demo order abroad and shows the landed cost with each rule and formula', async () => {
  await page.goto(`${server.url}/#key=${server.demoApiKey}`);
  await page.getByTestId('nav-cross-border').click();
  await page.getByTestId('page-cross-border').waitFor();
  await page.getByTestId('quote').waitFor();
  const ddp = (await page.getByTestId('quote-ddp').textContent()) ?? '';
  assert.match(ddp, /\d/, `DDP total shown: ${ddp}`);
  assert.match((await page.locator('.card-header .muted.small').first().textContent()) ?? '', /prefilled from order \d+/);
  const lines = page.getByTestId('charge-line');
  assert.ok((await lines.count()) >= 1, 'at least one charge line');
  const first = (await lines.first().textContent()) ?? '';
  assert.match(first, /rule/, 'the rule behind the line');
  assert.match(first, /×|%|per/, `a formula: ${first}`);
  // The demo merchant is seeded with a dated rate table, so the quote uses it, not example rates.
  await page.getByTestId('rates-latest').waitFor();
  assert.match((await page.getByTestId('rates-latest').textContent()) ?? '', /EUR/);
  assert.equal(await page.getByTestId('example-rates-note').count(), 0);
});

test('switching to DAP moves import charges to delivery', async () => {
  await page.getByTestId('quote-incoterm').selectOption('DAP');
  await page.getByTestId('quote-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="quote-checkout"]')?.closest('.kpi')?.textContent?.includes('DAP'));
  const due = (await page.getByTestId('quote-due').textContent()) ?? '';
  assert.match(due, /\d/);
});

test('bad input is named: an HS code of the wrong length', async () => {
  const hs = page.getByTestId('quote-hs-0');
  const before = await hs.inputValue();
  await hs.fill('6109');
  await page.getByTestId('quote-submit').click();
  await page.getByTestId('error').waitFor();
  assert.match((await page.getByTestId('error').textContent()) ?? '', /items\.0\.hsCode/);
  await hs.fill(before);
});

test('the HS helper finds a code by words', async () => {
  const hs = page.getByTestId('quote-hs-0');
  const original = await hs.inputValue();
  await hs.fill('wool sweater');
  await page.getByTestId('quote-hs-0-hits').waitFor();
  const hits = (await page.getByTestId('quote-hs-0-hits').textContent()) ?? '';
  assert.match(hits, /6110/, `jerseys and pullovers found: ${hits.slice(0, 200)}`);
  await page.getByTestId('quote-hs-0-hits').locator('button:not([disabled])').first().click();
  assert.match(await hs.inputValue(), /^6110\d{2}$/);
  await hs.fill(original);
  await page.getByTestId('quote-submit').click();
  await page.getByTestId('quote').waitFor();
});

test('previews the commercial invoice of the order as PDF', async () => {
  await page.getByTestId('doc-type-commercial-invoice').click();
  await page.getByTestId('doc-render').click();
  await page.getByTestId('doc-preview').waitFor();
  const src = await page.getByTestId('doc-preview').getAttribute('src');
  assert.match(src ?? '', /^blob:/);
  assert.match((await page.getByTestId('doc-info').textContent()) ?? '', /commercial-invoice-INV-\d+\.pdf · 1 page/);
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // A tall viewport rather than fullPage: the shell scrolls inside its main area.
  await page.setViewportSize({ width: 1440, height: 2300 });
  await page.getByTestId('page-cross-border').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: screenshotPath });
  await page.setViewportSize({ width: 1440, height: 1100 });
  assert.deepEqual(pageErrors, []);
});

test('a document the checks refuse lists every problem', async () => {
  await page.getByTestId('doc-order').fill('no-such-order');
  await page.getByTestId('doc-render').click();
  await page.getByTestId('doc-problems').waitFor();
  assert.match((await page.getByTestId('doc-problems').textContent()) ?? '', /no-such-order/);
});
