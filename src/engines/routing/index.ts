export { solveRoutes } from './solve-routes.js';
export {
  buildHaversineMatrix, haversineMetres, legSeconds, legTimer, speedProfileOf, validateSpeedProfile, DEFAULT_SPEED_KMH,
  type LatLng, type HaversineOptions, type SpeedBand, type SpeedProfile,
} from './haversine-matrix.js';
export { RoutingInputError, validateRoutingProblem } from './validate-problem.js';
export type * from './types.js';
