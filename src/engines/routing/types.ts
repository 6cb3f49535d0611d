/**
 * Public input and output of the routing engine. Everything here is plain data so that a problem
 * and its plan can cross a worker-thread boundary (structured clone) unchanged.
 *
 * Times are seconds on one clock chosen by the caller (for example seconds since midnight of the
 * delivery date); distances are metres; money is in minor currency units.
 */

/** Travel between locations, indexed by location number (0..L-1) in both dimensions. */
export interface TravelMatrix {
  /** distancesMetres[a][b]: road distance from location a to location b. */
  distancesMetres: number[][];
  /** durationsSeconds[a][b]: driving time from location a to location b. */
  durationsSeconds: number[][];
}

/** A closed interval [open, close] in seconds during which service may start. */
export type TimeWindowSeconds = [number, number];

export interface RoutingStop {
  id: string;
  /** Index of the stop's location in the travel matrix. */
  location: number;
  /** Quantity per capacity dimension (same order as the vehicles' capacity); missing means zero. */
  demand?: number[];
  serviceSeconds?: number;
  /** Service must start inside one of these windows; none means any time. */
  timeWindows?: TimeWindowSeconds[];
  /** Every listed skill must be held by the vehicle that serves the stop. */
  skills?: string[];
  /** Higher is more important: when not every stop can be served, low priorities are dropped first. */
  priority?: number;
}

/**
 * A driver's break: the vehicle stops for durationSeconds, starting inside one of the windows, at
 * wherever it is (the start, a stop before or after its service, or the end); no travel is added.
 * A used vehicle always takes it; an unused one does not.
 */
export interface DriverBreak {
  durationSeconds: number;
  /** The break starts inside one of these windows. */
  windows: TimeWindowSeconds[];
}

export interface RoutingVehicle {
  id: string;
  /** Location index where the vehicle starts. */
  startLocation: number;
  /** Location index where the vehicle must end; defaults to its start. Ignored when openEnd is true. */
  endLocation?: number;
  /** The route ends at its last stop (no return leg is driven or costed). */
  openEnd?: boolean;
  /** Capacity per dimension, e.g. [grams, cubic centimetres, parcels]. */
  capacity: number[];
  /** Cost charged once if the vehicle is used (minor currency units). */
  fixedCost?: number;
  /** Minor currency units per kilometre driven. */
  costPerKm?: number;
  /** Minor currency units per hour of route duration (driving, service and waiting). */
  costPerHour?: number;
  /** Working time: leave the start no earlier than shift[0], be back at the end by shift[1]. */
  shiftSeconds?: TimeWindowSeconds;
  maxDurationSeconds?: number;
  maxDistanceMetres?: number;
  skills?: string[];
  /** The driver's break (counted in the route's duration, its cost per hour and its maximum duration). */
  break?: DriverBreak;
}

export interface RoutingProblem {
  matrix: TravelMatrix;
  stops: RoutingStop[];
  vehicles: RoutingVehicle[];
}

/** Search settings; the defaults suit most cases. */
export interface RoutingOptions {
  /** Stop after this many genetic iterations (stats.iterations) even if time remains (reproducible runs, tests). */
  maxIterations?: number;
  /** Size of each stop's neighbourhood of related stops explored by the local search (default 20). */
  granularNeighbours?: number;
}

export type UnassignedReason =
  | 'skill'
  | 'capacity'
  | 'time_window'
  | 'shift'
  | 'max_distance'
  | 'max_duration'
  /** Servable alone, but not with the driver's break inside the shift or the maximum duration. */
  | 'break'
  | 'fleet_exhausted';

export interface UnassignedStop {
  stopId: string;
  stopIndex: number;
  reason: UnassignedReason;
}

export interface PlannedVisit {
  stopId: string;
  stopIndex: number;
  arrivalSeconds: number;
  waitSeconds: number;
  serviceStartSeconds: number;
  departureSeconds: number;
  /** Vehicle load per dimension right after this stop (deliveries: what is still on board). */
  loadAfter: number[];
  /** Distance driven from the previous stop or the start. */
  legDistanceMetres: number;
}

export interface PlannedBreak {
  startSeconds: number;
  endSeconds: number;
  /** Idle time just before the break, waiting for its window to open. */
  waitSeconds: number;
  /**
   * Visits served before the break: 0 before the first, the route's visit count after the last.
   * With afterVisits = i it is taken where visit i ends (before driving on) or on arrival at
   * visit i + 1 (using the wait for its window): location and times tell which.
   */
  afterVisits: number;
  /** Where it is taken: a location index of the travel matrix. */
  location: number;
}

export interface PlannedRoute {
  vehicleId: string;
  vehicleIndex: number;
  startSeconds: number;
  endSeconds: number;
  /**
   * Visits in order. Service starts at arrival + wait, except at a visit where the break is taken
   * on arrival: there the break (and any idle time before it) comes first, then wait, then service.
   */
  visits: PlannedVisit[];
  /** The driver's break, for a vehicle that has one. */
  break?: PlannedBreak;
  /** Load per dimension when leaving the start (the sum of the route's demands). */
  load: number[];
  distanceMetres: number;
  /** From leaving the start to arriving at the end, the break included. */
  durationSeconds: number;
  /** Fixed + distance + time cost of this route, minor currency units (rounded). */
  cost: number;
}

export interface RoutingPlan {
  routes: PlannedRoute[];
  unassigned: UnassignedStop[];
  totals: {
    cost: number;
    distanceMetres: number;
    durationSeconds: number;
    vehiclesUsed: number;
    stopsServed: number;
  };
  stats: {
    /** Genetic iterations (crossover, split, descent) after the initial population. */
    iterations: number;
    /**
     * Solutions built for the initial population, each improved by a descent. On large instances
     * with short limits these are most of the work; the genetic phase starts once half the time
     * limit is spent even if the population is not complete.
     */
    initialSolutions: number;
    /** Local-search descents in total (initial solutions, children and repairs). */
    descents: number;
    elapsedMs: number;
    /** Milliseconds from the start until the first plan serving every servable stop was found. */
    firstFeasibleMs: number | null;
    seed: number;
  };
}
