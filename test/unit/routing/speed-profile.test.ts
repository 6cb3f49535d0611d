/** The great-circle estimate's speed profile: driving time piecewise in the leg's road distance. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHaversineMatrix, legSeconds, legTimer, RoutingInputError, speedProfileOf, type SpeedProfile } from '../../../src/engines/routing/index.js';
import { matrixWithFallback } from '../../../src/services/routing/travel-matrix-provider.js';

const urban: SpeedProfile = [{ upToKm: 2, kmh: 20 }, { upToKm: 10, kmh: 35 }, { kmh: 60 }];
const hours = (s: number) => s / 3600;
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} vs ${b}`);

describe('piecewise driving time', () => {
  it('a leg inside the first band is driven at its speed', () => {
    close(legSeconds(0, urban), 0, 'no distance, no time');
    close(legSeconds(1500, urban), 1.5 / 20 * 3600, '1.5 km at 20 km/h');
    close(legSeconds(2000, urban), 2 / 20 * 3600, 'exactly at the first limit');
  });

  it('a leg across bands: its first km at the first speed, the next at the next', () => {
    close(legSeconds(5000, urban), (2 / 20 + 3 / 35) * 3600, '2 km at 20, 3 at 35');
    close(legSeconds(10_000, urban), (2 / 20 + 8 / 35) * 3600, 'exactly at the second limit');
  });

  it('a long leg reaches the open-ended last band', () => {
    close(legSeconds(50_000, urban), (2 / 20 + 8 / 35 + 40 / 60) * 3600, '2 at 20, 8 at 35, 40 at 60');
    close(legSeconds(500_000, urban), (2 / 20 + 8 / 35 + 490 / 60) * 3600, 'far beyond the last limit');
    // the mean speed rises towards the last band's
    const mean = (km: number) => km / hours(legSeconds(km * 1000, urban));
    assert.ok(mean(1) < mean(5) && mean(5) < mean(20) && mean(20) < mean(200) && mean(200) < 60);
  });

  it('is continuous at the limits and increasing in distance', () => {
    const t = legTimer(urban);
    for (const limit of [2000, 10_000]) close(t(limit - 1e-6), t(limit + 1e-6), `at ${limit} m`);
    let previous = -1;
    for (let m = 0; m <= 60_000; m += 37) {
      const s = t(m);
      assert.ok(s > previous, `time grows at ${m} m`);
      previous = s;
    }
    // a faster band after a slower one, and a slower after a faster: still increasing
    const odd = legTimer([{ upToKm: 1, kmh: 80 }, { upToKm: 3, kmh: 10 }, { kmh: 50 }]);
    for (let m = 1; m <= 10_000; m += 13) assert.ok(odd(m) > odd(m - 1));
  });

  it('a one-band profile is the constant speed, to the second', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({ lat: 52.3 + 0.37 * Math.sin(i * 1.7), lng: 4.9 + 0.53 * Math.cos(i * 2.3) }));
    for (const kmh of [5, 30, 45, 57.5, 130]) {
      const constant = buildHaversineMatrix(points, { circuityFactor: 1.3, speedKmPerHour: kmh });
      const profiled = buildHaversineMatrix(points, { circuityFactor: 1.3, speedProfile: [{ kmh }] });
      assert.deepEqual(profiled, constant, `${kmh} km/h`);
    }
    assert.deepEqual(speedProfileOf({}), [{ kmh: 30 }], 'the engine default is unchanged');
  });

  it('the matrix takes its times from the profile over the road distance, monotone in it', () => {
    const points = Array.from({ length: 15 }, (_, i) => ({ lat: 52.37 + 0.004 * i * i, lng: 4.9 }));
    const m = buildHaversineMatrix(points, { circuityFactor: 1.3, speedProfile: urban });
    const pairs: [number, number][] = [];
    for (let i = 0; i < points.length; i++) {
      for (let j = 0; j < points.length; j++) {
        assert.equal(m.durationsSeconds[i][j], Math.round(legSeconds(m.distancesMetres[i][j], urban)));
        pairs.push([m.distancesMetres[i][j], m.durationsSeconds[i][j]]);
      }
    }
    pairs.sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < pairs.length; k++) assert.ok(pairs[k][1] >= pairs[k - 1][1], 'a longer leg never takes less time');
    assert.ok(pairs.at(-1)![0] > 10_000, 'some legs reach the last band');
  });

  it('the routing-server fallback estimates with the profile too', () => {
    const points = [{ lat: 52.37, lng: 4.9 }, { lat: 52.47, lng: 4.95 }];
    const m = matrixWithFallback(points, { circuityFactor: 1.3, speedProfile: urban }, () => null, () => null);
    const estimate = buildHaversineMatrix(points, { circuityFactor: 1.3, speedProfile: urban });
    assert.ok(Math.abs(m.durationsSeconds[0][1] - estimate.durationsSeconds[0][1]) <= 1);
    assert.deepEqual(matrixWithFallback(points, { circuityFactor: 1.3, speedKmh: 45 }, () => null, () => null),
      matrixWithFallback(points, { circuityFactor: 1.3, speedProfile: [{ kmh: 45 }] }, () => null, () => null));
  });

  it('refuses a profile that does not give a speed for every distance', () => {
    const bad: [string, unknown][] = [
      ['no band', []],
      ['a zero speed', [{ kmh: 0 }]],
      ['a limit on the last band', [{ upToKm: 2, kmh: 20 }, { upToKm: 5, kmh: 40 }]],
      ['a band without a limit before the last', [{ kmh: 20 }, { kmh: 40 }]],
      ['limits not increasing', [{ upToKm: 5, kmh: 20 }, { upToKm: 5, kmh: 30 }, { kmh: 40 }]],
      ['a negative limit', [{ upToKm: -1, kmh: 20 }, { kmh: 40 }]],
    ];
    for (const [what, profile] of bad) assert.throws(() => legTimer(profile as SpeedProfile), RoutingInputError, what);
    assert.throws(() => buildHaversineMatrix([], { speedKmPerHour: 30, speedProfile: urban }), RoutingInputError, 'a speed and a profile');
  });
});
