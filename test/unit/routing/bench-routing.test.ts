import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toRoutingProblem } from '../../../bench/routing/bench-problem.js';
import { parseSolution } from '../../../bench/routing/reference.js';
import { formatSolution } from '../../../bench/routing/solution-writer.js';
import { parseSolomon } from '../../../bench/routing/solomon-reader.js';
import { verifySolution } from '../../../bench/routing/verifier.js';
import { parseVrplib } from '../../../bench/routing/vrplib-reader.js';
import { solveRoutes } from '../../../src/engines/routing/index.js';

const VRP = `NAME : tiny
TYPE : CVRP
DIMENSION : 5
EDGE_WEIGHT_TYPE : EUC_2D
CAPACITY : 10
NODE_COORD_SECTION
1 0 0
2 0 10
3 0 20
4 10 0
5 20 0.6
DEMAND_SECTION
1 0
2 5
3 5
4 6
5 4
DEPOT_SECTION
1
-1
EOF
`;

const SOLOMON = `TINY

VEHICLE
NUMBER     CAPACITY
  2         10

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      0          0          0          0        200          0
    1      3          4          5          0         10         10
    2      6          8          5         10         40         10
    3      0          5          6          0        100          5
`;

test('reads VRPLIB with rounded distances and solves it to the obvious optimum', () => {
  const inst = parseVrplib(VRP);
  assert.equal(inst.name, 'tiny');
  assert.equal(inst.capacity, 10);
  assert.equal(inst.x.length, 5);
  const plan = solveRoutes(toRoutingProblem(inst), { seed: 1, timeLimitMs: 1000 }, { maxIterations: 30 });
  const routes = plan.routes.map((r) => r.visits.map((v) => Number(v.stopId)));
  const verdict = verifySolution(inst, routes);
  assert.ok(verdict.feasible, verdict.problems.join('; '));
  // two out-and-back lines: 2 * 20 + 2 * 20 (20.009 rounds to 20)
  assert.equal(verdict.cost, 80);
});

test('reads Solomon files with exact distances, windows and fleet size', () => {
  const inst = parseSolomon(SOLOMON);
  assert.equal(inst.fleet, 2);
  assert.deepEqual(inst.due, [200, 10, 40, 100]);
  const plan = solveRoutes(toRoutingProblem(inst), { seed: 1, timeLimitMs: 1000 }, { maxIterations: 30 });
  const routes = plan.routes.map((r) => r.visits.map((v) => Number(v.stopId)));
  const verdict = verifySolution(inst, routes);
  assert.ok(verdict.feasible, verdict.problems.join('; '));
  assert.ok(verdict.vehicles <= 2);
});

test('the verifier catches missing, repeated, overloaded and late customers', () => {
  const inst = parseSolomon(SOLOMON);
  assert.match(verifySolution(inst, [[1, 2]]).problems.join(), /customer 3 not served/);
  assert.match(verifySolution(inst, [[1, 2, 3], [3]]).problems.join(), /served 2 times/);
  assert.match(verifySolution(inst, [[1, 2, 3]]).problems.join(), /exceeds capacity/);
  assert.match(verifySolution(inst, [[2, 1], [3]]).problems.join(), /after its due time/);
  const ok = verifySolution(inst, [[1, 2], [3]]);
  assert.ok(ok.feasible);
  assert.ok(Math.abs(ok.cost - (5 + 5 + 10 + 10)) < 1e-9);
});

test('solutions round-trip through the CVRPLIB format', () => {
  const text = formatSolution([[1, 2], [], [3]], 80);
  assert.equal(text, 'Route #1: 1 2\nRoute #2: 3\nCost 80\n');
  assert.deepEqual(parseSolution(text), { routes: [[1, 2], [3]], cost: 80 });
});
