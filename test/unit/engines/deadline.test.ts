import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../../src/engines/control.js';

describe('Deadline.within', () => {
  it('caps a part of the work at its own limit and at what is left of the whole', async () => {
    const whole = new Deadline({ timeLimitMs: 60 });
    const part = whole.within(1_000);
    assert.ok(part.remainingMs() <= 60);
    const short = whole.within(10);
    await new Promise((resolve) => setTimeout(resolve, 25));
    assert.equal(short.expired(), true);
    assert.equal(whole.expired(), false);
  });

  it('stops when the whole is stopped', () => {
    let stop = false;
    const whole = new Deadline({ timeLimitMs: 60_000, shouldStop: () => stop });
    const part = whole.within(60_000);
    stop = true;
    // shouldStop is polled every 64th call, on the part and on the whole
    let expired = false;
    for (let k = 0; k < 64 * 64 * 2 && !expired; k++) expired = part.expired();
    assert.equal(expired, true);
  });
});
