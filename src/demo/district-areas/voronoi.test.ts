import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointInRing } from '../../platform/geo/point-in-ring.js';
import {
  clipToPolygon,
  intersectWithConvex,
  localProjection,
  ringSelfIntersects,
  signedArea2,
  triangulate,
  voronoiCells,
  type Box,
  type Point,
} from './voronoi.js';

const box: Box = { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
const coordinate = fc.integer({ min: 1, max: 999 });
const seedList = fc.uniqueArray(fc.tuple(coordinate, coordinate), { minLength: 2, maxLength: 25, selector: ([x, y]) => `${x},${y}` });
const distance2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

describe('voronoiCells', () => {
  it('gives every seed a convex cell that contains it', () => {
    fc.assert(
      fc.property(seedList, (seeds) => {
        const cells = voronoiCells(seeds, box);
        return cells.every((cell, i) => cell.length >= 3 && signedArea2(cell) > 0 && pointInRing(seeds[i] as Point, cell));
      }),
    );
  });

  it('puts a random point in the cell of its nearest seed, and in no other cell', () => {
    fc.assert(
      // strictly inside the box: a point on the box boundary is on an edge of the cells
      fc.property(
        seedList,
        fc.double({ min: 0.5, max: 999.5, noNaN: true }),
        fc.double({ min: 0.5, max: 999.5, noNaN: true }),
        (seeds, x, y) => {
          const point: Point = [x, y];
          const distances = seeds.map((seed) => distance2(seed, point));
          const best = Math.min(...distances);
          // skip points (almost) equidistant from two seeds: they lie on a shared edge
          const sorted = [...distances].sort((a, b) => a - b);
          fc.pre(sorted[1]! - best > 1e-3 * (1 + best));
          const containing = voronoiCells(seeds as Point[], box).flatMap((cell, i) => (pointInRing(point, cell) ? [i] : []));
          return containing.length === 1 && distances[containing[0]!] === best;
        },
      ),
    );
  });

  it('splits the box into cells whose areas add up to the box', () => {
    fc.assert(
      fc.property(seedList, (seeds) => {
        const total = voronoiCells(seeds as Point[], box).reduce((sum, cell) => sum + signedArea2(cell) / 2, 0);
        return Math.abs(total - 1_000_000) < 1e-3;
      }),
    );
  });

  it('gives a duplicated seed an empty cell, so cells never overlap', () => {
    const cells = voronoiCells(
      [
        [100, 100],
        [500, 500],
        [100, 100],
      ],
      box,
    );
    expect(cells[0]!.length).toBeGreaterThanOrEqual(3);
    expect(cells[2]).toEqual([]);
  });
});

describe('clipToPolygon', () => {
  const square = (x: number, y: number, size: number): Point[] => [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ];

  it('returns the overlap of two squares, whatever the orientation of the clip ring', () => {
    const result = clipToPolygon(square(0, 0, 10), square(5, 5, 10));
    expect(Math.abs(signedArea2(result)) / 2).toBeCloseTo(25, 9);
    const reversed = clipToPolygon(square(0, 0, 10), square(5, 5, 10).reverse());
    expect(Math.abs(signedArea2(reversed)) / 2).toBeCloseTo(25, 9);
  });

  it('returns nothing for disjoint polygons', () => {
    expect(clipToPolygon(square(0, 0, 1), square(5, 5, 1))).toEqual([]);
  });

  it('agrees with "inside both" for random points, also for a concave subject cut into two pieces', () => {
    // a U shape: the clip band across its arms leaves two separate pieces
    const u: Point[] = [
      [0, 0],
      [30, 0],
      [30, 30],
      [20, 30],
      [20, 10],
      [10, 10],
      [10, 30],
      [0, 30],
    ];
    const band: Point[] = [
      [-5, 15],
      [35, 15],
      [35, 25],
      [-5, 25],
    ];
    const clipped = clipToPolygon(u, band);
    expect(Math.abs(signedArea2(clipped)) / 2).toBeCloseTo(200, 9);
    fc.assert(
      // x, y = k/100 + 0.005: never on an edge (all edges lie on whole numbers)
      fc.property(fc.integer({ min: -500, max: 3500 }), fc.integer({ min: -500, max: 3500 }), (i, j) => {
        const x = i / 100 + 0.005;
        const y = j / 100 + 0.005;
        return pointInRing([x, y], clipped) === (pointInRing([x, y], u) && pointInRing([x, y], band));
      }),
    );
  });

  it('keeps the area of a random convex clip of a random rectangle equal to the analytic overlap', () => {
    fc.assert(
      fc.property(coordinate, coordinate, coordinate, coordinate, (ax, ay, bx, by) => {
        const subject = square(0, 0, 1000);
        const clip: Point[] = [
          [Math.min(ax, bx) - 500, Math.min(ay, by)],
          [Math.max(ax, bx), Math.min(ay, by)],
          [Math.max(ax, bx), Math.max(ay, by) + 2000],
          [Math.min(ax, bx) - 500, Math.max(ay, by) + 2000],
        ];
        const expected = (Math.max(ax, bx) - Math.max(0, Math.min(ax, bx) - 500)) * (1000 - Math.min(ay, by));
        const area = Math.abs(signedArea2(clipToPolygon(subject, clip))) / 2;
        return Math.abs(area - expected) < 1e-6;
      }),
    );
  });
});

describe('triangulate and intersectWithConvex', () => {
  const u: Point[] = [
    [0, 0],
    [30, 0],
    [30, 30],
    [20, 30],
    [20, 20],
    [20, 10],
    [10, 10],
    [10, 30],
    [10, 30],
    [0, 30],
  ];
  const area = (ring: Point[]) => Math.abs(signedArea2(ring)) / 2;

  it('triangulates a concave ring with collinear and repeated points without losing area', () => {
    const total = triangulate(u).reduce((sum, [i, j, k]) => sum + area([u[i]!, u[j]!, u[k]!]), 0);
    expect(total).toBeCloseTo(area(u), 9);
  });

  it('returns simple pieces covering exactly the intersection with a random convex quadrilateral', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10, max: 15 }),
        fc.integer({ min: -10, max: 15 }),
        fc.integer({ min: 20, max: 45 }),
        fc.integer({ min: 20, max: 45 }),
        (x0, y0, x1, y1) => {
          const clip: Point[] = [
            [x0, y0],
            [x1, y0 + 3],
            [x1 - 2, y1],
            [x0 + 1, y1 - 4],
          ];
          const pieces = intersectWithConvex(u, clip);
          if (pieces.some(ringSelfIntersects)) return false;
          const x = (x0 + x1) / 2 + 0.0123;
          const y = (y0 + y1) / 2 + 0.0457;
          const inPieces = pieces.filter((piece) => pointInRing([x, y], piece)).length;
          return inPieces === (pointInRing([x, y], u) && pointInRing([x, y], clip) ? 1 : 0);
        },
      ),
    );
  });
});

describe('localProjection', () => {
  it('round-trips and measures one degree of latitude as about 111 km', () => {
    const projection = localProjection(22.6, 51.4);
    const [x, y] = projection.forward([22.7, 52.4]);
    expect(y).toBeGreaterThan(110_000);
    expect(y).toBeLessThan(112_000);
    const back = projection.inverse([x, y]);
    expect(back[0]).toBeCloseTo(22.7, 10);
    expect(back[1]).toBeCloseTo(52.4, 10);
  });
});
