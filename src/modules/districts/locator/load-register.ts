import type { Db } from '../../../platform/db/database.js';
import type { StreetRule } from '../area/types.js';
import { AreaIndex } from '../matching/area-index.js';
import { PolygonIndex } from '../geometry/polygon-index.js';
import { servingOn } from '../assignments.js';
import { districtUrl, type MultiPolygon } from '../model.js';
import { assignmentsOn, registerDistricts, registerUnits, registerVersion, type ServingAssignment } from './register-repository.js';
import { unitUrl } from '../../units/index.js';
import { MapOverview, type OverviewDistrict } from './map-overview.js';
import { PlaceDirectory } from './places.js';
import { Register, type DistrictCard } from './register.js';

/** Reads every active district of every active unit, with today's officers, and builds the indexes. */
export async function loadRegister(db: Db, day: string): Promise<Register> {
  const version = await registerVersion(db);
  const districts = await registerDistricts(db);
  const byDistrict = new Map<string, ServingAssignment[]>();
  for (const assignment of await assignmentsOn(db, day)) {
    const list = byDistrict.get(assignment.districtId) ?? [];
    list.push(assignment);
    byDistrict.set(assignment.districtId, list);
  }

  const cards = new Map<string, DistrictCard>();
  const areas: { id: string; rules: StreetRule[] }[] = [];
  const polygons: { id: string; geometry: MultiPolygon }[] = [];
  const outlined = new Map<string, OverviewDistrict>();
  for (const row of districts) {
    const serving = servingOn(byDistrict.get(row.id) ?? [], day);
    const who = (serving.substitute ?? serving.regular) as ServingAssignment | null;
    cards.set(row.id, {
      id: row.id,
      number: row.number,
      name: row.name,
      url: districtUrl(row.id),
      unit: { id: row.unit_id, name: row.unit_name, url: unitUrl(row.unit_id) },
      phone: row.phone,
      email: row.email,
      officer: who ? { ...who.officer, substitute: who.kind === 'substitute' } : null,
      hasPolygon: row.area_polygon !== null,
    });
    areas.push({ id: row.id, rules: row.area_rules as StreetRule[] });
    if (row.area_polygon) {
      polygons.push({ id: row.id, geometry: row.area_polygon as MultiPolygon });
      const localities = [...new Set((row.area_rules as StreetRule[]).map((rule) => rule.locality))];
      outlined.set(row.id, { number: row.number, unitName: row.unit_name, url: districtUrl(row.id), localities });
    }
  }
  const unitRows = await registerUnits(db);
  const parents = new Map(unitRows.map((row) => [row.id, row.parent_id]));
  const depth = (id: string | null): number => (id === null || !parents.has(id) ? 0 : 1 + depth(parents.get(id) ?? null));
  const withArea = unitRows.filter((row) => row.area_polygon !== null);
  const unitCards = new Map(
    withArea.map((row) => [row.id, { id: row.id, name: row.name, url: unitUrl(row.id), depth: depth(row.parent_id) }]),
  );
  const unitAreas = new PolygonIndex(withArea.map((row) => ({ id: row.id, geometry: row.area_polygon as MultiPolygon })));
  const districtShapes = new PolygonIndex(polygons);
  const stations = unitRows.flatMap((row) =>
    row.lat !== null && row.lon !== null ? [{ name: row.name, url: unitUrl(row.id), lat: Number(row.lat), lon: Number(row.lon) }] : [],
  );
  const overview = new MapOverview(districtShapes, outlined, stations);
  return new Register(
    version,
    day,
    cards,
    AreaIndex.ofDistricts(areas),
    districtShapes,
    unitAreas,
    unitCards,
    overview,
    PlaceDirectory.shared(),
  );
}
