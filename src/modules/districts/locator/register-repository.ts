import type { Db } from '../../../platform/db/database.js';
import type { Assignment } from '../model.js';
import { toAssignment } from '../repository.js';

/** Bumped by a trigger on every change of units, districts, officers and assignments (migration 0002). */
export async function registerVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'register_version').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** Every district in service of a unit in service, with its unit's name. */
export function registerDistricts(db: Db) {
  return db
    .selectFrom('districts as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.number',
      'd.name',
      'd.phone',
      'd.email',
      'd.area_rules',
      'd.area_polygon',
      'u.id as unit_id',
      'u.name as unit_name',
    ])
    .where('d.retired_at', 'is', null)
    .where('u.retired_at', 'is', null)
    .execute();
}

export type ServingAssignment = Assignment & { officer: { rank: string; name: string } };

/** The assignments running on `day` of officers in service, with the officer's rank and name. */
export async function assignmentsOn(db: Db, day: string): Promise<ServingAssignment[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('officers as o', 'o.id', 'a.officer_id')
    .selectAll('a')
    .select(['o.rank', 'o.first_name', 'o.last_name'])
    .where('a.starts_on', '<=', day)
    .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>=', day)]))
    .where('o.retired_at', 'is', null)
    .execute();
  return rows.map((row) => ({ ...toAssignment(row), officer: { rank: row.rank, name: `${row.first_name} ${row.last_name}` } }));
}

/** Every unit in service with its place in the tree, area and station position. */
export function registerUnits(db: Db) {
  return db.selectFrom('units').select(['id', 'parent_id', 'name', 'area_polygon', 'lat', 'lon']).where('retired_at', 'is', null).execute();
}
