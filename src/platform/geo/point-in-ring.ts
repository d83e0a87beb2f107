/**
 * Whether a point lies inside a ring, by the even-odd ray test: a ray from the point towards +x
 * crosses the ring's edges an odd number of times. The ring may be open or closed (a repeated
 * first point adds an edge of length zero, which never crosses) and wound either way. A point
 * exactly on an edge may fall on either side; neighbouring districts share edges, so such a point
 * then belongs to one of them, which is the expected answer.
 *
 * Two layouts, one test: rings as arrays of [x, y] positions (GeoJSON, the demo's Voronoi cells),
 * and rings packed into one Float64Array (the locator's polygon index keeps 8,000 detailed
 * districts in tens of megabytes that way).
 */

/**
 * Whether the edge (ax, ay)–(bx, by) crosses the ray from (x, y) towards +x. The edge is always
 * worked from its lower end, so a point on it gets the same rounding, and the same answer, whichever
 * way the ring is wound (CI once found a point 1e-322 from a corner that flipped with the winding).
 */
function crosses(ax: number, ay: number, bx: number, by: number, x: number, y: number): boolean {
  if (ay > y === by > y) return false;
  return ay < by ? x < ((bx - ax) * (y - ay)) / (by - ay) + ax : x < ((ax - bx) * (y - by)) / (ay - by) + bx;
}

/** A ring given as [x, y] positions (GeoJSON order: x is the longitude). */
export function pointInRing([x, y]: readonly number[], ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i]!;
    const pj = ring[j]!;
    if (crosses(pi[0]!, pi[1]!, pj[0]!, pj[1]!, x!, y!)) inside = !inside;
  }
  return inside;
}

/** A ring stored as x, y pairs in `coords[start]` up to (not including) `coords[end]`. */
export function pointInPackedRing(x: number, y: number, coords: ArrayLike<number>, start: number, end: number): boolean {
  let inside = false;
  for (let i = start, j = end - 2; i < end; j = i, i += 2) {
    if (crosses(coords[i]!, coords[i + 1]!, coords[j]!, coords[j + 1]!, x, y)) inside = !inside;
  }
  return inside;
}
