import Flatbush from 'flatbush';
import { pointInPackedRing } from '../../../platform/geo/point-in-ring.js';
import type { MultiPolygon } from '../model.js';

type Geometry = MultiPolygon | { type: 'Polygon'; coordinates: number[][][] };

/**
 * Point → polygons that contain it. Bounding boxes in a flatbush R-tree narrow the candidates;
 * an exact even-odd ray test with holes decides (platform/geo/point-in-ring.ts, which also says
 * what happens on an edge). Rings are stored flat in one Float64Array with offsets, which keeps
 * 8,000 detailed districts in tens of megabytes.
 */
export class PolygonIndex {
  private readonly tree: Flatbush | null;
  private readonly ids: string[] = [];
  /** For each polygon part: first ring index and ring count. */
  private readonly partRings: number[] = [];
  /** Per index entry (a polygon part): which id it belongs to. */
  private readonly partOwner: number[] = [];
  /** Per id: its first part and part count (an id's parts are stored one after another). */
  private readonly ownerParts: number[] = [];
  private readonly ownerOf = new Map<string, number>();
  /** For each ring: start offset (in numbers) into `coords`, and length (in numbers). */
  private readonly ringStart: Uint32Array;
  private readonly ringLength: Uint32Array;
  private readonly coords: Float64Array;

  constructor(items: readonly { id: string; geometry: Geometry }[]) {
    const rings: number[][][] = [];
    const boxes: [number, number, number, number][] = [];
    for (const item of items) {
      const owner = this.ids.push(item.id) - 1;
      this.ownerOf.set(item.id, owner);
      const firstPart = this.partOwner.length;
      const polygons = item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : item.geometry.coordinates;
      for (const polygon of polygons) {
        if (polygon.length === 0 || polygon[0]!.length < 4) continue;
        this.partRings.push(rings.length, polygon.length);
        this.partOwner.push(owner);
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const [x, y] of polygon[0]! as [number, number][]) {
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        boxes.push([minX, minY, maxX, maxY]);
        rings.push(...polygon);
      }
      this.ownerParts.push(firstPart, this.partOwner.length - firstPart);
    }
    let total = 0;
    for (const ring of rings) total += ring.length * 2;
    this.coords = new Float64Array(total);
    this.ringStart = new Uint32Array(rings.length);
    this.ringLength = new Uint32Array(rings.length);
    let offset = 0;
    rings.forEach((ring, index) => {
      this.ringStart[index] = offset;
      this.ringLength[index] = ring.length * 2;
      for (const position of ring) {
        this.coords[offset++] = position[0]!;
        this.coords[offset++] = position[1]!;
      }
    });
    if (boxes.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(boxes.length);
    for (const [minX, minY, maxX, maxY] of boxes) this.tree.add(minX, minY, maxX, maxY);
    this.tree.finish();
  }

  get size(): number {
    return this.ids.length;
  }

  private inRing(ring: number, x: number, y: number): boolean {
    const start = this.ringStart[ring]!;
    return pointInPackedRing(x, y, this.coords, start, start + this.ringLength[ring]!);
  }

  private inPart(part: number, x: number, y: number): boolean {
    const first = this.partRings[part * 2]!;
    const count = this.partRings[part * 2 + 1]!;
    if (!this.inRing(first, x, y)) return false;
    for (let hole = first + 1; hole < first + count; hole++) if (this.inRing(hole, x, y)) return false;
    return true;
  }

  /** Ids of every polygon containing the point (usually none or one). */
  locate(lon: number, lat: number): string[] {
    if (!this.tree) return [];
    const result: string[] = [];
    for (const part of this.tree.search(lon, lat, lon, lat)) {
      if (this.inPart(part, lon, lat)) {
        const id = this.ids[this.partOwner[part]!]!;
        if (!result.includes(id)) result.push(id);
      }
    }
    return result;
  }

  /** The closest polygon within `maxMeters` of a point outside every polygon (e.g. on a river). */
  nearest(lon: number, lat: number, maxMeters: number): string | null {
    const inside = this.locate(lon, lat);
    if (inside.length > 0) return inside[0]!;
    if (!this.tree) return null;
    const metersPerDegreeLat = 111_320;
    const metersPerDegreeLon = 111_320 * Math.cos((lat * Math.PI) / 180);
    const dLat = maxMeters / metersPerDegreeLat;
    const dLon = maxMeters / metersPerDegreeLon;
    let best: { id: string; distance: number } | null = null;
    for (const part of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const first = this.partRings[part * 2]!;
      const count = this.partRings[part * 2 + 1]!;
      for (let ring = first; ring < first + count; ring++) {
        const start = this.ringStart[ring]!;
        const end = start + this.ringLength[ring]!;
        for (let i = start + 2; i < end; i += 2) {
          const distance = segmentDistance(
            (lon - this.coords[i - 2]!) * metersPerDegreeLon,
            (lat - this.coords[i - 1]!) * metersPerDegreeLat,
            (this.coords[i]! - this.coords[i - 2]!) * metersPerDegreeLon,
            (this.coords[i + 1]! - this.coords[i - 1]!) * metersPerDegreeLat,
          );
          if (distance <= maxMeters && (!best || distance < best.distance)) best = { id: this.ids[this.partOwner[part]!]!, distance };
        }
      }
    }
    return best?.id ?? null;
  }

  /** Ids of the polygons whose bounding box meets the box (a map view), each once, in index order. */
  idsWithin(minX: number, minY: number, maxX: number, maxY: number): string[] {
    if (!this.tree) return [];
    const owners = new Set<number>();
    for (const part of this.tree.search(minX, minY, maxX, maxY)) owners.add(this.partOwner[part]!);
    return [...owners].sort((a, b) => a - b).map((owner) => this.ids[owner]!);
  }

  /** The polygon stored for an id, rebuilt from the flat arrays (null for an unknown id). */
  geometryOf(id: string): MultiPolygon | null {
    const owner = this.ownerOf.get(id);
    if (owner === undefined) return null;
    const coordinates: [number, number][][][] = [];
    const firstPart = this.ownerParts[owner * 2]!;
    for (let part = firstPart; part < firstPart + this.ownerParts[owner * 2 + 1]!; part++) {
      const first = this.partRings[part * 2]!;
      const count = this.partRings[part * 2 + 1]!;
      const polygon: [number, number][][] = [];
      for (let ring = first; ring < first + count; ring++) {
        const positions: [number, number][] = [];
        const start = this.ringStart[ring]!;
        for (let i = start; i < start + this.ringLength[ring]!; i += 2) positions.push([this.coords[i]!, this.coords[i + 1]!]);
        polygon.push(positions);
      }
      coordinates.push(polygon);
    }
    return { type: 'MultiPolygon', coordinates };
  }

  /** Approximate bytes held by the index's arrays. */
  memoryBytes(): number {
    return (
      this.coords.byteLength +
      this.ringStart.byteLength +
      this.ringLength.byteLength +
      (this.tree?.data.byteLength ?? 0) +
      this.partRings.length * 8 +
      this.partOwner.length * 8
    );
  }
}

/** Distance from point P (relative to segment start) to a segment with direction D, in metres. */
function segmentDistance(px: number, py: number, dx: number, dy: number): number {
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** Point lookups per second over `points` for `seconds` (for the benchmark, not for tests). */
export function measurePointLookupsPerSecond(index: PolygonIndex, points: readonly [number, number][], seconds = 1): number {
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++) {
      const point = points[count % points.length]!;
      index.locate(point[0], point[1]);
      count++;
    }
  }
  return count / ((performance.now() - started) / 1000);
}
