import type { Db } from '../../../platform/db/database.js';
import type { StreetRule } from '../area/types.js';
import { AreaIndex } from '../matching/area-index.js';
import { PolygonIndex } from '../geometry/polygon-index.js';
import { servingOn } from '../assignments.js';
import { districtUrl, type Assignment, type MultiPolygon } from '../model.js';
import { toAssignment } from '../repository.js';
import { unitUrl } from '../../units/urls.js';
import { MapOverview, type OverviewDistrict } from './map-overview.js';
import { PlaceDirectory } from './places.js';
import { Register, type DistrictCard } from './register.js';

export async function registerVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'register_version').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** Reads every active district of every active unit, with today's officers, and builds the indexes. */
export async function loadRegister(db: Db, day: string): Promise<Register> {
  const version = await registerVersion(db);
  const districts = await db
    .selectFrom('districts as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.number', 'd.name', 'd.phone', 'd.email', 'd.area_rules', 'd.area_polygon', 'u.id as unit_id', 'u.name as unit_name'])
    .where('d.retired_at', 'is', null)
    .where('u.retired_at', 'is', null)
    .execute();
  const current = await db
    .selectFrom('assignments as a')
    .innerJoin('officers as o', 'o.id', 'a.officer_id')
    .selectAll('a')
    .select(['o.rank', 'o.first_name', 'o.last_name'])
    .where('a.starts_on', '<=', day)
    .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', day)]))
    .where('o.retired_at', 'is', null)
    .execute();
  const byDistrict = new Map<string, (Assignment & { officer: { rank: string; name: string } })[]>();
  for (const row of current) {
    const list = byDistrict.get(row.district_id) ?? [];
    list.push({ ...toAssignment(row), officer: { rank: row.rank, name: `${row.first_name} ${row.last_name}` } });
    byDistrict.set(row.district_id, list);
  }

  const cards = new Map<string, DistrictCard>();
  const areas: { id: string; rules: StreetRule[] }[] = [];
  const polygons: { id: string; geometry: MultiPolygon }[] = [];
  const outlined = new Map<string, OverviewDistrict>();
  for (const row of districts) {
    const serving = servingOn(byDistrict.get(row.id) ?? [], day);
    const who = (serving.substitute ?? serving.regular) as (Assignment & { officer: { rank: string; name: string } }) | null;
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
  const unitRows = await db.selectFrom('units').select(['id', 'parent_id', 'name', 'area_polygon', 'lat', 'lon']).where('retired_at', 'is', null).execute();
  const parents = new Map(unitRows.map((row) => [row.id, row.parent_id]));
  const depth = (id: string | null): number => (id === null || !parents.has(id) ? 0 : 1 + depth(parents.get(id) ?? null));
  const withArea = unitRows.filter((row) => row.area_polygon !== null);
  const unitCards = new Map(withArea.map((row) => [row.id, { id: row.id, name: row.name, url: unitUrl(row.id), depth: depth(row.parent_id) }]));
  const unitAreas = new PolygonIndex(withArea.map((row) => ({ id: row.id, geometry: row.area_polygon as MultiPolygon })));
  const districtShapes = new PolygonIndex(polygons);
  const stations = unitRows.flatMap((row) => (row.lat !== null && row.lon !== null ? [{ name: row.name, url: unitUrl(row.id), lat: Number(row.lat), lon: Number(row.lon) }] : []));
  const overview = new MapOverview(districtShapes, outlined, stations);
  return new Register(version, day, cards, AreaIndex.ofDistricts(areas), districtShapes, unitAreas, unitCards, overview, PlaceDirectory.shared());
}

