import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proximityOfDistance, similarRadiusMeters } from './nearby.js';

describe('how near a similar report is said to be', () => {
  it('says a band, never the metres, and nothing beyond the radius', () => {
    expect(proximityOfDistance(0)).toBe('within_100_m');
    expect(proximityOfDistance(100)).toBe('within_100_m');
    expect(proximityOfDistance(100.01)).toBe('within_250_m');
    expect(proximityOfDistance(similarRadiusMeters)).toBe('within_250_m');
    expect(proximityOfDistance(similarRadiusMeters + 0.01)).toBeNull();
    expect(proximityOfDistance(Number.NaN)).toBeNull();
  });

  it('gives the same answer for every distance in a band, and nearer bands for nearer points', () => {
    const order = [null, 'within_250_m', 'within_100_m'];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), (a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        expect(order.indexOf(proximityOfDistance(near))).toBeGreaterThanOrEqual(order.indexOf(proximityOfDistance(far)));
      }),
    );
  });
});
