/** What every console test needs: a built console and Debian's Chromium, headless. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

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
