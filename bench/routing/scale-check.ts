import { Random } from '../../src/shared/random.js';
import { buildHaversineMatrix, solveRoutes, type RoutingProblem } from '../../src/engines/routing/index.js';

/**
 * A synthetic city-scale day: n stops within ~15 km of a depot, parcels and weight, a third of
 * the stops with a 2-hour window, 8-hour shifts. Seeded, so the same n gives the same instance.
 */
export function syntheticDay(n: number, vehicles: number, seed = 7): RoutingProblem {
  const rng = new Random(seed);
  const depot = { lat: 52.52, lng: 13.405 };
  const points = [depot];
  for (let i = 0; i < n; i++) points.push({ lat: depot.lat + (rng.next() - 0.5) * 0.27, lng: depot.lng + (rng.next() - 0.5) * 0.44 });
  const matrix = buildHaversineMatrix(points, { circuityFactor: 1.35, speedKmPerHour: 28 });
  const stops = points.slice(1).map((_, i) => {
    const start = 8 * 3600 + rng.int(6) * 3600;
    return {
      id: `s${i}`,
      location: i + 1,
      demand: [500 + rng.int(9500), 1 + rng.int(3)],
      serviceSeconds: 120,
      timeWindows: rng.next() < 0.33 ? [[start, start + 2 * 3600] as [number, number]] : undefined,
    };
  });
  const totalParcels = stops.reduce((s, x) => s + x.demand[1], 0);
  const totalGrams = stops.reduce((s, x) => s + x.demand[0], 0);
  return {
    matrix,
    stops,
    vehicles: Array.from({ length: vehicles }, (_, k) => ({
      id: `van${k + 1}`,
      startLocation: 0,
      capacity: [Math.ceil((1.25 * totalGrams) / vehicles), Math.ceil((1.25 * totalParcels) / vehicles)],
      costPerKm: 30,
      costPerHour: 2500,
      fixedCost: 5000,
      shiftSeconds: [7 * 3600, 19 * 3600] as [number, number],
    })),
  };
}

export function runScaleCheck(n: number, vehicles: number, seconds: number, seed = 1) {
  const problem = syntheticDay(n, vehicles);
  const trace: { ms: number; message: string }[] = [];
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const plan = solveRoutes(problem, { seed, timeLimitMs: seconds * 1000, onProgress: (_f, message) => trace.push({ ms: performance.now() - started, message }) });
  const cpu = process.cpuUsage(cpu0);
  return { n, vehicles, seconds, plan, trace, cpuMs: Math.round((cpu.user + cpu.system) / 1000), heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) };
}

if (process.argv[1]?.endsWith('scale-check.ts')) {
  const [n = '2000', v = '50', s = '60'] = process.argv.slice(2);
  const { plan, heapMb, cpuMs, trace } = runScaleCheck(Number(n), Number(v), Number(s));
  for (const t of trace) console.log(`${(t.ms / 1000).toFixed(1)} s  ${t.message}`);
  // wall-clock split between building the initial population and the genetic iterations
  const initialMs = trace.find((t) => t.message === 'initial population')?.ms ?? plan.stats.elapsedMs;
  const { iterations, initialSolutions, descents } = plan.stats;
  console.log(JSON.stringify({
    cpuMs, n: Number(n), vehicles: Number(v), limitSeconds: Number(s), firstFeasibleMs: plan.stats.firstFeasibleMs,
    initialSolutions, initialPhaseMs: Math.round(initialMs), msPerInitialSolution: Math.round(initialMs / Math.max(1, initialSolutions)),
    iterations, msPerIteration: iterations ? Math.round((plan.stats.elapsedMs - initialMs) / iterations) : null,
    descents, cpuMsPerDescent: Math.round(cpuMs / Math.max(1, descents)), elapsedMs: plan.stats.elapsedMs,
    cost: plan.totals.cost, distanceKm: Math.round(plan.totals.distanceMetres / 1000), vehiclesUsed: plan.totals.vehiclesUsed, unassigned: plan.unassigned.length, heapMb,
  }));
}
