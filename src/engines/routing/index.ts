export { solveRoutes } from './solve-routes.js';
export { buildHaversineMatrix, haversineMetres, type LatLng, type HaversineOptions } from './haversine-matrix.js';
export { RoutingInputError, validateRoutingProblem } from './validate-problem.js';
export type * from './types.js';
