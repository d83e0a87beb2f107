import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';

/** All SQL of the settings module: the stored values (setting_values, migration 0024). */
type Queryable = Db | Trx;

export interface StoredSetting {
  id: string;
  /** null: the national value; otherwise the voivodeship unit (KWP/KSP) whose value it is. */
  unitId: string | null;
  value: unknown;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: Date;
}

/** Every stored value (a few dozen rows at most: one per setting and voivodeship). */
export async function storedSettings(db: Queryable): Promise<StoredSetting[]> {
  const rows = await db
    .selectFrom('setting_values as s')
    .leftJoin('accounts as a', 'a.id', 's.changed_by')
    .select(['s.id', 's.unit_id', 's.value', 's.changed_by', 's.changed_at', 'a.display_name'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    value: r.value,
    changedBy: r.changed_by,
    changedByName: r.display_name,
    changedAt: r.changed_at,
  }));
}

/** The stored value of one setting and scope, locked for the change that reads it (undefined: none). */
export async function lockedValue(trx: Trx, id: string, unitId: string | null): Promise<unknown> {
  const row = await trx
    .selectFrom('setting_values')
    .select('value')
    .where('id', '=', id)
    .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
    .forUpdate()
    .executeTakeFirst();
  return row?.value;
}

export async function storeValue(trx: Trx, id: string, unitId: string | null, value: unknown, accountId: string | null): Promise<void> {
  const json = JSON.stringify(value);
  // One statement per scope: each matches its own partial unique index, so two admins saving at once never fail.
  if (unitId === null)
    await sql`insert into setting_values (id, unit_id, value, changed_by) values (${id}, null, ${json}::jsonb, ${accountId})
      on conflict (id) where unit_id is null do update set value = excluded.value, changed_by = excluded.changed_by, changed_at = now()`.execute(
      trx,
    );
  else
    await sql`insert into setting_values (id, unit_id, value, changed_by) values (${id}, ${unitId}, ${json}::jsonb, ${accountId})
      on conflict (id, unit_id) where unit_id is not null
      do update set value = excluded.value, changed_by = excluded.changed_by, changed_at = now()`.execute(trx);
}

/** Removes the scope's own value (the national one, or a voivodeship's). */
export async function removeValue(trx: Trx, id: string, unitId: string | null): Promise<void> {
  await trx
    .deleteFrom('setting_values')
    .where('id', '=', id)
    .where((eb) => (unitId === null ? eb('unit_id', 'is', null) : eb('unit_id', '=', unitId)))
    .execute();
}

/** The voivodeship (KWP/KSP) a unit belongs to, itself included; null for the top unit or an unknown one. */
export async function voivodeshipOf(db: Queryable, unitId: string): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`
    with recursive chain(id, parent_id, kind, depth) as (
      select id, parent_id, kind, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, c.depth + 1 from units u join chain c on u.id = c.parent_id where c.depth < 20
    ) select id from chain where kind in ('KWP', 'KSP') limit 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** The unit's kind and name, for checking that a voivodeship value is set on a KWP/KSP. */
export async function unitKind(db: Queryable, unitId: string): Promise<{ kind: string; name: string } | undefined> {
  return db.selectFrom('units').select(['kind', 'name']).where('id', '=', unitId).executeTakeFirst();
}

/** The voivodeship commands (KWP, KSP) in use, by name: those a national administrator may act for. */
export async function voivodeshipUnits(db: Queryable): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', 'in', ['KWP', 'KSP'])
    .where('retired_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** The names of units by id (the voivodeships whose values the settings page lists). */
export async function unitNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
