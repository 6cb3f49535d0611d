/** The `portolan` command line. */
import { Command, CommanderError } from 'commander';
import { registerCapabilityCommands } from '../capabilities.js';
import { registerAdminCommands } from './commands/admin.js';
import { loadBenchCommands, registerBenchCommands } from './commands/bench.js';
import { registerDataCommands } from './commands/data.js';
import { registerServerCommands } from './commands/server.js';
import { CliError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('portolan')
    .description('Portolan: logistics decisions for e-commerce merchants who sell worldwide')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServerCommands(program);
  registerAdminCommands(program);
  registerDataCommands(program);
  registerCapabilityCommands(program);
  registerBenchCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    if (argv[2] === 'bench') await loadBenchCommands(program);
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its message (or the help / version).
      process.exitCode = e.exitCode;
      return;
    }
    const message = e instanceof CliError ? e.message : `${(e as Error).message ?? e}`;
    process.stderr.write(`portolan: ${message.split('\n')[0]}\n`);
    if (!(e instanceof CliError) && process.env.PORTOLAN_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
