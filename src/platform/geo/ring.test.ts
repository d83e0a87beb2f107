import { describe, expect, it } from 'vitest';
import { pointInRing } from './point-in-ring.js';
import { toEpsg2180, type Position } from './epsg2180.js';
import { bufferedHull, closeRing, convexHull, ringAreaSquareMeters, selfIntersects } from './ring.js';

/** A square of `meters` a side at a WGS84 corner, closed (about 71.5 km of a degree of longitude at 50° N). */
const square = (lon: number, lat: number, meters: number): Position[] => {
  const dLat = meters / 111_250;
  const dLon = meters / (111_320 * Math.cos((lat * Math.PI) / 180));
  return closeRing([
    [lon, lat],
    [lon + dLon, lat],
    [lon + dLon, lat + dLat],
    [lon, lat + dLat],
  ]);
};

describe('ring geometry', () => {
  it('measures a ring in square metres, whichever way it winds', () => {
    const ring = square(23, 50.5, 100);
    expect(ringAreaSquareMeters(ring)).toBeGreaterThan(9_900);
    expect(ringAreaSquareMeters(ring)).toBeLessThan(10_100);
    expect(ringAreaSquareMeters([...ring].reverse())).toBeCloseTo(ringAreaSquareMeters(ring), 6);
  });

  it('finds a bow tie crossing itself, not a square', () => {
    const bowTie = closeRing([
      [23, 50.5],
      [23.01, 50.51],
      [23.01, 50.5],
      [23, 50.51],
    ]);
    expect(selfIntersects(bowTie)).toBe(true);
    expect(selfIntersects(square(23, 50.5, 100))).toBe(false);
  });

  it('closes an open ring once', () => {
    const open: Position[] = [
      [1, 1],
      [2, 1],
      [2, 2],
    ];
    expect(closeRing(open)).toEqual([...open, [1, 1]]);
    expect(closeRing(closeRing(open))).toEqual(closeRing(open));
  });

  it('takes the convex hull: inner and repeated points go, the corners stay', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
      [0, 0],
      [1, 0],
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(expect.arrayContaining([[0, 0] as Position, [2, 0] as Position, [2, 2] as Position, [0, 2] as Position]));
  });

  it('grows the hull of a hotspot by its reach: every point is inside and at least the reach from the edge', () => {
    const points: Position[] = [
      [23.01, 50.51],
      [23.0112, 50.5105],
      [23.0105, 50.5112],
    ];
    const ring = bufferedHull(points, 150);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(selfIntersects(ring)).toBe(false);
    for (const p of points) expect(pointInRing(p, ring)).toBe(true);
    // 150 m away from the hull in every direction is still inside (the circle's chords cut at most 150·(1−cos 15°) ≈ 5 m).
    for (const [dx, dy] of [
      [140, 0],
      [-140, 0],
      [0, 140],
      [0, -140],
    ]) {
      const [x, y] = toEpsg2180(points[0]!);
      const far = [x + dx!, y + dy!] as Position;
      const back = ring.map((p) => toEpsg2180(p));
      expect(pointInRing(far, back)).toBe(true);
    }
    // One point makes a circle-like area of about π·150² m².
    const single = ringAreaSquareMeters(bufferedHull([points[0]!], 150));
    expect(single).toBeGreaterThan(0.9 * Math.PI * 150 ** 2);
    expect(single).toBeLessThan(Math.PI * 150 ** 2);
  });
});
