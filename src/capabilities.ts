/**
 * The capability slices, in one place so that a reader sees every capability the platform has:
 * each brings its HTTP routes and CLI commands, and those that run long solves their job tasks
 * (landed cost answers synchronously and has none).
 * PORTOLAN_PLUGINS (comma-separated module paths) adds modules that register more tasks: it is
 * how the test suites give worker processes a task of their own.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { forecastRoutes } from './api/routes/forecast.js';
import { landedCostRoutes } from './api/routes/landed-cost.js';
import { networkRoutes } from './api/routes/network.js';
import { packingRoutes } from './api/routes/packing.js';
import { routingRoutes } from './api/routes/routing.js';
import { registerForecastCommands } from './cli/commands/forecast.js';
import { registerLandedCostCommands } from './cli/commands/landed-cost.js';
import { registerNetworkCommands } from './cli/commands/network.js';
import { registerPackingCommands } from './cli/commands/packing.js';
import { registerRoutingCommands } from './cli/commands/routing.js';
import { registerForecastTasks } from './services/forecast/tasks.js';
import { registerNetworkTasks } from './services/network/tasks.js';
import { registerPackingTasks } from './services/packing/tasks.js';
import { registerRoutingTasks } from './services/routing/tasks.js';

export const capabilityRoutes: ((app: FastifyInstance) => Promise<void>)[] = [
  networkRoutes, forecastRoutes, packingRoutes, landedCostRoutes, routingRoutes,
];

export function registerCapabilityCommands(program: Command): void {
  registerNetworkCommands(program);
  registerForecastCommands(program);
  registerPackingCommands(program);
  registerLandedCostCommands(program);
  registerRoutingCommands(program);
}

let registered: Promise<void> | null = null;

export function registerCapabilities(): Promise<void> {
  registered ??= (async () => {
    registerNetworkTasks();
    registerForecastTasks();
    registerPackingTasks();
    registerRoutingTasks();
    for (const path of (process.env.PORTOLAN_PLUGINS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      await import(pathToFileURL(resolve(path)).href);
    }
  })();
  return registered;
}
