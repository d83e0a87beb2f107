import type { Localized } from '../../../platform/i18n/i18n.js';
import { pointInRing } from '../../../platform/geo/point-in-ring.js';
import type { MultiPolygon } from '../model.js';
import { fromEpsg2180, type Position } from '../../../platform/geo/epsg2180.js';
import { inPoland, selfIntersects } from '../../../platform/geo/ring.js';

const MAX_POSITIONS = 50_000;

export interface DistrictPolygon {
  /** Index of the feature in the input, for reports. */
  feature: number;
  unitId: string;
  districtNumber: number;
  geometry: MultiPolygon;
  bbox: [number, number, number, number];
}

export interface FeatureProblem {
  feature: number;
  message: Localized;
}

type Crs = 'wgs84' | 'wgs84-swapped' | 'epsg2180' | 'epsg2180-swapped';

const problem = (feature: number, pl: string, en: string): FeatureProblem => ({ feature, message: { pl, en } });

/** A property's value as text: a string or a number; anything else (an object, a list) is no text at all. */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function declaredCrs(input: Record<string, unknown>): Crs | null {
  const name = textOf((input.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name);
  if (/2180/.test(name)) return 'epsg2180';
  if (/4326|CRS84/i.test(name)) return 'wgs84';
  return null;
}

/**
 * Decides the CRS and axis order from one position: the reading that lands in Poland wins. In
 * EPSG:2180 both orders can land in Poland; then the GeoJSON order (easting first) is assumed.
 */
function guessCrs([a, b]: Position): Crs | null {
  if (Math.abs(a) > 1000 || Math.abs(b) > 1000) {
    if (inPoland(fromEpsg2180([a, b]))) return 'epsg2180';
    if (inPoland(fromEpsg2180([b, a]))) return 'epsg2180-swapped';
    return null;
  }
  if (inPoland([a, b])) return 'wgs84';
  if (inPoland([b, a])) return 'wgs84-swapped';
  return null;
}

function convert(position: Position, crs: Crs): Position {
  switch (crs) {
    case 'wgs84':
      return position;
    case 'wgs84-swapped':
      return [position[1], position[0]];
    case 'epsg2180':
      return fromEpsg2180(position);
    case 'epsg2180-swapped':
      return fromEpsg2180([position[1], position[0]]);
  }
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

/** Polygon coordinates as arrays of rings, or null when the nesting or numbers are wrong. */
function polygonsOf(geometry: { type?: unknown; coordinates?: unknown }): Position[][][] | null {
  const isRing = (ring: unknown) => Array.isArray(ring) && ring.length > 0 && ring.every(isPosition);
  const isPolygon = (polygon: unknown) => Array.isArray(polygon) && polygon.length > 0 && polygon.every(isRing);
  if (geometry.type === 'Polygon' && isPolygon(geometry.coordinates)) return [geometry.coordinates as Position[][]];
  if (
    geometry.type === 'MultiPolygon' &&
    Array.isArray(geometry.coordinates) &&
    geometry.coordinates.length > 0 &&
    geometry.coordinates.every(isPolygon)
  ) {
    return geometry.coordinates as Position[][][];
  }
  return null;
}

/**
 * Reads district polygons from GeoJSON (a FeatureCollection or one Feature) with properties
 * `unit` and `district`, in WGS84 or EPSG:2180 (declared or recognised from the numbers). Never
 * throws: every bad feature is reported with its index and the reason.
 */
export function readDistrictPolygons(input: unknown): {
  polygons: DistrictPolygon[];
  errors: FeatureProblem[];
  warnings: FeatureProblem[];
} {
  const polygons: DistrictPolygon[] = [];
  const errors: FeatureProblem[] = [];
  const warnings: FeatureProblem[] = [];
  const root = input && typeof input === 'object' ? (input as Record<string, unknown>) : null;
  const features =
    root?.type === 'FeatureCollection' && Array.isArray(root.features) ? root.features : root?.type === 'Feature' ? [root] : null;
  if (!root || !features) {
    errors.push(
      problem(
        0,
        'To nie jest GeoJSON: oczekiwano FeatureCollection albo Feature.',
        'This is not GeoJSON: expected a FeatureCollection or a Feature.',
      ),
    );
    return { polygons, errors, warnings };
  }
  const declared = declaredCrs(root);
  features.forEach((raw: unknown, index: number) => {
    const feature = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const unitId = typeof properties.unit === 'string' ? properties.unit.trim() : '';
    const districtNumber = typeof properties.district === 'number' ? properties.district : Number(textOf(properties.district).trim());
    if (!unitId)
      return errors.push(problem(index, 'Brak właściwości „unit” (identyfikator jednostki).', 'Missing property "unit" (the unit id).'));
    if (!Number.isInteger(districtNumber) || districtNumber < 1 || districtNumber > 9999) {
      return errors.push(
        problem(
          index,
          'Właściwość „district” musi być numerem rejonu od 1 do 9999.',
          'Property "district" must be a district number from 1 to 9999.',
        ),
      );
    }
    const geometry = (feature.geometry ?? {}) as { type?: unknown; coordinates?: unknown };
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      return errors.push(
        problem(
          index,
          `Geometria musi być typu Polygon albo MultiPolygon (jest: ${textOf(geometry.type) || 'brak'}).`,
          `The geometry must be a Polygon or MultiPolygon (found: ${textOf(geometry.type) || 'none'}).`,
        ),
      );
    }
    const parts = polygonsOf(geometry);
    if (!parts)
      return errors.push(
        problem(
          index,
          'Współrzędne geometrii są niepełne albo nie są liczbami.',
          'The geometry coordinates are incomplete or not numbers.',
        ),
      );
    const positions = parts.flat(2).length;
    if (positions > MAX_POSITIONS) {
      return errors.push(
        problem(
          index,
          `Obszar ma za dużo punktów (${positions}; najwyżej ${MAX_POSITIONS}). Uprość go w programie GIS.`,
          `The area has too many points (${positions}; at most ${MAX_POSITIONS}). Simplify it in a GIS tool.`,
        ),
      );
    }
    const crs = declared ?? guessCrs(parts[0]![0]![0]!);
    if (!crs) {
      return errors.push(
        problem(
          index,
          'Nie rozpoznano układu współrzędnych albo obszar leży poza Polską (obsługiwane: WGS84, EPSG:2180).',
          'Unknown coordinate system or the area lies outside Poland (supported: WGS84, EPSG:2180).',
        ),
      );
    }
    const converted: Position[][][] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const part of parts) {
      const rings: Position[][] = [];
      for (const ring of part) {
        const points = ring.map((p) => convert([p[0], p[1]], crs));
        const first = points[0]!;
        const last = points[points.length - 1]!;
        if (first[0] !== last[0] || first[1] !== last[1]) {
          points.push([first[0], first[1]]);
          warnings.push(
            problem(index, 'Pierścień obszaru nie był zamknięty; zamknięto go.', 'An area ring was not closed; it has been closed.'),
          );
        }
        if (points.length < 4)
          return errors.push(
            problem(index, 'Pierścień obszaru musi mieć co najmniej 3 różne punkty.', 'An area ring needs at least 3 distinct points.'),
          );
        if (!points.every(inPoland))
          return errors.push(
            problem(
              index,
              'Obszar wychodzi poza granice Polski: sprawdź układ współrzędnych i kolejność osi.',
              'The area extends outside Poland: check the coordinate system and axis order.',
            ),
          );
        for (const [x, y] of points) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
        rings.push(points);
      }
      if (selfIntersects(rings[0]!))
        return errors.push(problem(index, 'Granica obszaru przecina samą siebie.', 'The area boundary crosses itself.'));
      if (rings.slice(1).some((hole) => !pointInRing(hole[0]!, rings[0]!))) {
        return errors.push(problem(index, 'Otwór w obszarze leży poza jego granicą.', 'A hole of the area lies outside its boundary.'));
      }
      converted.push(rings);
    }
    polygons.push({
      feature: index,
      unitId,
      districtNumber,
      geometry: { type: 'MultiPolygon', coordinates: converted },
      bbox: [minX, minY, maxX, maxY],
    });
    return undefined;
  });
  return { polygons, errors, warnings };
}

