import type { Command } from 'commander';

/** CLI commands of the packing capability. */
export function registerPackingCommands(_program: Command): void {}
