import type { Command } from 'commander';

/** CLI commands of the network capability. */
export function registerNetworkCommands(_program: Command): void {}
