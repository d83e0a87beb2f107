import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { UnitsTable } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';
import type { Unit, UnitContact, UnitKind } from './model.js';

type Queryable = Db | Trx;

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as UnitKind,
    name: row.name,
    retiredAt: row.retired_at,
    street: row.street,
    postalCode: row.postal_code,
    locality: row.locality,
    phone: row.phone,
    email: row.email,
    website: row.website,
    openingHours: row.opening_hours,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
  };
}

export async function listUnits(db: Queryable, options: { includeRetired?: boolean } = {}): Promise<Unit[]> {
  let query = db.selectFrom('units').selectAll();
  if (!options.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.orderBy('id').execute()).map(toUnit);
}

/** Units of one subtree (a unit and everything below it). */
export async function listSubtree(db: Queryable, unitId: string): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().where('id', 'in', subtreeOf(unitId)).where('retired_at', 'is', null).execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Queryable, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

/** The names of these units by id, for lists that show many (one query, not one per row). */
export async function unitNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The unit in service with this name, whatever its letter case (plan documents name their unit). */
export async function findUnitIdByName(db: Queryable, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

function contactColumns(contact: Partial<UnitContact>) {
  return {
    street: contact.street,
    postal_code: contact.postalCode,
    locality: contact.locality,
    phone: contact.phone,
    email: contact.email,
    website: contact.website,
    opening_hours: contact.openingHours,
    lat: contact.location === undefined ? undefined : (contact.location?.lat ?? null),
    lon: contact.location === undefined ? undefined : (contact.location?.lon ?? null),
  };
}

export async function insertUnit(
  trx: Trx,
  unit: { id: string; parentId: string | null; kind: UnitKind; name: string } & Partial<UnitContact>,
): Promise<void> {
  await trx
    .insertInto('units')
    .values({ id: unit.id, parent_id: unit.parentId, kind: unit.kind, name: unit.name, ...contactColumns(unit) })
    .execute();
}

export async function updateUnitRow(
  trx: Trx,
  id: string,
  patch: { name?: string; parentId?: string | null; retiredAt?: Date | null } & Partial<UnitContact>,
): Promise<void> {
  await trx
    .updateTable('units')
    .set({ name: patch.name, parent_id: patch.parentId, retired_at: patch.retiredAt, ...contactColumns(patch), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** The unit's territory (GeoJSON MultiPolygon): the locator answers "which unit" for a point outside every district. */
export async function setUnitArea(trx: Trx, id: string, area: object | null): Promise<void> {
  await trx
    .updateTable('units')
    .set({ area_polygon: area && JSON.stringify(area) })
    .where('id', '=', id)
    .execute();
}

/** What still depends on a unit: active child units, districts and accounts. */
export async function unitDependents(db: Queryable, id: string): Promise<{ units: number; districts: number; accounts: number }> {
  const row = await sql<{ units: number; districts: number; accounts: number }>`
    select
      (select count(*)::int from units where parent_id = ${id} and retired_at is null) as units,
      (select count(*)::int from districts where unit_id = ${id} and retired_at is null) as districts,
      (select count(*)::int from accounts where unit_id = ${id} and active) as accounts`.execute(db);
  return row.rows[0]!;
}
