import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { AssignmentsTable, DistrictsTable, OfficersTable } from '../../platform/db/schema.js';
import type { Trx } from '../../platform/audit/actor.js';
import { subtreeOf } from '../access/index.js';
import type { StreetRule } from './area/types.js';
import type { Assignment, AssignmentKind, District, MultiPolygon, Officer, OfficerPosition } from './model.js';

type Queryable = Db | Trx;

export function toDistrict(row: Selectable<DistrictsTable>): District {
  return {
    id: row.id,
    unitId: row.unit_id,
    number: row.number,
    name: row.name,
    phone: row.phone,
    email: row.email,
    rules: row.area_rules as StreetRule[],
    polygon: (row.area_polygon as MultiPolygon | null) ?? null,
    retiredAt: row.retired_at,
  };
}

export function toOfficer(row: Selectable<OfficersTable>): Officer {
  return {
    id: row.id,
    unitId: row.unit_id,
    rank: row.rank,
    firstName: row.first_name,
    lastName: row.last_name,
    position: row.position as OfficerPosition,
    accountId: row.account_id,
    demo: row.demo,
    retiredAt: row.retired_at,
  };
}

export function toAssignment(row: Selectable<AssignmentsTable>): Assignment {
  return {
    id: row.id,
    districtId: row.district_id,
    officerId: row.officer_id,
    kind: row.kind as AssignmentKind,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

export async function findDistrict(db: Queryable, id: string): Promise<District | undefined> {
  const row = await db.selectFrom('districts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDistrict(row);
}

/** The names of these districts by id, for lists that show many (one query, not one per row). */
export async function districtNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The districts in service of one unit, by number. */
export async function activeDistrictIdsOfUnit(db: Queryable, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('districts')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('retired_at', 'is', null)
    .orderBy('number')
    .execute();
  return rows.map((row) => row.id);
}

export async function listDistricts(
  db: Queryable,
  filter: { unitId?: string; subtreeOf?: string; includeRetired?: boolean } = {},
): Promise<District[]> {
  let query = db.selectFrom('districts').selectAll();
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.subtreeOf) query = query.where('unit_id', 'in', subtreeOf(filter.subtreeOf));
  if (!filter.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.orderBy('unit_id').orderBy('number').execute()).map(toDistrict);
}

/** Active districts with their unit's name, for choosing one: given ids, or a unit subtree. */
export async function listDistrictChoices(
  db: Queryable,
  filter: { ids: readonly string[] } | { subtreeOf: string },
): Promise<{ id: string; name: string; unitName: string }[]> {
  if ('ids' in filter && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('districts as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.name', 'u.name as unitName'])
    .where('d.retired_at', 'is', null);
  query = 'ids' in filter ? query.where('d.id', 'in', filter.ids) : query.where('d.unit_id', 'in', subtreeOf(filter.subtreeOf));
  return query.orderBy('u.name').orderBy('d.number').execute();
}

export interface DistrictRow {
  unitId: string;
  number: number;
  name: string;
  phone: string | null;
  email: string | null;
  rules: StreetRule[];
  polygon: MultiPolygon | null;
}

export async function insertDistrict(trx: Trx, id: string, district: DistrictRow): Promise<void> {
  await trx
    .insertInto('districts')
    .values({
      id,
      unit_id: district.unitId,
      number: district.number,
      name: district.name,
      phone: district.phone,
      email: district.email,
      area_rules: JSON.stringify(district.rules),
      area_polygon: district.polygon ? JSON.stringify(district.polygon) : null,
    })
    .execute();
}

export async function updateDistrictRow(
  trx: Trx,
  id: string,
  patch: Partial<Omit<DistrictRow, 'unitId' | 'number'>> & { retiredAt?: Date | null },
): Promise<void> {
  await trx
    .updateTable('districts')
    .set({
      name: patch.name,
      phone: patch.phone,
      email: patch.email,
      area_rules: patch.rules === undefined ? undefined : JSON.stringify(patch.rules),
      area_polygon: patch.polygon === undefined ? undefined : patch.polygon ? JSON.stringify(patch.polygon) : null,
      retired_at: patch.retiredAt,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function findOfficer(db: Queryable, id: string): Promise<Officer | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db.selectFrom('officers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOfficer(row);
}

export async function listOfficers(db: Queryable, filter: { subtreeOf?: string; includeRetired?: boolean } = {}): Promise<Officer[]> {
  let query = db.selectFrom('officers').selectAll();
  if (filter.subtreeOf) query = query.where('unit_id', 'in', subtreeOf(filter.subtreeOf));
  if (!filter.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.orderBy('last_name').orderBy('first_name').execute()).map(toOfficer);
}

export interface OfficerRow {
  unitId: string;
  rank: string;
  firstName: string;
  lastName: string;
  position: OfficerPosition;
  accountId: string | null;
  demo?: boolean;
}

export async function insertOfficer(trx: Trx, officer: OfficerRow): Promise<string> {
  const row = await trx
    .insertInto('officers')
    .values({
      unit_id: officer.unitId,
      rank: officer.rank,
      first_name: officer.firstName,
      last_name: officer.lastName,
      position: officer.position,
      account_id: officer.accountId,
      demo: officer.demo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOfficerRow(trx: Trx, id: string, patch: Partial<OfficerRow> & { retiredAt?: Date | null }): Promise<void> {
  await trx
    .updateTable('officers')
    .set({
      unit_id: patch.unitId,
      rank: patch.rank,
      first_name: patch.firstName,
      last_name: patch.lastName,
      position: patch.position,
      account_id: patch.accountId,
      retired_at: patch.retiredAt,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Gives the district's regular officer (the one of its first regular assignment) a staff account to sign in with. */
export async function linkRegularOfficerAccount(trx: Trx, districtId: string, accountId: string): Promise<void> {
  await trx
    .updateTable('officers')
    .set({ account_id: accountId })
    .where('id', '=', (eb) =>
      eb.selectFrom('assignments').select('officer_id').where('district_id', '=', districtId).where('kind', '=', 'regular').limit(1),
    )
    .execute();
}

export async function listAssignments(
  db: Queryable,
  filter: { districtId?: string; officerId?: string; subtreeOf?: string },
): Promise<Assignment[]> {
  let query = db.selectFrom('assignments').selectAll();
  if (filter.districtId) query = query.where('district_id', '=', filter.districtId);
  if (filter.officerId) query = query.where('officer_id', '=', filter.officerId);
  if (filter.subtreeOf) query = query.where('unit_id', 'in', subtreeOf(filter.subtreeOf));
  return (await query.orderBy('starts_on', 'desc').execute()).map(toAssignment);
}

export async function findAssignment(db: Queryable, id: string): Promise<Assignment | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const row = await db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toAssignment(row);
}

export async function insertAssignment(trx: Trx, unitId: string, assignment: Omit<Assignment, 'id'>): Promise<string> {
  const row = await trx
    .insertInto('assignments')
    .values({
      district_id: assignment.districtId,
      unit_id: unitId,
      officer_id: assignment.officerId,
      kind: assignment.kind,
      starts_on: assignment.startsOn,
      ends_on: assignment.endsOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setAssignmentEnd(trx: Trx, id: string, endsOn: string | null): Promise<void> {
  await trx.updateTable('assignments').set({ ends_on: endsOn }).where('id', '=', id).execute();
}

/** The officer an account is linked to, if any, with the officer's unit. */
