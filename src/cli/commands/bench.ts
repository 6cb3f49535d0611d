/** `portolan bench ...`: each engine's benchmark on the public instance formats. */
import type { Command } from 'commander';

const benches: [folder: string, exportName: string][] = [
  ['routing', 'registerRoutingBench'],
  ['network', 'registerNetworkBench'],
  ['forecast', 'registerForecastBench'],
  ['packing', 'registerPackingBench'],
  ['landed-cost', 'registerLandedCostBench'],
];

export function registerBenchCommands(program: Command): void {
  program.command('bench').description('Benchmarks of the engines on public instances (see docs/benchmarks.md)');
}

/** Bench modules are loaded only when `bench` is asked for, so other commands start fast. */
export async function loadBenchCommands(program: Command): Promise<void> {
  const bench = program.commands.find((c) => c.name() === 'bench')!;
  for (const [folder, exportName] of benches) {
    const mod = (await import(`../../../bench/${folder}/command.js`).catch(() => null)) as Record<string, (c: Command) => void> | null;
    mod?.[exportName]?.(bench);
  }
}
