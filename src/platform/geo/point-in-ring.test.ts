import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointInPackedRing, pointInRing } from './point-in-ring.js';

type Point = [number, number];

/** Twice the signed area of the triangle a, b, c: positive when it turns left. */
const turn = (a: Point, b: Point, c: Point) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/**
 * A star-shaped ring (concave in general) around a centre in Poland, in degrees: vertices at
 * increasing angles, no gap of half a turn or more, so the triangles (centre, v[k], v[k+1]) tile it.
 */
const starRing = fc
  .record({
    cx: fc.double({ min: 14, max: 24, noNaN: true }),
    cy: fc.double({ min: 49, max: 55, noNaN: true }),
    steps: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 16 }),
    radii: fc.array(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ cx, cy, steps, radii }) => {
    const total = steps.reduce((sum, step) => sum + step, 0);
    let angle = 0;
    const ring = steps.map((step, k) => {
      angle += (step / total) * 2 * Math.PI;
      return [cx + radii[k]! * Math.cos(angle), cy + radii[k]! * Math.sin(angle)] as Point;
    });
    return { centre: [cx, cy] as Point, ring, largestGap: Math.max(...steps) / total };
  });

/** The slow, obvious reference: inside the star iff strictly inside one of its fan triangles. */
function inFan(centre: Point, ring: Point[], p: Point): 'inside' | 'outside' | 'too close' {
  let result: 'inside' | 'outside' = 'outside';
  for (let k = 0; k < ring.length; k++) {
    const a = ring[k]!;
    const b = ring[(k + 1) % ring.length]!;
    const sides = [turn(centre, a, p), turn(a, b, p), turn(b, centre, p)];
    // a point (almost) on a triangle's side may honestly fall either way
    if (sides.some((side) => Math.abs(side) < 1e-12)) return 'too close';
    if (sides.every((side) => side > 0)) result = 'inside';
  }
  return result;
}

const packed = (ring: readonly Point[]) => Float64Array.from(ring.flat());
const offset = fc.tuple(fc.double({ min: -0.6, max: 0.6, noNaN: true }), fc.double({ min: -0.6, max: 0.6, noNaN: true }));

describe('pointInRing', () => {
  it('agrees with the fan-of-triangles reference on star-shaped rings', () => {
    fc.assert(
      fc.property(starRing, offset, ({ centre, ring, largestGap }, [dx, dy]) => {
        fc.pre(largestGap < 0.49);
        const p: Point = [centre[0] + dx, centre[1] + dy];
        const expected = inFan(centre, ring, p);
        fc.pre(expected !== 'too close');
        expect(pointInRing(p, ring)).toBe(expected === 'inside');
      }),
    );
  });

  it('gives the same answer for the ring open or closed, wound either way, packed or not', () => {
    fc.assert(
      // any ring at all, self-crossing ones too: the layouts must agree, whatever the answer
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 12 }),
        offset,
        (ring, [x, y]) => {
          const p: Point = [x * 50, y * 50];
          const answer = pointInRing(p, ring);
          const closed = [...ring, ring[0]!];
          expect(pointInRing(p, closed)).toBe(answer);
          expect(pointInRing(p, [...ring].reverse())).toBe(answer);
          expect(pointInPackedRing(p[0], p[1], packed(ring), 0, ring.length * 2)).toBe(answer);
          // a ring in the middle of a longer array: only its own numbers count
          const around = Float64Array.from([7, 7, ...closed.flat(), -3, 9]);
          expect(pointInPackedRing(p[0], p[1], around, 2, 2 + closed.length * 2)).toBe(answer);
        },
      ),
      // a point a hair's breadth below a corner, which once flipped with the winding
      {
        examples: [
          [
            [
              [1, -1],
              [0, -1],
              [0, 0],
              [0, 0],
            ],
            [0, -5e-324],
          ],
        ],
      },
    );
  });

  it('answers for a square worked by hand, and an empty packed ring holds nothing', () => {
    const outer: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(pointInRing([5, 5], outer)).toBe(true);
    expect(pointInRing([11, 5], outer)).toBe(false);
    expect(pointInRing([-1, 5], outer)).toBe(false);
    expect(pointInPackedRing(5, 5, packed(outer), 0, 0)).toBe(false);
  });
});
