import type { MultiPolygon } from '../../src/modules/districts/index.js';
import { seededRandom } from './random.js';
import { pointInRing } from '../../src/platform/geo/point-in-ring.js';

/** The benchmarks' and tests' seeded generator. */
export const random = seededRandom;

const BOX = { minLon: 14.2, maxLon: 24.1, minLat: 49.1, maxLat: 54.8 };

/**
 * Non-overlapping district-like polygons tiling Poland's bounding box, for benchmarks: a jittered
 * grid whose shared edges carry the same wiggly points for both neighbours.
 */
export function generateDistrictPolygons(options: {
  count: number;
  seed: number;
  verticesPerPolygon: number;
}): { id: string; geometry: MultiPolygon }[] {
  const rand = random(options.seed);
  const aspect = (BOX.maxLon - BOX.minLon) / (BOX.maxLat - BOX.minLat);
  const cols = Math.ceil(Math.sqrt(options.count * aspect));
  const rows = Math.ceil(options.count / cols);
  const dx = (BOX.maxLon - BOX.minLon) / cols;
  const dy = (BOX.maxLat - BOX.minLat) / rows;
  const corner = new Float64Array((cols + 1) * (rows + 1) * 2);
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= cols; c++) {
      const edge = r === 0 || c === 0 || r === rows || c === cols;
      const k = (r * (cols + 1) + c) * 2;
      corner[k] = BOX.minLon + c * dx + (edge ? 0 : (rand() - 0.5) * dx * 0.4);
      corner[k + 1] = BOX.minLat + r * dy + (edge ? 0 : (rand() - 0.5) * dy * 0.4);
    }
  }
  const perEdge = Math.max(0, Math.floor((options.verticesPerPolygon - 4) / 4));
  const edgeCache = new Map<string, number[][]>();
  const at = (r: number, c: number): number[] => [corner[(r * (cols + 1) + c) * 2]!, corner[(r * (cols + 1) + c) * 2 + 1]!];
  /** Points strictly between two corners, the same for both cells sharing the edge. */
  const between = (r1: number, c1: number, r2: number, c2: number): number[][] => {
    const forward = r1 < r2 || (r1 === r2 && c1 < c2);
    const key = forward ? `${r1},${c1},${r2},${c2}` : `${r2},${c2},${r1},${c1}`;
    let points = edgeCache.get(key);
    if (!points) {
      const [a, b] = forward ? [at(r1, c1), at(r2, c2)] : [at(r2, c2), at(r1, c1)];
      const border = (r1 === r2 && (r1 === 0 || r1 === rows)) || (c1 === c2 && (c1 === 0 || c1 === cols));
      points = [];
      for (let i = 1; i <= perEdge; i++) {
        const t = i / (perEdge + 1);
        const wiggle = border ? 0 : (rand() - 0.5) * 0.12;
        points.push([a[0]! + (b[0]! - a[0]!) * t - (b[1]! - a[1]!) * wiggle, a[1]! + (b[1]! - a[1]!) * t + (b[0]! - a[0]!) * wiggle]);
      }
      edgeCache.set(key, points);
    }
    return forward ? points : [...points].reverse();
  };
  const result: { id: string; geometry: MultiPolygon }[] = [];
  for (let r = 0; r < rows && result.length < options.count; r++) {
    for (let c = 0; c < cols && result.length < options.count; c++) {
      const ring = [
        at(r, c),
        ...between(r, c, r, c + 1),
        at(r, c + 1),
        ...between(r, c + 1, r + 1, c + 1),
        at(r + 1, c + 1),
        ...between(r + 1, c + 1, r + 1, c),
        at(r + 1, c),
        ...between(r + 1, c, r, c),
        at(r, c),
      ];
      result.push({ id: `synthetic/${result.length + 1}`, geometry: { type: 'MultiPolygon', coordinates: [[ring]] } });
    }
  }
  return result;
}

/** Random points inside given polygons (rejection sampling in each bounding box), with their polygon id. */
export function randomPointsInside(
  polygons: readonly { id: string; geometry: MultiPolygon }[],
  n: number,
  seed: number,
): { id: string; point: [number, number] }[] {
  const rand = random(seed);
  const result: { id: string; point: [number, number] }[] = [];
  while (result.length < n) {
    const polygon = polygons[Math.floor(rand() * polygons.length)]!;
    const ring = polygon.geometry.coordinates[0]![0]!;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of ring) {
      minX = Math.min(minX, x!);
      minY = Math.min(minY, y!);
      maxX = Math.max(maxX, x!);
      maxY = Math.max(maxY, y!);
    }
    for (let attempt = 0; attempt < 50; attempt++) {
      const x = minX + rand() * (maxX - minX);
      const y = minY + rand() * (maxY - minY);
      if (pointInRing([x, y], ring)) {
        result.push({ id: polygon.id, point: [x, y] });
        break;
      }
    }
  }
  return result;
}
