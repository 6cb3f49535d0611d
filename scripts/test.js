#!/usr/bin/env node
// Runs a test suite with Node's own test runner (through tsx for TypeScript).
//   npm test                      typecheck + unit + engine + integration tests on embedded PGlite
//   node scripts/test.js --suite pg       integration tests against PORTOLAN_TEST_DATABASE_URL
//   node scripts/test.js --suite browser  console tests in headless Chromium
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const suite = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : 'default';
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--suite');

function collect(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(collect(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const dirs = { default: ['test/unit', 'test/integration'], pg: ['test/integration', 'test/pg'], browser: ['test/browser'] }[suite];
if (!dirs) {
  console.error(`unknown suite ${suite}`);
  process.exit(2);
}
let files = dirs.flatMap((d) => { try { return collect(d); } catch { return []; } });
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

if (suite === 'default' && !only.length) {
  const tc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: 'inherit' });
  if (tc.status !== 0) process.exit(tc.status ?? 1);
}
const env = { ...process.env };
if (suite === 'pg') {
  if (!env.PORTOLAN_TEST_DATABASE_URL) {
    console.error('the pg suite needs PORTOLAN_TEST_DATABASE_URL=postgres://...');
    process.exit(2);
  }
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
