/**
 * A benchmark instance in the shape both readers produce: node 0 is the depot, nodes 1..n the
 * customers, numbered as in the file (VRPLIB node i+1 is customer i; Solomon customer i is i).
 */
export interface BenchInstance {
  name: string;
  kind: 'cvrp' | 'vrptw';
  x: number[];
  y: number[];
  demand: number[];
  capacity: number;
  /** Fleet size limit from the file (Solomon), or null when the file sets none (CVRPLIB X). */
  fleet: number | null;
  /** Time windows and service times (VRPTW only). */
  ready?: number[];
  due?: number[];
  service?: number[];
  /** CVRPLIB rounds Euclidean distances to the nearest integer; Solomon keeps them exact. */
  roundDistances: boolean;
}

export function distance(inst: BenchInstance, a: number, b: number): number {
  const d = Math.hypot(inst.x[a] - inst.x[b], inst.y[a] - inst.y[b]);
  return inst.roundDistances ? Math.round(d) : d;
}
