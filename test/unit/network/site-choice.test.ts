import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildInstance } from '../../../src/engines/network/instance.js';
import { chooseOpenSites, siteChoiceScratch, SITE_CLOSED, SITE_FREE, SITE_OPEN } from '../../../src/engines/network/site-choice.js';

/** 4 sites, 2 zones of demand 10 each (total 20); capacities 5, 10, 10, 20. */
function instance(extra: { maxOpen?: number } = {}) {
  return buildInstance({
    kind: 'single-source',
    siteCount: 4,
    zoneCount: 2,
    demand: [10, 10],
    serviceCost: [1, 1, 1, 1, 1, 1, 1, 1],
    fixedCost: [1, 1, 1, 1],
    capacity: [5, 10, 10, 20],
    ...extra,
  });
}

describe('the relaxation\'s choice of open sites', () => {
  it('opens negative values, then the cheapest capacity that covers demand', () => {
    const inst = instance();
    const share = new Float64Array(4);
    // site 0 is worth opening on its own; 15 more units: sites 1 + 2 (value 6) beat site 3 alone (7)
    const choice = chooseOpenSites(inst, Float64Array.from([-3, 4, 2, 7]), new Int8Array(4).fill(SITE_FREE), share, siteChoiceScratch(inst));
    assert.deepEqual(choice, { feasible: true, integral: true });
    assert.deepEqual(Array.from(share), [1, 1, 1, 0]);
  });

  it('keeps forced sites as they are and reports when the rest cannot cover demand', () => {
    const inst = instance();
    const share = new Float64Array(4);
    const status = Int8Array.from([SITE_OPEN, SITE_CLOSED, SITE_CLOSED, SITE_FREE]);
    chooseOpenSites(inst, Float64Array.from([5, -1, -1, 3]), status, share, siteChoiceScratch(inst));
    // a forced-open site opens whatever its value, a forced-closed one never does
    assert.deepEqual(Array.from(share), [1, 0, 0, 1]);
    const none = Int8Array.from([SITE_FREE, SITE_CLOSED, SITE_CLOSED, SITE_CLOSED]);
    assert.equal(chooseOpenSites(inst, Float64Array.from([1, 1, 1, 1]), none, share, siteChoiceScratch(inst)).feasible, false);
  });

  it('under a cardinality limit opens the most negative values only, without the cover constraint', () => {
    const inst = instance({ maxOpen: 2 });
    const share = new Float64Array(4);
    chooseOpenSites(inst, Float64Array.from([-1, -5, -3, 2]), new Int8Array(4).fill(SITE_FREE), share, siteChoiceScratch(inst));
    assert.deepEqual(Array.from(share), [0, 1, 1, 0]);
  });
});
