/** Commands over a running Portolan's API: imports, jobs and raw API calls. */
import { readFileSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { importKinds } from '../../services/csv-formats.js';
import type { Job } from '../../domain/resources.js';
import { ApiClient } from '../api-client.js';
import { CliError, printJson, printTable } from '../output.js';

export function withApiOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'Portolan server (PORTOLAN_URL, default http://localhost:4600)')
    .option('--api-key <key>', 'API key (PORTOLAN_API_KEY)');
}

export function registerDataCommands(program: Command): void {
  withApiOptions(program.command('import <kind> <file>'))
    .description(`Import a CSV file: ${importKinds.join(', ')}. With bad rows nothing is written unless --skip-invalid`)
    .option('--skip-invalid', 'write the good rows and report the bad ones')
    .option('--json', 'print the import report as JSON')
    .action(async (kind: string, file: string, opts) => {
      if (!(importKinds as string[]).includes(kind)) throw new CliError(`unknown import kind "${kind}"; use one of ${importKinds.join(', ')}`);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const client = new ApiClient(opts);
      const r = await client.request<{ outcome: string; rowsRead: number; inserted: number; updated: number; skipped: number; errors: { row: number; column: string; reason: string }[]; detail?: string }>(
        'POST', `/v1/imports/${kind}?skipInvalid=${opts.skipInvalid ? 'true' : 'false'}`, text, 'text/csv');
      if (r.status >= 400 && r.status !== 422) throw new CliError(`${r.status}: ${r.body.detail ?? JSON.stringify(r.body)}`);
      const report = r.body;
      if (opts.json) printJson(report);
      else {
        console.log(`${kind}: ${report.rowsRead} rows read, ${report.inserted} inserted, ${report.updated} updated, ${report.skipped} skipped (${report.outcome})`);
        if (report.errors.length) printTable(report.errors, ['row', 'column', 'reason']);
      }
      if (report.outcome === 'rejected') throw new CliError(`${report.errors.length} bad row(s): nothing was written (use --skip-invalid to import the good rows)`);
    });

  const jobs = program.command('jobs').description('Long-running jobs');
  withApiOptions(jobs.command('get <id>')).option('--json', 'print JSON').description('Show a job')
    .action(async (id: string, opts) => {
      const job = await new ApiClient(opts).call<Job>('GET', `/v1/jobs/${encodeURIComponent(id)}`);
      opts.json ? printJson(job) : printTable([{ id: job.id, kind: job.kind, status: job.status, progress: `${Math.round(job.progress * 100)}%`, message: job.message }]);
    });
  withApiOptions(jobs.command('list')).option('--json', 'print JSON').description('List recent jobs')
    .action(async (opts) => {
      const page = await new ApiClient(opts).call<{ data: Job[] }>('GET', '/v1/jobs?limit=50');
      opts.json ? printJson(page.data) : printTable(page.data.map((j) => ({ id: j.id, kind: j.kind, status: j.status, progress: `${Math.round(j.progress * 100)}%`, created: j.createdAt })));
    });
  withApiOptions(jobs.command('cancel <id>')).option('--json', 'print JSON').description('Cancel a job')
    .action(async (id: string, opts) => {
      const job = await new ApiClient(opts).call<Job>('POST', `/v1/jobs/${encodeURIComponent(id)}/cancel`);
      opts.json ? printJson(job) : console.log(`${job.id} ${job.status}`);
    });
  withApiOptions(jobs.command('wait <id>')).option('--json', 'print the finished job as JSON').description('Follow a job with a progress bar until it ends')
    .action(async (id: string, opts) => {
      const job = await waitForJob(new ApiClient(opts), id, !opts.json);
      if (opts.json) printJson(job);
      if (job.status !== 'succeeded') throw new CliError(`job ${job.id} ${job.status}: ${(job.error as { message?: string })?.message ?? job.message}`);
    });

  withApiOptions(program.command('api <method> <path>'))
    .description('Call any API endpoint and print the JSON answer, e.g. portolan api GET /v1/orders?limit=5')
    .option('--data <json>', 'request body (JSON)')
    .action(async (method: string, path: string, opts) => {
      let body: unknown;
      if (opts.data !== undefined) {
        try {
          body = JSON.parse(opts.data);
        } catch {
          throw new CliError('--data is not valid JSON');
        }
      }
      printJson(await new ApiClient(opts).call('' + method.toUpperCase(), path.startsWith('/') ? path : `/${path}`, body));
    });
}

export async function waitForJob(client: ApiClient, id: string, showBar: boolean): Promise<Job> {
  const bar = showBar && process.stderr.isTTY ? new SingleBar({ format: '{kind} [{bar}] {percentage}% {message}', stream: process.stderr }, Presets.shades_classic) : null;
  let job = await client.call<Job>('GET', `/v1/jobs/${encodeURIComponent(id)}`);
  bar?.start(100, 0, { kind: job.kind, message: job.message });
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    job = await client.call<Job>('GET', `/v1/jobs/${encodeURIComponent(id)}`);
    bar?.update(Math.round(job.progress * 100), { kind: job.kind, message: job.message });
  }
  bar?.stop();
  return job;
}
