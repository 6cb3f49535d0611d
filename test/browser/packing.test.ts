/**
 * The Packing page in headless Chromium on the demo merchant: it packs the newest open order on
 * arrival, shows the boxes in 3D with a packing list, packs another order picked from the list,
 * packs typed-in items and reports the ones that fit no box.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.js';
import { openConsoleSession, type ConsoleSession } from '../support/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const screenshotPath = join(root, '.tmp', 'packing.png');

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let pickedNumber = '';

/** True when web/dist holds a console built with the Packing page (not the placeholder). */
function distHasPackingPage(): boolean {
  const assets = join(root, 'web', 'dist', 'assets');
  if (!existsSync(join(root, 'web', 'dist', 'index.html')) || !existsSync(assets)) return false;
  return readdirSync(assets).some((f) => f.startsWith('Packing') && readFileSync(join(assets, f), 'utf8').includes('packing-canvas'));
}

function buildPackingConsole(): void {
  if (distHasPackingPage()) return;
  const build = spawnSync('npx', ['vite', 'build', 'web'], { cwd: root, stdio: 'inherit' });
  assert.equal(build.status, 0, 'vite build web failed');
}

let session: ConsoleSession;

before(async () => {
  session = await openConsoleSession('packing', { orders: 1500, viewportHeight: 1100, build: buildPackingConsole });
  ({ server, browser, page, pageErrors } = session);
});

after(async () => {
  await session?.close();
});

test('the page packs the newest open order and shows it in 3D with a packing list', async () => {
  await page.goto(`${server.url}/#key=${server.demoApiKey}`);
  await page.getByTestId('nav-packing').click();
  await page.getByTestId('page-packing').waitFor();
  assert.equal(await page.getByTestId('not-built').count(), 0);
  await page.getByTestId('packing-result').waitFor();
  assert.match((await page.getByTestId('packing-title').textContent()) ?? '', /^Order \d+/);
  const boxes = Number(await page.getByTestId('kpi-packing-boxes-value').textContent());
  assert.ok(boxes >= 1, `at least one box (${boxes})`);
  assert.match((await page.getByTestId('kpi-packing-cost-value').textContent()) ?? '', /€\d/);
  await page.getByTestId('packing-canvas').waitFor();
  const size = await page.getByTestId('packing-canvas').boundingBox();
  assert.ok(size && size.width > 300 && size.height > 300, 'the 3D view has room');
  const rows = await page.getByTestId('packing-list').locator('tbody tr').count();
  assert.ok(rows >= 1, 'the packing list has rows');
  assert.equal(await page.getByTestId('packing-box-tabs').locator('button').count(), boxes);

  // orbiting with the mouse and replaying the steps must not break anything
  const canvas = page.getByTestId('packing-canvas');
  const b = (await canvas.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2 + 120, b.y + b.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath.replace('.png', '-order.png'), fullPage: true });
  await page.getByTestId('packing-step').fill('0');
  assert.match((await page.locator('.packing-step span').textContent()) ?? '', /^Step 0 of/);
});

test('another order from the list, and a search by order number', async () => {
  const picks = page.getByTestId('packing-pick-order');
  assert.ok((await picks.count()) >= 2, 'open orders are listed');
  const second = page.getByTestId('packing-orders').locator('tbody tr').nth(1);
  const number = ((await second.locator('.cell-title').textContent()) ?? '').trim();
  pickedNumber = number;
  await second.getByTestId('packing-pick-order').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="packing-title"]')?.textContent?.startsWith(`Order ${n}`), number);

  await page.getByTestId('packing-order-search').fill(number.slice(0, -1));
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="packing-orders"] .cell-title')].some((e) => e.textContent === n), number);
});

test('typed-in items are packed, and an item too large for every box is reported', async () => {
  await page.getByTestId('packing-source-items').click();
  await page.getByTestId('packing-items-form').waitFor();
  await page.getByRole('button', { name: 'Add item' }).click();
  const last = page.getByTestId('packing-items-form').locator('tbody tr').last();
  await last.getByLabel(/SKU of item/).fill('SURFBOARD');
  await last.getByTestId('packing-item-lengthMm').fill('2100');
  await last.getByTestId('packing-item-widthMm').fill('550');
  await last.getByTestId('packing-item-heightMm').fill('70');
  await last.getByTestId('packing-item-weightG').fill('4200');
  await page.getByTestId('packing-pack-items').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="packing-title"]')?.textContent?.startsWith('Typed-in items'));
  await page.getByTestId('packing-unpackable').waitFor();
  assert.match((await page.getByTestId('packing-unpackable').textContent()) ?? '', /SURFBOARD.*too large/);
  const listed = await page.getByTestId('packing-list').locator('tbody tr').allTextContents();
  assert.ok(listed.some((r) => r.includes('TRAIL-SHOE')) && listed.some((r) => r.includes('ENAMEL-MUG')), 'the example items are packed');
  await page.getByTestId('packing-canvas').waitFor();
  // give the software renderer a moment to draw before the screenshot
  await page.waitForTimeout(300);
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });

  // a bad size is named by the API and shown with its field
  const first = page.getByTestId('packing-items-form').locator('tbody tr').first();
  await first.getByTestId('packing-item-weightG').fill('-3');
  await page.getByTestId('packing-pack-items').click();
  await page.getByTestId('error').waitFor();
  assert.match((await page.getByTestId('error').textContent()) ?? '', /items\.0\.weightG/);
});

test('a link to an order opens its packing', async () => {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('page-overview').waitFor();
  await page.goto(`${server.url}/#/packing?order=${pickedNumber}`);
  await page.waitForFunction((n) => document.querySelector('[data-testid="packing-title"]')?.textContent?.startsWith(`Order ${n}`), pickedNumber);
  await page.getByTestId('packing-canvas').waitFor();
});

test('leaving the page releases the 3D view, and there are no script errors', async () => {
  await page.getByTestId('nav-overview').click();
  await page.getByTestId('page-overview').waitFor();
  assert.equal(await page.getByTestId('packing-canvas').count(), 0);
  assert.deepEqual(pageErrors, []);
});