function perpendicularMeters(p: Position, a: Position, b: Position, kx: number, ky: number): number {
  const px = (p[0] - a[0]) * kx;
  const py = (p[1] - a[1]) * ky;
  const dx = (b[0] - a[0]) * kx;
  const dy = (b[1] - a[1]) * ky;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length));
  return Math.hypot(px - t * dx, py - t * dy);
}

function simplifyRing(ring: Position[], tolerance: number): Position[] {
  if (ring.length <= 5) return ring;
  const meanLat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  const ky = 111_320;
  const kx = 111_320 * Math.cos((meanLat * Math.PI) / 180);
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [start, end] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = start + 1; i < end; i++) {
      const distance = perpendicularMeters(ring[i]!, ring[start]!, ring[end]!, kx, ky);
      if (distance > worstDistance) {
        worst = i;
        worstDistance = distance;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([start, worst], [worst, end]);
    }
  }
  const result = ring.filter((_, i) => keep[i]);
  return result.length >= 4 ? result : ring;
}

/** Douglas–Peucker per ring, for lighter maps; rings never drop below 4 positions. */
export function simplifyForDisplay(
  geometry: MultiPolygon | { type: 'Polygon'; coordinates: number[][][] },
  toleranceMeters: number,
): MultiPolygon {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
  return {
    type: 'MultiPolygon',
    coordinates: parts.map((polygon) => polygon.map((ring) => simplifyRing(ring, toleranceMeters))),
  };
}
