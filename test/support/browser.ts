/** What every console test needs: a built console and Debian's Chromium, headless. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunnerOptions } from '../../src/jobs/job-runner.js';
import { startServer, type RunningServer } from '../../src/server.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The server serves whatever web/dist holds when it starts, so the console is built first. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) return;
  const build = spawnSync('npx', ['vite', 'build', 'web'], { cwd: repoRoot, stdio: 'inherit' });
  assert.equal(build.status, 0, 'vite build web failed');
}

/** No browser download is possible here: playwright-core drives the system Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface ConsoleSessionOptions {
  /** Demo orders to seed (the demo merchant's key signs the browser in). */
  orders: number;
  viewportHeight?: number;
  timeoutMs?: number;
  runner?: RunnerOptions;
  /** How to make sure web/dist is current; by default, build it when missing. */
  build?: () => void;
}

export interface ConsoleSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Script errors the page threw; tests end by asserting there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A seeded server on its own data folder and a Chromium page, torn down together by close(). */
export async function openConsoleSession(name: string, options: ConsoleSessionOptions): Promise<ConsoleSession> {
  (options.build ?? ensureConsoleBuilt)();
  const dataDir = mkdtempSync(join(tmpdir(), `portolan-browser-${name}-`));
  const server = await startServer({ port: 0, dataDir, seed: { orders: options.orders, seed: 11 }, runner: options.runner });
  assert.ok(server.demoApiKey, 'the server seeded a demo merchant and returned its key');
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: options.viewportHeight ?? 1000 } });
  page.setDefaultTimeout(options.timeoutMs ?? 30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    server, browser, page, pageErrors,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
