import { fromEpsg2180, toEpsg2180 } from '../../../platform/geo/epsg2180.js';
import { foldText } from '../../../platform/text/fold.js';
import { bufferedHull } from '../../../platform/geo/ring.js';

/**
 * Hotspots (miejsca zagrożone): places a district's reports keep coming back to. Reports placed on
 * the map are joined when within `reachMeters` of each other, directly or through others (DBSCAN
 * with one point enough: a chain of reports along a street is one place), in EPSG:2180 metres,
 * where a metre is a metre all over Poland, unlike degrees. Reports given only by an address join
 * the place whose reports name the same street, or make a place of their street.
 */

export interface PlacedReport {
  position: { lon: number; lat: number } | null;
  address: string | null;
}

export interface Hotspot {
  /** The street or place most of its reports name ("ul. Lipowa, Borowo"), or null when none gave an address. */
  label: string | null;
  count: number;
  /** The mean of its reports' points, or null for a place known only by addresses. */
  center: { lon: number; lat: number } | null;
  /** Its reports' points [lon, lat] (staff only, like the panel: never shown to residents); none for a place known by addresses. */
  points: [number, number][];
}

/** About a city block: reports this close are about the same place. */
export const reachMeters = 150;
/** One report is a case, not yet a place. */
export const hotspotMinReports = 2;
export const hotspotLimit = 5;

// House and flat numbers ("12", "12a", "12/3", "12-14") and postal codes go: the place is the street.
const numbers = /(^|[\s,])\d+[a-z]?(\s*[/-]\s*\d+[a-z]?)?(?=$|[\s,])/gi;

/** The street or place of an address without its numbers: "ul. Lipowa 12/3, Borowo" → "ul. Lipowa, Borowo". */
export function streetOf(address: string): string {
  return address
    .replace(numbers, '$1')
    .replace(/\s+/g, ' ')
    .replace(/\s*,(\s*,)*\s*/g, ', ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
}

class Groups {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  join(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Indexes of the placed points, grouped: points within `reach` metres of each other (through others too) share a group. */
export function groupByReach(points: [number, number][], reach: number): number[][] {
  const groups = new Groups(points.length);
  // A grid of `reach`-sized cells: a point's neighbours within reach are in its cell or the eight around it.
  const cells = new Map<string, number[]>();
  points.forEach(([x, y], i) => {
    const [cx, cy] = [Math.floor(x / reach), Math.floor(y / reach)];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          const [jx, jy] = points[j]!;
          if ((x - jx) ** 2 + (y - jy) ** 2 <= reach ** 2) groups.join(i, j);
        }
    const key = `${cx},${cy}`;
    cells.set(key, [...(cells.get(key) ?? []), i]);
  });
  const byRoot = new Map<number, number[]>();
  points.forEach((_, i) => byRoot.set(groups.find(i), [...(byRoot.get(groups.find(i)) ?? []), i]));
  return [...byRoot.values()];
}

/** The most common street (folded) among addresses, in its most common spelling; ties go to the first met. */
function commonStreet(addresses: string[]): string | null {
  const byKey = new Map<string, Map<string, number>>();
  for (const address of addresses) {
    const street = streetOf(address);
    const key = foldText(street);
    if (!key) continue;
    const spellings = byKey.get(key) ?? new Map<string, number>();
    spellings.set(street, (spellings.get(street) ?? 0) + 1);
    byKey.set(key, spellings);
  }
  const total = (spellings: Map<string, number>) => [...spellings.values()].reduce((a, b) => a + b, 0);
  let best: Map<string, number> | null = null;
  for (const spellings of byKey.values()) if (best === null || total(spellings) > total(best)) best = spellings;
  return best && [...best.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** The district's top places, most reports first (then by label), at most `limit`, each of at least `hotspotMinReports`. */
export function hotspotsOf(reports: readonly PlacedReport[], limit = hotspotLimit): Hotspot[] {
  const placed = reports.filter((r) => r.position !== null);
  const metres = placed.map((r) => toEpsg2180([r.position!.lon, r.position!.lat]));
  const places = groupByReach(metres, reachMeters).map((members) => {
    const addresses = members.map((i) => placed[i]!.address).filter((a): a is string => !!a);
    const [sx, sy] = members.reduce(([ax, ay], i) => [ax + metres[i]![0], ay + metres[i]![1]], [0, 0]);
    const [lon, lat] = fromEpsg2180([sx / members.length, sy / members.length]);
    const points = members.map((i): [number, number] => [placed[i]!.position!.lon, placed[i]!.position!.lat]);
    return { label: commonStreet(addresses), count: members.length, center: { lon, lat }, points };
  });
  // Reports known only by address join a place on the map naming the same street, or gather by street.
  const byStreet = new Map<string, Hotspot>();
  for (const report of reports) {
    if (report.position !== null || !report.address) continue;
    const street = streetOf(report.address);
    const key = foldText(street);
    if (!key) continue;
    const place = places.find((p) => p.label !== null && foldText(p.label) === key) ?? byStreet.get(key);
    if (place) place.count++;
    else byStreet.set(key, { label: street, count: 1, center: null, points: [] });
  }
  return [...places, ...byStreet.values()]
    .filter((p) => p.count >= hotspotMinReports)
    .sort((a, b) => b.count - a.count || (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'pl'))
    .slice(0, limit);
}

/**
 * A hotspot as a goal's area: the convex hull of its reports' points grown by the reach that joined
 * them, so the reports at its edge are well inside; null for a place known only by addresses.
 */
export function hotspotArea(hotspot: Hotspot): [number, number][] | null {
  return hotspot.points.length > 0 ? bufferedHull(hotspot.points, reachMeters) : null;
}
