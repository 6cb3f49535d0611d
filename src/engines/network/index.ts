export { solveNetwork, type NetworkSolveControl } from './solve.js';
export { solveNetworkScenarios, transitDaysForKm, greatCircleKm } from './scenario.js';
export type { NetworkScenarioInput, NetworkScenarioResult, ScenarioNetwork, DemandZone, CandidateSite } from './scenario.js';
export { NetworkInputError } from './errors.js';
export type * from './types.js';
