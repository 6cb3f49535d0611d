/**
 * The worker-thread side of a network study: merge small zones, then let the engine solve the
 * scenarios for 1..K warehouses and cost today's network the same way. Pure: no database here.
 */
import type { SolveControl } from '../../engines/control.js';
import { solveNetworkScenarios, type CandidateSite, type DemandZone, type NetworkScenarioResult } from '../../engines/network/index.js';
import type { StudyOutput, StudyPayload, StudySiteInput } from './study-types.js';
import { mergeSmallZones } from './zone-merge.js';
import { createRegionHelpers } from '../../threads/region-helpers.js';

function engineSites(sites: StudySiteInput[], honourMustKeep: boolean): CandidateSite[] {
  return sites.map((s) => ({
    id: s.code, lat: s.lat, lng: s.lng, fixedCostMinor: s.fixedCostMinor, capacityUnits: s.capacityUnitsPerYear, mustOpen: honourMustKeep && s.mustKeep,
  }));
}

/**
 * The engine reports progress per scenario and, inside it, per solve from 0 again; a progress bar
 * wants one number that only grows, so the inner fraction is mapped into the scenario's slice.
 */
function scenarioProgress(runs: number, maxK: number, from: number, span: number, control: SolveControl) {
  let base = 0;
  let label = 'scenario with 1 warehouse';
  let shown = 0;
  let lastK = 0;
  let afterLast = false;
  return (fraction: number, message: string) => {
    const m = /^scenario with (\d+)/.exec(message);
    if (m) {
      lastK = Number(m[1]);
      base = (lastK - 1) / runs;
      label = `scenario with ${lastK} warehouse${lastK === 1 ? '' : 's'}`;
    } else if (message === 'done' && lastK === maxK) {
      afterLast = true;
    } else if (afterLast && message === 'solving') {
      base = maxK / runs;
      label = 'costing the current network';
    }
    const inner = m ? 0 : Math.max(0, Math.min(1, fraction));
    shown = Math.max(shown, Math.min(1, base + inner / runs));
    control.onProgress?.(from + span * shown, label);
  };
}

export async function solveNetworkStudy(payload: StudyPayload, control: SolveControl = {}): Promise<StudyOutput> {
  const started = performance.now();
  const zones = mergeSmallZones(payload.zones, payload.maxZones);
  const demand: DemandZone[] = zones.map((z) => ({ id: z.id, lat: z.lat, lng: z.lng, demandUnits: z.unitsPerYear }));
  const current = payload.sites.filter((s) => s.current);
  const maxK = Math.min(payload.maxWarehouses, payload.sites.length);
  control.onProgress?.(0.01, `${zones.length} demand zones, ${payload.sites.length} candidate sites`);

  // Today's warehouses are always among the sites (see study-payload), so one engine call costs both.
  const runs = maxK + (current.length ? 1 : 0);
  // threads for the region search, as many as the job runner allows each job; they start only
  // if a scenario is too large for the tree
  const threads = Math.floor(control.threads ?? 1);
  const regionHelpers = threads > 1 ? createRegionHelpers(threads) : undefined;
  const main: NetworkScenarioResult = await solveNetworkScenarios(
    {
      zones: demand,
      sites: engineSites(payload.sites, true),
      transportCostPerUnitKmMinor: payload.costPerUnitKmMinor,
      maxSites: maxK,
      circuityFactor: payload.circuityFactor,
      ...(current.length ? { currentSiteIds: current.map((s) => s.code) } : {}),
      ...(payload.coverageWithinDays !== undefined ? { coverageWithinDays: payload.coverageWithinDays } : {}),
    },
    {
      seed: payload.seed,
      timeLimitMs: payload.timeLimitMs,
      shouldStop: control.shouldStop,
      onProgress: scenarioProgress(runs, maxK, 0.02, 0.97, control),
      regionHelpers,
    },
  ).finally(() => regionHelpers?.close());
  control.onProgress?.(1, 'done');
  return {
    meta: payload.meta,
    zones,
    sites: payload.sites,
    scenarios: main.scenarios,
    current: main.current ?? null,
    elapsedMs: Math.round(performance.now() - started),
  };
}
