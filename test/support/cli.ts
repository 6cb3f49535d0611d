import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs `portolan` as a child process, as a user would. Asynchronous on purpose: the server the
 * command talks to usually lives in the test's own process, and a blocking spawn would starve it.
 */
export function runPortolan(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const child = spawn(process.execPath, ['bin/portolan.js', ...args], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}
