import type { Localized } from '../../../platform/i18n/i18n.js';
import { formatNumber } from '../../../platform/i18n/i18n.js';
import type { Position } from '../../../platform/geo/epsg2180.js';
import { pointInRing } from '../../../platform/geo/point-in-ring.js';
import { closeRing, inPoland, ringAreaSquareMeters, segmentsCross, selfIntersects, type GeoPolygon } from '../../../platform/geo/ring.js';
import type { MultiPolygon } from '../../districts/index.js';
import type { PlanContent } from '../model.js';
import { indicatorSpecOf } from './model.js';

/**
 * A goal's area (obszar celu, issue 15): the place a count goal counts in, drawn as one polygon
 * ("park miejski przy ul. Kościuszki"), instead of the whole district, where a local effect would
 * be diluted. The rules, decided here:
 * - one outer ring in WGS84, no holes, 3 to 199 corners (4–200 positions once closed), inside Poland;
 * - its edges never cross, and it is between 400 m² (a 20 m square: a shop's forecourt) and 50 km²
 *   (more is a district, not a place; count the district instead);
 * - it overlaps the plan's district (a corner of one inside the other, or crossing edges). Only
 *   the part inside the district counts: reports belong to one district, and the rest of the unit
 *   is the comparison area (indicators/model.ts `IndicatorArea`). A district known only by street
 *   rules has no outline to check against; its area is accepted as drawn;
 * - only confirmed residents' reports are counted in it: imported data have no points.
 */
export interface GoalArea {
  /** How people call the place: "park przy ul. Kościuszki". */
  name: string;
  polygon: GeoPolygon;
}

export const areaLimits = { minCorners: 3, maxCorners: 199, minSquareMeters: 400, maxSquareMeters: 50_000_000, maxName: 200 } as const;

export interface AreaProblem {
  field: 'goal.area.name' | 'goal.area.polygon';
  message: Localized;
}

const problem = (field: AreaProblem['field'], pl: string, en: string): AreaProblem => ({ field, message: { pl, en } });

/** The area as stored: its name trimmed, its ring closed. */
export function normalGoalArea(area: GoalArea): GoalArea {
  return {
    name: area.name.trim().replace(/\s+/g, ' '),
    polygon: { type: 'Polygon', coordinates: [closeRing(area.polygon.coordinates[0] ?? [])] },
  };
}

function overlaps(ring: readonly Position[], outline: MultiPolygon): boolean {
  const outers = outline.coordinates.map((part) => (part[0] ?? []) as Position[]).filter((r) => r.length >= 4);
  if (outers.length === 0) return true;
  return outers.some(
    (outer) =>
      ring.some((p) => pointInRing(p, outer)) ||
      outer.some((p) => pointInRing(p, ring)) ||
      ring.slice(1).some((b, i) => outer.slice(1).some((d, j) => segmentsCross(ring[i]!, b, outer[j]!, d))),
  );
}

/** Why the goal's area cannot be stored (the first problem), or null; no area is no problem. */
export function goalAreaProblem(content: PlanContent, districtOutline: MultiPolygon | null): AreaProblem | null {
  const area = content.goal.area;
  if (!area) return null;
  const { name, polygon } = normalGoalArea(area);
  if (!name)
    return problem('goal.area.name', 'Nazwij obszar, np. „park przy ul. Kościuszki”.', 'Name the area, e.g. "the park on Kościuszki St".');
  const ring = polygon.coordinates[0]!;
  const corners = ring.length - 1;
  if (area.polygon.coordinates.length !== 1 || corners < areaLimits.minCorners || corners > areaLimits.maxCorners)
    return problem(
      'goal.area.polygon',
      `Obszar to jeden wielokąt o ${areaLimits.minCorners}–${areaLimits.maxCorners} wierzchołkach (podano ${Math.max(corners, 0)}).`,
      `The area is one polygon of ${areaLimits.minCorners}–${areaLimits.maxCorners} corners (${Math.max(corners, 0)} given).`,
    );
  if (!ring.every((p) => p.length === 2 && p.every(Number.isFinite) && inPoland(p)))
    return problem(
      'goal.area.polygon',
      'Obszar wychodzi poza Polskę: sprawdź, czy każdy wiersz to „szerokość, długość” (np. 50.51, 23.01).',
      'The area lies outside Poland: check that each line is "latitude, longitude" (e.g. 50.51, 23.01).',
    );
  if (selfIntersects(ring))
    return problem(
      'goal.area.polygon',
      'Granica obszaru przecina samą siebie: podaj wierzchołki po kolei, wzdłuż granicy.',
      'The area boundary crosses itself: give the corners in order along the boundary.',
    );
  const squareMeters = ringAreaSquareMeters(ring);
  if (squareMeters < areaLimits.minSquareMeters || squareMeters > areaLimits.maxSquareMeters) {
    const size = (m2: number, lang: 'pl' | 'en') =>
      m2 >= 1_000_000 ? `${formatNumber(Math.round(m2 / 10_000) / 100, lang)} km²` : `${formatNumber(Math.round(m2), lang)} m²`;
    return problem(
      'goal.area.polygon',
      `Obszar ma ${size(squareMeters, 'pl')}, a powinien mieć od 400 m² do 50 km².`,
      `The area measures ${size(squareMeters, 'en')}; it should be from 400 m² to 50 km².`,
    );
  }
  if (districtOutline && !overlaps(ring, districtOutline))
    return problem(
      'goal.area.polygon',
      'Obszar leży poza rejonem planu: liczone są tylko zgłoszenia z rejonu.',
      "The area lies outside the plan's district: only the district's reports are counted.",
    );
  if (indicatorSpecOf(content).source !== 'reports')
    return problem(
      'goal.area.polygon',
      'W obszarze można liczyć tylko zgłoszenia mieszkańców (dane importowane są zapisane dla całych rejonów). W polu „Ocena celu liczy” wybierz „potwierdzone zgłoszenia w Krajowej Mapie Zagrożeń” albo usuń obszar.',
      'Only residents\' reports can be counted in an area (imported data are stored for whole districts). Under "The evaluation counts" choose "confirmed reports on the threat map (KMZB)" or remove the area.',
    );
  return null;
}
