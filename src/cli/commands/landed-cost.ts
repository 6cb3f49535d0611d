import type { Command } from 'commander';

/** CLI commands of the landed-cost capability. */
export function registerLandedCostCommands(_program: Command): void {}
