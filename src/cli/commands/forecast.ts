import type { Command } from 'commander';

/** CLI commands of the forecast capability. */
export function registerForecastCommands(_program: Command): void {}
