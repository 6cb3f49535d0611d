/** Road travel from routing servers: Valhalla matrix answers (nested and columnar, with unroutable pairs), the shared estimate fallback, requests and URLs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineMetres } from '../../../src/engines/routing/index.js';
import { DomainError } from '../../../src/services/errors.js';
import { matrixFromOsrm } from '../../../src/services/routing/osrm-table.js';
import { matrixWithFallback } from '../../../src/services/routing/travel-matrix-provider.js';
import { matrixFromValhalla, valhallaMatrixRequest, valhallaMatrixUrl, type ValhallaMatrixAnswer } from '../../../src/services/routing/valhalla-matrix.js';

const points = [{ lat: 52.37, lng: 4.9 }, { lat: 52.4, lng: 4.95 }, { lat: 52.35, lng: 4.85 }];
const fallback = { circuityFactor: 1.3, speedKmh: 45 };
const estimateMetres = (i: number, j: number) => Math.round(haversineMetres(points[i], points[j]) * 1.3);
const estimateSeconds = (i: number, j: number) => Math.round((haversineMetres(points[i], points[j]) * 1.3) / (45_000 / 3600));

function refusal(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DomainError, 'a domain error the API and the job runner report');
    assert.equal(e.status, 400);
    assert.match(e.message, message);
    assert.equal(e.errors[0]?.field, 'options.tableUrl');
    return true;
  });
}

describe('the estimate fallback shared by the providers', () => {
  it('keeps what the server gave and estimates the rest, distance and time each on its own', () => {
    const m = matrixWithFallback(points, fallback, (i, j) => (i === 0 && j === 1 ? 4321.4 : i === 1 && j === 0 ? null : undefined), (i, j) => (i === 0 && j === 1 ? 299.6 : i === 2 && j === 0 ? -5 : Number.NaN));
    assert.equal(m.distancesMetres[0][1], 4321);
    assert.equal(m.durationsSeconds[0][1], 300);
    assert.equal(m.distancesMetres[1][0], estimateMetres(1, 0));
    assert.equal(m.durationsSeconds[2][0], estimateSeconds(2, 0), 'a negative time is not a time');
    assert.deepEqual([0, 1, 2].map((i) => m.distancesMetres[i][i]), [0, 0, 0]);
  });
});

describe('Valhalla sources_to_targets', () => {
  it('posts every place as source and target, lat/lon, with the costing, in kilometres', () => {
    assert.deepEqual(valhallaMatrixRequest([{ lat: 52.1234567, lng: 4.9 }, { lat: 52.4, lng: -0.0000001 }], 'truck'), {
      sources: [{ lat: 52.123457, lon: 4.9 }, { lat: 52.4, lon: -0 }],
      targets: [{ lat: 52.123457, lon: 4.9 }, { lat: 52.4, lon: -0 }],
      costing: 'truck',
      units: 'kilometers',
    });
  });

  it('takes a base URL or the service URL, keeping a query', () => {
    assert.equal(valhallaMatrixUrl('http://valhalla:8002'), 'http://valhalla:8002/sources_to_targets');
    assert.equal(valhallaMatrixUrl('http://valhalla:8002/'), 'http://valhalla:8002/sources_to_targets');
    assert.equal(valhallaMatrixUrl('https://maps.example/valhalla/sources_to_targets/'), 'https://maps.example/valhalla/sources_to_targets');
    assert.equal(valhallaMatrixUrl('https://maps.example/api?access_token=abc'), 'https://maps.example/api/sources_to_targets?access_token=abc');
  });

  it('reads the nested answer: km to metres, seconds, by from_index and to_index, nulls estimated', () => {
    const cell = (from: number, to: number, distance: number | null, time: number | null) => ({ from_index: from, to_index: to, distance, time });
    const body: ValhallaMatrixAnswer = {
      units: 'kilometers',
      sources_to_targets: [
        [cell(0, 0, 0, 0), cell(0, 1, 5.123, 412), cell(0, 2, null, null)],
        // listed out of order: the indices, not the positions, say which pair it is
        [cell(1, 2, 11.5, 900), cell(1, 0, 5.3, 430), cell(1, 1, 0, 0)],
        [cell(2, 0, 3.25, null), cell(2, 1, null, 880), cell(2, 2, 0, 0)],
      ],
    };
    const m = matrixFromValhalla(body, points, fallback);
    assert.deepEqual(m.distancesMetres[0], [0, 5123, estimateMetres(0, 2)]);
    assert.deepEqual(m.durationsSeconds[0], [0, 412, estimateSeconds(0, 2)]);
    assert.deepEqual(m.distancesMetres[1], [5300, 0, 11500]);
    assert.deepEqual(m.durationsSeconds[1], [430, 0, 900]);
    assert.deepEqual(m.distancesMetres[2], [3250, estimateMetres(2, 1), 0]);
    assert.deepEqual(m.durationsSeconds[2], [estimateSeconds(2, 0), 880, 0]);
  });

  it('reads a nested answer without indices by position, and miles as miles', () => {
    const row = (a: [number | null, number | null][]) => a.map(([distance, time]) => ({ distance, time }));
    const m = matrixFromValhalla({ units: 'miles', sources_to_targets: [row([[0, 0], [2, 200], [1, 100]]), row([[2, 210], [0, 0], [3, 300]]), row([[1, 90], [3, 310], [0, 0]])] }, points, fallback);
    assert.equal(m.distancesMetres[0][1], 3219);
    assert.equal(m.durationsSeconds[2][1], 310);
  });

  it('reads the columnar answer of newer servers (verbose false), nulls estimated', () => {
    const m = matrixFromValhalla({
      units: 'kilometers',
      sources_to_targets: { durations: [[0, 412, null], [430, 0, 900], [200, 880, 0]], distances: [[0, 5.123, 7], [5.3, 0, null], [3.25, 10.5, 0]] },
    }, points, fallback);
    assert.deepEqual(m.distancesMetres, [[0, 5123, 7000], [5300, 0, estimateMetres(1, 2)], [3250, 10500, 0]]);
    assert.deepEqual(m.durationsSeconds, [[0, 412, estimateSeconds(0, 2)], [430, 0, 900], [200, 880, 0]]);
  });

  it('refuses an error answer, or one that does not cover every place, naming options.tableUrl', () => {
    refusal(() => matrixFromValhalla({ error_code: 171, error: 'No suitable edges near location', status_code: 400, status: 'Bad Request' }, points, fallback, 400), /400, error 171: No suitable edges near location/);
    refusal(() => matrixFromValhalla({ sources_to_targets: [[{ distance: 0, time: 0 }]] }, points, fallback), /1 rows for 3 places/);
    refusal(() => matrixFromValhalla({ sources_to_targets: { durations: [[0]] } }, points, fallback), /1 rows for 3 places/);
    refusal(() => matrixFromValhalla({ units: 'kilometers' }, points, fallback, 500), /500 without sources_to_targets/);
    refusal(() => matrixFromValhalla({ units: 'furlongs', sources_to_targets: [] }, points, fallback), /unknown units/);
    refusal(() => matrixFromValhalla(null as unknown as ValhallaMatrixAnswer, points, fallback, 502), /502/);
  });
});

describe('OSRM table through the shared fallback', () => {
  it('still estimates the pairs OSRM cannot route, and a table of durations only', () => {
    const m = matrixFromOsrm({ code: 'Ok', durations: [[0, 300, 1], [null, 0, 2], [3, 4, 0]] }, points, fallback);
    assert.equal(m.durationsSeconds[0][1], 300);
    assert.equal(m.durationsSeconds[1][0], estimateSeconds(1, 0));
    assert.equal(m.distancesMetres[0][1], estimateMetres(0, 1));
    refusal(() => matrixFromOsrm({ code: 'NoTable', message: 'too big' }, points, fallback), /NoTable: too big/);
  });
});
