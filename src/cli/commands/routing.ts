import type { Command } from 'commander';

/** CLI commands of the routing capability. */
export function registerRoutingCommands(_program: Command): void {}
