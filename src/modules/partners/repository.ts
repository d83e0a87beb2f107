import { sql, type Selectable, type Updateable } from 'kysely';
import type { Trx } from '../../platform/audit/actor.js';
import type { Db } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import type { PartnersTable } from '../../platform/db/schema.js';

/** All SQL of the partner registry (migration 0017). */
export type PartnerRow = Selectable<PartnersTable>;
type Queryable = Db | Trx;

export async function findPartner(db: Queryable, id: string): Promise<PartnerRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PartnerFilter {
  /** Part of the name, compared as the unique key compares names (case, quotes, spacing aside). */
  search?: string | undefined;
  kind?: string | undefined;
  archived?: boolean | undefined;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A unit's partners by name (at most `limit`), filtered. */
export async function partnersOfUnit(db: Queryable, unitId: string, filter: PartnerFilter, limit: number): Promise<PartnerRow[]> {
  let query = db.selectFrom('partners').selectAll().where('unit_id', '=', unitId);
  if (filter.search?.trim()) query = query.where(sql<boolean>`name_key like partner_name_key(${likePattern(filter.search.trim())})`);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  query = query.where('archived_at', filter.archived ? 'is not' : 'is', null);
  return query.orderBy('name_key').limit(limit).execute();
}

/** The active partners of the units given (a plan's unit and those above it), for choosing and comparing names. */
export async function activePartnersOf(db: Queryable, unitIds: readonly string[]): Promise<PartnerRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('partners')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where('archived_at', 'is', null)
    .orderBy('name_key')
    .limit(2000)
    .execute();
}

/** The partner of one of the units whose name is the same as `name` (migration 0017's key), archived or not. */
export async function partnerNamed(db: Queryable, unitIds: readonly string[], name: string): Promise<PartnerRow | undefined> {
  if (unitIds.length === 0) return undefined;
  return db
    .selectFrom('partners')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .where(sql<boolean>`name_key = partner_name_key(${name})`)
    .orderBy('archived_at', 'desc')
    .executeTakeFirst();
}

export async function insertPartner(
  trx: Trx,
  row: Omit<PartnersTable, 'id' | 'name_key' | 'archived_at' | 'created_at' | 'updated_at'>,
): Promise<string | undefined> {
  // Two people adding the same name at once: the second finds the first's entry (see callers).
  const inserted = await trx
    .insertInto('partners')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_id', 'name_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updatePartner(trx: Trx, id: string, columns: Updateable<PartnersTable>): Promise<void> {
  await trx
    .updateTable('partners')
    .set({ ...columns, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Whether a plan names the partner (archiving it then keeps it; see manage-partners.ts). */
export async function partnerUsed(db: Queryable, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where(sql<boolean>`content -> 'partners' @> jsonb_build_array(jsonb_build_object('partnerId', ${id}::text))`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PlanOfPartnerRow {
  id: string;
  district_id: string;
  number: number;
  district_name: string;
  period_from: string;
  period_to: string;
  status: string;
  /** The tasks of each of the plan's entries naming the partner. */
  tasks: string[];
}

/**
 * The plans that name the partner, newest period first, each with the tasks given to it there.
 * Through the GIN index on the plans' partner entries (migration 0017).
 */
export async function plansOfPartner(db: Queryable, id: string, limit: number): Promise<PlanOfPartnerRow[]> {
  if (!isUuid(id)) return [];
  const { rows } = await sql<PlanOfPartnerRow>`
    select p.id, p.district_id, d.number, d.name as district_name, p.period_from, p.period_to, p.status,
           array(select coalesce(e.value ->> 'tasks', '') from jsonb_array_elements(p.content -> 'partners') e
                  where e.value ->> 'partnerId' = ${id}) as tasks
      from plans p join districts d on d.id = p.district_id
     where p.content -> 'partners' @> jsonb_build_array(jsonb_build_object('partnerId', ${id}::text))
     order by p.period_from desc
     limit ${limit}`.execute(db);
  return rows;
}

/** A unit's name (the registry's heading), or undefined. */
export async function unitName(db: Queryable, unitId: string): Promise<string | undefined> {
  return (await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst())?.name;
}
