import { sql, type Selectable, type Updateable } from 'kysely';
import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { MeetingsTable } from '../../platform/db/schema.js';
import { isUuid } from '../../platform/db/ids.js';
import { subtreeOf } from '../access/index.js';

/** All SQL of meetings (spotkania i debaty). */
export type MeetingRow = Selectable<MeetingsTable>;

export async function findMeeting(db: Db | Trx, id: string): Promise<MeetingRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The meetings about a district, newest day first (at most `limit`). */
export async function meetingsOfDistrict(db: Db, districtId: string, limit: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where(sql<boolean>`district_ids @> ARRAY[${districtId}]::text[]`)
    .orderBy('on_day', 'desc')
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** The meetings a unit organises, newest day first (at most `limit`). */
export async function meetingsOfUnit(db: Db, unitId: string, limit: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('on_day', 'desc')
    .orderBy('starts_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The meetings a staff member looks after, newest day first (at most `limit`): those about any of
 * the districts they serve (`ids`), or organised by a unit of their subtree (`subtreeOf`).
 */
export async function meetingsForStaff(
  db: Db,
  scope: { ids: readonly string[] } | { subtreeOf: string },
  limit: number,
): Promise<MeetingRow[]> {
  if ('ids' in scope && scope.ids.length === 0) return [];
  const query = db.selectFrom('meetings').selectAll();
  const scoped =
    'ids' in scope
      ? query.where(sql<boolean>`district_ids && ARRAY[${sql.join(scope.ids.map((id) => sql`${id}`))}]::text[]`)
      : query.where('unit_id', 'in', subtreeOf(scope.subtreeOf));
  return scoped.orderBy('on_day', 'desc').orderBy('starts_at', 'desc').limit(limit).execute();
}

/** The districts among `ids` that exist and are not retired, with their units. */
export async function activeDistricts(db: Db | Trx, ids: readonly string[]): Promise<{ id: string; unit_id: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('districts').select(['id', 'unit_id']).where('id', 'in', ids).where('retired_at', 'is', null).execute();
}

/** A district's public names (404 when there is none). */
export async function districtNamed(
  db: Db,
  unitId: string,
  number: number,
): Promise<{ id: string; name: string; number: number; unit_name: string } | undefined> {
  return db
    .selectFrom('districts')
    .innerJoin('units', 'units.id', 'districts.unit_id')
    .select(['districts.id', 'districts.name', 'districts.number', 'units.name as unit_name'])
    .where('districts.unit_id', '=', unitId)
    .where('districts.number', '=', number)
    .where('districts.retired_at', 'is', null)
    .executeTakeFirst();
}

export async function unitNamed(db: Db, unitId: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
}

export async function insertMeeting(
  trx: Trx,
  row: Omit<
    MeetingsTable,
    'id' | 'sequence' | 'cancelled_at' | 'cancel_reason' | 'participants' | 'topics_raised' | 'created_at' | 'updated_at'
  >,
): Promise<string> {
  const { id } = await trx.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a meeting; `bump` raises its iCalendar SEQUENCE (what residents' calendars show changed). */
export async function updateMeeting(trx: Trx, id: string, columns: Updateable<MeetingsTable>, bump: boolean): Promise<void> {
  await trx
    .updateTable('meetings')
    .set({ ...columns, updated_at: new Date(), ...(bump ? { sequence: sql<number>`sequence + 1` } : {}) })
    .where('id', '=', id)
    .execute();
}
