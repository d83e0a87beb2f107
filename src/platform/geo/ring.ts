import { fromEpsg2180, toEpsg2180, type Position } from './epsg2180.js';

/**
 * Plain geometry of one ring, shared by district outlines (districts/geometry) and a plan goal's
 * drawn area (plans/measure/goal-area.ts). Positions are [x, y]: [lon, lat] in WGS84 degrees or
 * metres in EPSG:2180, where a metre is a metre all over Poland.
 */

/** A GeoJSON Polygon in WGS84 with one outer ring, closed (its last position repeats the first). */
export interface GeoPolygon {
  type: 'Polygon';
  coordinates: Position[][];
}

/** Poland with a margin (WGS84): anything outside is a mistake (wrong CRS, swapped axes). */
export const polandBox = { minLon: 14.0, maxLon: 24.2, minLat: 49.0, maxLat: 54.9 };

export function inPoland([lon, lat]: readonly number[]): boolean {
  return lon! >= polandBox.minLon && lon! <= polandBox.maxLon && lat! >= polandBox.minLat && lat! <= polandBox.maxLat;
}

/** Whether segments a–b and c–d cross properly (touching ends do not count). */
export function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const orient = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** Proper crossings of non-adjacent edges of a closed ring (O(n²): larger rings come from GIS tools that validate). */
export function selfIntersects(ring: readonly Position[]): boolean {
  const n = ring.length - 1;
  if (n > 4000) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

/** The ring closed: its first position repeated at its end unless it already is. */
export function closeRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return [...ring];
  return [...ring, [first[0], first[1]]];
}

/** The area of a WGS84 ring in square metres (shoelace in EPSG:2180). */
export function ringAreaSquareMeters(ring: readonly Position[]): number {
  const metres = ring.map((p) => toEpsg2180([p[0], p[1]]));
  let twice = 0;
  for (let i = 0, j = metres.length - 1; i < metres.length; j = i++)
    twice += (metres[j]![0] + metres[i]![0]) * (metres[j]![1] - metres[i]![1]);
  return Math.abs(twice) / 2;
}

/** The ring's bounding box in its own units. */
export function ringBox(ring: readonly Position[]): { minX: number; minY: number; maxX: number; maxY: number } {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** The convex hull (Andrew's monotone chain), counter-clockwise, open; fewer than 3 points come back as they are, deduplicated. */
export function convexHull(points: readonly Position[]): Position[] {
  const sorted = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p] as const)).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Position[]) => {
    const chain: Position[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/**
 * The convex hull of WGS84 points grown by `meters` all round, as a closed WGS84 ring: the hull of
 * `corners` points on a circle around each point (in EPSG:2180), so one point or a line of points
 * gives an area too.
 */
export function bufferedHull(points: readonly Position[], meters: number, corners = 12): Position[] {
  const metres = convexHull(points.map((p) => toEpsg2180([p[0], p[1]])));
  const around = metres.flatMap(([x, y]) =>
    Array.from({ length: corners }, (_, k): Position => {
      const angle = (2 * Math.PI * k) / corners;
      return [x + meters * Math.cos(angle), y + meters * Math.sin(angle)];
    }),
  );
  // Six decimal places of a degree are about 10 cm: enough for a place, short to read and type.
  const rounded = convexHull(around).map((p) => fromEpsg2180(p).map((v) => Math.round(v * 1e6) / 1e6) as Position);
  return closeRing(rounded);
}
