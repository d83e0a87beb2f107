import { fromEpsg2180, toEpsg2180 } from '../../../platform/geo/epsg2180.js';

/** WGS84 degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Mean Earth radius (IUGG), the usual choice for haversine. */
const earthRadius = 6_371_008.8;
const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;

function assertFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
}

/**
 * The public, approximate position of a report: the centre of its `meters` cell in PUWG 1992
 * (EPSG:2180), the grid of the public map data. Square metric cells (unlike degree cells,
 * which narrow towards the north) keep the precision the same all over Poland, and the published
 * EPSG:2180 coordinates are visibly rounded (…025, …075). The grid's scale factor in Poland is
 * within 0.07 % of 1, so the snapped point is at most half a diagonal away (≈ 35.4 m for 50 m).
 * The result depends only on the cell, so snapping is idempotent.
 */
export function snapToGrid(lon: number, lat: number, meters = 50): LonLat {
  assertFinite({ lon, lat, meters });
  if (meters <= 0) throw new RangeError(`meters must be positive, got ${meters}`);
  const [x, y] = toEpsg2180([lon, lat]);
  const centre = (value: number) => (Math.floor(value / meters) + 0.5) * meters;
  const [snappedLon, snappedLat] = fromEpsg2180([centre(x), centre(y)]);
  return { lon: snappedLon, lat: snappedLat };
}

/** Great-circle distance in metres (haversine on a sphere: within 0.5 % of the ellipsoid). */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box holding every point within `meters` of `point`, for an index prefilter ("reports within
 * 250 m") before the exact distance check. It errs on the large side: the longitude span uses the
 * latitude farthest from the equator. Not for the poles or the antimeridian (not needed in Poland).
 */
export function boundingBoxAround(point: LonLat, meters: number): BoundingBox {
  assertFinite({ lon: point.lon, lat: point.lat, meters });
  if (meters < 0) throw new RangeError(`meters must not be negative, got ${meters}`);
  // A 0.1 mm pad absorbs rounding, so a point exactly on the circle is never left out.
  const dLat = deg(meters / earthRadius) + 1e-9;
  const widest = Math.min(89, Math.abs(point.lat) + dLat);
  const dLon = dLat / Math.cos(rad(widest));
  return { minLon: point.lon - dLon, minLat: point.lat - dLat, maxLon: point.lon + dLon, maxLat: point.lat + dLat };
}

export function inBoundingBox(point: LonLat, box: BoundingBox): boolean {
  return point.lon >= box.minLon && point.lon <= box.maxLon && point.lat >= box.minLat && point.lat <= box.maxLat;
}
