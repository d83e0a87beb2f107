/**
 * Pure planar geometry for the demo district areas: Voronoi cells by half-plane clipping and
 * Sutherland–Hodgman clipping of a (possibly concave) polygon by a convex one. Coordinates are
 * plain [x, y] in any metric plane; rings are open (first point not repeated) unless noted.
 */

export type Point = [number, number];

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The part of a convex polygon where a·x + b·y ≤ c. */
function clipByHalfPlane(polygon: Point[], a: number, b: number, c: number): Point[] {
  const result: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const current = polygon[i]!;
    const next = polygon[(i + 1) % polygon.length]!;
    const dc = a * current[0] + b * current[1] - c;
    const dn = a * next[0] + b * next[1] - c;
    if (dc <= 0) result.push(current);
    if ((dc < 0 && dn > 0) || (dc > 0 && dn < 0)) {
      const t = dc / (dc - dn);
      result.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return result;
}

/**
 * Voronoi cell of every seed inside the box: the box cut by the half-planes "closer to seed i than
 * to seed j" for every other j. Cells are convex, counter-clockwise, open rings; a seed outside the
 * box or a duplicate of an earlier seed gets an empty cell (ties go to the lower index).
 * O(n²·k), fine for the few hundred seeds of a county.
 */
export function voronoiCells(seeds: readonly Point[], box: Box): Point[][] {
  const boxRing: Point[] = [
    [box.minX, box.minY],
    [box.maxX, box.minY],
    [box.maxX, box.maxY],
    [box.minX, box.maxY],
  ];
  return seeds.map((seed, i) => {
    let cell = boxRing;
    for (let j = 0; j < seeds.length && cell.length > 0; j++) {
      if (j === i) continue;
      const other = seeds[j]!;
      if (other[0] === seed[0] && other[1] === seed[1]) {
        if (j < i) cell = [];
        continue;
      }
      // |p - s|² ≤ |p - o|²  ⇔  2(o - s)·p ≤ |o|² - |s|²
      const a = 2 * (other[0] - seed[0]);
      const b = 2 * (other[1] - seed[1]);
      const c = other[0] * other[0] + other[1] * other[1] - seed[0] * seed[0] - seed[1] * seed[1];
      cell = clipByHalfPlane(cell, a, b, c);
    }
    return cell.length >= 3 ? cell : [];
  });
}

/** Twice the signed area (positive when counter-clockwise). */
export function signedArea2(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % ring.length]!;
    sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum;
}

/**
 * Sutherland–Hodgman: the part of `subject` (any simple polygon, open ring) inside the convex
 * `clip` polygon (open ring, either orientation). For a concave subject whose intersection has
 * several pieces, the result is one ring joining them by zero-width bridges along the clip edges:
 * its area and the even-odd point test are still right. Consecutive duplicates are removed.
 */
export function clipToPolygon(subject: readonly Point[], clip: readonly Point[]): Point[] {
  if (clip.length < 3 || subject.length < 3) return [];
  const orientation = Math.sign(signedArea2(clip)) || 1;
  let output: Point[] = subject.slice();
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    // inside = left of a→b for a counter-clockwise clip polygon: cross ≥ 0; normalised by orientation
    const side = (p: Point) => orientation * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    const input = output;
    output = [];
    for (let k = 0; k < input.length; k++) {
      const current = input[k]!;
      const previous = input[(k + input.length - 1) % input.length]!;
      const sc = side(current);
      const sp = side(previous);
      if (sc >= 0) {
        if (sp < 0) output.push(intersection(previous, current, sp, sc));
        output.push(current);
      } else if (sp >= 0) {
        output.push(intersection(previous, current, sp, sc));
      }
    }
  }
  const deduped: Point[] = [];
  for (const point of output) {
    const last = deduped[deduped.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) deduped.push(point);
  }
  while (deduped.length > 1 && deduped[0]![0] === deduped[deduped.length - 1]![0] && deduped[0]![1] === deduped[deduped.length - 1]![1])
    deduped.pop();
  return deduped.length >= 3 && signedArea2(deduped) !== 0 ? deduped : [];
}

function intersection(p: Point, q: Point, sp: number, sq: number): Point {
  const t = sp / (sp - sq);
  return [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];
}

/**
 * A local equirectangular projection around (lon0, lat0), in metres. It is affine in lon/lat, so
 * straight lines stay straight both ways and the Voronoi cells map back to WGS84 exactly; over a
 * county (≤ 60 km) the distance error is well under 1%.
 */
export function localProjection(lon0: number, lat0: number): { forward: (p: Point) => Point; inverse: (p: Point) => Point } {
  const ky = 110_574;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  return {
    forward: ([lon, lat]) => [(lon - lon0) * kx, (lat - lat0) * ky],
    inverse: ([x, y]) => [lon0 + x / kx, lat0 + y / ky],
  };
}

/**
 * Ear-clipping triangulation of a simple polygon (open ring, either orientation), as index triples
 * into the ring. O(n³) worst case; meant for county outlines of a few dozen vertices.
 */
export function triangulate(ring: readonly Point[]): [number, number, number][] {
  const orientation = Math.sign(signedArea2(ring)) || 1;
  const cross = (o: Point, a: Point, b: Point) => orientation * ((a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]));
  const remaining = ring.map((_, i) => i);
  const triangles: [number, number, number][] = [];
  let guard = 0;
  while (remaining.length > 3 && guard++ < ring.length * ring.length) {
    let clipped = false;
    for (let k = 0; k < remaining.length; k++) {
      const i0 = remaining[(k + remaining.length - 1) % remaining.length]!;
      const i1 = remaining[k]!;
      const i2 = remaining[(k + 1) % remaining.length]!;
      const [a, b, c] = [ring[i0]!, ring[i1]!, ring[i2]!];
      const turn = cross(a, b, c);
      if (turn === 0) {
        // flat corner (collinear or a repeated point): dropping it changes no area
        remaining.splice(k, 1);
        clipped = true;
        break;
      }
      if (turn < 0) continue; // reflex corner: not an ear
      const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];
      const blocked = remaining.some((j) => {
        if (j === i0 || j === i1 || j === i2) return false;
        const p = ring[j]!;
        if (same(p, a) || same(p, b) || same(p, c)) return false;
        return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
      });
      if (blocked) continue;
      triangles.push([i0, i1, i2]);
      remaining.splice(k, 1);
      clipped = true;
      break;
    }
    if (!clipped) break; // degenerate input: stop rather than loop
  }
  if (remaining.length === 3) triangles.push([remaining[0]!, remaining[1]!, remaining[2]!]);
  return triangles;
}

/** Whether two non-adjacent edges of a ring (open) cross properly. */
export function ringSelfIntersects(ring: readonly Point[]): boolean {
  const orient = (p: Point, q: Point, r: Point) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const [a, b, c, d] = [ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!];
      if (orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0) return true;
    }
  }
  return false;
}

/**
 * The part of a simple polygon inside a convex one, as simple rings: the Sutherland–Hodgman ring
 * when it does not cross itself, otherwise the convex pieces of the subject's triangles (no bridges).
 */
export function intersectWithConvex(
  subject: readonly Point[],
  convex: readonly Point[],
  triangles?: readonly [number, number, number][],
): Point[][] {
  const whole = clipToPolygon(subject, convex);
  if (whole.length === 0) return [];
  if (!ringSelfIntersects(whole)) return [whole];
  return (triangles ?? triangulate(subject))
    .map(([i, j, k]) => clipToPolygon([subject[i]!, subject[j]!, subject[k]!], convex))
    .filter((piece) => piece.length >= 3);
}
