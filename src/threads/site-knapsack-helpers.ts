/**
 * Site knapsacks of the Lagrangian subproblem solved by this thread and helper threads together.
 * A subgradient step needs all of them before it can go on, tens of times a second, so the threads
 * share memory and meet through `Atomics` rather than messages: this thread writes the
 * multipliers, then every thread claims sites a few at a time from one counter until none are left
 * (no thread waits on a slower one's fixed share). Each site's answer is a pure function of the
 * multipliers, so the result does not depend on which thread solved what.
 */
import { Worker } from 'node:worker_threads';
import type { Instance } from '../engines/network/instance.js';
import { siteKnapsackWork, solveSiteKnapsack, type SiteKnapsacks, type SiteKnapsackWork } from '../engines/network/site-knapsacks.js';

/** Slots of the control array. */
const ROUND = 0;
const NEXT = 1;
const ACTIVE = 2;
const WAKE = 3;
const STOP = -1;
/** Sites claimed at a time: enough to keep the counter cold, few enough to balance the threads. */
const CHUNK = 4;

export interface SharedKnapsackMemory {
  inst: Instance;
  fractional: boolean;
  control: Int32Array;
  u: Float64Array;
  siteValue: Float64Array;
  /** zones taken per site, and the zones themselves at site * zones */
  counts: Int32Array;
  taken: Int32Array;
  /** the round in which each site was last solved */
  stamps: Int32Array;
}

/** Claims and solves sites until the round has none left. Used by this thread and the helpers alike. */
export function solveClaimedSites(memory: SharedKnapsackMemory, work: SiteKnapsackWork): void {
  const { inst, fractional, control, u, siteValue, counts, taken, stamps } = memory;
  for (;;) {
    const first = Atomics.add(control, NEXT, CHUNK);
    if (first >= inst.sites) return;
    // read after the claim: a claim below the site count belongs to the round in progress
    const round = Atomics.load(control, ROUND);
    for (let i = first; i < Math.min(first + CHUNK, inst.sites); i++) {
      counts[i] = solveSiteKnapsack(inst, u, i, fractional, work, siteValue, taken, i * inst.zones);
      Atomics.store(stamps, i, round);
    }
  }
}

/** The loop of a helper thread: sleep until a round starts, take part in it, sleep again. */
export function serveRounds(memory: SharedKnapsackMemory): void {
  const { control } = memory;
  const work = siteKnapsackWork(memory.inst.zones);
  let seen = 0;
  for (;;) {
    Atomics.wait(control, WAKE, seen);
    const wake = Atomics.load(control, WAKE);
    if (wake === STOP) return;
    seen = wake;
    Atomics.add(control, ACTIVE, 1);
    try {
      solveClaimedSites(memory, work);
    } catch {
      // sites this thread claimed and did not stamp are solved again by the calling thread
    } finally {
      Atomics.sub(control, ACTIVE, 1);
      Atomics.notify(control, ACTIVE);
    }
  }
}

export interface ClosableSiteKnapsacks extends SiteKnapsacks {
  close(): void;
}

/**
 * Site knapsacks shared with `threads` helper threads. The helpers start in the background; until
 * they are up (or if one fails) this thread solves the sites they do not take.
 */
export function createSharedSiteKnapsacks(inst: Instance, fractional: boolean, threads: number): ClosableSiteKnapsacks {
  const { sites, zones } = inst;
  const shared = <T>(Type: { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }, length: number): T =>
    new Type(new SharedArrayBuffer(Type.BYTES_PER_ELEMENT * length));
  const memory: SharedKnapsackMemory = {
    inst,
    fractional,
    control: shared(Int32Array, 4),
    u: shared(Float64Array, zones),
    siteValue: shared(Float64Array, sites),
    counts: shared(Int32Array, sites),
    taken: shared(Int32Array, sites * zones),
    stamps: shared(Int32Array, sites),
  };
  const { control, stamps } = memory;
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('../../bin/site-knapsack-thread.mjs', import.meta.url), { workerData: memory });
    // a helper that cannot start costs only speed: this thread takes its sites
    worker.on('error', () => {});
    worker.unref();
    return worker;
  });
  const work = siteKnapsackWork(zones);
  let round = 0;
  return {
    solve(u, siteValue, served) {
      round++;
      memory.u.set(u);
      Atomics.store(control, ROUND, round);
      Atomics.store(control, NEXT, 0);
      Atomics.store(control, WAKE, round);
      Atomics.notify(control, WAKE);
      solveClaimedSites(memory, work);
      for (let active = Atomics.load(control, ACTIVE); active !== 0; active = Atomics.load(control, ACTIVE)) Atomics.wait(control, ACTIVE, active, 50);
      for (let i = 0; i < sites; i++) {
        if (Atomics.load(stamps, i) !== round) memory.counts[i] = solveSiteKnapsack(inst, memory.u, i, fractional, work, memory.siteValue, memory.taken, i * zones);
        siteValue[i] = memory.siteValue[i];
        served[i] = memory.taken.subarray(i * zones, i * zones + memory.counts[i]);
      }
    },
    close() {
      Atomics.store(control, WAKE, STOP);
      Atomics.notify(control, WAKE);
      for (const worker of workers) void worker.terminate();
    },
  };
}
