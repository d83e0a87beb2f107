import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromEpsg2180, toEpsg2180 } from '../../../platform/geo/epsg2180.js';
import { boundingBoxAround, distanceMeters, inBoundingBox, snapToGrid, type LonLat } from './geo.js';

const inPoland = fc.record({
  lon: fc.double({ min: 14.1, max: 24.2, noNaN: true }),
  lat: fc.double({ min: 49.0, max: 55.1, noNaN: true }),
});
const cellSize = fc.constantFrom(10, 25, 50, 100, 250);

/** The point `meters` away from `from` towards `bearing` degrees, on the haversine sphere. */
function destination(from: LonLat, bearing: number, meters: number): LonLat {
  const r = meters / 6_371_008.8;
  const [lat1, lon1, b] = [from.lat, from.lon, bearing].map((d) => (d * Math.PI) / 180) as [number, number, number];
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(r) + Math.cos(lat1) * Math.sin(r) * Math.cos(b));
  const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(r) * Math.cos(lat1), Math.cos(r) - Math.sin(lat1) * Math.sin(lat2));
  return { lon: (lon2 * 180) / Math.PI, lat: (lat2 * 180) / Math.PI };
}

describe('snapping to the public grid', () => {
  const palaceOfCulture = { lon: 21.006725, lat: 52.231958 };

  it('publishes the centre of a 50 m EPSG:2180 cell', () => {
    const snapped = snapToGrid(palaceOfCulture.lon, palaceOfCulture.lat);
    const [x, y] = toEpsg2180([snapped.lon, snapped.lat]);
    expect(((x % 50) + 50) % 50).toBeCloseTo(25, 6);
    expect(((y % 50) + 50) % 50).toBeCloseTo(25, 6);
    expect(distanceMeters(palaceOfCulture, snapped)).toBeLessThan(36);
  });

  it('puts two nearby points of one cell on the same public point', () => {
    const a = snapToGrid(21.0, 52.2);
    const [x, y] = toEpsg2180([a.lon, a.lat]);
    expect(snapToGrid(...fromEpsg2180([x - 20, y + 20]))).toEqual(a);
    expect(snapToGrid(...fromEpsg2180([x + 30, y]))).not.toEqual(a);
  });

  it('refuses nonsense input', () => {
    expect(() => snapToGrid(Number.NaN, 52)).toThrow(RangeError);
    expect(() => snapToGrid(21, 52, 0)).toThrow(RangeError);
    expect(() => snapToGrid(21, 52, -50)).toThrow(RangeError);
  });

  it('moves a point by at most half the cell diagonal (property)', () => {
    fc.assert(
      fc.property(inPoland, cellSize, ({ lon, lat }, meters) => {
        // Grid scale in Poland is within 0.1 % of 1 and haversine within 0.5 % of the ellipsoid.
        expect(distanceMeters({ lon, lat }, snapToGrid(lon, lat, meters))).toBeLessThanOrEqual((meters / Math.SQRT2) * 1.01);
      }),
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(inPoland, cellSize, ({ lon, lat }, meters) => {
        const once = snapToGrid(lon, lat, meters);
        expect(snapToGrid(once.lon, once.lat, meters)).toEqual(once);
      }),
    );
  });
});

describe('distance', () => {
  it('matches known distances', () => {
    const warsaw = { lon: 21.0122, lat: 52.2297 };
    const krakow = { lon: 19.945, lat: 50.0647 };
    expect(distanceMeters(warsaw, krakow) / 1000).toBeCloseTo(252, 0);
    expect(distanceMeters(warsaw, warsaw)).toBe(0);
    // 0.001° of latitude is about 111 m everywhere.
    expect(distanceMeters({ lon: 19, lat: 50 }, { lon: 19, lat: 50.001 })).toBeCloseTo(111.2, 1);
  });

  it('is symmetric and obeys the triangle inequality (property)', () => {
    fc.assert(
      fc.property(inPoland, inPoland, inPoland, (a, b, c) => {
        expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
        expect(distanceMeters(a, c)).toBeLessThanOrEqual(distanceMeters(a, b) + distanceMeters(b, c) + 1e-6);
      }),
    );
  });
});

describe('bounding box prefilter', () => {
  it('holds every point within the radius (property)', () => {
    fc.assert(
      fc.property(
        inPoland,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (centre, bearing, share, radius) => {
          const point = destination(centre, bearing, radius * share);
          expect(inBoundingBox(point, boundingBoxAround(centre, radius))).toBe(true);
        },
      ),
    );
  });

  it('is not much larger than the circle', () => {
    const centre = { lon: 19.94, lat: 50.06 };
    const box = boundingBoxAround(centre, 250);
    expect(distanceMeters(centre, { lon: centre.lon, lat: box.maxLat })).toBeCloseTo(250, 3);
    expect(distanceMeters(centre, { lon: box.maxLon, lat: centre.lat })).toBeLessThan(251);
    expect(inBoundingBox(destination(centre, 0, 260), box)).toBe(false);
    expect(inBoundingBox(destination(centre, 90, 260), box)).toBe(false);
  });

  it('refuses a negative radius', () => {
    expect(() => boundingBoxAround({ lon: 19, lat: 50 }, -1)).toThrow(RangeError);
  });
});
